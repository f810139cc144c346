"""Training pages for coordinators: programmes, modules, enrolment, attendance, completion."""

from decimal import Decimal
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.core.errors import DomainError
from ligesind.core.forms import local_datetime
from ligesind.organisations.permissions import organisations_coordinated_by

from . import permissions, services
from .forms import EnrolForm, ModuleForm, TrainingForm
from .models import ModuleAttendance, TrainingEnrolment, TrainingModule, TrainingProgramme


@login_required
def trainings(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    if not permissions.can_screen_any(user):
        raise Http404
    form = TrainingForm(request.POST or None, organisations=organisations_coordinated_by(user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            programme = services.create_training(
                actor=user,
                organisation=data["organisation"],
                name=data["name"],
                description=data["description"],
                qualifies=data["qualifies"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The training is made. Add its modules."))
            return redirect("volunteers:training", pk=programme.pk)
    return render(
        request,
        "volunteers/trainings.html",
        {"programmes": services.trainings_to_manage(user), "form": form},
    )


@login_required
def training(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(TrainingProgramme.objects.select_related("organisation"), pk=pk)
    user = cast(User, request.user)
    if not permissions.can_manage_training(user, programme.organisation_id):
        raise Http404
    action = request.POST.get("action", "") if request.method == "POST" else ""
    module_form = ModuleForm(request.POST if action == "module" else None)
    enrol_form = EnrolForm(request.POST if action == "enrol" else None)
    done = _act(request, user, programme, action, module_form, enrol_form)
    if done:
        messages.success(request, done)
        return redirect("volunteers:training", pk=programme.pk)
    modules = list(programme.modules.all())
    enrolments = list(programme.enrolments.select_related("volunteer__profile"))
    present = set(
        ModuleAttendance.objects.filter(module__programme=programme, present=True).values_list(
            "module_id", "volunteer_id"
        )
    )
    return render(
        request,
        "volunteers/training.html",
        {
            "programme": programme,
            "modules": modules,
            "enrolments": enrolments,
            "present": present,
            "module_form": module_form,
            "enrol_form": enrol_form,
        },
    )


def _act(
    request: HttpRequest,
    user: User,
    programme: TrainingProgramme,
    action: str,
    module_form: ModuleForm,
    enrol_form: EnrolForm,
) -> str:
    try:
        if action == "module" and module_form.is_valid():
            data = module_form.cleaned_data
            services.add_training_module(
                actor=user,
                programme=programme,
                title=data["title"],
                starts_at=local_datetime(data["day"], data["start"]),
                place=data["place"],
                hours=data["hours"] or Decimal("3"),
            )
            return _("The module is added.")
        if action == "enrol" and enrol_form.is_valid():
            alias = enrol_form.cleaned_data["alias"].strip()
            volunteer = User.objects.filter(profile__alias__iexact=alias, is_active=True).first()
            if volunteer is None:
                enrol_form.add_error("alias", _("No member has that alias."))
                return ""
            services.enrol_in_training(actor=user, programme=programme, volunteer=volunteer)
            return _("%(alias)s is enrolled.") % {"alias": alias}
        if action == "attendance":
            module = get_object_or_404(
                TrainingModule, pk=request.POST.get("module", 0), programme=programme
            )
            present = [int(v) for v in request.POST.getlist("present") if v.isdigit()]
            services.record_module_attendance(actor=user, module=module, present=present)
            return _("Attendance is saved.")
        if action in ("complete", "uncomplete"):
            enrolment = get_object_or_404(
                TrainingEnrolment, pk=request.POST.get("enrolment", 0), programme=programme
            )
            services.complete_training(
                actor=user, enrolment=enrolment, completed=action == "complete"
            )
            return _("Saved.")
    except DomainError as error:
        (enrol_form if action == "enrol" else module_form).add_error(None, error.message)
    return ""
