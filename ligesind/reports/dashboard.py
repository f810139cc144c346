"""The coordinator's dashboard: what waits for them in their municipalities and
organisations, and the last 12 months as charts. A fixed number of queries, whatever the
size of the municipality: counts and sums are made by the database."""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy

from ligesind.accounts.models import Profile, Role, RoleAssignment, User
from ligesind.activities.models import (
    Accompaniment,
    AccompanimentStatus,
    Activity,
    Attendance,
    CourseRun,
    EnrolmentStatus,
    Signup,
    SignupStatus,
)
from ligesind.core.charts import Chart, Number, last_months, per_month
from ligesind.matching.models import Match
from ligesind.matching.services import waiting_seeker_rows
from ligesind.safety.models import AlertStatus, CrisisAlert
from ligesind.volunteers.models import OPEN_STATUSES, VolunteerApplication, VolunteerHours

from .scope import Scope

FEW_SIGNUPS = 3
QUIET_DAYS = 60
LISTED = 10


@dataclass(frozen=True)
class Waiting:
    applications: int
    seekers: int
    accompaniments: int
    alerts: int
    quiet_volunteer_count: int
    quiet_volunteers: list[User]
    quiet_activities: list[Activity]
    full_courses: list[CourseRun]


def _month_start(month: date) -> datetime:
    return datetime.combine(month, time.min, tzinfo=timezone.get_default_timezone())


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def waiting_for(actor: User, scope: Scope, now: datetime) -> Waiting:
    # Seekers follow matching's own organisation rule; alerts have no organisation.
    seekers = waiting_seeker_rows(actor).filter(scope.q(organisation=""))
    alerts = CrisisAlert.objects.filter(
        scope.q("author__profile__municipality", ""),
        status__in=[AlertStatus.NEW, AlertStatus.IN_PROGRESS],
    )
    guides = RoleAssignment.objects.filter(
        scope.q("municipalities", "organisations"), role=Role.PEER_GUIDE
    )
    quiet = User.objects.filter(
        Q(last_login__lt=now - timedelta(days=QUIET_DAYS)) | Q(last_login__isnull=True),
        is_active=True,
        pk__in=guides.values("user_id"),
    )
    confirmed = Count("signups", filter=Q(signups__status=SignupStatus.CONFIRMED))
    quiet_activities = (
        Activity.objects.filter(
            scope.q(),
            starts_at__gte=now,
            starts_at__lt=now + timedelta(days=7),
            cancelled_at__isnull=True,
            group__isnull=True,
        )
        .annotate(confirmed=confirmed)
        .filter(confirmed__lt=FEW_SIGNUPS)
        .select_related("municipality")
        .order_by("starts_at")[:LISTED]
    )
    waiting_list = Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.WAITING))
    full_courses = (
        CourseRun.objects.filter(scope.q(), sessions__ends_at__gte=now)
        .distinct()
        .annotate(waiting=waiting_list)
        .filter(waiting__gt=0)
        .select_related("template", "municipality")
        .order_by("-waiting")[:LISTED]
    )
    return Waiting(
        applications=VolunteerApplication.objects.filter(
            scope.q(), status__in=OPEN_STATUSES
        ).count(),
        seekers=seekers.count(),
        accompaniments=Accompaniment.objects.filter(
            scope.q(), status=AccompanimentStatus.OPEN, when__gte=now
        ).count(),
        alerts=alerts.count(),
        quiet_volunteer_count=quiet.count(),
        quiet_volunteers=list(quiet.select_related("profile").order_by("last_login")[:LISTED]),
        quiet_activities=list(quiet_activities),
        full_courses=list(full_courses),
    )


def _by_month(rows: Iterable[Any]) -> dict[date, Number]:
    """``month`` (a date, or a local midnight) → ``n``."""
    return {
        timezone.localdate(row["month"]) if isinstance(row["month"], datetime) else row["month"]: (
            row["n"] or 0
        )
        for row in rows
    }


# The months' numbers change slowly and cost most of the page: they are kept for a few
# minutes per scope (the page says as of when); what waits is always counted afresh.
CHART_MINUTES = 10


