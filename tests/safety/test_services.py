"""Crisis language anywhere: saved as written, the author gets the panel once, moderators an
alert (live, in-app and by e-mail without content); the lexicon is data moderators extend."""

import pytest
from django.urls import reverse

from ligesind.core.errors import NotAllowed
from ligesind.core.models import AccessLog, Notification
from ligesind.messaging import services as messaging
from ligesind.safety import services
from ligesind.safety.models import AlertStatus, CrisisAlert
from tests.factories import UserFactory


def test_a_crisis_message_is_saved_and_raises_an_alert(chat, member, moderator):
    message = messaging.send_message(
        actor=member, conversation=chat, body="Jeg har ikke lyst til at leve mere"
    )
    assert message.pk and message.deleted_at is None  # nothing deleted or blocked
    alert = CrisisAlert.objects.get()
    assert (alert.author, alert.where, alert.status) == (member, "message", AlertStatus.NEW)
    told = Notification.objects.get(recipient=moderator, kind="crisis_alert")
    assert told.params == {}
    assert services.take_pending_panel(member) is True
    assert services.take_pending_panel(member) is False  # once


def test_the_others_in_the_conversation_are_told_how_to_answer(client, chat, member, other):
    url = reverse("messaging:conversation", args=[chat.pk])
    calm = messaging.send_message(actor=member, conversation=chat, body="Tak for i dag")
    client.force_login(other)
    assert "data-receiver-panel" in client.get(url).content.decode()
    assert 'data-receiver-panel aria-labelledby="receiver-panel-heading" hidden' in (
        client.get(url).content.decode()
    )
    heavy = messaging.send_message(actor=member, conversation=chat, body="Jeg vil slå mig ihjel")
    assert (calm.crisis, heavy.crisis) == (False, True)
    assert messaging.message_payload(heavy)["crisis"] is True
    page = client.get(url).content.decode()
    assert 'receiver-panel-heading">' in page and "Det er ikke din opgave at redde nogen" in page
    assert 'data-receiver-panel aria-labelledby="receiver-panel-heading" hidden' not in page
    assert 'href="tel:112"' in page
    client.force_login(member)  # the writer gets the crisis panel, not the one for the others
    page = client.get(url).content.decode()
    assert 'data-receiver-panel aria-labelledby="receiver-panel-heading" hidden' in page


def test_ordinary_text_raises_nothing(chat, member, moderator):
    messaging.send_message(actor=member, conversation=chat, body="Tak for en dejlig gåtur")
    assert not CrisisAlert.objects.exists()


def test_the_author_sees_the_panel_on_the_next_page(client, chat, member, moderator):
    client.force_login(member)
    url = reverse("messaging:conversation", args=[chat.pk])
    response = client.post(url, {"body": "I want to kill myself", "client_key": "k1"}, follow=True)
    page = response.content.decode()
    assert "Godt, at du skrev" in page and "112" in page and "70 201 201" in page
    assert "ikke en krisetjeneste" in page
    page = client.get(url).content.decode()
    assert 'data-crisis-panel aria-labelledby="crisis-panel-heading" hidden' in page


def test_moderators_work_the_queue_and_reading_is_audited(client, chat, member, moderator):
    messaging.send_message(actor=member, conversation=chat, body="Jeg vil skade mig selv")
    alert = CrisisAlert.objects.get()
    client.force_login(moderator)
    page = client.get(reverse("safety:alerts")).content.decode()
    assert reverse("safety:alert", args=[alert.pk]) in page
    page = client.get(reverse("safety:alert", args=[alert.pk])).content.decode()
    assert "Jeg vil skade mig selv" in page
    assert AccessLog.objects.filter(subject_id=member.pk, actor_id=moderator.pk).exists()
    client.post(reverse("safety:alert", args=[alert.pk]), {"status": "resolved"})
    alert.refresh_from_db()
    assert alert.status == AlertStatus.RESOLVED and alert.handled_by == moderator


def test_a_moderator_writes_to_the_member_from_the_alert(client, chat, member, moderator):
    messaging.send_message(actor=member, conversation=chat, body="Jeg vil slå mig ihjel")
    alert = CrisisAlert.objects.get()
    client.force_login(moderator)
    page = client.get(reverse("safety:alert", args=[alert.pk])).content.decode()
    assert "en privat besked" in page  # where, in words
    assert "Skriv til medlemmet" in page
    url = reverse("safety:alert_write", args=[alert.pk])
    answer = client.post(url, {"body": ""})
    assert answer.status_code == 400 and "Dette felt er påkrævet" in answer.content.decode()
    answer = client.post(url, {"body": "Hej. Jeg har læst, hvad du skrev. Godt, at du skrev."})
    conversation = messaging.conversation_between(moderator, member)
    assert conversation is not None
    assert answer.url == reverse("messaging:conversation", args=[conversation.pk])
    assert conversation.messages.get().body.startswith("Hej. Jeg har læst")
    alert.refresh_from_db()
    assert (alert.status, alert.handled_by) == (AlertStatus.IN_PROGRESS, moderator)
    client.post(url, {"body": "Og jeg er her stadig."})  # the same conversation again
    assert conversation.messages.count() == 2


