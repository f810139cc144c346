"""Screening, versioned consent, the baseline WHO-5 and randomisation, withdrawal (keep or
delete), a new consent version, the pseudonymised export, and who may see what."""

import csv
import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ligesind.accounts.models import Role
from ligesind.activities import services as activities
from ligesind.activities.models import CourseTemplate, Enrolment
from ligesind.core.errors import DomainError
from ligesind.core.models import AccessLog, Notification
from ligesind.research import services
from ligesind.research.models import Allocation, Participant, Response, Timepoint
from tests.factories import make_staff, municipality

WHO5 = {"cheerful": "3", "calm": "2", "active": "4", "rested": "1", "interest": "3"}


def join(client, study, answers=("yes", "no")):
    q1, q2 = study.questions.all()
    return client.post(
        reverse("research:take_part", args=[study.slug]),
        {f"q{q1.pk}": answers[0], f"q{q2.pk}": answers[1]},
    )


def consent(client, study, name="Alice Jensen", ticks=(0, 1)):
    data = {f"s{i}": "on" for i in ticks}
    data["typed_name"] = name
    return client.post(reverse("research:consent", args=[study.slug]), data)


def baseline(study):
    return Timepoint.objects.get(study=study, days=0)


def test_referral_free_path_from_screening_to_randomised(client, member, study):
    client.force_login(member)
    response = join(client, study)
    assert response["Location"] == reverse("research:consent", args=[study.slug])
    page = consent(client, study, name="", ticks=(0,)).content.decode()
    assert "Sæt kryds ved alle udsagn" in page  # every statement, and the name kept
    consent(client, study)
    participant = Participant.objects.get(user=member)
    assert participant.status == "consented" and participant.enrolled_at
    stored = participant.consents.get()
    assert stored.version.number == 1 and stored.typed_name == "Alice Jensen"
    url = reverse("research:questionnaire", args=[study.slug, baseline(study).pk])
    assert client.get(url).status_code == 200
    client.post(url, WHO5)
    answer = Response.objects.get(participant=participant)
    assert (answer.raw_score, answer.score) == (13, 52)
    assert "Alice" not in answer.answers and json.loads(answer.answers)["cheerful"] == 3
    assert hasattr(Participant.objects.get(pk=participant.pk), "allocation")
    page = client.get(reverse("research:participation", args=[study.slug])).content.decode()
    assert "Du blev trukket til" in page
    assert client.get(url).status_code == 404  # answered: not open again


def test_not_eligible_is_told_kindly_and_cannot_consent(client, member, study):
    client.force_login(member)
    join(client, study, answers=("yes", "yes"))
    assert Participant.objects.get(user=member).status == "not_eligible"
    page = client.get(reverse("research:participation", args=[study.slug])).content.decode()
    assert "siger intet om dig" in page
    response = client.get(reverse("research:consent", args=[study.slug]))
    assert response.status_code == 302


def test_a_new_consent_version_asks_everyone_again(client, member, study, researcher):
    client.force_login(member)
    join(client, study)
    consent(client, study)
    participant = Participant.objects.get(user=member)
    assert not services.needs_consent(participant)
    services.publish_consent_version(
        actor=researcher, study=study, text="Nyt: vi gemmer svar i 10 år.", statements=["Ja."]
    )
    assert services.needs_consent(participant)
    assert Notification.objects.filter(recipient=member, kind="research_consent").exists()
    with pytest.raises(DomainError):
        services.answer_questionnaire(
            actor=member,
            participant=participant,
            timepoint=baseline(study),
            answers={k: int(v) for k, v in WHO5.items()},
        )
    client.post(reverse("research:consent", args=[study.slug]), {"s0": "on", "typed_name": "A"})
    assert participant.consents.count() == 2 and not services.needs_consent(participant)


@pytest.mark.parametrize("keep", [True, False])
def test_withdrawal_keeps_or_deletes_the_answers(client, member, study, keep):
    client.force_login(member)
    join(client, study)
    consent(client, study)
    client.post(reverse("research:questionnaire", args=[study.slug, baseline(study).pk]), WHO5)
    client.post(
        reverse("research:participation", args=[study.slug]),
        {"keep_answers": "yes" if keep else "no"},
    )
    participant = Participant.objects.get(user=member)
    assert participant.status == "withdrawn"
    assert Response.objects.filter(participant=participant).exists() == keep
    assert hasattr(participant, "allocation")  # the log keeps its line