# Each chart's key in ``_month_numbers``, its title and what it counts.
CHARTS = (
    ("members", gettext_lazy("New members"), gettext_lazy("members")),
    ("matches", gettext_lazy("Active matches at the end of the month"), gettext_lazy("matches")),
    (
        "attendance",
        gettext_lazy("Attendance at activities and course sessions"),
        gettext_lazy("times someone came"),
    ),
    ("hours", gettext_lazy("Volunteer hours"), gettext_lazy("hours")),
    (
        "completion",
        gettext_lazy("Participants who completed a course"),
        gettext_lazy("participants"),
    ),
)


@dataclass(frozen=True)
class Months:
    made: datetime
    charts: list[Chart]


def charts_for(scope: Scope, today: date) -> Months:
    key = (
        "reports:months:"
        + hashlib.sha256(
            repr((today, _ids(scope.municipalities), _ids(scope.organisations))).encode()
        ).hexdigest()
    )
    numbers = cache.get(key)
    if numbers is None:
        numbers = {"made": timezone.now(), **_month_numbers(scope, today)}
        cache.set(key, numbers, CHART_MINUTES * 60)
    months = last_months(today)
    charts = [
        Chart(name, str(title), str(unit), months, numbers[name]) for name, title, unit in CHARTS
    ]
    return Months(made=numbers["made"], charts=charts)


def _ids(ids: frozenset[int] | None) -> tuple[int, ...] | None:
    return None if ids is None else tuple(sorted(ids))


def _month_numbers(scope: Scope, today: date) -> dict[str, list[Number]]:
    months = last_months(today)
    since = _month_start(months[0])
    month = TruncMonth("date_joined", tzinfo=timezone.get_default_timezone())
    people = Profile.objects.all()
    if scope.municipalities is not None:
        people = people.filter(municipality_id__in=scope.municipalities)
    joined = (
        User.objects.filter(date_joined__gte=since, pk__in=people.values("user_id"))
        .annotate(month=month)
        .values("month")
        .annotate(n=Count("pk"))
    )
    ends = [_month_start(_next_month(m)) for m in months]
    started = scope.q()
    active = Match.objects.filter(started, started_at__isnull=False).aggregate(
        **{
            f"m{i}": Count(
                "pk",
                filter=Q(started_at__lt=end) & (Q(ended_at__isnull=True) | Q(ended_at__gte=end)),
            )
            for i, end in enumerate(ends)
        }
    )
    attended = (
        Signup.objects.filter(
            attended=True,
            activity__starts_at__gte=since,
            activity__in=Activity.objects.filter(scope.q()),
        )
        .annotate(month=TruncMonth("activity__starts_at", tzinfo=timezone.get_default_timezone()))
        .values("month")
        .annotate(n=Count("pk"))
    )
    course_attended = (
        Attendance.objects.filter(
            present=True,
            session__starts_at__gte=since,
            session__run__in=CourseRun.objects.filter(scope.q()),
        )
        .annotate(month=TruncMonth("session__starts_at", tzinfo=timezone.get_default_timezone()))
        .values("month")
        .annotate(n=Count("pk"))
    )
    hours = (
        VolunteerHours.objects.filter(scope.q(), on__gte=months[0])
        .annotate(month=TruncMonth("on"))
        .values("month")
        .annotate(n=Sum("hours"))
    )
    attendance = _by_month(attended)
    for when, n in _by_month(course_attended).items():
        attendance[when] = attendance.get(when, 0) + n
    return {
        "members": per_month(_by_month(joined), months),
        "matches": [active[f"m{i}"] for i in range(len(months))],
        "attendance": per_month(attendance, months),
        "hours": per_month(_by_month(hours), months),
        "completion": completed_per_month(scope, months),
    }


def completed_per_month(scope: Scope, months: list[date]) -> list[Number]:
    """Participants who completed a course (came to enough sessions), by the month its last
    session was held."""
    finished = {
        row["pk"]: (
            timezone.localdate(row["last"]).replace(day=1),
            row["template__completion_minimum"],
        )
        for row in CourseRun.objects.filter(scope.q())
        .annotate(last=Max("sessions__ends_at"))
        .filter(last__gte=_month_start(months[0]), last__lte=timezone.now())
        .values("pk", "last", "template__completion_minimum")
    }
    completed: dict[date, int] = {}
    present = (
        Attendance.objects.filter(present=True, session__run_id__in=list(finished))
        .values("session__run_id", "user_id")
        .annotate(n=Count("pk"))
    )
    for row in present:
        month, minimum = finished[row["session__run_id"]]
        if row["n"] >= minimum:
            completed[month] = completed.get(month, 0) + 1
    return per_month(dict(completed), months)
