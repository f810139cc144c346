"""Reading a bank statement exported as CSV from a Danish bank: the columns are found by their
Danish or English names, amounts are written "1.234,50", dates "05.12.2026", the file is in
UTF-8 or Windows-1252, separated by semicolons, commas or tabs."""

import csv
import datetime
import hashlib
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ligesind.core.errors import DomainError

DATE_NAMES = ("dato", "bogført", "bogfoert", "bogføringsdato", "date", "booked", "rentedato")
TEXT_NAMES = ("tekst", "text", "beskrivelse", "posteringstekst", "besked", "description")
AMOUNT_NAMES = ("beløb", "beloeb", "belob", "amount", "beløb i kr.", "beløb (dkk)")
DATE_FORMATS = ("%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%y", "%d-%m-%y")
MAX_BYTES = 2_000_000

# Payment references: "K" and seven letters or digits that cannot be mistaken for each other.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
REFERENCE = re.compile(r"K[2-9A-HJ-NP-Z]{7}")


@dataclass(frozen=True)
class Line:
    number: int  # in the file, for the treasurer
    booked_on: datetime.date
    amount: Decimal
    text: str
    fingerprint: str


@dataclass(frozen=True)
class Statement:
    lines: list[Line]  # money in
    outgoing: int  # lines with money out, left out
    unreadable: list[int]  # line numbers that could not be read


def find_reference(text: str) -> str | None:
    """The first payment reference in a line's text (spaces and dashes inside it ignored)."""
    upper = text.upper()
    found = REFERENCE.search(upper) or REFERENCE.search(re.sub(r"[\s\-]", "", upper))
    return found.group(0) if found else None


def parse_amount(text: str) -> Decimal:
    """ "1.234,50", "-100,00", "1234.50", "kr. 150,00" → Decimal."""
    cleaned = re.sub(r"[^\d,.\-−]", "", text.strip()).replace("−", "-")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(".") > 1 or re.search(r"\.\d{3}$", cleaned):
        cleaned = cleaned.replace(".", "")
    try:
        return Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(text) from error


def parse_date(text: str) -> datetime.date:
    value = text.strip()
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, pattern).date()  # noqa: DTZ007
        except ValueError:
            continue
    raise ValueError(text)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    cells = [cell.strip().strip('"').lower() for cell in header]
    for index, cell in enumerate(cells):
        if cell in names:
            return index
    for index, cell in enumerate(cells):
        if any(cell.startswith(name) for name in names):
            return index
    return None


class Semicolons(csv.excel):
    delimiter = ";"


def read_statement(data: bytes, organisation_id: int) -> Statement:
    if len(data) > MAX_BYTES:
        raise DomainError(_("The file is too large: a statement may be at most 2 MB."))
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = Semicolons
    rows = list(csv.reader(io.StringIO(text), dialect))
    for start, header in enumerate(rows[:10]):  # noqa: B007 (start is used after the loop)
        columns = (
            _column(header, DATE_NAMES),
            _column(header, TEXT_NAMES),
            _column(header, AMOUNT_NAMES),
        )
        if None not in columns:
            break
    else:
        raise DomainError(
            _(
                "We could not find the columns for the date, the text and the amount. "
                "Export the statement as CSV with a header line (Dato; Tekst; Beløb)."
            )
        )
    date_at, text_at, amount_at = (int(c) for c in columns if c is not None)
    lines: list[Line] = []
    outgoing, unreadable = 0, []
    seen: dict[tuple[str, str, str], int] = {}
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            booked_on = parse_date(row[date_at])
            amount = parse_amount(row[amount_at])
            line_text = " ".join(row[text_at].split())
        except (ValueError, IndexError):
            unreadable.append(number)
            continue
        if amount <= 0:
            outgoing += 1
            continue
        key = (booked_on.isoformat(), str(amount), line_text)
        occurrence = seen[key] = seen.get(key, -1) + 1
        digest = hashlib.sha256(
            "|".join((str(organisation_id), *key, str(occurrence))).encode()
        ).hexdigest()
        lines.append(Line(number, booked_on, amount, line_text[:300], digest))
    return Statement(lines, outgoing, unreadable)
