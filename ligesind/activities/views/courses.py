"""Course pages: the list, a run with its sessions, enrolment, attendance and leaders' notes."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ligesind.accounts.models import Role, RoleAssignment, User
from ligesind.accounts.permissions import (
    acting_for,
    coordinated_municipality_ids,
    is_admin,
    is_member,
    role_organisation_ids,
)
from ligesind.core.errors import DomainError
from ligesind.core.models import Municipality
from ligesind.organisations.permissions import organisations_coordinated_by
from ligesind.volunteers.training import untrained

from .. import permissions, services
from ..forms import CourseRunForm, MoveSessionForm, SessionNotesForm, local_datetime
from ..models import CourseRun, CourseSession, Enrolment
from ..models import EnrolmentStatus as Status


def _runs() -> QuerySet[CourseRun]:
    return CourseRun.objects.select_related("template", "municipality", "organisation").annotate(
        first=Min("sessions__starts_at"),
        taken=Count("enrolments", filter=Q(enrolments__status=Status.ENROLLED), distinct=True),
    )


def course_list(request: HttpRequest) -> HttpResponse:
    upcoming = CourseSession.objects.filter(run=OuterRef("pk"), starts_at__gt=timezone.now())
    runs = _runs().filter(Exists(upcoming)).order_by(F("first").asc())
    mine: set[int] = set()
    if request.user.is_authenticated:
        mine = set(
            Enrolment.objects.filter(user_id=request.user.pk)
            .exclude(status=Status.WITHDRAWN)
            .values_list("run_id", flat=True)
        ) | set(CourseRun.objects.filter(leaders=request.user.pk).values_list("pk", flat=True))
    context = {
        "runs": runs,
        "mine": mine,
        "can_plan": permissions.can_plan_courses(request.user),
    }
    return render(request, "activities/courses.html", context)


def _leader_choices(user: User, admin: bool) -> object:
    """Peer guides and coordinators of the coordinator's municipalities who act for one of
    the coordinator's organisations (an admin: every volunteer)."""
    roles = RoleAssignment.objects.filter(role__in=[Role.PEER_GUIDE, Role.COORDINATOR])
    if not admin:
        roles = roles.filter(municipalities__in=coordinated_municipality_ids(user))
        roles = roles.filter(acting_for(role_organisation_ids(user, Role.COORDINATOR)))
    coordinator = RoleAssignment.objects.filter(user_id=OuterRef("pk"), role=Role.COORDINATOR)
    return (
        User.objects.filter(is_active=True, pk__in=roles.values("user_id"))
        .filter(~Q(untrained("pk")) | Q(Exists(coordinator)))  # permissions.may_lead
        .select_related("profile")
        .order_by("profile__alias")
    )


