"""Moderators decide (hide, warn, suspend, ban, restore) with a reason the member reads; the
member sees why and can appeal; a suspension or ban signs them out everywhere."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ligesind.accounts.models import Role
from ligesind.accounts.permissions import is_member
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Notification
from ligesind.safety import services
from ligesind.safety.models import ActionKind, ModerationAction
from tests.factories import make_staff


@pytest.fixture
def made_report(member, rude_message):
    return services.report_content(
        actor=member, kind="message", object_id=rude_message.pk, reason="harassment"
    )


def decide(moderator, report, kind, reason="Vi taler pænt til hinanden her.", days=None):
    return services.take_decision(
        actor=moderator, report=report, kind=kind, reason=reason, days=days
    )


def test_hide_shows_the_message_as_hidden_to_everyone(
    client, made_report, rude_message, moderator, member
):
    action = decide(moderator, made_report, ActionKind.HIDE)
    rude_message.refresh_from_db()
    assert rude_message.hidden_at is not None and rude_message.body == "Du er dum og grim"
    made_report.refresh_from_db()
    assert made_report.status == "resolved"
    client.force_login(member)
    page = client.get(reverse("messaging:conversation", args=[rude_message.conversation_id]))
    text = page.content.decode()
    assert "Du er dum og grim" not in text and "skjult af en moderator" in text
    told = Notification.objects.get(recipient=rude_message.sender, kind="moderation_decision")
    assert told.params == {} and told.url == reverse("safety:standing")
    services.restore_decision(actor=moderator, action=action, reason="Det var en misforståelse.")
    rude_message.refresh_from_db()
    assert rude_message.hidden_at is None


def test_a_reason_is_required_and_suspensions_need_days(made_report, moderator):
    with pytest.raises(DomainError):
        decide(moderator, made_report, ActionKind.WARN, reason="  ")
    with pytest.raises(DomainError):
        decide(moderator, made_report, ActionKind.SUSPEND, days=None)
    with pytest.raises(DomainError):
        decide(moderator, made_report, ActionKind.SUSPEND, days=400)
    assert not ModerationAction.objects.exists()


def test_suspension_ends_sessions_and_restricts_until_it_ends(
    client, made_report, moderator, other
):
    client.force_login(other)
    assert client.get(reverse("accounts:home")).status_code == 200
    decide(moderator, made_report, ActionKind.SUSPEND, days=7)
    other.refresh_from_db()
    assert not is_member(other)
    # The old session is gone: the next page asks to sign in.
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 302 and "login" in response["Location"]
    # Signing in again shows only the reasons and the appeal box.
    client.force_login(other)
    response = client.get(reverse("accounts:directory"))
    assert response["Location"] == reverse("safety:standing")
    page = client.get(reverse("safety:standing")).content.decode()
    assert "Vi taler pænt til hinanden her." in page and "midlertidigt" in page
    assert client.get(reverse("crisis")).status_code == 200
    # After the end date the member is back.
    other.suspended_until = timezone.now() - timedelta(minutes=1)
    other.save()
    assert is_member(other)


def test_ban_and_restore(client, made_report, moderator, other):
    action = decide(moderator, made_report, ActionKind.BAN)
    other.refresh_from_db()
    assert other.banned_at is not None and not is_member(other)
    client.force_login(other)
    assert client.get(reverse("messaging:inbox"))["Location"] == reverse("safety:standing")
    assert client.get(reverse("admin:index")).status_code == 302
    services.restore_decision(actor=moderator, action=action, reason="Fejl fra vores side.")
    other.refresh_from_db()
    assert other.banned_at is None and is_member(other)
    with pytest.raises(NotAllowed):  # once
        services.restore_decision(actor=moderator, action=action, reason="Igen")


def test_moderators_cannot_decide_about_themselves_or_admins(member, moderator, admin_user):
    other_moderator = make_staff(Role.MODERATOR, admin=admin_user, alias="Moderator2")
    made = services.report_content(
        actor=other_moderator, kind="profile", object_id=moderator.profile.pk, reason="spam"
    )
    with pytest.raises(NotAllowed):
        decide(moderator, made, ActionKind.WARN)
    decide(other_moderator, made, ActionKind.WARN)  # another moderator may
    about_admin = services.report_content(
        actor=member, kind="profile", object_id=admin_user.profile.pk, reason="spam"
    )
    with pytest.raises(NotAllowed):
        decide(moderator, about_admin, ActionKind.BAN)


def test_decisions_are_never_changed_or_deleted(made_report, moderator):
    action = decide(moderator, made_report, ActionKind.WARN)
    with pytest.raises(ValueError):
        action.save()
    with pytest.raises(ValueError):
        action.delete()


def test_appeal_upheld_and_appeal_restored(made_report, moderator, other, admin_user):
    action = decide(moderator, made_report, ActionKind.SUSPEND, days=3)
    other.refresh_from_db()
    appeal = services.appeal_decision(actor=other, action=action, text="Jeg mente det ikke.")
    assert Notification.objects.filter(recipient=moderator, kind="appeal_new").exists()
    with pytest.raises(NotAllowed):  # one appeal per decision
        services.appeal_decision(actor=other, action=action, text="Igen")
    services.answer_appeal(actor=moderator, appeal=appeal, restore=True, answer="Du har ret.")
    other.refresh_from_db()
    assert other.suspended_until is None
    assert action.undone_by.get().reason == "Du har ret."
    with pytest.raises(NotAllowed):
        services.answer_appeal(actor=moderator, appeal=appeal, restore=False, answer="Nej")


def test_only_the_member_may_appeal(made_report, moderator, member):
    action = decide(moderator, made_report, ActionKind.WARN)
    with pytest.raises(NotAllowed):
        services.appeal_decision(actor=member, action=action, text="Ikke min")


# Views, per role


def test_moderator_decides_from_the_report_page(
    client, made_report, moderator, other, member, coordinator
):
    url = reverse("safety:report_detail", args=[made_report.pk])
    data = {"kind": "suspend", "days": "", "reason": "Hold en god tone."}
    client.force_login(moderator)
    page = client.post(url, data).content.decode()
    assert "Hold en god tone." in page and "has-error" in page  # days missing, text kept
    response = client.post(url, {**data, "days": "2"})
    assert response.status_code == 302
    action = ModerationAction.objects.get()
    assert (action.kind, action.member) == ("suspend", other)
    for user in [member, coordinator]:
        client.force_login(user)
        assert client.post(url, {**data, "days": "2"}).status_code == 404
        assert client.get(reverse("safety:decisions")).status_code == 404
        restore = reverse("safety:restore", args=[action.pk])
        assert client.post(restore, {"reason": "x"}).status_code == 404
    client.force_login(moderator)
    log = client.get(reverse("safety:decisions")).content.decode()
    assert "Hold en god tone." in log
    client.post(reverse("safety:restore", args=[action.pk]), {"reason": "Ophævet."})
    other.refresh_from_db()
    assert other.suspended_until is None


def test_member_appeals_from_the_standing_page_and_moderator_answers(
    client, made_report, moderator, other, member
):
    action = decide(moderator, made_report, ActionKind.BAN)
    other.refresh_from_db()
    client.force_login(other)
    page = client.get(reverse("safety:standing")).content.decode()
    assert "lukket" in page and reverse("safety:appeal_create", args=[action.pk]) in page
    response = client.post(reverse("safety:appeal_create", args=[action.pk]), {"text": ""})
    assert "has-error" in response.content.decode()
    client.post(reverse("safety:appeal_create", args=[action.pk]), {"text": "Giv mig en chance."})
    appeal = action.appeal
    client.force_login(member)
    assert client.get(reverse("safety:appeal_create", args=[action.pk])).status_code == 404
    assert client.get(reverse("safety:appeal", args=[appeal.pk])).status_code == 404
    assert client.get(reverse("safety:appeals")).status_code == 404
    client.force_login(moderator)
    assert (
        "Giv mig en chance."
        in client.get(reverse("safety:appeal", args=[appeal.pk])).content.decode()
    )
    client.post(
        reverse("safety:appeal", args=[appeal.pk]), {"restore": "1", "answer": "Velkommen tilbage."}
    )
    other.refresh_from_db()
    assert other.banned_at is None
    client.force_login(other)
    assert "Velkommen tilbage." in client.get(reverse("safety:standing")).content.decode()


def test_standing_page_for_a_member_without_decisions(client, member):
    assert client.get(reverse("safety:standing")).status_code == 302
    client.force_login(member)
    assert "ingen beslutninger" in client.get(reverse("safety:standing")).content.decode().lower()


def test_hidden_activity_and_profile_vanish_for_others_but_not_their_owner(
    client, member, other, moderator, admin_user
):
    from ligesind.accounts import services as accounts
    from ligesind.activities import services as activities
    from ligesind.activities.permissions import can_view_activity
    from tests.activities.conftest import activity_data

    guide = make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user, alias="Guide")
    event = activities.create_activity(actor=guide, data=activity_data(title="Salg af piller"))[0]
    made = services.report_content(actor=member, kind="activity", object_id=event.pk, reason="spam")
    decide(moderator, made, ActionKind.HIDE)
    event.refresh_from_db()
    assert not can_view_activity(member, event) and can_view_activity(guide, event)
    client.force_login(member)
    assert "Salg af piller" not in client.get(reverse("activities:list")).content.decode()

    data = accounts.ProfileData(alias="Havfugl", story="Køb mine piller", story_visibility=3)
    accounts.update_profile(actor=other, data=data)
    made = services.report_content(
        actor=member, kind="profile", object_id=other.profile.pk, reason="spam"
    )
    decide(moderator, made, ActionKind.HIDE)
    page = client.get(reverse("accounts:profile_detail", args=[other.profile.public_id]))
    assert "Køb mine piller" not in page.content.decode()
    client.force_login(other)
    page = client.get(reverse("accounts:profile_detail", args=[other.profile.public_id]))
    assert "Køb mine piller" in page.content.decode()


def test_crisis_words_in_an_appeal_reach_the_moderators(made_report, moderator, other):
    from ligesind.safety.models import CrisisAlert

    action = decide(moderator, made_report, ActionKind.BAN)
    other.refresh_from_db()
    services.appeal_decision(actor=other, action=action, text="Jeg har ikke lyst til at leve mere")
    assert CrisisAlert.objects.get(author=other).where == "appeal"


def test_the_appeal_page_leads_back_once_appealed(client, made_report, moderator, other):
    action = decide(moderator, made_report, ActionKind.WARN)
    other.refresh_from_db()
    client.force_login(other)
    url = reverse("safety:appeal_create", args=[action.pk])
    assert client.get(url).status_code == 200
    services.appeal_decision(actor=other, action=action, text="Uenig")
    response = client.get(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("safety:standing")
    assert "allerede klaget" in response.content.decode()
