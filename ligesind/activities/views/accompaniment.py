"""Følgeskab pages: ask for company, offer or assign a volunteer, confirm, log hours, feedback."""

from datetime import timedelta
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import Role, RoleAssignment, User
from ligesind.accounts.permissions import (
    acting_for,
    coordinated_municipality_ids,
    is_member,
    scope_q,
)
from ligesind.core.errors import DomainError
from ligesind.membership.entitlements import Feature, require_feature

from .. import permissions, services
from ..forms import AccompanimentForm, AssignForm, FeedbackForm, HoursForm, local_datetime
from ..models import Accompaniment
from ..models import AccompanimentStatus as Status


@login_required
def accompaniment_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not is_member(user):
        raise Http404
    base = Accompaniment.objects.select_related("municipality", "member__profile")
    coordinated = scope_q(user)
    offer_places = permissions.volunteer_municipality_ids(user)
    context = {
        "mine": base.filter(member_id=user.pk).exclude(status=Status.CANCELLED),
        "giving": base.filter(volunteer_id=user.pk).exclude(status=Status.CANCELLED),
        "open_nearby": [
            item
            for item in base.filter(
                status=Status.OPEN, municipality_id__in=offer_places, when__gt=timezone.now()
            )
            if permissions.can_offer_accompaniment(user, item)
        ],
        "coordinating": (
            base.filter(coordinated or Q(), when__gt=timezone.now() - timedelta(days=30)).exclude(
                status=Status.CANCELLED
            )
            if coordinated is None or coordinated_municipality_ids(user)
            else []
        ),
        "can_ask": permissions.can_ask_for_accompaniment(user),
    }
    return render(request, "activities/accompaniment_list.html", context)


@login_required
def accompaniment_new(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    require_feature(user, Feature.ACTIVITIES)
    if not permissions.can_ask_for_accompaniment(user):
        raise Http404
    profile = getattr(user, "profile", None)
    form = AccompanimentForm(
        request.POST or None, initial={"municipality": getattr(profile, "municipality_id", None)}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = services.request_accompaniment(
                actor=user,
                municipality=data["municipality"],
                what=data["what"],
                where=data["where"],
                when=local_datetime(data["day"], data["start"]),
                organisation=data["organisation"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Your request is sent. The coordinators will find a volunteer.")
            )
            return redirect("activities:accompaniment", pk=item.pk)
    return render(request, "activities/accompaniment_form.html", {"form": form})


def _volunteers(item: Accompaniment) -> object:
    roles = RoleAssignment.objects.filter(
        acting_for(item.organisation_id), role=Role.PEER_GUIDE, municipalities=item.municipality
    )
    candidates = User.objects.filter(is_active=True, pk__in=roles.values("user_id"))
    return User.objects.filter(
        pk__in=[u.pk for u in candidates if services.can_accompany(u, item)]
    ).select_related("profile")


ACTIONS = {
    "offer": (services.offer_accompaniment, _("Thank you! The member is asked to confirm.")),
    "confirm": (services.confirm_accompaniment, _("Confirmed.")),
    "decline": (services.decline_accompaniment, _("Declined. The request is open again.")),
    "cancel": (services.cancel_accompaniment, _("The request is cancelled.")),
}


@login_required
def accompaniment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(
        Accompaniment.objects.select_related("municipality", "organisation", "member__profile"),
        pk=pk,
    )
    user = cast(User, request.user)
    if not permissions.can_view_accompaniment(user, item):
        raise Http404
    coordinates = permissions.coordinates_accompaniment(user, item)
    assign_form = AssignForm(request.POST or None, volunteers=_volunteers(item))
    hours_form = HoursForm(request.POST or None)
    feedback_form = FeedbackForm(request.POST or None)
    action = request.POST.get("action", "")
    try:
        if action in ACTIONS:
            operation, done = ACTIONS[action]
            operation(actor=user, item=item)
            messages.success(request, str(done))
            return redirect("activities:accompaniment", pk=item.pk)
        if action == "assign" and assign_form.is_valid():
            services.assign_accompaniment(
                actor=user, item=item, volunteer=assign_form.cleaned_data["volunteer"]
            )
            messages.success(request, _("The volunteer and the member are asked to confirm."))
            return redirect("activities:accompaniment", pk=item.pk)
        if action == "hours" and hours_form.is_valid():
            services.log_accompaniment_hours(
                actor=user, item=item, hours=hours_form.cleaned_data["hours"]
            )
            messages.success(request, _("Thank you! Your hours are logged."))
            return redirect("activities:accompaniment", pk=item.pk)
        if action == "feedback" and feedback_form.is_valid():
            data = feedback_form.cleaned_data
            services.give_accompaniment_feedback(
                actor=user, item=item, rating=data["rating"], text=data["feedback"]
            )
            messages.success(request, _("Thank you for telling us how it went."))
            return redirect("activities:accompaniment", pk=item.pk)
    except DomainError as error:
        messages.error(request, error.message)
    if request.method == "GET":
        services.open_accompaniment(viewer=user, item=item)
    is_past = item.when <= timezone.now()
    context = {
        "item": item,
        "is_member_self": item.member_id == user.pk,
        "is_volunteer": item.volunteer_id == user.pk,
        "volunteer_alias": getattr(getattr(item.volunteer, "profile", None), "alias", ""),
        "coordinates": coordinates,
        "can_offer": permissions.can_offer_accompaniment(user, item),
        "assign_form": assign_form
        if action == "assign"
        else AssignForm(volunteers=_volunteers(item)),
        "hours_form": hours_form if action == "hours" else HoursForm(),
        "feedback_form": feedback_form if action == "feedback" else FeedbackForm(),
        "is_past": is_past,
        "Status": Status,
    }
    return render(request, "activities/accompaniment.html", context)
