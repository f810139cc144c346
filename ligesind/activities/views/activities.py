"""Activity pages: browse, details with sign-up, create, change, cancel, attendance."""

from datetime import datetime, time
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ligesind.accounts.models import User
from ligesind.accounts.permissions import is_member
from ligesind.community.models import Group
from ligesind.core.errors import DomainError

from .. import permissions, services
from ..forms import ActivityFilterForm, ActivityForm
from ..models import Activity, Signup, SignupStatus, not_over
from ..services.calendar import filtered
from ..services.times import local_zone


def _visible(request: HttpRequest, pk: int) -> Activity:
    activity = get_object_or_404(
        Activity.objects.select_related("municipality", "organisation", "venue"), pk=pk
    )
    if not permissions.can_view_activity(request.user, activity):
        raise Http404
    return activity


def _managed(request: HttpRequest, pk: int) -> tuple[User, Activity]:
    activity = _visible(request, pk)
    if not permissions.can_manage_activity(request.user, activity):
        raise Http404
    return cast(User, request.user), activity


def _without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def activity_list(request: HttpRequest) -> HttpResponse:
    form = ActivityFilterForm(request.GET or None)
    rows = Activity.objects.filter(
        permissions.visible_activities_q(request.user), cancelled_at__isnull=True
    ).select_related("municipality", "organisation", "venue")
    since = timezone.now()
    if form.is_valid():
        data = form.cleaned_data
        rows = filtered(rows, data)
        if data["after"]:
            since = max(since, datetime.combine(data["after"], time()).replace(tzinfo=local_zone()))
    page = Paginator(rows.filter(not_over(since)), 20).get_page(request.GET.get("page"))
    mine = set()
    if request.user.is_authenticated:
        mine = set(
            Signup.objects.filter(user_id=request.user.pk, activity__in=page.object_list)
            .exclude(status=SignupStatus.CANCELLED)
            .values_list("activity_id", flat=True)
        )
    context = {
        "form": form,
        "page": page,
        "mine": mine,
        "can_create": permissions.can_create_activity(request.user),
        "query": _without_page(request),
    }
    return render(request, "activities/list.html", context)


def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _visible(request, pk)
    user = request.user
    signup = (
        Signup.objects.filter(activity=activity, user_id=user.pk)
        .exclude(status=SignupStatus.CANCELLED)
        .first()
        if user.is_authenticated
        else None
    )
    manages = permissions.can_manage_activity(user, activity)
    confirmed = activity.signups.filter(status=SignupStatus.CONFIRMED)
    context = {
        "activity": activity,
        "signup": signup,
        "position": services.waiting_position(activity, cast(User, user)) if signup else None,
        "taken": confirmed.count(),
        "waiting": activity.signups.filter(status=SignupStatus.WAITING).count(),
        "can_sign_up": permissions.can_sign_up(user, activity),
        "show_link": permissions.can_see_meeting_link(user, activity),
        "manages": manages,
        "attendees": confirmed.select_related("user__profile") if manages else [],
        "waiting_list": (
            activity.signups.filter(status=SignupStatus.WAITING).select_related("user__profile")
            if manages
            else []
        ),
        "is_member": is_member(user),
        "is_over": activity.ends_at <= timezone.now(),
        "other_dates": Activity.objects.filter(
            not_over(timezone.now()), series=activity.series, cancelled_at__isnull=True
        ).exclude(pk=activity.pk)[:12],
    }
    return render(request, "activities/detail.html", context)


def _for_group(request: HttpRequest) -> Group | None:
    """``?group=<pk>``: a group's own event, planned from the group's page."""
    raw = request.POST.get("group") or request.GET.get("group") or ""
    if not raw.isdigit():
        return None
    group = Group.objects.filter(pk=int(raw)).first()
    if group is None or not permissions.can_create_group_activity(request.user, group):
        raise Http404
    return group


