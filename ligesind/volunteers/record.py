"""A volunteer's own record: roles held, trainings completed and hours per year, as a page
and as a PDF statement to show a school or an employer."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import ExtractYear
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from ligesind.accounts.models import RoleAssignment, User
from ligesind.core.pdf import printable as _printable

from .models import VOLUNTEER_ROLES, HoursKind, TrainingEnrolment, VolunteerHours


@dataclass(frozen=True)
class RoleHeld:
    label: str
    since: date
    organisations: list[str]
    municipalities: list[str]


@dataclass
class YearOfHours:
    year: int
    total: Decimal = Decimal(0)
    by_kind: dict[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class Record:
    roles: list[RoleHeld]
    trainings: list[TrainingEnrolment]
    years: list[YearOfHours]

    @property
    def total(self) -> Decimal:
        return sum((year.total for year in self.years), Decimal(0))

    @property
    def is_empty(self) -> bool:
        return not (self.roles or self.trainings or self.years)


def volunteer_record(user: User) -> Record:
    roles = [
        RoleHeld(
            label=str(role.get_role_display()),
            since=timezone.localdate(role.granted_at),
            organisations=[o.name for o in role.organisations.all()],
            municipalities=[m.name for m in role.municipalities.all()],
        )
        for role in RoleAssignment.objects.filter(user=user, role__in=VOLUNTEER_ROLES)
        .prefetch_related("organisations", "municipalities")
        .order_by("granted_at")
    ]
    trainings = list(
        TrainingEnrolment.objects.filter(volunteer=user, completed_at__isnull=False)
        .select_related("programme__organisation")
        .order_by("completed_at")
    )
    years: dict[int, YearOfHours] = {}
    rows = (
        VolunteerHours.objects.filter(volunteer=user)
        .annotate(year=ExtractYear("on"))
        .values("year", "kind")
        .annotate(hours=Sum("hours"))
        .order_by("-year", "kind")
    )
    for row in rows:
        year = years.setdefault(row["year"], YearOfHours(row["year"]))
        label = str(HoursKind(row["kind"]).label)
        year.by_kind[label] = row["hours"]
        year.total += row["hours"]
    return Record(roles=roles, trainings=trainings, years=list(years.values()))


def _hours(value: Decimal) -> str:
    return formats.number_format(value, decimal_pos=1)


def record_pdf(record: Record, name: str) -> bytes:
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "cp1252"
    pdf.set_title(_printable(_("Statement of volunteer work")))
    pdf.set_creator("Ligesind")
    pdf.add_page()
    pdf.set_margins(20, 20, 20)

    def heading(text: str, size: int = 14) -> None:
        pdf.ln(4)
        pdf.set_font("helvetica", "B", size)
        pdf.multi_cell(0, 8, _printable(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", "", 11)

    def line(text: str) -> None:
        pdf.multi_cell(0, 6, _printable(text), new_x="LMARGIN", new_y="NEXT")

    heading(_("Statement of volunteer work"), 18)
    line(name)
    line(_("Made %(date)s") % {"date": formats.date_format(timezone.localdate())})
    heading(_("Roles"))
    for role in record.roles:
        where = ", ".join(role.organisations + role.municipalities)
        since = _("since %(since)s") % {"since": formats.date_format(role.since)}
        line(f"{role.label}{' - ' + where if where else ''} ({since})")
    if not record.roles:
        line(_("No volunteer roles."))
    heading(_("Training completed"))
    for enrolment in record.trainings:
        when = formats.date_format(timezone.localdate(enrolment.completed_at))
        line(f"{enrolment.programme.name}, {enrolment.programme.organisation.name} ({when})")
    if not record.trainings:
        line(_("No training completed yet."))
    heading(_("Hours given"))
    for year in record.years:
        pdf.set_font("helvetica", "B", 11)
        line(f"{year.year}: {_hours(year.total)} {_('hours')}")
        pdf.set_font("helvetica", "", 11)
        for label, hours in year.by_kind.items():
            line(f"    {label}: {_hours(hours)}")
    line(_("In all: %(hours)s hours") % {"hours": _hours(record.total)})
    pdf.ln(6)
    pdf.set_font("helvetica", "I", 9)
    line(
        _(
            "Made from the volunteer's own record on Ligesind: roles given by the "
            "organisations, training recorded by their coordinators, and hours from what the "
            "volunteer did on the platform and logged themselves."
        )
    )
    return bytes(pdf.output())
