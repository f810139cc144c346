"""The organisation's places, kept by its coordinators."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.core.errors import DomainError

from . import permissions
from .forms import PlaceForm
from .models import Organisation, Place
from .places import add_place, change_place, delete_place, place_municipalities, places_of


@login_required
def places(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    user = cast(User, request.user)
    if not permissions.coordinates_for(user, organisation.pk):
        raise Http404
    form = PlaceForm(request.POST or None, municipalities=place_municipalities(user, organisation))
    if request.method == "POST" and form.is_valid():
        try:
            add_place(actor=user, organisation=organisation, data=form.to_data())
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The place is added. Choose it when you plan an activity."))
            return redirect("organisations:places", slug=slug)
    return render(
        request,
        "organisations/places.html",
        {"organisation": organisation, "places": places_of(organisation), "form": form},
    )


@login_required
def place(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    item = get_object_or_404(
        Place.objects.select_related("organisation", "municipality"), pk=pk, organisation__slug=slug
    )
    user = cast(User, request.user)
    if not permissions.can_manage_place(user, item):
        raise Http404
    deleting = request.POST.get("action") == "delete"
    form = PlaceForm(
        None if deleting else (request.POST or None),
        municipalities=place_municipalities(user, item.organisation),
        initial=PlaceForm.initial_from(item),
    )
    if request.method == "POST":
        try:
            if deleting:
                delete_place(actor=user, place=item)
                messages.success(request, _("The place is deleted. Activities keep the address."))
                return redirect("organisations:places", slug=slug)
            if form.is_valid():
                change_place(actor=user, place=item, data=form.to_data())
                messages.success(request, _("Saved."))
                return redirect("organisations:places", slug=slug)
        except DomainError as error:
            form.add_error(None, error.message)
    return render(request, "organisations/place.html", {"item": item, "form": form})
