from django.conf import settings
from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ligesind.accounts.permissions import is_member

from . import services
from .forms import NotificationSettingsForm
from .helplines import is_open
from .models import Notification
from .notifications import render as render_notification


def front(request: HttpRequest) -> HttpResponse:
    return render(request, "core/front.html")


def crisis(request: HttpRequest) -> HttpResponse:
    hours = settings.LIVSLINIEN_HOURS
    context = {"livslinien_hours": hours, "livslinien_open": is_open(hours)}
    return render(request, "core/crisis.html", context)


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
