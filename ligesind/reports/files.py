"""The funders' report as CSV and XLSX. A text cell that a spreadsheet could take for a
formula (=, +, -, @, a tab or a carriage return first) gets a leading apostrophe."""

import csv
import io

from django.utils import formats
from django.utils.translation import gettext as _
from openpyxl import Workbook

from ligesind.core.sheets import neutralise

from .funders import Report

UNDER_5 = "<5"


def _rows(report: Report) -> list[list[str | int | float]]:
    where = report.municipality.name if report.municipality else _("all municipalities")
    period = (
        f"{formats.date_format(report.period.first)} – {formats.date_format(report.period.last)}"
    )
    rows: list[list[str | int | float]] = [
        [_("Organisation"), neutralise(report.organisation.name), ""],
        [_("Municipality"), neutralise(where), ""],
        [_("Period"), period, ""],
        [_("Counts of 1 to 4 people are shown as <5."), "", ""],
        [_("Section"), _("Measure"), _("Number")],
    ]
    for section in report.sections:
        for row in section.rows:
            value: str | int | float = UNDER_5
            if isinstance(row.value, int):
                value = row.value
            elif row.value is not None:
                value = float(row.value)
            rows.append([neutralise(section.title), neutralise(row.label), value])
    return rows


def report_csv(report: Report) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(_rows(report))
    return ("\ufeff" + out.getvalue()).encode()  # the BOM tells Excel it is UTF-8


def report_xlsx(report: Report) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Report for funders")[:31]
    for row in _rows(report):
        sheet.append(row)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 48
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