@login_required
def course_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not permissions.can_plan_courses(user):
        raise Http404
    admin = is_admin(user)
    places = Municipality.objects.all()
    if not admin:
        places = places.filter(pk__in=coordinated_municipality_ids(user))
    form = CourseRunForm(
        request.POST or None,
        municipalities=places,
        leaders=_leader_choices(cast(User, user), admin),
        organisations=organisations_coordinated_by(user),
        organisation_required=permissions.must_name_organisation(user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            run = services.create_course_run(
                actor=cast(User, user),
                template=data["template"],
                municipality=data["municipality"],
                place=data["place"],
                first_session_at=local_datetime(data["day"], data["start"]),
                leaders=list(data["leaders"]),
                capacity=data["capacity"],
                organisation=data["organisation"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The course is planned with all its sessions."))
            return redirect("activities:course", pk=run.pk)
    return render(request, "activities/course_form.html", {"form": form})


def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(_runs(), pk=pk)
    user = cast(User, request.user)
    enrolment = (
        Enrolment.objects.filter(run=run, user_id=user.pk).exclude(status=Status.WITHDRAWN).first()
        if user.is_authenticated
        else None
    )
    staff = permissions.can_take_attendance(user, run)
    counts = services.attended_counts(run) if (staff or enrolment) else {}
    sessions = list(run.sessions.all())
    present: set[int] = set()
    if enrolment:
        present = set(
            run.sessions.filter(attendance__user_id=user.pk, attendance__present=True).values_list(
                "pk", flat=True
            )
        )
    participants = []
    if staff:
        for row in run.enrolments.filter(status=Status.ENROLLED).select_related("user__profile"):
            attended = counts.get(row.user_id, 0)
            participants.append((row, attended, services.has_completed(run, attended)))
    waiting = run.enrolments.filter(status=Status.WAITING)
    mine = counts.get(user.pk, 0) if enrolment else 0
    context = {
        "run": run,
        "sessions": sessions,
        "leaders": run.leaders.select_related("profile"),
        "enrolment": enrolment,
        "position": (
            list(waiting.values_list("user_id", flat=True)).index(user.pk) + 1
            if enrolment and enrolment.status == Status.WAITING
            else None
        ),
        "present": present,
        "attended": mine,
        "completed": services.has_completed(run, mine),
        "can_enrol": permissions.can_enrol(user, run) and is_member(user),
        "is_member": is_member(user),
        "staff": staff,
        "leads": permissions.leads_run(user, run),
        "participants": participants,
        "waiting_count": waiting.count(),
        "in_conversation": run.conversation_id is not None
        and (enrolment is not None and enrolment.status == Status.ENROLLED
             or permissions.leads_run(user, run)),
    }  # fmt: skip
    return render(request, "activities/course.html", context)


@login_required
@require_POST
def course_enrol(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(CourseRun, pk=pk)
    try:
        enrolment = services.enrol(actor=cast(User, request.user), run=run)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if enrolment.status == Status.ENROLLED:
            messages.success(request, _("You are enrolled. Welcome to the course!"))
        else:
            messages.info(
                request,
                _("The course is full. You are on the waiting list and will be told if a "
                  "place becomes free."),
            )  # fmt: skip
    return redirect("activities:course", pk=run.pk)


@login_required
@require_POST
def course_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(CourseRun, pk=pk)
    try:
        services.withdraw(actor=cast(User, request.user), run=run)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You have left the course. Thank you for letting us know."))
    return redirect("activities:course", pk=run.pk)


@login_required
def course_session(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(CourseSession.objects.select_related("run__template"), pk=pk)
    run, user = session.run, cast(User, request.user)
    if not permissions.can_take_attendance(user, run):
        raise Http404
    notes_form = SessionNotesForm(request.POST or None, initial={"notes": session.notes})
    move_form = MoveSessionForm(request.POST or None)
    action = request.POST.get("action")
    try:
        if action == "attendance":
            present = {int(v) for v in request.POST.getlist("present") if v.isdigit()}
            services.record_session_attendance(actor=user, session=session, present_ids=present)
            messages.success(request, _("Attendance saved."))
            return redirect("activities:session", pk=session.pk)
        if action == "notes" and notes_form.is_valid():
            services.save_session_notes(
                actor=user, session=session, notes=notes_form.cleaned_data["notes"]
            )
            messages.success(request, _("Notes saved."))
            return redirect("activities:session", pk=session.pk)
        if action == "move" and move_form.is_valid():
            data = move_form.cleaned_data
            services.move_session(
                actor=user, session=session, starts_at=local_datetime(data["day"], data["start"])
            )
            messages.success(request, _("The session is moved. Participants and leaders are told."))
            return redirect("activities:session", pk=session.pk)
    except DomainError as error:
        messages.error(request, error.message)
    present_ids = set(session.attendance.filter(present=True).values_list("user_id", flat=True))
    context = {
        "session": session,
        "run": run,
        "participants": run.enrolments.filter(status=Status.ENROLLED).select_related(
            "user__profile"
        ),
        "present_ids": present_ids,
        "notes_form": notes_form
        if action == "notes"
        else SessionNotesForm(initial={"notes": session.notes}),
        "move_form": move_form if action == "move" else MoveSessionForm(),
        "leads": permissions.leads_run(user, run),
        "can_read_notes": permissions.can_read_session_notes(user, run),
        "can_move": permissions.can_move_session(user, run),
    }
    return render(request, "activities/session.html", context)
