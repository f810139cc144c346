"""The funders' report: what an organisation did in a period, in its municipalities, as
numbers only. No person can be picked out: a count of people between 1 and 4 is shown as
"under 5", and so are hours given by fewer than 5 volunteers."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Max, Min, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import Role, RoleAssignment
from ligesind.accounts.permissions import acting_for
from ligesind.activities.models import (
    Accompaniment,
    AccompanimentStatus,
    Activity,
    ActivityKind,
    Attendance,
    CourseRun,
    Enrolment,
    EnrolmentStatus,
    Signup,
    SignupStatus,
)
from ligesind.core.charts import Number
from ligesind.core.models import Municipality
from ligesind.matching.models import ExitReason, Match
from ligesind.organisations.models import Organisation, OrganisationMembership
from ligesind.volunteers.models import (
    ApplicationStatus,
    HoursKind,
    VolunteerApplication,
    VolunteerHours,
)

SMALLEST = 5


@dataclass(frozen=True)
class Row:
    label: str
    value: Number | None  # None: fewer than 5 people, not shown

    @property
    def suppressed(self) -> bool:
        return self.value is None


@dataclass
class Section:
    title: str
    rows: list[Row] = field(default_factory=list)

    def people(self, label: str, count: int) -> None:
        """A count of people: 1 to 4 is not shown."""
        self.rows.append(Row(label, None if 0 < count < SMALLEST else count))

    def things(self, label: str, count: Number) -> None:
        self.rows.append(Row(label, count))


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    @property
    def start(self) -> datetime:
        return _midnight(self.first)

    @property
    def end(self) -> datetime:
        """The midnight after the last day."""
        return _midnight(self.last + timedelta(days=1))


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_default_timezone())


@dataclass(frozen=True)
class Report:
    organisation: Organisation
    municipality: Municipality | None
    period: Period
    sections: list[Section]


def _place(municipalities: frozenset[int] | None, field_name: str = "municipality") -> Q:
    return Q() if municipalities is None else Q(**{f"{field_name}__in": municipalities})


def _members(org: Organisation, places: frozenset[int] | None, period: Period) -> Section:
    section = Section(_("Members"))
    rows = OrganisationMembership.objects.filter(
        _place(places, "user__profile__municipality"), organisation=org
    ).aggregate(
        total=Count("pk", filter=Q(joined_at__lt=period.end)),
        new=Count("pk", filter=Q(joined_at__gte=period.start, joined_at__lt=period.end)),
    )
    section.people(_("Members at the end of the period"), rows["total"])
    section.people(_("New members in the period"), rows["new"])
    return section


def _activities(org: Organisation, places: frozenset[int] | None, period: Period) -> Section:
    section = Section(_("Activities"))
    held = Activity.objects.filter(
        _place(places),
        organisation=org,
        cancelled_at__isnull=True,
        starts_at__gte=period.start,
        starts_at__lt=period.end,
    )
    kinds = dict(held.values_list("kind").annotate(n=Count("pk")))
    section.things(_("Activities held"), sum(kinds.values()))
    for kind in ActivityKind:
        if kinds.get(kind.value):
            section.things(str(kind.label), kinds[kind.value])
    signups = Signup.objects.filter(activity__in=held).aggregate(
        signed_up=Count("pk", filter=Q(status=SignupStatus.CONFIRMED)),
        came=Count("pk", filter=Q(attended=True)),
        people=Count("user", filter=Q(attended=True), distinct=True),
    )
    section.things(_("Places taken"), signups["signed_up"])
    section.things(_("Times someone came"), signups["came"])
    section.people(_("Different people who came"), signups["people"])
    return section


def _matches(org: Organisation, places: frozenset[int] | None, period: Period) -> Section:
    section = Section(_("PeerMatch"))
    matches = Match.objects.filter(_place(places), organisation=org)
    in_period = Q(ended_at__gte=period.start, ended_at__lt=period.end)
    counts = matches.aggregate(
        started=Count("pk", filter=Q(started_at__gte=period.start, started_at__lt=period.end)),
        ended=Count("pk", filter=in_period),
        active=Count(
            "pk",
            filter=Q(started_at__lt=period.end)
            & (Q(ended_at__isnull=True) | Q(ended_at__gte=period.end)),
        ),
    )
    section.people(_("Matches started"), counts["started"])
    section.people(_("Matches ended"), counts["ended"])
    reasons = dict(matches.filter(in_period).values_list("exit_reason").annotate(n=Count("pk")))
    for reason in ExitReason:
        section.people(
            _("Ended: %(reason)s") % {"reason": reason.label}, reasons.get(reason.value, 0)
        )
    section.people(_("Active matches at the end of the period"), counts["active"])
    return section


def _courses(org: Organisation, places: frozenset[int] | None, period: Period) -> Section:
    section = Section(_("Peer group courses"))
    runs = (
        CourseRun.objects.filter(_place(places), organisation=org)
        .annotate(first=Min("sessions__starts_at"), last=Max("sessions__ends_at"))
        .filter(first__gte=period.start, first__lt=period.end)
    )
    run_rows = list(runs.values("pk", "template__completion_minimum"))
    section.things(_("Courses started"), len(run_rows))
    enrolled = Enrolment.objects.filter(run__in=runs).aggregate(
        taking_part=Count("pk", filter=Q(status=EnrolmentStatus.ENROLLED)),
        waiting=Count("pk", filter=Q(status=EnrolmentStatus.WAITING)),
    )
    section.people(_("Participants"), enrolled["taking_part"])
    section.people(_("On the waiting list"), enrolled["waiting"])
    minimum = {row["pk"]: row["template__completion_minimum"] for row in run_rows}
    completed = sum(
        1
        for row in Attendance.objects.filter(present=True, session__run_id__in=list(minimum))
        .values("session__run_id", "user_id")
        .annotate(n=Count("pk"))
        if row["n"] >= minimum[row["session__run_id"]]
    )
    section.people(_("Participants who completed"), completed)
    return section


def _accompaniment(org: Organisation, places: frozenset[int] | None, period: Period) -> Section:
    section = Section(_("Følgeskab"))
    rows = Accompaniment.objects.filter(
        _place(places), organisation=org, when__gte=period.start, when__lt=period.end
    ).aggregate(
        asked=Count("pk"),
        done=Count("pk", filter=Q(status=AccompanimentStatus.DONE)),
        hours=Sum("hours", filter=Q(status=AccompanimentStatus.DONE)),
    )
    section.people(_("Asked for"), rows["asked"])
    section.people(_("Done"), rows["done"])
    section.things(_("Hours"), rows["hours"] or 0)
    return section


def _volunteers(org: Organisation, places: frozenset[int] | None, period: Period) -> Section:
    section = Section(_("Volunteers"))
    guides = RoleAssignment.objects.filter(
        acting_for(org.pk),
        _place(places, "municipalities"),
        role=Role.PEER_GUIDE,
    )
    section.people(_("Peer guides now"), guides.values("user_id").distinct().count())
    applied = VolunteerApplication.objects.filter(
        _place(places), organisation=org, created_at__gte=period.start, created_at__lt=period.end
    ).aggregate(n=Count("pk"), approved=Count("pk", filter=Q(status=ApplicationStatus.APPROVED)))
    section.people(_("Applications to volunteer"), applied["n"])
    section.people(_("Of them approved"), applied["approved"])
    hours = VolunteerHours.objects.filter(
        _place(places), organisation=org, on__gte=period.first, on__lte=period.last
    )
    by_kind = {
        row["kind"]: row
        for row in hours.values("kind").annotate(
            n=Sum("hours"), people=Count("volunteer", distinct=True)
        )
    }
    everyone = hours.aggregate(n=Sum("hours"), people=Count("volunteer", distinct=True))
    section.people(_("Volunteers who logged hours"), everyone["people"])
    _hours_row(section, _("Volunteer hours in all"), everyone["n"], everyone["people"])
    for kind in HoursKind:
        row = by_kind.get(kind.value)
        if row:
            _hours_row(
                section, _("Hours: %(kind)s") % {"kind": kind.label}, row["n"], row["people"]
            )
    return section


def _hours_row(section: Section, label: str, hours: Number | None, people: int) -> None:
    section.rows.append(Row(label, None if 0 < people < SMALLEST else (hours or 0)))


def funders_report(
    organisation: Organisation,
    municipalities: frozenset[int] | None,
    period: Period,
    municipality: Municipality | None = None,
) -> Report:
    """``municipalities``: those counted (``None``: all of the organisation's)."""
    parts = (_members, _activities, _matches, _courses, _accompaniment, _volunteers)
    return Report(
        organisation=organisation,
        municipality=municipality,
        period=period,
        sections=[part(organisation, municipalities, period) for part in parts],
    )
