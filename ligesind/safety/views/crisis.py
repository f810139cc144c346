"""The moderators' crisis queue and the crisis lexicon."""

from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ligesind.accounts.models import User
from ligesind.accounts.permissions import is_member
from ligesind.core.audit import record_staff_access
from ligesind.core.errors import DomainError

from .. import permissions, services
from ..models import AlertStatus, CrisisAlert, CrisisTerm, TermLanguage
from .access import allowed_user, queue_status


def _moderator(request: HttpRequest) -> User:
    return allowed_user(request, permissions.can_handle_alerts)


@login_required
def alerts(request: HttpRequest) -> HttpResponse:
    _moderator(request)
    status = queue_status(request)
    rows = CrisisAlert.objects.filter(status=status).select_related("author__profile")[:200]
    context = {"rows": rows, "status": status, "statuses": AlertStatus.choices}
    return render(request, "safety/alerts.html", context)


@login_required
def alert(request: HttpRequest, pk: int) -> HttpResponse:
    user = _moderator(request)
    item = get_object_or_404(CrisisAlert.objects.select_related("author__profile"), pk=pk)
    if request.method == "POST":
        try:
            services.set_alert_status(actor=user, alert=item, status=request.POST.get("status", ""))
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Saved."))
        return redirect("safety:alert", pk=item.pk)
    record_staff_access(
        viewer=user,
        subject=item.author,
        what=gettext_lazy("text with crisis language"),
        purpose=gettext_lazy("crisis alert"),
    )
    context = {"alert": item, "statuses": AlertStatus.choices}
    return render(request, "safety/alert.html", context)


class TermForm(forms.Form):
    phrase = forms.CharField(
        label=gettext_lazy("Phrase"),
        max_length=200,
        help_text=gettext_lazy(
            "Whole words; end a word with * to match every ending, as in “skade* mig selv”."
        ),
    )
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=TermLanguage.choices)


@login_required
def lexicon(request: HttpRequest) -> HttpResponse:
    user = _moderator(request)
    form = TermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_crisis_term(actor=user, **form.cleaned_data)
        except DomainError as error:
            form.add_error("phrase", error.message)
        else:
            messages.success(request, _("The phrase is added and used from now on."))
            return redirect("safety:lexicon")
    context = {"form": form, "terms": CrisisTerm.objects.all()}
    return render(request, "safety/lexicon.html", context)


@login_required
@require_POST
def term_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    user = _moderator(request)
    term = get_object_or_404(CrisisTerm, pk=pk)
    services.set_term_active(actor=user, term=term, active=not term.active)
    return redirect("safety:lexicon")


@login_required
def muted(request: HttpRequest) -> HttpResponse:
    if not is_member(request.user):
        raise Http404
    user = cast(User, request.user)
    if request.method == "POST":
        try:
            if "remove" in request.POST:
                services.unmute_word(actor=user, word=request.POST["remove"])
            else:
                services.mute_word(actor=user, word=request.POST.get("word", ""))
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Saved."))
        return redirect("safety:muted")
    return render(request, "safety/muted.html", {"words": services.muted_words(user)})
