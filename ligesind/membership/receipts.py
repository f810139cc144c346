"""A receipt for each payment, as a PDF the member (and the treasurer) can download."""

from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _
from fpdf import FPDF

from ligesind.core.pdf import printable

from .models import Payment


def kroner(amount: Decimal) -> str:
    number = formats.number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)
    return _("%(amount)s kr.") % {"amount": number}


def receipt_pdf(payment: Payment, payer: str) -> bytes:
    organisation = payment.organisation
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "cp1252"
    pdf.set_title(printable(_("Receipt no. %(number)s") % {"number": payment.number}))
    pdf.set_creator("Ligesind")
    pdf.add_page()
    pdf.set_margins(20, 20, 20)

    def line(text: str, style: str = "", size: int = 11) -> None:
        pdf.set_font("helvetica", style, size)
        pdf.multi_cell(0, 7, printable(text), new_x="LMARGIN", new_y="NEXT")

    line(organisation.name, "B", 16)
    for contact in (organisation.email, organisation.phone, organisation.website):
        if contact:
            line(contact)
    pdf.ln(6)
    line(_("Receipt no. %(number)s") % {"number": payment.number}, "B", 14)
    rows = [
        (_("Received from"), payer),
        (_("Paid on"), formats.date_format(payment.paid_on)),
        (_("For"), _("Membership fee: %(level)s") % {"level": payment.level_name}),
        (
            _("Period"),
            f"{formats.date_format(payment.covers_from)} - "
            f"{formats.date_format(payment.covers_until)}",
        ),
        (_("Amount"), kroner(payment.amount)),
        (_("Paid by"), str(payment.get_provider_display())),
        (_("Payment reference"), payment.reference),
    ]
    for label, value in rows:
        pdf.set_font("helvetica", "B", 11)
        pdf.cell(50, 8, printable(label))
        pdf.set_font("helvetica", "", 11)
        pdf.multi_cell(0, 8, printable(value), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    line(_("Thank you for your membership."), "I", 10)
    return bytes(pdf.output())
