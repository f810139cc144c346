"""Group pages: list, create, a group's discussion, join and leave, members, requests, invite."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ligesind.accounts.models import User
from ligesind.core.errors import DomainError

from .. import permissions, services
from ..forms import GroupForm, InviteForm
from ..models import Group, GroupKind, GroupMembership, MembershipStatus, Thread
from .access import member, visible_group
from .display import thread_items
from .forums import thread_form_page
from .lists import thread_rows


@login_required
def group_list(request: HttpRequest) -> HttpResponse:
    viewer = member(request)
    groups = list(Group.objects.filter(permissions.visible_groups_q(viewer)))
    mine = permissions.member_group_ids(viewer)
    pending = dict(
        GroupMembership.objects.filter(user=viewer)
        .exclude(status=MembershipStatus.MEMBER)
        .values_list("group_id", "status")
    )
    for group in groups:
        group.my_status = pending.get(group.pk)  # type: ignore[attr-defined]
    return render(
        request,
        "community/groups.html",
        {
            "mine": [g for g in groups if g.pk in mine],
            "others": [g for g in groups if g.pk not in mine],
        },
    )


@login_required
def create(request: HttpRequest) -> HttpResponse:
    actor = member(request)
    form = GroupForm(request.POST or None, choices=permissions.organisations_for_groups(actor))
    if request.method == "POST" and form.is_valid():
        try:
            group = services.create_group(actor=actor, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The group is made. You are its moderator."))
            return redirect("community:group", group.pk)
    return render(request, "community/group_form.html", {"form": form})


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    group = visible_group(request, pk)
    actor = member(request)
    if group.kind == GroupKind.VOLUNTEERS or not permissions.can_moderate_group(actor, group):
        raise Http404
    initial = {
        "name": group.name,
        "kind": group.kind,
        "visibility": group.visibility,
        "description": group.description,
        "organisation": group.organisation_id,
    }
    choices = permissions.organisations_for_groups(actor, keep=group.organisation_id)
    form = GroupForm(request.POST or None, initial=initial, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_group(actor=actor, group=group, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The group is changed."))
            return redirect("community:group", group.pk)
    return render(request, "community/group_form.html", {"form": form, "group": group})


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    group = visible_group(request, pk)
    viewer = member(request)
    readable = permissions.can_read_group(viewer, group)
    threads = Thread.objects.filter(group=group)
    page = (
        thread_rows(viewer, threads, request.GET.get("page"), in_groups=True) if readable else None
    )
    membership = GroupMembership.objects.filter(group=group, user_id=viewer.pk).first()
    return render(
        request,
        "community/group.html",
        {
            "group": group,
            "readable": readable,
            "page": page,
            "rows": thread_items(list(page.object_list)) if page else "",
            "is_member": permissions.is_group_member(viewer, group),
            "membership": membership,
            "can_moderate": permissions.can_moderate_group(viewer, group),
            "can_join": permissions.can_join_group(viewer, group),
            "can_start": permissions.can_start_thread_in_group(viewer, group),
            "requests": group.memberships.filter(status=MembershipStatus.REQUESTED).count(),
        },
    )


@login_required
def new_thread(request: HttpRequest, pk: int) -> HttpResponse:
    group = visible_group(request, pk)
    actor = member(request)
    if not permissions.can_start_thread_in_group(actor, group):
        raise PermissionDenied
    return thread_form_page(request, actor, group=group)


@login_required
@require_POST
def join(request: HttpRequest, pk: int) -> HttpResponse:
    group = visible_group(request, pk)
    try:
        joined = services.join_group(actor=member(request), group=group)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if joined.status == MembershipStatus.MEMBER:
            messages.success(request, _("Welcome to the group."))
        else:
            messages.success(
                request, _("Your request is sent. The group's moderators will answer it.")
            )
    return redirect("community:group", group.pk)


@login_required
@require_POST
def leave(request: HttpRequest, pk: int) -> HttpResponse:
    group = visible_group(request, pk)
    services.leave_group(actor=member(request), group=group)
    messages.success(request, _("You are no longer in the group."))
    if permissions.can_view_group(request.user, group):
        return redirect("community:group", group.pk)
    return redirect("community:groups")


@login_required
def members(request: HttpRequest, pk: int) -> HttpResponse:
    group = visible_group(request, pk)
    if not permissions.can_read_group(request.user, group):
        raise Http404
    viewer = request.user
    people: list[tuple[User, bool, GroupMembership | None]]
    if group.kind == GroupKind.VOLUNTEERS:
        people = [(user, False, None) for user in services.volunteer_members(group)]
    else:
        people = [
            (m.user, m.is_moderator, m if permissions.can_manage_member(viewer, m) else None)
            for m in group.memberships.filter(status=MembershipStatus.MEMBER)
            .select_related("user__profile", "group")
            .order_by("-is_moderator", "created_at")
        ]
    return render(request, "community/members.html", {"group": group, "people": people})


@login_required
@require_POST
def manage_member(request: HttpRequest, pk: int, membership: int) -> HttpResponse:
    """A group moderator makes a member a moderator (or not), or takes them out."""
    group = visible_group(request, pk)
    actor = member(request)
    chosen = get_object_or_404(
        GroupMembership.objects.select_related("group"),
        group=group,
        pk=membership,
        status=MembershipStatus.MEMBER,
    )
    if not permissions.can_manage_member(actor, chosen):
        raise Http404
    action = request.POST.get("action", "")
    try:
        if action == "remove":
            services.remove_from_group(actor=actor, membership=chosen)
        elif action in {"promote", "demote"}:
            services.set_group_moderator(
                actor=actor, membership=chosen, moderator=action == "promote"
            )
        else:
            raise DomainError(_("Please choose what to change."))
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The group's members are changed."))
    return redirect("community:group_members", group.pk)


@login_required
def requests(request: HttpRequest, pk: int) -> HttpResponse:
    group = visible_group(request, pk)
    actor = member(request)
    if not permissions.can_moderate_group(actor, group):
        raise Http404
    if request.method == "POST":
        asked = get_object_or_404(
            GroupMembership, group=group, pk=request.POST.get("membership") or 0
        )
        try:
            services.answer_join_request(
                actor=actor, membership=asked, approve=request.POST.get("answer") == "yes"
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The request is answered."))
        return redirect("community:group_requests", group.pk)
    waiting = group.memberships.filter(status=MembershipStatus.REQUESTED).select_related(
        "user__profile"
    )
    return render(request, "community/requests.html", {"group": group, "waiting": waiting})


@login_required
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    group = visible_group(request, pk)
    actor = member(request)
    if not permissions.can_moderate_group(actor, group) or group.kind == GroupKind.VOLUNTEERS:
        raise Http404
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_to_group(actor=actor, group=group, alias=form.cleaned_data["alias"])
        except DomainError as error:
            form.add_error("alias", error.message)
        else:
            messages.success(request, _("The invitation is sent."))
            return redirect("community:group", group.pk)
    return render(request, "community/invite.html", {"group": group, "form": form})
