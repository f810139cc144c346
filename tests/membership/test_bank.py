"""Bank statements as Danish banks export them: semicolons, "1.234,50", dd.mm.yyyy,
Windows-1252, extra spaces, money out, unknown references, the same reference twice."""

from decimal import Decimal

import pytest

from ligesind.core.errors import DomainError
from ligesind.membership import services
from ligesind.membership.bank import find_reference, parse_amount, read_statement
from ligesind.membership.models import LineStatus, Payment, StatementLine


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1.234,50", Decimal("1234.50")),
        (" 120,00 ", Decimal("120.00")),
        ("-100,00", Decimal("-100.00")),
        ("kr. 300,00", Decimal("300.00")),
        ("1234.50", Decimal("1234.50")),
        ("1.200", Decimal("1200")),
    ],
)
def test_danish_amounts(text, amount):
    assert parse_amount(text) == amount


def test_a_reference_is_found_in_a_bank_text_with_spaces_or_dashes():
    assert find_reference("MobilePay: K4F7QX2M tak") == "K4F7QX2M"
    assert find_reference("Overførsel k4f7qx2m") == "K4F7QX2M"
    assert find_reference("Kontingent K4F7 QX2M") == "K4F7QX2M"
    assert find_reference("Husleje marts") is None


def test_a_statement_without_the_columns_is_refused_with_a_clear_reason():
    with pytest.raises(DomainError, match="kolonnerne"):
        read_statement(b"a;b;c\n1;2;3\n", 1)


def test_money_out_and_unreadable_lines_are_counted_not_imported():
    data = (
        "Dato;Tekst;Beløb;Saldo\n"
        "01.12.2026;Husleje;-4.500,00;10.000,00\n"
        "02.12.2026;Gave;100,00;10.100,00\n"
        "i går;Noget;50,00;10.150,00\n"
    ).encode("cp1252")
    statement = read_statement(data, 1)
    assert [line.text for line in statement.lines] == ["Gave"]
    assert statement.outgoing == 1
    assert statement.unreadable == [4]


def _statement(*lines: str) -> bytes:
    return ("Bogført dato;Tekst;Beløb;Saldo\n" + "\n".join(lines) + "\n").encode("cp1252")


@pytest.mark.django_db
def test_import_matches_references_and_lists_the_rest_for_matching_by_hand(
    association, chat_level, member, other, treasurer
):
    mine = services.join_level(actor=member, level=chat_level)
    theirs = services.join_level(actor=other, level=chat_level)
    data = _statement(
        f"03.12.2026;  MobilePay   Jens  {mine.reference}  ;120,00;1.000,00",
        f"03.12.2026;Overførsel {theirs.reference};60,00;1.060,00",
        "04.12.2026;Overførsel KZZZZZZZ;120,00;1.180,00",
        f"04.12.2026;Igen {mine.reference};120,00;1.300,00",
        "05.12.2026;Kontingent fra Ib;120,00;1.420,00",
    )
    counts = services.import_statement(actor=treasurer, organisation_id=association.pk, data=data)
    assert counts["matched"] == 1 and counts["open"] == 4
    mine.refresh_from_db()
    assert mine.paid_until is not None
    reasons = list(
        StatementLine.objects.filter(status=LineStatus.OPEN).values_list("why", flat=True)
    )
    assert any("mindre end" in reason for reason in reasons)  # 60 kr. for a 120 kr. level
    assert any("KZZZZZZZ" in reason for reason in reasons)  # nobody has it
    assert any("anden linje" in reason for reason in reasons)  # the same reference twice
    assert any("ingen betalingsreference" in reason for reason in reasons)
    # Imported again: nothing new.
    again = services.import_statement(actor=treasurer, organisation_id=association.pk, data=data)
    assert again["known"] == 5 and again["matched"] == 0
    assert Payment.objects.count() == 1
    # The line without a reference is matched by hand, the gift set aside.
    line = StatementLine.objects.get(text="Kontingent fra Ib")
    payment = services.match_line(actor=treasurer, line=line, reference=theirs.reference.lower())
    assert payment.user_id == other.pk and payment.provider == "bank"
    with pytest.raises(DomainError):
        services.match_line(actor=treasurer, line=line, reference=theirs.reference)


@pytest.mark.django_db
def test_only_the_treasurer_imports(association, member):
    with pytest.raises(DomainError):
        services.import_statement(actor=member, organisation_id=association.pk, data=_statement())
