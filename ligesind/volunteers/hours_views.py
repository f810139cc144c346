"""The volunteer's hours and record: log and correct hours, see the record, download the
statement as a PDF."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.accounts.permissions import is_member, role_organisation_ids
from ligesind.core.errors import DomainError
from ligesind.organisations.models import Organisation

from . import permissions, services
from .forms import ChangeHoursForm, HoursForm, StatementForm
from .models import VOLUNTEER_ROLES, VolunteerHours
from .record import record_pdf, volunteer_record

HOURS_PER_PAGE = 50


def _own_organisations(user: User) -> QuerySet[Organisation]:
    """The organisations the volunteer's roles act for (a role for every one: all)."""
    ids: set[int] = set()
    for role in VOLUNTEER_ROLES:
        scoped = role_organisation_ids(user, role)
        if scoped is None:
            return Organisation.objects.all()
        ids |= scoped
    return Organisation.objects.filter(pk__in=ids)


@login_required
def hours(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    if not permissions.can_log_hours(user):
        raise Http404
    organisations = _own_organisations(user)
    form = HoursForm(
        request.POST or None, organisations=organisations, initial={"on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organisation = data["organisation"]
        try:
            services.log_hours(
                actor=user,
                data=services.HoursData(
                    kind=data["kind"],
                    on=data["on"],
                    hours=data["hours"],
                    organisation=organisation,
                    municipality=getattr(getattr(user, "profile", None), "municipality", None),
                    note=data["note"],
                ),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The hours are logged. Thank you for your time."))
            return redirect("volunteers:hours")
    entries = (
        VolunteerHours.objects.filter(volunteer=user)
        .select_related("organisation")
        .order_by("-on", "-pk")
    )
    page = Paginator(entries, HOURS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "volunteers/hours.html", {"form": form, "page": page})


@login_required
def hours_entry(request: HttpRequest, pk: int) -> HttpResponse:
    user = cast(User, request.user)
    entry = get_object_or_404(VolunteerHours.objects.select_related("organisation"), pk=pk)
    if not permissions.owns_hours(user, entry):
        raise Http404
    form = ChangeHoursForm(
        request.POST if request.POST.get("action") == "change" else None,
        initial={"hours": entry.hours, "note": entry.note},
    )
    if request.method == "POST":
        try:
            if request.POST.get("action") == "delete":
                services.delete_hours(actor=user, entry=entry)
                messages.success(request, _("The hours are deleted."))
                return redirect("volunteers:hours")
            if form.is_valid():
                services.change_hours(
                    actor=user,
                    entry=entry,
                    hours=form.cleaned_data["hours"],
                    note=form.cleaned_data["note"],
                )
                messages.success(request, _("The hours are saved."))
                return redirect("volunteers:hours")
        except DomainError as error:
            form.add_error(None, error.message)
    return render(request, "volunteers/hours_entry.html", {"entry": entry, "form": form})


@login_required
def record(request: HttpRequest) -> HttpResponse:
    """Everyone may see their own record (also after their role has ended); the statement is
    made on request with the name they type, which is not kept."""
    user = cast(User, request.user)
    if not is_member(user):
        raise Http404
    form = StatementForm(request.POST or None)
    data = volunteer_record(user)
    if request.method == "POST" and form.is_valid():
        response = HttpResponse(
            record_pdf(data, form.cleaned_data["name"].strip()), content_type="application/pdf"
        )
        filename = f"frivilligt-arbejde-{timezone.localdate():%Y-%m-%d}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response
    return render(
        request,
        "volunteers/record.html",
        {"record": data, "form": form, "can_log": permissions.can_log_hours(user)},
    )
