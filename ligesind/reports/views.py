"""The coordinator's dashboard and the funders' report (page, CSV, XLSX)."""

from datetime import date
from typing import cast

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ligesind.accounts.models import User
from ligesind.core.models import Municipality
from ligesind.organisations.models import Organisation
from ligesind.organisations.permissions import organisations_coordinated_by

from . import permissions
from .dashboard import charts_for, waiting_for
from .files import report_csv, report_xlsx
from .forms import PlaceForm, ReportForm
from .funders import Period, funders_report
from .scope import Scope, coordinator_scope

FILES = {
    "csv": ("text/csv; charset=utf-8", report_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", report_xlsx),
}


def _places(scope: Scope) -> QuerySet[Municipality]:
    rows = Municipality.objects.order_by("name")
    return rows if scope.municipalities is None else rows.filter(pk__in=scope.municipalities)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    if not permissions.can_see_dashboard(user):
        raise Http404
    scope = coordinator_scope(user)
    form = PlaceForm(request.GET or None, municipalities=_places(scope))
    chosen = form.cleaned_data["municipality"] if form.is_valid() else None
    scope = scope.narrowed(chosen.pk if chosen else None)
    now = timezone.now()
    months = charts_for(scope, timezone.localdate(now))
    return render(
        request,
        "reports/dashboard.html",
        {
            "form": form,
            "chosen": chosen,
            "waiting": waiting_for(user, scope, now),
            "charts": months.charts,
            "charts_made": months.made,
        },
    )


@login_required
def report(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    if not permissions.can_see_dashboard(user):
        raise Http404
    scope = coordinator_scope(user)
    organisations = organisations_coordinated_by(user).order_by("name")
    today = timezone.localdate()
    form = ReportForm(
        request.GET or None,
        municipalities=_places(scope),
        organisations=organisations,
        initial={"first": date(today.year - 1, 1, 1), "last": date(today.year - 1, 12, 31)},
    )
    made = None
    if request.GET and form.is_valid():
        data = form.cleaned_data
        organisation: Organisation = data["organisation"]
        if not permissions.can_report_on(user, organisation.pk):
            raise Http404
        chosen = data["municipality"]
        counted = scope.narrowed(chosen.pk if chosen else None).municipalities
        made = funders_report(
            organisation, counted, Period(data["first"], data["last"]), municipality=chosen
        )
        kind = request.GET.get("file", "")
        if kind in FILES:
            content_type, write = FILES[kind]
            response = HttpResponse(write(made), content_type=content_type)
            name = f"rapport-{organisation.slug}-{data['first']:%Y-%m-%d}-{data['last']:%Y-%m-%d}"
            response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
            return response
    return render(
        request,
        "reports/report.html",
        {"form": form, "report": made, "query": request.GET.urlencode()},
    )
