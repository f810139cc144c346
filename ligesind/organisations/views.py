"""The public pages of organisations and municipalities, and joining or leaving."""

from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ligesind.accounts.models import User
from ligesind.core.errors import DomainError
from ligesind.core.models import Municipality

from . import permissions, services
from .models import LocalContact, Organisation


def organisations(request: HttpRequest) -> HttpResponse:
    rows = Organisation.objects.prefetch_related("municipalities")
    return render(request, "organisations/list.html", {"organisations": rows})


def organisation(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(Organisation, slug=slug)
    municipalities = item.municipalities.prefetch_related(
        Prefetch(
            "contacts",
            queryset=LocalContact.objects.filter(organisation=item).select_related("organisation"),
            to_attr="local_contacts",
        )
    )
    context = {
        "organisation": item,
        "municipalities": municipalities,
        "joined": permissions.has_joined(request.user, item),
        "can_join": permissions.can_join(request.user, item),
        "can_read_requests": permissions.can_read_contact_requests(request.user, item),
        "can_keep_places": permissions.coordinates_for(request.user, item.pk),
    }
    return render(request, "organisations/detail.html", context)


def municipality(request: HttpRequest, slug: str) -> HttpResponse:
    place = get_object_or_404(Municipality, slug=slug)
    contacts = LocalContact.objects.filter(municipality=place).select_related("organisation")
    context = {
        "municipality": place,
        "organisations": place.organisations.all(),
        "contacts": contacts,
    }
    return render(request, "organisations/municipality.html", context)


@login_required
@require_POST
def join(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(Organisation, slug=slug)
    try:
        services.join_organisation(actor=cast(User, request.user), organisation=item)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Welcome to %(name)s.") % {"name": item.name})
    return redirect("organisations:detail", slug=item.slug)


@login_required
@require_POST
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(Organisation, slug=slug)
    try:
        services.leave_organisation(actor=cast(User, request.user), organisation=item)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("You have left %(name)s. Your account and your contacts are as before.")
            % {"name": item.name},
        )
    return redirect("organisations:detail", slug=item.slug)


class NoticeForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Notice in Danish"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One or two short sentences. Shown at the top of every page."),
    )
    text_en = forms.CharField(
        label=gettext_lazy("Notice in English"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Leave empty to show the Danish text on the English pages too."),
    )
    active = forms.BooleanField(label=gettext_lazy("Show the notice"), required=False)


@login_required
def notice(request: HttpRequest) -> HttpResponse:
    if not permissions.can_edit_site_notice(request.user):
        raise Http404
    current = services.site_notice()
    initial = {"text": current.text, "text_en": current.text_en, "active": current.active}
    form = NoticeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_site_notice(actor=cast(User, request.user), **form.cleaned_data)
        except DomainError as error:
            form.add_error("text", error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("organisations:notice")
    return render(request, "organisations/notice.html", {"form": form, "current": current})
