"""The study team's pages: the dashboard (recruitment, completion, outcomes by arm with 95 %
confidence intervals), new consent versions, and the pseudonymised export."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.core.audit import record_staff_access
from ligesind.core.errors import DomainError

from . import analysis, permissions, services
from .forms import ConsentVersionForm, InstrumentForm
from .instruments import items_text
from .models import (
    Allocation,
    Instrument,
    Participant,
    ParticipantStatus,
    Referral,
    Study,
)


def team_study(request: HttpRequest, slug: str) -> Study:
    study = get_object_or_404(Study, slug=slug)
    if not permissions.is_researcher_of(request.user, study):
        raise Http404
    return study


@login_required
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    study = team_study(request, slug)
    by_status = dict(
        Participant.objects.filter(study=study)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    context = {
        "study": study,
        "counts": {status.label: by_status.get(status, 0) for status in ParticipantStatus},
        "arms": Allocation.objects.filter(participant__study=study)
        .values("arm__name")
        .order_by("arm__name")
        .annotate(n=Count("pk")),
        "chart": analysis.recruitment(study, timezone.localdate()),
        "completion": analysis.completion(study),
        "charts": analysis.outcome_charts(study),
        "consent": services.current_consent(study),
    }
    return render(request, "research/dashboard.html", context)


@login_required
def consent_version(request: HttpRequest, slug: str) -> HttpResponse:
    study = team_study(request, slug)
    current = services.current_consent(study)
    initial = {"text": current.text, "statements": "\n".join(current.statements)} if current else {}
    form = ConsentVersionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.publish_consent_version(
                actor=cast(User, request.user),
                study=study,
                text=form.cleaned_data["text"],
                statements=form.cleaned_data["statements"].splitlines(),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _(
                    "Version %(number)s is published; everyone taking part is asked to "
                    "consent again."
                )
                % {"number": version.number},
            )
            return redirect("research:dashboard", slug=slug)
    return render(request, "research/consent_version.html", {"study": study, "form": form})


@login_required
def export(request: HttpRequest, slug: str) -> HttpResponse:
    """The pseudonymised analysis files; each participant's "who looked" log gets a line."""
    study = team_study(request, slug)
    for participant in Participant.objects.filter(study=study, user__isnull=False).select_related(
        "user"
    ):
        record_staff_access(
            viewer=request.user,
            subject=cast(User, participant.user),
            what=_("answers in the study %(title)s") % {"title": study.title},
            purpose=_("analysis file for the study's researchers"),
        )
    response = HttpResponse(analysis.export_zip(study), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{study.slug}-analyse.zip"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def referrals(request: HttpRequest, slug: str) -> HttpResponse:
    """People referred by professionals: who to call, and marking them called."""
    study = team_study(request, slug)
    if request.method == "POST":
        item = get_object_or_404(Referral, pk=request.POST.get("referral") or 0, study=study)
        services.mark_contacted(actor=cast(User, request.user), referral=item)
        messages.success(request, _("Marked as contacted."))
        return redirect("research:referrals", slug=slug)
    rows = Referral.objects.filter(study=study)[:200]
    return render(request, "research/referrals.html", {"study": study, "referrals": rows})


@login_required
def instruments(request: HttpRequest, slug: str) -> HttpResponse:
    study = team_study(request, slug)
    rows = Instrument.objects.filter(study=study)
    return render(request, "research/instruments.html", {"study": study, "instruments": rows})


@login_required
def instrument(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    """Define or change a questionnaire: one question per line (``research.instruments``)."""
    study = team_study(request, slug)
    item = get_object_or_404(Instrument, pk=pk, study=study) if pk else None
    initial = {"name": item.name, "key": item.key, "items": items_text(item.items)} if item else {}
    form = InstrumentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_instrument(
                actor=cast(User, request.user),
                study=study,
                name=form.cleaned_data["name"],
                key=form.cleaned_data["key"],
                lines=form.cleaned_data["items"],
                instrument=item,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The questionnaire is saved."))
            return redirect("research:instruments", slug=slug)
    context = {"study": study, "form": form, "instrument": item}
    return render(request, "research/instrument.html", context)
