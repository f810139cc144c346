"""Taking part in research: the studies that recruit, screening, consent, questionnaires, the
participant's own page and withdrawal."""

from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.core.errors import DomainError

from . import permissions, services, who5
from .forms import (
    ConsentForm,
    InstrumentAnswerForm,
    ReferralForm,
    ScreeningForm,
    Who5Form,
    WithdrawForm,
)
from .models import Participant, ParticipantStatus, Question, Study, StudyStatus, Timepoint


def _study(request: HttpRequest, slug: str) -> Study:
    study = get_object_or_404(Study.objects.select_related("organisation"), slug=slug)
    if not permissions.can_see_study(request.user, study):
        raise Http404
    return study


def _mine(request: HttpRequest, study: Study) -> Participant:
    found = services.participation(cast(User, request.user), study)
    if found is None or not permissions.takes_part(request.user, found):
        raise Http404
    return found


def studies(request: HttpRequest) -> HttpResponse:
    rows = Study.objects.filter(status=StudyStatus.RECRUITING).select_related("organisation")
    can_create = permissions.can_create_study(request.user)
    teams = Study.objects.none()
    if can_create:
        teams = Study.objects.all()[:100]
    elif request.user.is_authenticated and permissions.works_on_studies(request.user):
        teams = Study.objects.filter(team__user_id=request.user.pk)
    context = {"studies": rows, "teams": teams, "can_create": can_create}
    return render(request, "research/studies.html", context)


def study(request: HttpRequest, slug: str) -> HttpResponse:
    item = _study(request, slug)
    mine = (
        services.participation(cast(User, request.user), item)
        if request.user.is_authenticated
        else None
    )
    context = {
        "study": item,
        "participant": mine,
        "can_take_part": permissions.can_take_part(request.user, item),
        "is_researcher": permissions.is_researcher_of(request.user, item),
    }
    return render(request, "research/study.html", context)


@login_required
def take_part(request: HttpRequest, slug: str) -> HttpResponse:
    item = _study(request, slug)
    if not permissions.can_take_part(request.user, item):
        raise Http404
    form = ScreeningForm(request.POST or None, questions=list(Question.objects.filter(study=item)))
    if request.method == "POST" and form.is_valid():
        try:
            participant = services.screen(
                actor=cast(User, request.user), study=item, answers=form.answers()
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            if participant.status == ParticipantStatus.NOT_ELIGIBLE:
                return redirect("research:participation", slug=slug)
            return redirect("research:consent", slug=slug)
    return render(request, "research/take_part.html", {"study": item, "form": form})


@login_required
def consent(request: HttpRequest, slug: str) -> HttpResponse:
    item = _study(request, slug)
    participant = _mine(request, item)
    version = services.current_consent(item)
    if version is None or not services.needs_consent(participant):
        return redirect("research:participation", slug=slug)
    form = ConsentForm(request.POST or None, version=version)
    if request.method == "POST" and form.is_valid():
        try:
            services.give_consent(
                actor=cast(User, request.user),
                participant=participant,
                statements=form.statements(),
                typed_name=form.cleaned_data["typed_name"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. Your consent is saved."))
            return redirect("research:participation", slug=slug)
    context = {"study": item, "version": version, "form": form}
    return render(request, "research/consent.html", context)


@login_required
def questionnaire(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    item = _study(request, slug)
    participant = _mine(request, item)
    timepoint = get_object_or_404(Timepoint, pk=pk, study=item)
    if timepoint not in services.due_timepoints(participant):
        raise Http404
    instrument = services.instrument_of(timepoint)
    form: forms.Form = (
        Who5Form(request.POST or None)
        if instrument is None
        else InstrumentAnswerForm(request.POST or None, items=instrument.items)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_questionnaire(
                actor=cast(User, request.user),
                participant=participant,
                timepoint=timepoint,
                answers=form.cleaned_data,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you for your answers."))
            return redirect("research:participation", slug=slug)
    context = {
        "study": item,
        "timepoint": timepoint,
        "form": form,
        "title": instrument.name if instrument else who5.TITLE,
        "instruction": "" if instrument else who5.INSTRUCTION,
    }
    return render(request, "research/questionnaire.html", context)


@login_required
def participation(request: HttpRequest, slug: str) -> HttpResponse:
    item = _study(request, slug)
    participant = _mine(request, item)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw(
                actor=cast(User, request.user),
                participant=participant,
                keep_answers=form.cleaned_data["keep_answers"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("You have left the study. Thank you for your time."))
            return redirect("research:participation", slug=slug)
    context = {
        "study": item,
        "participant": participant,
        "needs_consent": services.needs_consent(participant),
        "due": services.due_timepoints(participant),
        "allocation": services.allocation_of(participant),
        "runs": services.offered_runs(participant),
        "form": form,
    }
    return render(request, "research/participation.html", context)


def refer(request: HttpRequest, slug: str) -> HttpResponse:
    """For professionals: refer someone who has agreed to be contacted (no account needed)."""
    item = _study(request, slug)
    if item.status != StudyStatus.RECRUITING:
        raise Http404
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.refer_person(
                study=item, address=request.META.get("REMOTE_ADDR", ""), **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Thank you. The person is invited, or the study's team calls them."),
            )
            return redirect("research:study", slug=slug)
    return render(request, "research/refer.html", {"study": item, "form": form})
