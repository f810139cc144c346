"""Members report; moderators work the reports queue and decide."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ligesind.accounts.models import User
from ligesind.core.audit import record_staff_access
from ligesind.core.errors import DomainError

from .. import permissions, services
from ..forms import DecisionForm, ReasonForm, ReportForm
from ..models import AlertStatus, ModerationAction, Report
from .access import queue_status, report_moderator


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return ""


@login_required
def report(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    user = cast(User, request.user)
    try:
        reportable, target = services.reported_content(kind, pk)
    except DomainError as error:
        raise Http404 from error
    if not permissions.can_report(user, reportable, target):
        raise Http404
    form = ReportForm(request.POST or None)
    back = _safe_next(request)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_content(actor=user, kind=kind, object_id=pk, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return render(request, "safety/report_sent.html", {"back": back})
    context = {"form": form, "what": reportable.label, "text": reportable.text(target)}
    context["back"] = back
    return render(request, "safety/report.html", context)


@login_required
def reports(request: HttpRequest) -> HttpResponse:
    report_moderator(request)
    status = queue_status(request)
    rows = Report.objects.filter(status=status).select_related("member__profile")[:200]
    context = {
        "rows": rows,
        "status": status,
        "statuses": AlertStatus.choices,
        "open_appeals": services.open_appeal_count(),
    }
    return render(request, "safety/reports.html", context)


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = report_moderator(request)
    item = get_object_or_404(
        Report.objects.select_related("member__profile", "reporter__profile"), pk=pk
    )
    form = DecisionForm(request.POST if "kind" in request.POST else None)
    if "status" in request.POST:
        try:
            services.set_report_status(actor=user, report=item, status=request.POST["status"])
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Saved."))
        return redirect("safety:report_detail", pk=item.pk)
    if form.is_bound and form.is_valid():
        try:
            services.take_decision(actor=user, report=item, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The decision is saved and the member is told why."))
            return redirect("safety:report_detail", pk=item.pk)
    try:
        reportable, target = services.reported_content(item.kind, item.object_id)
    except DomainError:
        reportable, target = None, None
    if item.member is not None and target is not None:
        record_staff_access(
            viewer=user,
            subject=item.member,
            what=gettext_lazy("reported content"),
            purpose=gettext_lazy("handling a report"),
        )
    history = (
        list(ModerationAction.objects.filter(member=item.member).prefetch_related("undone_by")[:50])
        if item.member
        else []
    )
    context = {
        "report": item,
        "what": reportable.label if reportable else "",
        "text": reportable.text(target) if reportable and target is not None else None,
        "hidden": bool(reportable and target is not None and reportable.is_hidden(target)),
        "statuses": AlertStatus.choices,
        "form": form,
        "can_decide": item.member is not None and permissions.can_decide_about(user, item.member),
        "history": history,
        "restorable": {a.pk for a in history if permissions.can_restore(user, a)},
        "reason_form": ReasonForm(),
    }
    return render(request, "safety/report_detail.html", context)
