"""Volunteer pages: why and how, the application, the coordinator's queue and the screening."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.accounts.permissions import has_two_factor
from ligesind.core.errors import DomainError
from ligesind.core.forms import local_datetime
from ligesind.organisations.models import Organisation

from . import permissions, services
from .forms import ApplicationForm, ConversationForm, DecisionForm, NoteForm
from .models import OPEN_STATUSES, TrainingEnrolment, VolunteerApplication
from .training import still_needed


def start(request: HttpRequest) -> HttpResponse:
    """Why volunteer, what it takes, and the way in (for visitors: an account first)."""
    mine = []
    if request.user.is_authenticated:
        mine = list(
            VolunteerApplication.objects.filter(applicant_id=request.user.pk).select_related(
                "organisation", "municipality"
            )
        )
    organisations = Organisation.objects.prefetch_related("municipalities")
    enrolments = []
    if request.user.is_authenticated:
        enrolments = list(
            TrainingEnrolment.objects.filter(volunteer_id=request.user.pk)
            .select_related("programme__organisation")
            .prefetch_related("programme__modules")
        )
    return render(
        request,
        "volunteers/start.html",
        {
            "mine": mine,
            "organisations": organisations,
            "can_screen": permissions.can_screen_any(request.user),
            "can_log_hours": permissions.can_log_hours(request.user),
            "enrolments": enrolments,
            "still_needed": still_needed(request.user),
        },
    )


@login_required
def apply(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    if not permissions.can_apply(user):
        raise Http404
    chosen = Organisation.objects.filter(slug=request.GET.get("organisation", "")).first()
    profile = getattr(user, "profile", None)
    form = ApplicationForm(
        request.POST or None,
        initial={"organisation": chosen, "municipality": getattr(profile, "municipality_id", None)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = services.apply_to_volunteer(
                actor=user,
                data=services.ApplicationData(
                    organisation=data["organisation"],
                    municipality=data["municipality"],
                    experience=data["experience"],
                    motivation=data["motivation"],
                    wishes=list(data["wishes"]),
                    availability=data["availability"],
                ),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Thank you! The local coordinator will contact you to book a conversation."),
            )
            return redirect("volunteers:application", pk=application.pk)
    return render(request, "volunteers/apply.html", {"form": form})


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    if not permissions.can_screen_any(user):
        raise Http404
    rows = services.applications_to_screen(user)
    waiting_first = Case(
        When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return render(
        request,
        "volunteers/queue.html",
        {"applications": rows.order_by(waiting_first, "-created_at")[:200]},
    )


ACTIONS = {"book", "note", "decide", "withdraw"}


@login_required
def application(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(
        VolunteerApplication.objects.select_related(
            "applicant__profile", "organisation", "municipality"
        ),
        pk=pk,
    )
    user = cast(User, request.user)
    if not permissions.can_view_application(user, item):
        raise Http404
    screens = permissions.screens(user, item)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    forms = {
        "book": ConversationForm(request.POST if action == "book" else None),
        "note": NoteForm(request.POST if action == "note" else None),
        "decide": DecisionForm(request.POST if action == "decide" else None),
    }
    if action in ACTIONS:
        done = _act(request, user, item, action, forms)
        if done:
            messages.success(request, done)
            return redirect("volunteers:application", pk=item.pk)
    elif screens:
        services.look_at_application(viewer=user, application=item)
    can_note = permissions.can_read_notes(user, item)
    notes = item.notes.select_related("author__profile") if can_note else []
    return render(
        request,
        "volunteers/application.html",
        {
            "item": item,
            "screens": screens,
            "notes": notes,
            "can_note": can_note,
            "mine": item.applicant_id == user.pk,
            "needs_two_factor": item.status == "approved"
            and item.role_granted_at is None
            and not has_two_factor(item.applicant),
            **{f"{key}_form": form for key, form in forms.items()},
        },
    )


def _act(
    request: HttpRequest, user: User, item: VolunteerApplication, action: str, forms: dict
) -> str:
    """One action from the page; its confirmation, or "" with the error shown on its form."""
    try:
        if action == "withdraw":
            services.withdraw_application(actor=user, application=item)
            return _("Your application is withdrawn.")
        form = forms[action]
        if not form.is_valid():
            return ""
        data = form.cleaned_data
        if action == "book":
            services.book_conversation(
                actor=user,
                application=item,
                when=local_datetime(data["day"], data["start"]),
                place=data["place"],
            )
            return _("The conversation is booked, and the applicant is told.")
        if action == "note":
            services.add_application_note(actor=user, application=item, text=data["text"])
            return _("Your note is kept.")
        services.decide_application(
            actor=user,
            application=item,
            decision=data["decision"],
            message=data["message"],
            not_before=data["not_before"],
        )
        return _("The decision is made, and the applicant is told.")
    except DomainError as error:
        if action in forms:
            forms[action].add_error(None, error.message)
        else:
            messages.error(request, error.message)
        return ""
