"""The moderators' crisis queue and the crisis lexicon."""

import json
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
from ligesind.core.moderation import ContextLine, alert_context

from .. import permissions, services
from ..models import AlertStatus, CrisisAlert, CrisisTerm, RiskFamily, TermLanguage
from .access import allowed_user, queue_status


def _moderator(request: HttpRequest) -> User:
    return allowed_user(request, permissions.can_handle_alerts)


@login_required
def alerts(request: HttpRequest) -> HttpResponse:
    _moderator(request)
    status = queue_status(request)
    rows = CrisisAlert.objects.filter(status=status).select_related("author__profile")[:200]
    context = {
        "rows": rows,
        "status": status,
        "statuses": AlertStatus.choices,
        "family_labels": json.dumps({value: str(label) for value, label in RiskFamily.choices}),
    }
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
    return _alert_page(request, item, WriteForm(), recent=_context(user, item))


def _context(viewer: User, item: CrisisAlert) -> list[ContextLine] | None:
    """The member's recent messages where the alert came from, written in their "who
    looked" log."""
    lines = alert_context(item.about, item.author_id) if item.about else None
    if lines:
        record_staff_access(
            viewer=viewer,
            subject=item.author,
            what=gettext_lazy("their recent messages in the conversation"),
            purpose=gettext_lazy("crisis alert"),
        )
    return lines


def _alert_page(
    request: HttpRequest,
    item: CrisisAlert,
    form: "WriteForm",
    status: int = 200,
    recent: list[ContextLine] | None = None,
) -> HttpResponse:
    context = {
        "recent": recent,
        "alert": item,
        "statuses": AlertStatus.choices,
        "where": WHERE.get(item.where, item.where),
        "form": form,
    }
    return render(request, "safety/alert.html", context, status=status)


class WriteForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Write to the member"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Write warmly and plainly: that you read it, that you are glad they wrote, and where"
            " they can get help now. You may ask directly whether they are thinking of taking"
            " their life. The message goes straight into a conversation between the two of you."
        ),
    )


@login_required
@require_POST
def alert_write(request: HttpRequest, pk: int) -> HttpResponse:
    user = _moderator(request)
    item = get_object_or_404(CrisisAlert.objects.select_related("author__profile"), pk=pk)
    form = WriteForm(request.POST)
    if form.is_valid():
        try:
            conversation = services.write_to_alert_author(
                actor=user, alert=item, body=form.cleaned_data["body"]
            )
        except DomainError as error:
            form.add_error("body", error.message)
        else:
            messages.success(request, _("Your message is sent."))
            return redirect("messaging:conversation", pk=conversation.pk)
    return _alert_page(request, item, form, status=400, recent=_context(user, item))


# Where the text was written, as moderators read it.
WHERE = {
    "message": gettext_lazy("a private message"),
    "message_request": gettext_lazy("a message request"),
    "forum_post": gettext_lazy("a forum post"),
    "group": gettext_lazy("a group's text"),
    "activity": gettext_lazy("an activity"),
    "accompaniment": gettext_lazy("følgeskab"),
    "course_notes": gettext_lazy("course notes"),
    "match_check_in": gettext_lazy("a PeerMatch check-in"),
    "match_feedback": gettext_lazy("PeerMatch feedback"),
    "match_profile": gettext_lazy("a PeerMatch profile"),
    "match_request": gettext_lazy("a PeerMatch request"),
    "profile": gettext_lazy("the profile story"),
    "report": gettext_lazy("a report"),
    "appeal": gettext_lazy("an appeal"),
    "contact": gettext_lazy("a message to an organisation"),
    "volunteer_application": gettext_lazy("an application to volunteer"),
}


class TermForm(forms.Form):
    phrase = forms.CharField(
        label=gettext_lazy("Phrase"),
        max_length=200,
        help_text=gettext_lazy(
            "Write the words in their basic form: “slå mig ihjel” also finds “jeg slog mig selv"
            " ihjel”. Use | between words that can stand in the same place (“pille|tablet”),"
            " * at the end of a word for every ending, and ... for up to six words in between."
        ),
    )
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=TermLanguage.choices)
    family = forms.ChoiceField(
        label=gettext_lazy("What kind of risk"),
        choices=[("", gettext_lazy("Choose …")), *RiskFamily.choices],
    )


@login_required
def lexicon(request: HttpRequest) -> HttpResponse:
    user = _moderator(request)
    form = TermForm(request.POST or None)
    check = None
    if request.method == "POST" and form.is_valid():
        try:
            if request.POST.get("action") == "add":
                services.add_crisis_term(actor=user, **form.cleaned_data)
                messages.success(request, _("The phrase is added and used from now on."))
                return redirect("safety:lexicon")
            check = services.check_crisis_term(actor=user, **form.cleaned_data)
        except DomainError as error:
            form.add_error("phrase", error.message)
    # The choices' labels once for the page (get_FOO_display translates every choice per row).
    families = {key: str(label) for key, label in CrisisTerm.family.field.flatchoices}
    languages = {key: str(label) for key, label in CrisisTerm.language.field.flatchoices}
    terms = [
        (term, families.get(term.family, term.family), languages.get(term.language, term.language))
        for term in CrisisTerm.objects.all()
    ]
    return render(request, "safety/lexicon.html", {"form": form, "check": check, "terms": terms})


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
