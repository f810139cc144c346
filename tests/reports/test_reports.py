"""The coordinator's dashboard and the funders' report: only one's own organisations and
municipalities, counts that are right, charts with their tables, small numbers suppressed, and
files read back (formula cells neutralised)."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from ligesind.accounts.models import Role
from ligesind.activities.models import Accompaniment, Activity, Signup, SignupStatus
from ligesind.matching.models import Match, MatchKind, MatchStatus
from ligesind.organisations.models import OrganisationMembership
from ligesind.volunteers.models import HoursKind, VolunteerApplication, VolunteerHours
from tests.factories import UserFactory, make_organisation, make_staff, municipality


@pytest.fixture
def world(admin_user):
    project = make_organisation("Peer to Peer Odense", "p2p-odense", "Odense", "Aarhus")
    other = make_organisation("Peer-Partnerskabet", "partnerskabet", "Odense")
    coordinator = make_staff(
        Role.COORDINATOR, "Odense", admin=admin_user, organisations=[project], alias="Koord"
    )
    rival = make_staff(
        Role.COORDINATOR, "Odense", admin=admin_user, organisations=[other], alias="Anden"
    )
    far = make_staff(
        Role.COORDINATOR, "Aarhus", admin=admin_user, organisations=[project], alias="Langt"
    )
    guide = make_staff(
        Role.PEER_GUIDE, "Odense", admin=admin_user, organisations=[project], alias="Guide"
    )
    return {
        "project": project,
        "other": other,
        "coordinator": coordinator,
        "rival": rival,
        "far": far,
        "guide": guide,
        "odense": municipality("Odense"),
        "admin": admin_user,
    }


def _activity(world, starts, **changes):
    fields = {
        "kind": "peer_cafe",
        "title": "Peer-café",
        "municipality": world["odense"],
        "organisation": world["project"],
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=2),
        "organiser": world["guide"],
    }
    fields.update(changes)
    return Activity.objects.create(**fields)


def _page(client, user, name="reports:dashboard", **params):
    client.force_login(user)
    return client.get(reverse(name), params)


def test_the_dashboard_is_for_coordinators_and_admins(client, world):
    assert _page(client, UserFactory.create()).status_code == 404
    assert _page(client, world["guide"]).status_code == 404
    assert _page(client, world["coordinator"]).status_code == 200
    assert _page(client, world["admin"]).status_code == 200


def test_what_waits_is_counted_inside_the_scope_only(client, world):
    applicant = UserFactory.create()
    VolunteerApplication.objects.create(
        applicant=applicant,
        organisation=world["project"],
        municipality=world["odense"],
        experience="Angst",
        motivation="Give videre",
    )
    Accompaniment.objects.create(
        member=applicant,
        municipality=world["odense"],
        organisation=world["project"],
        what="Lægen",
        where="Odense",
        when=timezone.now() + timedelta(days=2),
    )
    _activity(world, timezone.now() + timedelta(days=2), title="Strikkecafé")
    mine = _page(client, world["coordinator"]).content.decode()
    assert "1 ansøgning om at blive frivillig" in mine
    assert "1 anmodning om følgeskab uden en frivillig" in mine
    assert "Strikkecafé" in mine
    theirs = _page(client, world["rival"]).content.decode()
    assert "0 ansøgninger om at blive frivillig" in theirs
    assert "0 anmodninger om følgeskab" in theirs
    assert "Strikkecafé" not in theirs
    assert "0 ansøgninger" in _page(client, world["far"]).content.decode()


def test_volunteers_who_have_been_away_are_listed(client, world):
    world["guide"].last_login = timezone.now() - timedelta(days=90)
    world["guide"].save(update_fields=["last_login"])
    page = _page(client, world["coordinator"]).content.decode()
    assert "Guide" in page and "sidst logget ind" in page
    assert "Guide" not in _page(client, world["rival"]).content.decode()


def test_the_charts_count_the_last_12_months_and_show_their_numbers(client, world):
    today = timezone.localdate()
    VolunteerHours.objects.create(
        volunteer=world["guide"],
        organisation=world["project"],
        municipality=world["odense"],
        kind=HoursKind.ACTIVITY,
        on=today,
        hours=Decimal("3.5"),
    )
    seeker = UserFactory.create()
    Match.objects.create(
        seeker=seeker,
        partner=world["guide"],
        kind=MatchKind.GUIDE,
        status=MatchStatus.ACTIVE,
        municipality=world["odense"],
        organisation=world["project"],
        started_at=timezone.now() - timedelta(days=70),
    )
    response = _page(client, world["coordinator"])
    charts = {chart.key: chart for chart in response.context["charts"]}
    assert charts["hours"].values[-1] == Decimal("3.5")
    assert charts["matches"].values[-1] == 1 and charts["matches"].values[0] == 0
    page = response.content.decode()
    assert page.count('role="img"') == 5
    assert "Tallene: Frivillige timer" in page and "<td>3,5</td>" in page
    rival = _page(client, world["rival"])
    assert {c.key: c for c in rival.context["charts"]}["hours"].total == 0


def test_the_months_are_counted_again_after_ten_minutes_and_say_when(client, world):
    from django.core.cache import cache

    def hours_now():
        response = _page(client, world["coordinator"])
        return {c.key: c for c in response.context["charts"]}["hours"].values[-1], response

    VolunteerHours.objects.create(
        volunteer=world["guide"],
        organisation=world["project"],
        municipality=world["odense"],
        kind=HoursKind.ACTIVITY,
        on=timezone.localdate(),
        hours=Decimal("2"),
    )
    first, response = hours_now()
    assert first == Decimal("2")
    assert "Tallene er fra kl." in response.content.decode()
    VolunteerHours.objects.update(hours=Decimal("5"))
    assert hours_now()[0] == Decimal("2")  # kept for ten minutes
    rival = _page(client, world["rival"])  # another scope is counted for itself
    assert {c.key: c for c in rival.context["charts"]}["hours"].total == 0
    cache.clear()  # as when the ten minutes are over
    assert hours_now()[0] == Decimal("5")


def test_the_dashboard_asks_the_same_number_of_queries_with_more_data(
    client, world, django_assert_max_num_queries
):
    from django.core.cache import cache

    _page(client, world["coordinator"])
    cache.clear()  # the months counted too
    with django_assert_max_num_queries(40) as first:
        _page(client, world["coordinator"])
    for days in range(1, 6):
        activity = _activity(world, timezone.now() - timedelta(days=days * 20))
        for _ in range(3):
            Signup.objects.create(
                activity=activity,
                user=UserFactory.create(),
                status=SignupStatus.CONFIRMED,
                attended=True,
            )
    cache.clear()
    with django_assert_max_num_queries(len(first.captured_queries)):
        _page(client, world["coordinator"])


def _join(world, count):
    for _ in range(count):
        person = UserFactory.create()
        person.profile.municipality = world["odense"]
        person.profile.save()
        OrganisationMembership.objects.create(user=person, organisation=world["project"])


def _report(client, user, world, **changes):
    today = timezone.localdate()
    params = {
        "organisation": world["project"].pk,
        "first": (today - timedelta(days=30)).isoformat(),
        "last": today.isoformat(),
    }
    params.update(changes)
    return _page(client, user, "reports:report", **params)


def _row(report, title, label):
    section = next(s for s in report.sections if s.title == title)
    return next(r for r in section.rows if r.label == label).value


def test_small_numbers_are_not_shown(client, world):
    _join(world, 3)
    response = _report(client, world["coordinator"], world)
    assert _row(response.context["report"], "Medlemmer", "Nye medlemmer i perioden") is None
    assert "under 5" in response.content.decode()
    _join(world, 3)
    response = _report(client, world["coordinator"], world)
    assert _row(response.context["report"], "Medlemmer", "Nye medlemmer i perioden") == 6


def test_the_report_counts_activities_and_hours_of_the_period(client, world):
    activity = _activity(world, timezone.now() - timedelta(days=3))
    _activity(world, timezone.now() - timedelta(days=60))  # before the period
    for _ in range(6):
        Signup.objects.create(
            activity=activity, user=UserFactory.create(), status=SignupStatus.CONFIRMED
        )
    report = _report(client, world["coordinator"], world).context["report"]
    assert _row(report, "Aktiviteter", "Aktiviteter holdt") == 1
    assert _row(report, "Aktiviteter", "Pladser taget") == 6


def test_a_coordinator_reports_only_on_their_organisation_and_municipalities(client, world):
    _activity(world, timezone.now() - timedelta(days=3))
    response = _report(client, world["rival"], world)
    assert response.status_code == 200 and response.context["report"] is None
    assert "organisationer, du koordinerer for" in response.content.decode()
    far = _report(client, world["far"], world).context["report"]
    assert _row(far, "Aktiviteter", "Aktiviteter holdt") == 0  # Odense is not theirs
    admin = _report(client, world["admin"], world).context["report"]
    assert _row(admin, "Aktiviteter", "Aktiviteter holdt") == 1


def test_a_period_that_ends_before_it_starts_is_refused_kindly(client, world):
    response = _report(client, world["coordinator"], world, first="2026-05-01", last="2026-04-01")
    assert response.status_code == 200 and response.context["report"] is None
    page = response.content.decode()
    assert "Perioden skal slutte efter, den begynder." in page
    assert 'value="2026-05-01"' in page


def test_the_files_read_back_with_formulas_neutralised(client, world):
    world["project"].name = '=HYPERLINK("http://evil")'
    world["project"].save()
    _join(world, 2)
    csv_file = _report(client, world["coordinator"], world, file="csv")
    assert csv_file["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(csv_file.content.decode("utf-8-sig"))))
    assert rows[0][1].startswith("'=")
    assert ["Medlemmer", "Nye medlemmer i perioden", "<5"] in rows
    xlsx = _report(client, world["coordinator"], world, file="xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.title == "Rapport til bevillingsgivere"
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert cells[0][1].startswith("'=")
    assert not any(isinstance(v, str) and v.startswith("=") for row in cells for v in row)
    held = next(row for row in cells if row[1] == "Aktiviteter holdt")
    assert held[2] == 0 and isinstance(held[2], int)
