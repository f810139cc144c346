from django.conf import settings
from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import resolve
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import NotificationSettingsForm
from .health import readiness
from .helplines import is_open
from .models import Notification
from .notifications import render as render_notification
from .people import is_member


def front(request: HttpRequest) -> HttpResponse:
    return render(request, "core/front.html")


def _helplines() -> dict[str, object]:
    hours = settings.LIVSLINIEN_HOURS
    return {"livslinien_hours": hours, "livslinien_open": is_open(hours)}


def crisis(request: HttpRequest) -> HttpResponse:
    return render(request, "core/crisis.html", _helplines())


def server_error(request: HttpRequest) -> HttpResponse:
    """Every error page says where to get help now, and the crisis page never fails: when the
    database or anything else behind it does, it is shown from its template alone (no signed-in
    header, nothing read from the database)."""
    try:
        is_crisis = resolve(request.path_info).url_name == "crisis"
    except Http404:
        is_crisis = False
    if is_crisis:
        return HttpResponse(render_to_string("core/crisis_plain.html", _helplines()))
    return HttpResponseServerError(render_to_string("500.html", _helplines()))


def healthz(request: HttpRequest) -> HttpResponse:
    """The process answers (for the service manager); nothing else is touched."""
    return JsonResponse({"status": "alive"})


def readyz(request: HttpRequest) -> HttpResponse:
    """Database, Redis and task worker (for the load balancer): 503 only without a database."""
    ready, report = readiness()
    return JsonResponse(report, status=200 if ready else 503)


def _member(request: HttpRequest) -> AbstractBaseUser:
    if not is_member(request.user):
        raise Http404
    return request.user  # type: ignore[return-value]


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    page = Paginator(Notification.objects.filter(recipient_id=user.pk), 30).get_page(
        request.GET.get("page")
    )
    for notification in page:
        notification.text = render_notification(notification)  # type: ignore[attr-defined]
    return render(request, "core/notifications.html", {"page": page})


@login_required
@require_POST
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    user = _member(request)
    notification = get_object_or_404(Notification, pk=pk, recipient_id=user.pk)
    services.mark_notification_read(actor=user, notification_id=notification.pk)
    target = notification.url
    if not target or not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        return redirect("notifications")
    return redirect(target)


@login_required
@require_POST
def notifications_read_all(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    services.mark_all_notifications_read(actor=user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications")


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    form = NotificationSettingsForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        for kind, mode in form.choices_made():
            services.set_email_preference(actor=user, kind=kind, mode=mode)
        messages.success(request, _("Your choices are saved."))
        return redirect("notification_settings")
    return render(request, "core/notification_settings.html", {"form": form})
