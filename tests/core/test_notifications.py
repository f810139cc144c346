import pytest
from django.core import mail
from django.urls import reverse

from ligesind.accounts import services as account_services
from ligesind.accounts.models import Role
from ligesind.core import services
from ligesind.core.models import EmailMode, Notification
from ligesind.core.notifications import NotificationKind, register_kind
from tests.factories import UserFactory, with_two_factor

register_kind(NotificationKind("test_kind", "Test kind", "Hello %(name)s", EmailMode.DIGEST))


@pytest.fixture
def notify_now(django_capture_on_commit_callbacks):
    def send(user, kind="test_kind", **params):
        with django_capture_on_commit_callbacks(execute=True):
            return services.notify(user, kind, params=params, url="/me/")

    return send


def test_in_app_notification_and_unread_count(client, member, notify_now):
    notify_now(member, name="Solhjerte")
    client.force_login(member)
    html = client.get(reverse("notifications")).content.decode()
    assert "Hello Solhjerte" in html
    assert 'class="badge">1' in html
    assert services.unread_count(member) == 1


def test_immediate_email_says_nothing_about_content(member, notify_now):
    services.set_email_preference(actor=member, kind="test_kind", mode=EmailMode.IMMEDIATE)
    notify_now(member, name="HemmeligtNavn")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert "HemmeligtNavn" not in str(message.body) + str(message.subject)
    assert "Hello" not in message.body
    assert "/me/notifications/" in message.body


def test_digest_collects_and_sends_once(member, other, notify_now):
    notify_now(member, name="a")
    notify_now(member, name="b")
    notify_now(other, name="c")
    services.set_email_preference(actor=other, kind="test_kind", mode=EmailMode.NEVER)
    assert mail.outbox == []
    assert services.send_digests() == 1
    assert len(mail.outbox) == 1
    assert "2" in mail.outbox[0].subject
    assert services.send_digests() == 0  # nothing is sent twice


def test_never_means_no_email(member, notify_now):
    services.set_email_preference(actor=member, kind="test_kind", mode=EmailMode.NEVER)
    notify_now(member, name="x")
    services.send_digests()
    assert mail.outbox == []


def test_read_notifications_are_not_emailed(member, notify_now):
    notify_now(member, name="x")
    services.mark_all_notifications_read(actor=member)
    assert services.send_digests() == 0


def test_open_marks_read_and_redirects_locally(client, member, notify_now):
    notification = notify_now(member, name="x")
    client.force_login(member)
    response = client.post(reverse("notification_open", args=[notification.pk]))
    assert response["Location"] == "/me/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_cannot_open_someone_elses_notification(client, member, other, notify_now):
    notification = notify_now(other, name="x")
    client.force_login(member)
    assert client.post(reverse("notification_open", args=[notification.pk])).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_external_urls_are_not_followed(client, member):
    notification = Notification.objects.create(
        recipient=member, kind="test_kind", url="https://evil.example/"
    )
    client.force_login(member)
    response = client.post(reverse("notification_open", args=[notification.pk]))
    assert response["Location"] == reverse("notifications")


def test_settings_page_saves_choices(client, member):
    client.force_login(member)
    assert client.get(reverse("notification_settings")).status_code == 200
    client.post(
        reverse("notification_settings"),
        {
            "kind_test_kind": "never",
            "kind_role_granted": "digest",
            "kind_role_removed": "immediate",
        },
    )
    assert services.email_mode(member, "test_kind") == "never"
    assert services.email_mode(member, "role_granted") == "digest"
    modes = services.email_modes(member)  # what the page shows: one query for every kind
    assert modes["test_kind"] == "never" and modes["role_granted"] == "digest"
    assert modes["role_removed"] == "immediate"
    page = client.get(reverse("notification_settings")).content.decode()
    assert 'value="never" id="id_kind_test_kind_2" checked>' in page
    assert 'value="digest" id="id_kind_role_granted_1" checked>' in page


def test_settings_refuse_unknown_mode(client, member):
    client.force_login(member)
    response = client.post(reverse("notification_settings"), {"kind_test_kind": "hourly"})
    assert response.status_code == 200
    assert services.email_mode(member, "test_kind") == EmailMode.DIGEST


@pytest.mark.parametrize("name", ["notifications", "notification_settings"])
def test_notification_pages_need_a_member(client, name):
    assert client.get(reverse(name)).status_code == 302


def test_role_granted_notifies_in_the_readers_language(
    client, admin_user, django_capture_on_commit_callbacks
):
    target = with_two_factor(UserFactory.create())
    with django_capture_on_commit_callbacks(execute=True):
        account_services.grant_role(actor=admin_user, user=target, role=Role.MODERATOR)
    assert len(mail.outbox) == 1  # role changes are e-mailed at once by default
    client.force_login(target)
    assert "Du har fået rollen Moderator." in client.get(reverse("notifications")).content.decode()
    english = client.get("/en" + reverse("notifications")).content.decode()
    assert "You have been given the role Moderator." in english
