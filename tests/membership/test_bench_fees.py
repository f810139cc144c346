"""The site benchmark's fee seeding makes what the treasurer's pages show at national size."""

from ligesind.accounts.models import Role
from ligesind.demo.bench_fees import seed_fees
from ligesind.demo.bench_members import seed_members
from ligesind.membership.models import Payment, StatementLine, Subscription
from tests.factories import UserFactory, make_organisation, make_staff
from tests.safety.matrix_world import fees_world


def test_seed_fees_gives_every_generated_member_a_level_and_years_of_payments(admin_user):
    organisation = make_organisation("Peer-Partnerskabet", "partnerskabet")
    payer = UserFactory.create()
    treasurer = make_staff(Role.TREASURER, admin=admin_user, organisations=[organisation])
    fees_world(organisation, [payer], treasurer)
    seed_members(30)
    made = seed_fees()
    assert made["fee_subscriptions"] == 30
    assert Subscription.objects.count() == 31
    assert Payment.objects.count() == made["fee_payments"] + 1
    assert StatementLine.objects.count() == 2001
    numbers = list(Payment.objects.values_list("number", flat=True))
    assert len(set(numbers)) == len(numbers)