@login_required
def activity_create(request: HttpRequest) -> HttpResponse:
    group = _for_group(request)
    if group is None and not permissions.can_create_activity(request.user):
        raise Http404
    form = ActivityForm(request.POST or None, group=group, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.create_activity(actor=cast(User, request.user), data=form.to_data())
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The activity is published."))
            return redirect("activities:detail", pk=created[0].pk)
    return render(request, "activities/form.html", {"form": form, "activity": None, "group": group})


def _initial(activity: Activity) -> dict[str, object]:
    start = timezone.localtime(activity.starts_at)
    end = timezone.localtime(activity.ends_at)
    return {
        "kind": activity.kind,
        "title": activity.title,
        "description": activity.description,
        "online": activity.online,
        "municipality": activity.municipality_id,
        "place": activity.place,
        "venue": activity.venue_id,
        "meeting_link": activity.meeting_link,
        "day": start.date(),
        "start": start.time(),
        "end": end.time(),
        "capacity": activity.capacity,
        "audience": activity.audience,
        "organisation": activity.organisation_id,
        "interests": list(activity.interests.values_list("pk", flat=True)),
    }


@login_required
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user, activity = _managed(request, pk)
    form = ActivityForm(
        request.POST or None,
        initial=_initial(activity),
        group=activity.group,
        user=request.user,
        keep=activity.organisation,
    )
    form.fields.pop("recurrence")
    form.fields.pop("occurrences")
    if request.method == "POST" and form.is_valid():
        try:
            services.update_activity(actor=user, activity=activity, data=form.to_data())
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The activity is changed. Everyone signed up is told."))
            return redirect("activities:detail", pk=activity.pk)
    return render(
        request,
        "activities/form.html",
        {"form": form, "activity": activity, "group": activity.group},
    )


@login_required
def activity_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    user, activity = _managed(request, pk)
    if request.method == "POST":
        services.cancel_activity(actor=user, activity=activity)
        messages.success(request, _("The activity is cancelled. Everyone signed up is told."))
        return redirect("activities:detail", pk=activity.pk)
    return render(request, "activities/cancel.html", {"activity": activity})


@login_required
@require_POST
def activity_sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _visible(request, pk)
    try:
        signup = services.sign_up(actor=cast(User, request.user), activity=activity)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if signup.status == SignupStatus.CONFIRMED:
            messages.success(request, _("You have a place. Welcome!"))
        else:
            messages.info(
                request,
                _("The activity is full. You are on the waiting list and will be told if a "
                  "place becomes free."),
            )  # fmt: skip
    return redirect("activities:detail", pk=activity.pk)


@login_required
@require_POST
def activity_leave(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _visible(request, pk)
    try:
        services.cancel_signup(actor=cast(User, request.user), activity=activity)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You are no longer signed up. Thank you for letting us know."))
    return redirect("activities:detail", pk=activity.pk)


@login_required
@require_POST
def activity_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    user, activity = _managed(request, pk)
    present = {int(v) for v in request.POST.getlist("present") if v.isdigit()}
    count = services.record_attendance(actor=user, activity=activity, present_ids=present)
    messages.success(request, _("Attendance saved: %(count)s came.") % {"count": count})
    return redirect("activities:detail", pk=activity.pk)


@login_required
def my_activities(request: HttpRequest) -> HttpResponse:
    if not is_member(request.user):
        raise Http404
    user = cast(User, request.user)
    now = timezone.now()
    signups = (
        Signup.objects.filter(user_id=user.pk, activity__ends_at__gt=now)
        .exclude(status=SignupStatus.CANCELLED)
        .select_related("activity__municipality")
        .order_by("activity__starts_at")
    )
    organised = Activity.objects.filter(organiser_id=user.pk, ends_at__gt=now).select_related(
        "municipality"
    )
    context = {"signups": signups, "organised": organised}
    return render(request, "activities/mine.html", context)
