"""What the researcher's dashboard shows: recruitment per month, completion per timepoint, and
the outcome's mean with a 95 % confidence interval (Student's t) by arm and timepoint."""

import csv
import io
import json
import math
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from scipy import stats

from ligesind.core.charts import Chart, last_months, per_month
from ligesind.core.sheets import neutralise

from . import who5
from .instruments import Item
from .models import (
    Allocation,
    Arm,
    Instrument,
    Participant,
    ParticipantStatus,
    Response,
    Study,
    Timepoint,
)
from .services import course_starts, timepoint_base


@dataclass(frozen=True)
class Outcome:
    arm: str
    timepoint: str
    n: int
    mean: float | None
    low: float | None
    high: float | None


def mean_with_ci(values: list[int]) -> tuple[float | None, float | None, float | None]:
    """The mean and its 95 % confidence interval; with one value, no interval."""
    if not values:
        return None, None, None
    mean = sum(values) / len(values)
    if len(values) < 2:
        return mean, None, None
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))
    half = float(stats.t.ppf(0.975, len(values) - 1)) * sd / math.sqrt(len(values))
    return mean, mean - half, mean + half


def recruitment(study: Study, today: date) -> Chart:
    months = last_months(today)
    rows = (
        Participant.objects.filter(study=study, enrolled_at__isnull=False)
        .annotate(month=TruncMonth("enrolled_at"))
        .values_list("month")
        .annotate(n=Count("pk"))
    )
    found = {month.date() if hasattr(month, "date") else month: n for month, n in rows}
    return Chart(
        "recruited", _("Participants enrolled"), _("people"), months, per_month(found, months)
    )


def scale_of(items: list[Item]) -> tuple[int, int] | None:
    """The lowest and highest score a team's instrument can give (the sum of its likert
    items), or None when it has no likert items and so no score."""
    likert = [[option[0] for option in i["options"]] for i in items if i["kind"] == "likert"]
    if not likert:
        return None
    return sum(min(values) for values in likert), sum(max(values) for values in likert)


@dataclass(frozen=True)
class OutcomeChart:
    """One questionnaire's score by arm and timepoint, with where its marks go."""

    key: str
    title: str
    low: int
    high: int
    rows: list[Outcome]
    marks: list["Mark"]
    labels: list[tuple[str, float]]
    arms: list[str]


def outcome_charts(study: Study) -> list[OutcomeChart]:
    """A chart per scored questionnaire the timepoints ask (WHO-5 first, 0–100; a team's
    instrument on the range of its likert sum), read in five queries whatever the size."""
    arm_of = dict(
        Allocation.objects.filter(participant__study=study).values_list("participant_id", "arm_id")
    )
    timepoints = list(Timepoint.objects.filter(study=study))
    instrument_of = {t.pk: t.instrument for t in timepoints}
    scores: dict[tuple[int, int], list[int]] = {}
    for participant_id, timepoint_id, raw, percentage in Response.objects.filter(
        participant__study=study
    ).values_list("participant_id", "timepoint_id", "raw_score", "score"):
        value = percentage if instrument_of.get(timepoint_id) == who5.KEY else raw
        arm_id = arm_of.get(participant_id)
        if arm_id is not None and value is not None:
            scores.setdefault((arm_id, timepoint_id), []).append(value)
    arms = list(Arm.objects.filter(study=study))
    own = {item.key: item for item in Instrument.objects.filter(study=study)}
    keys = sorted(dict.fromkeys(instrument_of.values()), key=lambda key: key != who5.KEY)
    charts = []
    for key in keys:
        if key == who5.KEY:
            title, scale = _("WHO-5 (0–100)"), (0, 100)
        elif key in own and (found := scale_of(own[key].items)) is not None:
            title, scale = own[key].name, found
        else:
            continue
        rows = []
        for arm in arms:
            for timepoint in (t for t in timepoints if t.instrument == key):
                values = scores.get((arm.pk, timepoint.pk), [])
                mean, low, high = mean_with_ci(values)
                rows.append(Outcome(arm.name, timepoint.name, len(values), mean, low, high))
        marks, labels = outcome_marks(rows, *scale)
        named = list(dict.fromkeys(row.arm for row in rows))
        charts.append(OutcomeChart(key, title, *scale, rows, marks, labels, named))
    return charts


def completion(study: Study) -> list[tuple[Timepoint, int, int]]:
    """Per timepoint: how many answered, of those enrolled long enough for it to be due."""
    now = timezone.now()
    enrolled = [
        (user_id, moment)
        for user_id, moment in Participant.objects.filter(study=study, enrolled_at__isnull=False)
        .exclude(status=ParticipantStatus.WITHDRAWN, keep_answers=False)
        .values_list("user_id", "enrolled_at")
        if moment is not None
    ]
    starts = course_starts(study)
    answered = dict(
        Response.objects.filter(participant__study=study)
        .values_list("timepoint_id")
        .annotate(n=Count("pk"))
    )
    rows = []
    for t in Timepoint.objects.filter(study=study):
        bases = [
            timepoint_base(t, moment, starts.get(user_id or 0)) for user_id, moment in enrolled
        ]
        due = len([base for base in bases if base is not None and (now - base).days >= t.days])
        rows.append((t, answered.get(t.pk, 0), due))
    return rows