def test_the_export_holds_study_codes_only_and_logs_each_look(
    client, member, other, study, researcher
):
    for person in (member, other):
        client.force_login(person)
        join(client, study)
        consent(client, study, name=f"Navn {person.pk}")
        client.post(reverse("research:questionnaire", args=[study.slug, baseline(study).pk]), WHO5)
    client.force_login(researcher)
    response = client.get(reverse("research:export", args=[study.slug]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["codebook.csv", "who5.csv"]
    text = "".join(archive.read(name).decode() for name in archive.namelist())
    for person in (member, other):
        profile = person.profile
        for secret in (person.email, profile.alias, profile.real_name, f"Navn {person.pk}"):
            if secret:
                assert secret not in text
    rows = list(csv.DictReader(io.StringIO(archive.read("who5.csv").decode())))
    assert len(rows) == 2 and {row["who5_percentage"] for row in rows} == {"52"}
    assert all(row["study_code"].startswith("HAAB-") for row in rows)
    assert AccessLog.objects.filter(actor_id=researcher.pk).count() == 2


def test_only_the_study_team_sees_the_team_pages(client, study, researcher, other_researcher):
    client.force_login(other_researcher)  # a researcher, but not on this study's team
    for name in ("research:dashboard", "research:export", "research:consent_version"):
        assert client.get(reverse(name, args=[study.slug])).status_code == 404
    client.force_login(researcher)
    page = client.get(reverse("research:dashboard", args=[study.slug]))
    assert page.status_code == 200


def course_for(study, admin_user, *, days):
    """The course the study evaluates, and a run of it starting in ``days``."""
    template = CourseTemplate.objects.get(name="Vejen til hverdagslivet")
    study.course_template = template
    study.save()
    guide = make_staff(Role.PEER_GUIDE, "Fredericia", admin=admin_user, alias="Leder")
    return activities.create_course_run(
        actor=admin_user,
        template=template,
        municipality=municipality("Fredericia"),
        place="Biblioteket",
        first_session_at=timezone.now() + timedelta(days=days),
        leaders=[guide],
        capacity=8,
        organisation=study.organisation,
    )


def test_the_intervention_group_is_offered_a_course_seat_and_the_waiting_list_later(
    client, member, other, study, admin_user
):
    run = course_for(study, admin_user, days=10)
    # Counted from a course start the waiting list does not have: it does not hold them back.
    Timepoint.objects.create(study=study, name="Efter forløbet", days=200, anchor="course_start")
    for person in (member, other):
        client.force_login(person)
        join(client, study)
        consent(client, study)
        client.post(reverse("research:questionnaire", args=[study.slug, baseline(study).pk]), WHO5)
    for person in (member, other):
        participant = Participant.objects.get(user=person)
        arm = Allocation.objects.get(participant=participant).arm
        runs = services.offered_runs(participant)
        if arm.kind == "intervention":
            assert list(runs) == [run]
        else:
            assert list(runs) == []
            participant.enrolled_at = timezone.now() - timedelta(days=71)  # week 10 is due
            participant.save()
            assert list(services.offered_runs(participant)) == [run]


def test_a_professional_refers_someone_who_is_invited_and_decides_themselves(
    client, study, researcher, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("research:refer", args=[study.slug])
    base = {
        "referrer_name": "Inge",
        "referrer_workplace": "Bostøtten i Fredericia",
        "referrer_email": "inge@fredericia.dk",
        "person_name": "Karin",
    }
    page = client.post(url, {**base, "person_reach": "karin@example.org"}).content.decode()
    assert "Henvis kun en, der har sagt ja til" in page and "Bostøtten i Fredericia" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**base, "person_reach": "karin@example.org", "agreed": "on"})
        client.post(url, {**base, "person_reach": "21 43 65 87", "agreed": "on"})
    assert len(mailoutbox) == 1
    invitation = mailoutbox[0]
    assert invitation.to == ["karin@example.org"]
    assert "Bostøtten i Fredericia" in invitation.body
    assert reverse("research:study", args=[study.slug]) in invitation.body
    client.force_login(researcher)
    page = client.get(reverse("research:referrals", args=[study.slug])).content.decode()
    assert "21 43 65 87" in page and "Karin" in page


def test_a_due_questionnaire_is_told_once(client, member, study):
    client.force_login(member)
    join(client, study)
    consent(client, study)
    assert services.send_questionnaire_reminders() == 1  # the baseline
    assert services.send_questionnaire_reminders() == 0
    participant = Participant.objects.get(user=member)
    participant.enrolled_at = timezone.now() - timedelta(days=70)
    participant.save()
    assert services.send_questionnaire_reminders() == 1  # week 10
    assert Notification.objects.filter(recipient=member, kind="research_due").count() == 2


def test_the_dashboard_shows_means_with_confidence_intervals_by_arm(client, study, researcher):
    from ligesind.research.analysis import mean_with_ci, outcome_charts

    mean, low, high = mean_with_ci([40, 60, 50, 70, 30])
    assert mean == 50 and low is not None and high is not None
    assert round(low, 1) == 30.4 and round(high, 1) == 69.6  # t(0.975, 4) = 2.776, sd 15.8
    assert mean_with_ci([]) == (None, None, None)
    assert mean_with_ci([64]) == (64, None, None)
    (chart,) = outcome_charts(study)
    assert chart.key == "who5" and (chart.low, chart.high) == (0, 100)
    assert len(chart.rows) == 4 and all(row.n == 0 for row in chart.rows)
    assert chart.marks == []
    client.force_login(researcher)
    assert client.get(reverse("research:dashboard", args=[study.slug])).status_code == 200


def test_a_timepoint_can_count_from_the_participants_course_start(
    client, member, study, admin_user
):
    after_course = Timepoint.objects.create(
        study=study, name="Efter forløbet", days=70, anchor="course_start"
    )
    client.force_login(member)
    join(client, study)
    consent(client, study)
    participant = Participant.objects.get(user=member)
    assert after_course not in services.due_timepoints(participant)  # no course yet
    run = course_for(study, admin_user, days=1)
    participant = Participant.objects.get(user=member)  # its study now names the course
    Enrolment.objects.create(run=run, user=member, status="enrolled")
    assert after_course not in services.due_timepoints(participant)  # 69 days to go
    run.sessions.update(starts_at=timezone.now() - timedelta(days=71))  # ten weeks on
    assert after_course in services.due_timepoints(participant)
