from django.core.management import call_command

from ligesind.accounts.models import (
    Perspective,
    Profile,
    ProfileExperience,
    Role,
    RoleAssignment,
    User,
)
from ligesind.demo.people import DEMO_MUNICIPALITIES


def test_demo_data_is_varied_and_idempotent(capsys):
    call_command("load_demo")
    counts = (User.objects.count(), RoleAssignment.objects.count(), Profile.objects.count())
    call_command("load_demo")
    assert (User.objects.count(), RoleAssignment.objects.count(), Profile.objects.count()) == counts
    members = User.objects.filter(roles__isnull=True)
    assert members.count() >= 60
    perspectives = set(ProfileExperience.objects.values_list("perspective", flat=True))
    assert perspectives == {p.value for p in Perspective}
    roles = set(RoleAssignment.objects.values_list("role", flat=True))
    assert roles == {r.value for r in Role}
    coordinators = RoleAssignment.objects.filter(role=Role.COORDINATOR)
    assert coordinators.count() * 2 == len(DEMO_MUNICIPALITIES)
    assert "ligesind-demo" in capsys.readouterr().out
    from ligesind.messaging.models import Conversation, Message, MessageRequest

    assert (
        Conversation.objects.count(),
        Message.objects.count(),
        MessageRequest.objects.count(),
    ) == (6, 8, 1)  # three direct (one reported), one group, one course group, one match
    from ligesind.activities.models import Accompaniment, Activity, CourseRun, Enrolment, Signup

    assert Activity.objects.count() == 8 + 1 + 6 + 1 + 6 + 1 + 1 + 1  # and a group's walk
    assert Activity.objects.filter(audience="group", group__name__startswith="Gåtur").exists()
    assert Signup.objects.filter(status="waiting").count() == 2
    assert (CourseRun.objects.count(), Enrolment.objects.count()) == (2, 9)
    assert Accompaniment.objects.count() == 2
    from ligesind.matching.models import Match, MatchProfile

    assert list(Match.objects.values_list("status", flat=True)) == ["active"]
    assert MatchProfile.objects.filter(offers_support=True).count() >= 12
    assert MatchProfile.objects.filter(seeking=True).count() >= 5
    from ligesind.safety.models import Report

    assert list(Report.objects.values_list("reason", "status")) == [("misleading", "new")]
    from ligesind.community.models import Group, Post, Thread

    assert (Thread.objects.count(), Post.objects.count()) == (7, 16)
    assert Thread.objects.filter(anonymous=True).count() == 2
    assert set(Group.objects.exclude(kind="volunteers").values_list("visibility", flat=True)) == {
        "open",
        "request",
        "hidden",
    }
    volunteers = Group.objects.filter(kind="volunteers")  # each organisation's, where it works
    assert volunteers.count() == len(DEMO_MUNICIPALITIES)
    assert not volunteers.filter(organisation__isnull=True).exists()


def test_democode_prints_a_code(capsys):
    call_command("load_demo")
    call_command("democode", "admin@demo.ligesind.dk")
    assert capsys.readouterr().out.strip()[-6:].isdigit()


def test_createadmin(capsys):
    call_command("createadmin", "boss@example.org", "--password", "et-langt-kodeord-1")
    boss = User.objects.get(email="boss@example.org")
    assert boss.is_superuser and boss.is_staff
