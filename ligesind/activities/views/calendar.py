"""Private calendar feeds: manage the addresses, and serve them to calendar apps."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ligesind.accounts.models import User
from ligesind.accounts.permissions import is_member
from ligesind.core.models import Municipality
from ligesind.core.sites import site_url

from .. import services
from ..forms import ActivityFilterForm
from ..models import CalendarFeed
from ..services.calendar import feed_for_token, render_feed, render_public_feed


@login_required
def calendar_feeds(request: HttpRequest) -> HttpResponse:
    if not is_member(request.user):
        raise Http404
    feeds = CalendarFeed.objects.filter(owner_id=request.user.pk).select_related("municipality")
    rows = [
        (feed, site_url(request) + reverse("activities:feed", args=[feed.token])) for feed in feeds
    ]
    context = {"rows": rows, "municipalities": Municipality.objects.all()}
    return render(request, "activities/calendar.html", context)


@login_required
@require_POST
def calendar_feed_create(request: HttpRequest) -> HttpResponse:
    if not is_member(request.user):
        raise Http404
    place = request.POST.get("municipality", "")
    municipality = get_object_or_404(Municipality, pk=int(place)) if place.isdigit() else None
    services.create_calendar_feed(actor=cast(User, request.user), municipality=municipality)
    messages.success(
        request, _("Your calendar address is ready. Earlier addresses for it no longer work.")
    )
    return redirect("activities:calendar")


@login_required
@require_POST
def calendar_feed_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    feed = get_object_or_404(CalendarFeed, pk=pk, owner_id=request.user.pk)
    services.revoke_calendar_feed(actor=cast(User, request.user), feed=feed)
    messages.success(request, _("The calendar address no longer works."))
    return redirect("activities:calendar")


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The feed itself: no login (calendar apps cannot log in), the secret address is the key."""
    feed = feed_for_token(token)
    if feed is None:
        raise Http404
    response = HttpResponse(
        render_feed(feed, site_url(request)), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response


def public_feed(request: HttpRequest) -> HttpResponse:
    """The national calendar for calendar apps: public activities, with the list's filters."""
    form = ActivityFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    response = HttpResponse(
        render_public_feed(data, site_url(request)), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=900"
    return response
