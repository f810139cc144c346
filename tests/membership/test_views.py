"""A member chooses a level and pays by transfer until it opens; the treasurer's pages; free
membership on a declaration; waivers; receipts; reminders; export and erasure."""

import csv
import datetime
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from ligesind.accounts.services import delete_account
from ligesind.core.models import Notification
from ligesind.core.privacy import collect_export
from ligesind.membership import services
from ligesind.membership.entitlements import Feature, has_feature
from ligesind.membership.lifecycle import add_periods
from ligesind.membership.models import FeeLevel, Payment, Provider, StatementLine, Subscription
from tests.factories import UserFactory


def fresh(user):
    return type(user).objects.get(pk=user.pk)


def templates(response):
    return [template.name for template in response.templates]


def pay(treasurer, subscription, amount, on=None):
    return services.register_payment(
        actor=treasurer,
        subscription=subscription,
        amount=Decimal(amount),
        paid_on=on or timezone.localdate(),
        provider=Provider.MANUAL,
    )


def test_choosing_a_level_and_paying_by_transfer_opens_it(
    client, member, chat_level, full_level, treasurer, association
):
    client.force_login(member)
    page = client.get(reverse("membership:levels", args=[association.slug])).content.decode()
    assert "Chat og post" in page and "120 kr. om året" in page
    assert "Hvorfor" in page
    response = client.post(reverse("membership:join", args=[association.slug, chat_level.pk]))
    assert response.status_code == 302
    subscription = Subscription.objects.get(user=member)
    page = client.get(reverse("membership:levels", args=[association.slug])).content.decode()
    assert subscription.reference in page and "1234 5678901234" in page
    assert "Venter på din betaling" in page
    assert "membership/locked.html" in templates(client.get(reverse("messaging:inbox")))

    staff = client.__class__()
    staff.force_login(treasurer)
    response = staff.post(
        reverse("membership:payments", args=[association.slug]),
        {
            "reference": subscription.reference.lower(),
            "amount": "120,00",
            "paid_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert "messaging/inbox.html" in templates(client.get(reverse("messaging:inbox")))
    assert Notification.objects.filter(recipient=member, kind="fee_paid").exists()

    payment = Payment.objects.get()
    pdf = client.get(reverse("membership:receipt", args=[payment.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Kvittering nr. 1" in text and "120,00 kr." in text and "Chat og post" in text


def test_a_receipt_is_the_payers_and_the_treasurers_only(
    client, member, other, chat_level, treasurer
):
    payment = pay(treasurer, services.join_level(actor=member, level=chat_level), 120)
    client.force_login(other)
    assert client.get(reverse("membership:receipt", args=[payment.pk])).status_code == 404
    client.force_login(treasurer)
    assert client.get(reverse("membership:receipt", args=[payment.pk])).status_code == 200


def test_bad_payment_input_is_explained_and_kept(client, treasurer, association):
    client.force_login(treasurer)
    url = reverse("membership:payments", args=[association.slug])
    response = client.post(url, {"reference": "KABCDEFG", "amount": "mange", "paid_on": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "KABCDEFG" in page
    assert "Skriv datoen" in page
    response = client.post(
        url,
        {"reference": "KABCDEFG", "amount": "120", "paid_on": timezone.localdate().isoformat()},
    )
    assert "Intet medlem" in response.content.decode()


def test_too_little_money_is_refused_and_more_pays_more_periods(member, chat_level, treasurer):
    subscription = services.join_level(actor=member, level=chat_level)
    with pytest.raises(services.DomainError):
        pay(treasurer, subscription, 100)
    payment = pay(treasurer, subscription, 240)
    today = timezone.localdate()
    assert payment.covers_until == add_periods(today, "year", 2) - datetime.timedelta(days=1)


def test_changing_level_in_a_paid_period_starts_with_the_next(
    client, member, chat_level, full_level, treasurer, association
):
    subscription = services.join_level(actor=member, level=chat_level)
    pay(treasurer, subscription, 120)
    client.force_login(member)
    client.post(reverse("membership:join", args=[association.slug, full_level.pk]))
    subscription.refresh_from_db()
    assert subscription.level == chat_level and subscription.next_level == full_level
    assert not has_feature(fresh(member), Feature.COMMUNITY)
    payment = pay(treasurer, subscription, 25)
    subscription.refresh_from_db()
    assert subscription.level == full_level and payment.level_name == "Fuldt fællesskab"
    assert payment.covers_from > timezone.localdate()  # follows on from the paid year


def test_leaving_lasts_out_the_paid_period_and_deletes_nothing(
    client, member, chat_level, treasurer, association
):
    subscription = services.join_level(actor=member, level=chat_level)
    paid_until = pay(treasurer, subscription, 120).covers_until
    client.force_login(member)
    client.post(reverse("membership:cancel", args=[association.slug]))
    subscription.refresh_from_db()
    assert subscription.cancelled_on == timezone.localdate()
    assert has_feature(fresh(member), Feature.MESSAGING)
    assert Payment.objects.count() == 1
    later = paid_until - datetime.timedelta(days=3)
    assert services.send_renewal_reminders(later) == 0  # no reminder after leaving


def test_a_reminder_comes_once_before_renewal(member, chat_level, treasurer):
    subscription = services.join_level(actor=member, level=chat_level)
    paid_until = pay(treasurer, subscription, 120).covers_until
    too_early = paid_until - datetime.timedelta(days=30)
    assert services.send_renewal_reminders(too_early) == 0
    due = paid_until - datetime.timedelta(days=10)
    assert services.send_renewal_reminders(due) == 1
    assert services.send_renewal_reminders(due) == 0
    assert Notification.objects.filter(recipient=member, kind="fee_renewal").count() == 1


def test_free_membership_on_a_declaration(client, member, free_level, treasurer, association):
    client.force_login(member)
    url = reverse("membership:declare", args=[association.slug, free_level.pk])
    response = client.post(url, {"kind": "student"})
    assert "Skriv et par ord" in response.content.decode()
    client.post(url, {"kind": "student", "text": "Jeg læser til peer-medarbejder."})
    declaration = free_level.declarations.get()
    assert Notification.objects.filter(recipient=treasurer, kind="fee_declaration").exists()

    staff = client.__class__()
    staff.force_login(treasurer)
    decide = reverse("membership:decide", args=[association.slug, declaration.pk])
    staff.post(decide, {"decline": "1", "reason": ""})
    declaration.refresh_from_db()
    assert declaration.status == "waiting"  # a decline needs a reason
    staff.post(decide, {"confirm": "1"})
    declaration.refresh_from_db()
    assert declaration.status == "confirmed"
    assert has_feature(fresh(member), Feature.COMMUNITY)
    assert Notification.objects.filter(recipient=member, kind="fee_declaration_answer").exists()


def test_a_waiver_gives_a_level_free_and_its_reason_stays_with_staff(
    client, member, full_level, treasurer, association
):
    client.force_login(treasurer)
    until = timezone.localdate() + datetime.timedelta(days=90)
    client.post(
        reverse("membership:waivers", args=[association.slug]),
        {
            "email": member.email,
            "level": full_level.pk,
            "until": until.isoformat(),
            "reason": "Lav indkomst lige nu",
        },
    )
    assert has_feature(fresh(member), Feature.COMMUNITY)
    page = client.get(reverse("membership:waivers", args=[association.slug])).content.decode()
    assert "Lav indkomst lige nu" in page
    client.force_login(member)
    for name, args in [("membership:mine", []), ("membership:levels", [association.slug])]:
        assert "Lav indkomst" not in client.get(reverse(name, args=args)).content.decode()


def test_the_treasurers_pages_ask_the_same_number_of_queries_for_many_members(
    client, treasurer, chat_level, full_level, free_level, association
):
    client.force_login(treasurer)
    names = ["overview", "payments", "lines", "declarations", "waivers"]

    def counts():
        found = {}
        for name in names:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(reverse(f"membership:{name}", args=[association.slug]))
                assert response.status_code == 200
            found[name] = len(queries)
        return found

    def add(number):
        person = UserFactory.create()
        level = chat_level if number % 2 else full_level
        subscription = services.join_level(actor=person, level=level)
        pay(treasurer, subscription, 120, on=timezone.localdate() - timedelta(days=number * 40))
        StatementLine.objects.create(
            organisation=association,
            booked_on=timezone.localdate(),
            amount=Decimal(5),
            text=f"Gave {number}",
            fingerprint=f"g{number}",
        )
        services.declare_for_free(actor=person, level=free_level, kind="student", text="Læser")

    add(0)  # one of each, and the process's first page (which reads what it keeps) done
    counts()
    before = counts()
    for number in range(1, 13):
        add(number)
    assert counts() == before
    assert max(before.values()) <= 15


def test_the_overview_counts_members_per_level_and_shows_the_year(
    client, treasurer, member, other, chat_level, association
):
    pay(treasurer, services.join_level(actor=member, level=chat_level), 120)
    services.join_level(actor=other, level=chat_level)
    client.force_login(treasurer)
    response = client.get(reverse("membership:overview", args=[association.slug]))
    levels = {level.name: level.row for level in response.context["levels"]}
    assert levels["Chat og post"] == [1, 0, 0, 1, 0, 0]  # paid, free, grace, awaiting, …
    assert response.context["this_year"]["total"] == Decimal(120)
    assert response.context["chart"].total == Decimal(120)


def test_the_payments_csv_neutralises_formulas(client, treasurer, member, association):
    level = FeeLevel.objects.create(
        organisation=association,
        name="=HYPERLINK(1)",
        description="x",
        price=10,
        period="month",
        features=["messaging"],
    )
    pay(treasurer, services.join_level(actor=member, level=level), 10)
    client.force_login(treasurer)
    response = client.get(reverse("membership:payments_file", args=[association.slug, "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][3] == "'=HYPERLINK(1)" and rows[1][2] == "10,00"
    response = client.get(reverse("membership:payments_file", args=[association.slug, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][2] == 10 and values[1][3] == "'=HYPERLINK(1)"
    assert values[0][0] == "Kvittering nr."


def test_a_level_needs_a_price_unless_it_is_free(client, treasurer, association):
    client.force_login(treasurer)
    response = client.post(
        reverse("membership:level_new", args=[association.slug]),
        {
            "name": "Støtte",
            "description": "Alt",
            "period": "year",
            "price": "0",
            "features": ["messaging"],
            "position": "0",
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert "pris over 0 kr." in response.content.decode()
    assert "Støtte" in response.content.decode()


def test_export_covers_fees_and_erasure_keeps_payments_without_the_person(
    member, chat_level, treasurer, association
):
    subscription = services.join_level(actor=member, level=chat_level)
    data = (f"Dato;Tekst;Beløb\n01.12.2026;Jens Jensen {subscription.reference};120,00\n").encode()
    services.import_statement(actor=treasurer, organisation_id=association.pk, data=data)
    exported = collect_export(member)
    assert exported["membership"]["fee_payments"][0]["amount"] == "120.00"
    delete_account(actor=fresh(member))
    payment = Payment.objects.get()
    assert payment.user_id is None and payment.amount == Decimal(120)
    assert "Jens" not in StatementLine.objects.get().text


def test_the_figures_are_kept_ten_minutes_but_a_payment_counts_at_once(
    client, treasurer, member, other, chat_level, association, django_capture_on_commit_callbacks
):
    pay(treasurer, services.join_level(actor=member, level=chat_level), 120)
    client.force_login(treasurer)
    url = reverse("membership:overview", args=[association.slug])
    assert client.get(url).context["this_year"]["total"] == Decimal(120)
    subscription = services.join_level(actor=other, level=chat_level)
    with django_capture_on_commit_callbacks(execute=True):
        pay(treasurer, subscription, 120)
    assert client.get(url).context["this_year"]["total"] == Decimal(240)
    page = client.get(url).content.decode()
    assert "tælles igen hvert tiende minut" in page


def test_the_overdue_list_shows_the_latest_lapses_first(
    client, treasurer, member, other, chat_level, association
):
    today = timezone.localdate()
    pay(
        treasurer,
        services.join_level(actor=member, level=chat_level),
        120,
        on=today - timedelta(days=380),
    )
    pay(
        treasurer,
        services.join_level(actor=other, level=chat_level),
        120,
        on=today - timedelta(days=700),
    )
    client.force_login(treasurer)
    overdue = list(
        client.get(reverse("membership:overview", args=[association.slug])).context["overdue"]
    )
    assert [s.user_id for s in overdue] == [member.pk, other.pk]
