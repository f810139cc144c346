"""A member's own standing (decisions, appeals); moderators undo decisions and answer appeals."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ligesind.accounts.models import User
from ligesind.core.errors import DomainError

from .. import permissions, services
from ..forms import AnswerForm, AppealForm, ReasonForm
from ..models import Appeal, ModerationAction
from .access import report_moderator


@login_required
def standing(request: HttpRequest) -> HttpResponse:
    """The decisions about me, each with its reason and a box to appeal."""
    if not permissions.can_see_own_standing(request.user):
        raise Http404
    user = cast(User, request.user)
    decisions = (
        ModerationAction.objects.filter(member=user)
        .select_related("appeal")
        .prefetch_related("undone_by")
    )
    context = {
        "decisions": decisions,
        "appealable": {a.pk for a in decisions if permissions.can_appeal(user, a)},
        "form": AppealForm(),
        "me": user,
    }
    return render(request, "safety/standing.html", context)


@login_required
def appeal_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = cast(User, request.user)
    action = get_object_or_404(ModerationAction, pk=pk, member_id=user.pk)
    if not permissions.can_see_own_standing(user):
        raise Http404
    if not permissions.can_appeal(user, action):
        messages.info(request, _("This decision has been appealed or undone already."))
        return redirect("safety:standing")
    form = AppealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appeal_decision(actor=user, action=action, text=form.cleaned_data["text"])
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your appeal is sent. A moderator will answer you here."))
            return redirect("safety:standing")
    return render(request, "safety/appeal_form.html", {"form": form, "action": action})


@login_required
@require_POST
def restore(request: HttpRequest, pk: int) -> HttpResponse:
    user = report_moderator(request)
    action = get_object_or_404(ModerationAction, pk=pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the reason the member will read."))
    else:
        try:
            services.restore_decision(actor=user, action=action, reason=form.cleaned_data["reason"])
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The decision is undone and the member is told why."))
    if action.report_id:
        return redirect("safety:report_detail", pk=action.report_id)
    return redirect("safety:decisions")


@login_required
def decisions(request: HttpRequest) -> HttpResponse:
    """Every moderator decision, newest first: the moderation audit trail."""
    report_moderator(request)
    rows = ModerationAction.objects.select_related(
        "member__profile", "moderator__profile", "undoes"
    )[:200]
    return render(request, "safety/decisions.html", {"rows": rows})


@login_required
def appeals(request: HttpRequest) -> HttpResponse:
    report_moderator(request)
    rows = Appeal.objects.filter(answered_at__isnull=True).select_related("action__member__profile")
    return render(request, "safety/appeals.html", {"rows": rows})


@login_required
def appeal(request: HttpRequest, pk: int) -> HttpResponse:
    user = report_moderator(request)
    item = get_object_or_404(
        Appeal.objects.select_related("action__member__profile", "action__moderator__profile"),
        pk=pk,
    )
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_appeal(actor=user, appeal=item, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The answer is saved and the member is told."))
            return redirect("safety:appeals")
    context = {
        "appeal": item,
        "form": form,
        "can_answer": permissions.can_answer_appeal(user, item),
    }
    return render(request, "safety/appeal.html", context)
