"""Setting a study up: an admin makes it and chooses the team; the team writes the rest and
opens it; what randomisation and the answers depend on cannot change under them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ligesind.accounts.models import Role, RoleAssignment
from ligesind.activities.models import CourseTemplate
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.research import services, study_setup
from ligesind.research.models import Arm, Participant, Study, TeamMember, Timepoint
from tests.factories import UserFactory, with_two_factor

from .test_taking_part import WHO5, baseline, consent, join


def setup_url(study):
    return reverse("research:setup", args=[study.slug])


def post(client, study, action, item="", **fields):
    data = {"action": action, "item": item}
    data.update({f"{action}-{name}": value for name, value in fields.items()})
    return client.post(setup_url(study), data)


def test_an_admin_makes_a_study_that_only_its_team_sees(client, admin_user, partnership, member):
    client.force_login(admin_user)
    assert client.get(reverse("research:new")).status_code == 200
    page = client.post(reverse("research:new"), {"organisation": partnership.pk, "title": "Ny"})
    assert "Sig med én sætning" in page.content.decode()  # the title typed is kept
    assert 'value="Ny"' in page.content.decode()
    response = client.post(
        reverse("research:new"),
        {"organisation": partnership.pk, "title": "Søvn og fællesskab", "summary": "Om søvn."},
    )
    study = Study.objects.get(title="Søvn og fællesskab")
    assert response["Location"] == setup_url(study)
    assert study.status == "draft" and study.slug == "soevn-og-faellesskab"
    client.force_login(member)
    assert client.get(reverse("research:study", args=[study.slug])).status_code == 404
    assert client.get(reverse("research:new")).status_code == 404
    assert client.get(setup_url(study)).status_code == 404


def test_the_team_writes_the_study_and_opens_it_once_it_is_ready(client, admin_user, partnership):
    study = study_setup.create_study(
        actor=admin_user, organisation=partnership, title="Søvn", summary="Om søvn."
    )
    client.force_login(admin_user)
    page = client.get(setup_url(study)).content.decode()
    assert "et samtykke" in page and "mindst to grupper" in page
    post(client, study, "study", title="Søvn", summary="Om søvn.", description="Mere tekst.")
    post(client, study, "question", text="Er du fyldt 18 år?", eligible_answer="yes")
    post(client, study, "arm", name="Forløb nu", kind="intervention")
    post(client, study, "arm", name="Venteliste", kind="waiting_list")
    post(client, study, "timepoint", name="Start", instrument="who5", days="0", anchor="enrolment")
    refused = post(client, study, "status", item="recruiting")
    study.refresh_from_db()
    assert study.status == "draft" and refused.status_code == 302
    assert "et samtykke" in client.get(refused["Location"]).content.decode()
    services.publish_consent_version(
        actor=admin_user, study=study, text="Information.", statements=["Jeg vil gerne."]
    )
    post(client, study, "status", item="recruiting")
    study.refresh_from_db()
    assert study.status == "recruiting" and study.description == "Mere tekst."
    assert [q.eligible_answer for q in study.questions.all()] == [True]
    assert [a.kind for a in study.arms.all()] == ["intervention", "waiting_list"]
    post(client, study, "status", item="closed")
    study.refresh_from_db()
    assert study.status == "closed"


def test_bad_input_is_explained_and_keeps_what_was_typed(client, study, researcher):
    client.force_login(researcher)
    page = post(client, study, "timepoint", name="Uge 10", instrument="who5", days="-3")
    text = page.content.decode()
    assert page.status_code == 200 and 'value="Uge 10"' in text
    assert "Skriv 0 dage eller flere" in text and "Vælg hvad dagene regnes fra" in text
    page = post(
        client,
        study,
        "timepoint",
        name="Uge 10",
        instrument="who5",
        days="70",
        anchor="course_start",
    ).content.decode()
    assert "Vælg det forløb" in page and 'value="Uge 10"' in page
    assert not Timepoint.objects.filter(study=study, name="Uge 10", anchor="course_start").exists()
    page = post(client, study, "question", text="", eligible_answer="yes").content.decode()
    assert "Skriv spørgsmålet" in page


def test_groups_and_answered_timepoints_stay_once_people_take_part(
    client, member, study, researcher
):
    client.force_login(member)
    join(client, study)
    consent(client, study)
    client.post(reverse("research:questionnaire", args=[study.slug, baseline(study).pk]), WHO5)
    assert hasattr(Participant.objects.get(user=member), "allocation")
    arm = study.arms.first()
    with pytest.raises(DomainError):
        study_setup.remove_arm(actor=researcher, arm=arm)
    with pytest.raises(DomainError):
        study_setup.add_arm(actor=researcher, study=study, name="Tredje", kind="intervention")
    with pytest.raises(DomainError):
        study_setup.remove_timepoint(actor=researcher, timepoint=baseline(study))
    with pytest.raises(DomainError):
        study_setup.set_study_status(actor=researcher, study=study, status="draft")
    client.force_login(researcher)
    response = post(client, study, "remove_arm", item=str(arm.pk))
    assert "allerede fundet sted" in client.get(response["Location"]).content.decode()
    assert Arm.objects.filter(pk=arm.pk).exists()
    page = post(
        client,
        study,
        "study",
        title=study.title,
        summary=study.summary,
        description="x",
        strata="municipality",
    ).content.decode()
    assert "allerede fundet sted" in page
    assert post(client, study, "remove_arm", item="x").status_code == 404
    assert post(client, study, "remove_question", item="").status_code == 404
    assert post(client, study, "nonsense").status_code == 404
    later = Timepoint.objects.get(study=study, days=70)
    post(client, study, "remove_timepoint", item=str(later.pk))  # no one answered it yet
    assert not Timepoint.objects.filter(pk=later.pk).exists()


def test_course_start_timepoints_need_the_course(client, study, researcher):
    course = CourseTemplate.objects.get(name="Vejen til hverdagslivet")
    study.course_template = course
    study.save()
    study_setup.add_timepoint(
        actor=researcher,
        study=study,
        name="Efter",
        instrument="who5",
        days=70,
        anchor="course_start",
    )
    with pytest.raises(DomainError):
        study_setup.update_study(
            actor=researcher,
            study=study,
            title=study.title,
            summary=study.summary,
            description=study.description,
            strata="",
            course_template=None,
        )


def test_only_admins_choose_the_team(client, study, researcher, admin_user, other_researcher):
    newcomer = with_two_factor(UserFactory.create(member__alias="Nyforsker"))
    client.force_login(researcher)
    response = post(client, study, "team", email=newcomer.email)
    assert "Kun administratorer" in client.get(response["Location"]).content.decode()
    assert "Kun administratorer" not in client.get(setup_url(study)).content.decode()
    with pytest.raises(NotAllowed):
        study_setup.add_team_member(
            actor=researcher, study=study, email=newcomer.email, peer_researcher=False
        )
    client.force_login(admin_user)
    page = post(client, study, "team", email="ingen@example.org").content.decode()
    assert "Ingen har en konto" in page
    post(client, study, "team", email=newcomer.email.upper(), peer_researcher="on")
    member = TeamMember.objects.get(study=study, user=newcomer)
    assert member.peer_researcher
    role = RoleAssignment.objects.get(user=newcomer, role=Role.RESEARCHER)
    assert list(role.organisations.all()) == [study.organisation]
    client.force_login(newcomer)
    assert client.get(reverse("research:dashboard", args=[study.slug])).status_code == 200
    client.force_login(admin_user)
    post(client, study, "remove_member", item=str(member.pk))
    client.force_login(newcomer)
    assert client.get(reverse("research:dashboard", args=[study.slug])).status_code == 404


def test_an_account_without_two_factor_is_not_put_on_the_team(client, study, admin_user):
    plain = UserFactory.create(member__alias="Udenkode")
    client.force_login(admin_user)
    page = post(client, study, "team", email=plain.email).content.decode()
    assert "to-faktor-login" in page
    assert not TeamMember.objects.filter(user=plain).exists()


def test_researchers_find_their_studies(client, study, researcher, other_researcher):
    client.force_login(researcher)
    page = client.get(reverse("research:studies")).content.decode()
    assert reverse("research:dashboard", args=[study.slug]) in page
    assert reverse("research:new") not in page
    client.force_login(other_researcher)
    page = client.get(reverse("research:studies")).content.decode()
    assert reverse("research:dashboard", args=[study.slug]) not in page


def test_the_set_up_page_asks_the_same_number_of_queries_however_much_it_shows(
    client, study, researcher
):
    client.force_login(researcher)
    client.get(setup_url(study))
    with CaptureQueriesContext(connection) as few:
        assert client.get(setup_url(study)).status_code == 200
    for n in range(10):
        study_setup.add_question(actor=researcher, study=study, text=f"Q{n}?", eligible_answer=True)
        study_setup.add_timepoint(
            actor=researcher,
            study=study,
            name=f"T{n}",
            instrument="who5",
            days=n,
            anchor="enrolment",
        )
    with CaptureQueriesContext(connection) as many:
        assert client.get(setup_url(study)).status_code == 200
    assert len(many) == len(few) <= 15