CODEBOOK = (
    ("study_code", _("The participant's code in this study; no name, e-mail or alias")),
    ("arm", _("The arm the participant was randomised to (empty: not yet)")),
    ("stratum", _("The stratum randomised within (a municipality's number, or empty)")),
    ("timepoint", _("The timepoint's name")),
    ("days_after_enrolment", _("Days after enrolment the timepoint is due")),
    ("completed_on", _("The date the questionnaire was answered")),
)


def _base_row(response: Response, arms: dict[int, str]) -> list[object]:
    return [
        response.participant.code,
        neutralise(arms.get(response.participant_id, "")),
        response.participant.stratum,
        neutralise(response.timepoint.name),
        response.timepoint.days,
        timezone.localdate(response.completed_at).isoformat(),
    ]


def _answer_cell(value: object) -> object:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return neutralise(value) if isinstance(value, str) else ("" if value is None else value)


def export_zip(study: Study) -> bytes:
    """One CSV per instrument and a codebook: participants by study code only."""
    arms = dict(
        Allocation.objects.filter(participant__study=study).values_list(
            "participant_id", "arm__name"
        )
    )
    own = {instrument.key: instrument for instrument in Instrument.objects.filter(study=study)}
    instruments = [(who5.KEY, [key for key, _label in who5.ITEMS])] + [
        (key, [item["key"] for item in instrument.items]) for key, instrument in own.items()
    ]
    responses = (
        Response.objects.filter(participant__study=study)
        .select_related("participant", "timepoint")
        .order_by("participant__code", "timepoint__days")
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for key, items in instruments:
            sheet = io.StringIO()
            writer = csv.writer(sheet)
            scores = ["who5_raw", "who5_percentage"] if key == who5.KEY else [f"{key}_score"]
            writer.writerow(
                [name for name, _d in CODEBOOK] + [f"{key}_{item}" for item in items] + scores
            )
            for response in responses:
                if response.timepoint.instrument != key:
                    continue
                given = json.loads(response.answers)
                extra = (
                    [response.raw_score, response.score]
                    if key == who5.KEY
                    else [response.raw_score]
                )
                writer.writerow(
                    _base_row(response, arms)
                    + [_answer_cell(given.get(item)) for item in items]
                    + extra
                )
            archive.writestr(f"{key}.csv", sheet.getvalue())
        archive.writestr("codebook.csv", _codebook(own.values()))
    return out.getvalue()


def _codebook(own: Iterable[Instrument]) -> str:
    book = io.StringIO()
    writer = csv.writer(book)
    writer.writerow(["variable", "description", "values"])
    for key, description in CODEBOOK:
        writer.writerow([key, str(description), ""])
    scale = "; ".join(f"{value} = {label}" for value, label in who5.CHOICES)
    for key, label in who5.ITEMS:
        writer.writerow([f"who5_{key}", str(label), scale])
    writer.writerow(["who5_raw", _("WHO-5 raw score: the sum of the five items"), "0–25"])
    writer.writerow(["who5_percentage", _("WHO-5 percentage score: the raw score × 4"), "0–100"])
    for instrument in own:
        for item in instrument.items:
            values = "; ".join(f"{value} = {label}" for value, label in item.get("options", []))
            if item["kind"] == "multiple":
                values += " " + _("(several, separated by ;)")
            if item.get("reverse"):
                values += " " + _("(reverse-scored)")
            writer.writerow([f"{instrument.key}_{item['key']}", neutralise(item["text"]), values])
        writer.writerow(
            [f"{instrument.key}_score", _("The sum of the likert items (empty: one skipped)"), ""]
        )
    return book.getvalue()


@dataclass(frozen=True)
class Mark:
    """One arm at one timepoint, placed on an outcome chart (the top is the scale's best)."""

    arm_index: int
    label: str
    x: float
    y: float
    low_y: float
    high_y: float


CHART_WIDTH, CHART_HEIGHT, CHART_TOP, CHART_BOTTOM = 600, 260, 16, 40


def outcome_marks(
    rows: list[Outcome], bottom: int = 0, top: int = 100
) -> tuple[list[Mark], list[tuple[str, float]]]:
    """Where each mean and its interval go on a scale from ``bottom`` to ``top``, and where
    each timepoint's name goes."""
    timepoints = list(dict.fromkeys(row.timepoint for row in rows))
    arms = list(dict.fromkeys(row.arm for row in rows))
    room = CHART_WIDTH / max(len(timepoints), 1)
    drawable = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM

    span = max(top - bottom, 1)

    def y(value: float) -> float:
        return round(CHART_TOP + drawable * (1 - (value - bottom) / span), 1)

    marks = []
    for row in rows:
        if row.mean is None:
            continue
        arm = arms.index(row.arm)
        x = room * timepoints.index(row.timepoint) + room * (arm + 1) / (len(arms) + 1)
        low = row.low if row.low is not None else row.mean
        high = row.high if row.high is not None else row.mean
        marks.append(
            Mark(
                arm,
                row.arm,
                round(x, 1),
                y(row.mean),
                y(max(low, bottom)),
                y(min(high, top)),
            )
        )
    labels = [(name, round(room * i + room / 2, 1)) for i, name in enumerate(timepoints)]
    return marks, labels
