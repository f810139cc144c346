"""For workplaces: what the organisations offer and the request form; the staff's list and
each request's page."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.core.errors import DomainError
from ligesind.organisations.models import Organisation

from . import permissions, services
from .forms import ActivityForm, NoteForm, StatusForm, WorkplaceForm
from .models import WorkplaceRequest


def ask(request: HttpRequest) -> HttpResponse:
    chosen = Organisation.objects.filter(slug=request.GET.get("organisation", "")).first()
    form = WorkplaceForm(request.POST or None, initial={"organisation": chosen})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.send_workplace_request(
                actor=request.user,
                organisation=data["organisation"],
                data=services.WorkplaceData(
                    workplace=data["workplace"],
                    contact_name=data["contact_name"],
                    reach=data["reach"],
                    wants=list(data["wants"]),
                    message=data["message"],
                    municipality=data["municipality"],
                ),
                address=request.META.get("REMOTE_ADDR", ""),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect("workplaces:sent")
    return render(request, "workplaces/ask.html", {"form": form})


def sent(request: HttpRequest) -> HttpResponse:
    return render(request, "workplaces/sent.html")


@login_required
def requests(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    if not permissions.can_handle_any(user):
        raise Http404
    rows = services.requests_to_handle(user)
    return render(request, "workplaces/requests.html", {"rows": rows})


@login_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = cast(User, request.user)
    item = get_object_or_404(
        WorkplaceRequest.objects.select_related("organisation", "municipality", "activity"), pk=pk
    )
    if not permissions.can_handle_request(user, item):
        raise Http404
    action = request.POST.get("action", "") if request.method == "POST" else ""
    status_form = StatusForm(
        request.POST if action == "status" else None, initial={"status": item.status}
    )
    note_form = NoteForm(request.POST if action == "note" else None)
    activity_form = ActivityForm(
        request.POST if action == "activity" else None,
        activities=services.activities_to_link(item),
        initial={"activity": item.activity_id},
    )
    try:
        if action == "status" and status_form.is_valid():
            status = status_form.cleaned_data["status"]
            services.change_workplace_status(actor=user, request=item, status=status)
        elif action == "note" and note_form.is_valid():
            services.add_workplace_note(
                actor=user, request=item, text=note_form.cleaned_data["text"]
            )
        elif action == "activity" and activity_form.is_valid():
            activity = activity_form.cleaned_data["activity"]
            services.link_workplace_activity(actor=user, request=item, activity=activity)
        else:
            action = ""
    except DomainError as error:
        note_form.add_error(None, error.message)
        action = ""
    if action:
        messages.success(request, _("Saved."))
        return redirect("workplaces:request", pk=item.pk)
    return render(
        request,
        "workplaces/request.html",
        {
            "item": item,
            "notes": item.notes.select_related("author__profile"),
            "status_form": status_form,
            "note_form": note_form,
            "activity_form": activity_form,
        },
    )