def test_the_alert_shows_the_members_recent_messages_and_logs_the_look(
    client, chat, member, other, moderator
):
    messaging.send_message(actor=member, conversation=chat, body="Det har været en tung uge")
    messaging.send_message(actor=other, conversation=chat, body="Den andens egne ord")
    messaging.send_message(actor=member, conversation=chat, body="Jeg vil slå mig ihjel")
    alert = CrisisAlert.objects.get()
    assert alert.about == f"conversation:{chat.pk}"
    client.force_login(moderator)
    page = client.get(reverse("safety:alert", args=[alert.pk])).content.decode()
    assert "Det har været en tung uge" in page
    assert "Den andens egne ord" not in page  # only what the member wrote
    looks = AccessLog.objects.filter(actor_id=moderator.pk, subject_id=member.pk)
    assert looks.filter(what="their recent messages in the conversation").count() == 1


def test_only_moderators(client, chat, member, other):
    messaging.send_message(actor=member, conversation=chat, body="I want to die")
    alert = CrisisAlert.objects.get()
    for user in (member, other, UserFactory.create()):
        client.force_login(user)
        for url in (
            reverse("safety:alerts"),
            reverse("safety:alert", args=[alert.pk]),
            reverse("safety:lexicon"),
        ):
            assert client.get(url).status_code == 404
    client.logout()
    assert client.get(reverse("safety:alerts")).status_code == 302
    with pytest.raises(NotAllowed):
        services.add_crisis_term(actor=member, phrase="x", language="da", family="suicide")
    with pytest.raises(NotAllowed):
        services.check_crisis_term(actor=member, phrase="x", language="da", family="suicide")


def test_moderators_try_a_phrase_then_add_it(
    client, chat, member, moderator, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    url = reverse("safety:lexicon")
    wish = {"phrase": "Vil forsvinde*", "language": "da", "family": "wish_dead"}
    page = client.post(url, {**wish, "action": "check"}).content.decode()
    assert "data-phrase-check" in page and 'value="Vil forsvinde*"' in page  # kept
    assert not services.current_lexicon().find("jeg vil forsvinde helt")  # nothing saved yet
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**wish, "action": "add"})
    messaging.send_message(actor=member, conversation=chat, body="jeg vil forsvinde helt")
    alert = CrisisAlert.objects.get()
    assert (alert.phrase, alert.family) == ("vil forsvinde*", "wish_dead")
    page = client.post(url, {**wish, "action": "add"}).content.decode()
    assert "allerede på listen" in page


def test_a_phrase_is_tried_on_the_labelled_sentences(moderator):
    # "brev" alone: finds goodbye letters the lexicon misses, and flags harmless letters
    check = services.check_crisis_term(
        actor=moderator, phrase="brev", language="da", family="preparation"
    )
    assert check.missed_before > 0 and check.near_misses > 100
    assert check.false_alarms >= 2
    assert all("brev" in text.lower() for text in check.false_alarm_examples)
    # a phrase the lexicon already covers adds nothing
    check = services.check_crisis_term(
        actor=moderator, phrase="slå mig ihjel", language="da", family="suicide"
    )
    assert (check.newly_found, check.false_alarms) == (0, 0)


def test_a_phrase_that_cannot_match_is_refused_with_a_reason(client, moderator):
    client.force_login(moderator)
    url = reverse("safety:lexicon")
    for phrase in ("|", "$ alene", "!!!"):
        page = client.post(
            url, {"phrase": phrase, "language": "da", "family": "suicide", "action": "check"}
        ).content.decode()
        assert "Skriv et eller flere ord" in page, phrase
    page = client.post(url, {"phrase": "ord", "language": "da", "action": "check"})
    assert "Dette felt er påkrævet" in page.content.decode()  # the kind of risk is required


def test_the_alert_says_the_kind_of_risk(client, chat, member, moderator, monkeypatch):
    sent = []
    monkeypatch.setattr(
        "ligesind.safety.services.crisis.publish", lambda users, event: sent.append(event)
    )
    messaging.send_message(
        actor=member, conversation=chat, body="Jeg har samlet piller sammen i en måned"
    )
    alert = CrisisAlert.objects.get()
    assert alert.family == "method"
    live = next(event for event in sent if event["event"] == "crisis.alert")
    assert live["alert"]["family"] == "method"
    assert live["alert"]["url"] == reverse("safety:alert", args=[alert.pk])
    client.force_login(moderator)
    page = client.get(reverse("safety:alert", args=[alert.pk])).content.decode()
    assert "Metode eller plan" in page


def test_a_profile_story_is_checked_when_it_changes(member, moderator):
    from ligesind.accounts import services as account_services

    data = account_services.ProfileData(alias="Solhjerte", story="Jeg har selvmordstanker")
    account_services.update_profile(actor=member, data=data)
    account_services.update_profile(actor=member, data=data)  # unchanged: no second alert
    assert CrisisAlert.objects.get().where == "profile"


def test_the_chat_gets_the_panel_in_its_answer(client, chat, member, moderator):
    client.force_login(member)
    url = reverse("messaging:conversation", args=[chat.pk])
    answer = client.post(
        url, {"body": "I want to die", "client_key": "c1"}, headers={"accept": "application/json"}
    ).json()
    assert answer["crisis_panel"] is True
    calm = client.post(
        url, {"body": "Tak", "client_key": "c2"}, headers={"accept": "application/json"}
    ).json()
    assert calm["crisis_panel"] is False
