"""Følgeskab: ask, offer or assign, both confirm, hours and feedback; who may see what."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from ligesind.accounts import services as account_services
from ligesind.accounts.models import Role
from ligesind.activities import permissions, services
from ligesind.activities.models import Accompaniment, AccompanimentStatus
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import AccessLog, Notification
from tests.factories import make_staff, municipality


@pytest.fixture
def request_(member, coordinator):
    return services.request_accompaniment(
        actor=member,
        municipality=municipality("Odense"),
        what="Første gang til peer-caféen",
        where="Biblioteket",
        when=timezone.now() + timedelta(days=2),
    )


def test_asking_tells_the_coordinators(far_coordinator, request_, coordinator):
    kind = "accompaniment_requested"
    assert Notification.objects.filter(recipient=coordinator, kind=kind).exists()
    assert not Notification.objects.filter(recipient=far_coordinator, kind=kind).exists()


def test_volunteer_offers_member_confirms_then_hours_and_feedback(request_, guide, member):
    services.offer_accompaniment(actor=guide, item=request_)
    request_.refresh_from_db()
    assert request_.status == AccompanimentStatus.PROPOSED
    services.confirm_accompaniment(actor=member, item=request_)
    request_.refresh_from_db()
    assert request_.status == AccompanimentStatus.CONFIRMED
    assert Notification.objects.filter(recipient=guide, kind="accompaniment_confirmed").exists()
    with pytest.raises(DomainError):  # not yet happened
        services.log_accompaniment_hours(actor=guide, item=request_, hours=Decimal("2"))
    Accompaniment.objects.filter(pk=request_.pk).update(when=timezone.now() - timedelta(hours=3))
    request_.refresh_from_db()
    with pytest.raises(DomainError):
        services.log_accompaniment_hours(actor=guide, item=request_, hours=Decimal("30"))
    services.log_accompaniment_hours(actor=guide, item=request_, hours=Decimal("2.5"))
    services.give_accompaniment_feedback(actor=member, item=request_, rating=5, text="Tryg start")
    request_.refresh_from_db()
    assert (request_.status, request_.hours, request_.rating) == ("done", Decimal("2.5"), 5)
    with pytest.raises(NotAllowed):
        services.give_accompaniment_feedback(actor=guide, item=request_, rating=1)


def test_coordinator_assigns_both_confirm_or_decline(request_, coordinator, guide, member):
    services.assign_accompaniment(actor=coordinator, item=request_, volunteer=guide)
    request_.refresh_from_db()
    services.confirm_accompaniment(actor=guide, item=request_)
    request_.refresh_from_db()
    assert request_.status == AccompanimentStatus.PROPOSED  # the member has not confirmed
    services.decline_accompaniment(actor=member, item=request_)
    request_.refresh_from_db()
    assert (request_.status, request_.volunteer) == (AccompanimentStatus.OPEN, None)


def test_only_peer_guides_of_the_municipality_and_without_a_block(
    request_, admin_user, coordinator, member
):
    far_guide = make_staff(Role.PEER_GUIDE, "Aalborg", admin=admin_user)
    assert not permissions.can_view_accompaniment(far_guide, request_)
    with pytest.raises(NotAllowed):
        services.offer_accompaniment(actor=far_guide, item=request_)
    with pytest.raises(DomainError):
        services.assign_accompaniment(actor=coordinator, item=request_, volunteer=far_guide)
    near_guide = make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user)
    account_services.block_user(actor=member, target=near_guide)
    assert not permissions.can_offer_accompaniment(near_guide, request_)


def test_other_members_cannot_see_or_act(request_, other, guide):
    assert not permissions.can_view_accompaniment(other, request_)
    with pytest.raises(NotAllowed):
        services.cancel_accompaniment(actor=other, item=request_)
    with pytest.raises(NotAllowed):
        services.offer_accompaniment(actor=other, item=request_)  # not a peer guide


def test_text_is_encrypted_and_a_coordinator_opening_it_is_audited(request_, coordinator, member):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT what FROM activities_accompaniment WHERE id = %s", [request_.pk])
        assert "peer-caféen" not in cursor.fetchone()[0]
    services.open_accompaniment(viewer=coordinator, item=request_)
    entry = AccessLog.objects.get(subject_id=member.pk)
    assert entry.actor_id == coordinator.pk and entry.what == "accompaniment request"


def test_member_cancels_and_the_volunteer_is_told(request_, guide, member):
    services.offer_accompaniment(actor=guide, item=request_)
    services.cancel_accompaniment(actor=member, item=request_)
    assert Notification.objects.filter(recipient=guide, kind="accompaniment_cancelled").exists()
    with pytest.raises(DomainError):
        services.cancel_accompaniment(actor=member, item=request_)
