"""Setting a study up: the admin's new-study page, and the team's set-up page where each part
(about the study, eligibility questions, groups, timepoints, status, team) is one small form
that posts its own ``action``; a refused change keeps what was typed and says why."""

from collections.abc import Callable
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms.models import model_to_dict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.core.errors import DomainError, NotAllowed

from . import permissions, study_setup
from .models import Arm, Question, Study, StudyStatus, TeamMember, Timepoint
from .setup_forms import (
    ArmForm,
    NewStudyForm,
    QuestionForm,
    StudyForm,
    TeamMemberForm,
    TimepointForm,
)
from .team_views import team_study

STUDY_FIELDS = ["title", "summary", "description", "strata", "course_template"]


@login_required
def new_study(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create_study(request.user):
        raise Http404
    form = NewStudyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            study = study_setup.create_study(actor=cast(User, request.user), **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The study is made. Put its researchers on the team."))
            return redirect("research:setup", slug=study.slug)
    return render(request, "research/new_study.html", {"form": form})


def _forms(study: Study, data: Any, action: str) -> dict[str, forms.BaseForm]:
    """Every part's form; only the one that was posted is bound."""

    def bound(name: str) -> Any:
        return data if action == name else None

    return {
        "study": StudyForm(
            bound("study"), initial=model_to_dict(study, fields=STUDY_FIELDS), prefix="study"
        ),
        "question": QuestionForm(bound("question"), prefix="question"),
        "arm": ArmForm(bound("arm"), prefix="arm"),
        "timepoint": TimepointForm(
            bound("timepoint"),
            instruments=study_setup.instrument_choices(study),
            prefix="timepoint",
            initial={"anchor": "enrolment"},
        ),
        "team": TeamMemberForm(bound("team"), prefix="team"),
    }


Act = Callable[[User, Study, dict[str, Any], str], str]


def _save_study(actor: User, study: Study, data: dict[str, Any], item: str) -> str:
    study_setup.update_study(actor=actor, study=study, **data)
    return _("The study is saved.")


def _question(actor: User, study: Study, data: dict[str, Any], item: str) -> str:
    study_setup.add_question(actor=actor, study=study, **data)
    return _("The question is added.")


def _arm(actor: User, study: Study, data: dict[str, Any], item: str) -> str:
    study_setup.add_arm(actor=actor, study=study, **data)
    return _("The group is added.")


def _timepoint(actor: User, study: Study, data: dict[str, Any], item: str) -> str:
    study_setup.add_timepoint(actor=actor, study=study, **data)
    return _("The timepoint is added.")


def _team(actor: User, study: Study, data: dict[str, Any], item: str) -> str:
    study_setup.add_team_member(actor=actor, study=study, **data)
    return _("They are on the team now.")


def _one(model: Any, item: str, study: Study) -> Any:
    """The study's row that a remove button names (404 for anything else)."""
    if not item.isdigit():
        raise Http404
    return get_object_or_404(model, pk=int(item), study=study)


def _remove_question(actor: User, study: Study, data: dict[str, Any], item: str) -> str:
    question = _one(Question, item, study)
    study_setup.remove_question(actor=actor, question=question)
    return _("The question is removed.")


def _remove_arm(actor: User, study: Study, data: dict[str, Any], item: str) -> str:
    study_setup.remove_arm(actor=actor, arm=_one(Arm, item, study))
    return _("The group is removed.")


def _remove_timepoint(actor: User, study: Study, data: dict[str, Any], item: str) -> str:
    timepoint = _one(Timepoint, item, study)
    study_setup.remove_timepoint(actor=actor, timepoint=timepoint)
    return _("The timepoint is removed.")


def _remove_member(actor: User, study: Study, data: dict[str, Any], item: str) -> str:
    member = _one(TeamMember, item, study)
    study_setup.remove_team_member(actor=actor, member=member)
    return _("They are off the team; the study's data is closed to them.")


def _status(actor: User, study: Study, data: dict[str, Any], item: str) -> str:
    study_setup.set_study_status(actor=actor, study=study, status=item)
    told: dict[str, str] = {
        StudyStatus.RECRUITING: _("The study is open: people can take part now."),
        StudyStatus.CLOSED: _("The study is closed for new participants."),
    }
    return told.get(item, _("The study is being prepared again."))


ACTIONS: dict[str, Act] = {
    "study": _save_study,
    "question": _question,
    "arm": _arm,
    "timepoint": _timepoint,
    "team": _team,
    "remove_question": _remove_question,
    "remove_arm": _remove_arm,
    "remove_timepoint": _remove_timepoint,
    "remove_member": _remove_member,
    "status": _status,
}


@login_required
def setup(request: HttpRequest, slug: str) -> HttpResponse:
    study = team_study(request, slug)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action and action not in ACTIONS:
        raise Http404
    parts = _forms(study, request.POST, action)
    if action:
        form = parts.get(action)
        if form is None or form.is_valid():
            data = form.cleaned_data if form is not None else {}
            try:
                done = ACTIONS[action](
                    cast(User, request.user), study, data, request.POST.get("item", "")
                )
            except DomainError as error:
                if form is None or isinstance(error, NotAllowed):
                    messages.error(request, error.message)
                    return redirect("research:setup", slug=slug)
                form.add_error(None, error.message)
            else:
                messages.success(request, done)
                return redirect("research:setup", slug=slug)
    context = {
        "study": study,
        "forms": parts,
        "questions": study.questions.all(),
        "arms": study.arms.all(),
        "timepoints": study.timepoints.all(),
        "team": study.team.select_related("user__profile").order_by("added_at"),
        "missing": study_setup.missing_for_recruitment(study),
        "allocating": study_setup.is_allocating(study),
        "manages_team": permissions.can_manage_team(request.user, study),
    }
    return render(request, "research/setup.html", context)
