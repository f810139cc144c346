"""PeerMatch pages: my wishes, suggestions, asking, a match's page, check-ins, coordination."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Avg, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ligesind.accounts.models import Profile, User
from ligesind.core.audit import record_staff_access
from ligesind.core.errors import DomainError
from ligesind.core.forms import OptionList
from ligesind.membership.entitlements import Feature, require_feature

from . import permissions, services
from .forms import AskForm, CheckInForm, EndForm, MatchProfileForm
from .models import OPEN_STATUSES, CheckIn, Match, MatchStatus


def _matcher(request: HttpRequest) -> User:
    require_feature(request.user, Feature.MATCHING)
    if not permissions.can_match(request.user):
        raise Http404
    return cast(User, request.user)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = _matcher(request)
    mine = Match.objects.filter(Q(seeker=user) | Q(partner=user)).select_related(
        "seeker__profile", "partner__profile"
    )
    context = {
        "match_profile": services.ensure_match_profile(user),
        "open": [m for m in mine if m.status in OPEN_STATUSES],
        "closed": [m for m in mine if m.status not in OPEN_STATUSES][:10],
        "to_answer": [m for m in mine if permissions.can_answer_match(user, m)],
        "check_ins": CheckIn.objects.filter(
            user=user, notified_at__isnull=False, answered_at__isnull=True
        ),
        "can_coordinate": permissions.can_coordinate(user),
    }
    return render(request, "matching/home.html", context)


@login_required
def edit_profile(request: HttpRequest) -> HttpResponse:
    user = _matcher(request)
    form = MatchProfileForm.for_profile(services.ensure_match_profile(user), request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_match_profile(actor=user, data=form.to_data())
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect(
                "matching:suggestions" if form.cleaned_data["seeking"] else "matching:home"
            )
    return render(request, "matching/profile.html", {"form": form})


@login_required
def suggestions(request: HttpRequest) -> HttpResponse:
    user = _matcher(request)
    match_profile = services.ensure_match_profile(user)
    context = {
        "suggestions": services.suggestions(user) if match_profile.seeking else [],
        "match_profile": match_profile,
        "has_experience": bool(match_profile.category_mask),
    }
    return render(request, "matching/suggestions.html", context)


@login_required
def ask(request: HttpRequest, public_id: str) -> HttpResponse:
    user = _matcher(request)
    profile = get_object_or_404(Profile.objects.select_related("user"), public_id=public_id)
    found = services.pair_fit(user, profile.user)
    if found is None:
        raise Http404
    fit, me, them = found
    form = AskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            match = services.request_match(
                actor=user, partner=profile.user, message=form.cleaned_data["message"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your request is sent. They decide, and you will hear."))
            return redirect("matching:match", pk=match.pk)
    reasons = services.explain(fit, me, them)
    return render(
        request, "matching/ask.html", {"profile": profile, "form": form, "reasons": reasons}
    )


def _match(request: HttpRequest, pk: int) -> tuple[User, Match]:
    user = _matcher(request)
    match = get_object_or_404(
        Match.objects.select_related("seeker__profile", "partner__profile"), pk=pk
    )
    if not permissions.can_view_match(user, match):
        raise Http404
    return user, match


STAFF_WHAT = gettext_lazy("match")
STAFF_PURPOSE = gettext_lazy("coordinating PeerMatch")


@login_required
def match_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user, match = _match(request, pk)
    party = permissions.is_party(user, match)
    if not party:
        for subject in (match.seeker, match.partner):
            record_staff_access(
                viewer=user, subject=subject, what=STAFF_WHAT, purpose=STAFF_PURPOSE
            )
    other = match.partner if user.pk == match.seeker_id else match.seeker
    context = {
        "match": match,
        "party": party,
        "other": other,
        "reasons": services.shared_reasons(match.seeker, match.partner),
        "can_answer": permissions.can_answer_match(user, match),
        "can_change": permissions.can_change_match(user, match),
        "can_approve": match.status == MatchStatus.AWAITING_APPROVAL
        and permissions.coordinates_match(user, match),
        "end_form": EndForm(),
        "events": match.events.select_related("actor__profile"),
        "show_words": not party,
    }
    return render(request, "matching/match.html", context)


ACTIONS = {
    "accept": (services.accept_match, gettext_lazy("Thank you for your answer.")),
    "decline": (services.decline_match, gettext_lazy("Your answer is sent. Thank you.")),
    "withdraw": (services.withdraw_match, gettext_lazy("Your request is withdrawn.")),
    "approve": (services.approve_match, gettext_lazy("The match is approved and has started.")),
    "pause": (services.pause_match, gettext_lazy("The match is paused.")),
    "resume": (services.resume_match, gettext_lazy("The match is active again.")),
    "extend": (services.extend_match, gettext_lazy("The match is extended by three months.")),
}


@login_required
@require_POST
def match_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    user, match = _match(request, pk)
    try:
        if action == "end":
            form = EndForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Choose why the match ends."))
                return redirect("matching:match", pk=match.pk)
            services.end_match(
                actor=user,
                match=match,
                reason=form.cleaned_data["reason"],
                feedback=form.cleaned_data["feedback"],
            )
            messages.success(request, _("The match has ended. You can ask for a new match."))
        elif action in ACTIONS:
            operation, done = ACTIONS[action]
            operation(actor=user, match=match)
            messages.success(request, str(done))
        else:
            raise Http404
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("matching:match", pk=match.pk)


@login_required
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    user = _matcher(request)
    item = get_object_or_404(CheckIn.objects.select_related("match"), pk=pk, user=user)
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_check_in(
                actor=user,
                check_in=item,
                rating=form.cleaned_data["rating"],
                words=form.cleaned_data["words"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you for telling us how it is going."))
            return redirect("matching:home")
    return render(request, "matching/check_in.html", {"form": form, "check_in": item})


@login_required
def coordinate(request: HttpRequest) -> HttpResponse:
    user = _matcher(request)
    if not permissions.can_coordinate(user):
        raise Http404
    greedy = request.GET.get("method") == "greedy"
    plan = services.plan_assignment(user, greedy=greedy)
    places = services.coordinated_places(user)
    matches = Match.objects.select_related("seeker__profile", "partner__profile")
    if places is not None:
        matches = matches.filter(municipality_id__in=places)
    health = matches.filter(status__in=[MatchStatus.ACTIVE, MatchStatus.PAUSED]).annotate(
        rating=Avg("check_ins__rating")
    )
    context = {
        "seekers": [(seeker, plan.why_not.get(seeker.user_id)) for seeker in plan.seekers],
        "guides": plan.guides,
        "guide_choices": OptionList([(g.user_id, g.user.profile.alias) for g in plan.guides]),
        "proposals": plan.proposals,
        "total": round(sum(p.fit.score for p in plan.proposals), 2),
        "greedy": greedy,
        "health": health,
        "waiting_approval": matches.filter(status=MatchStatus.AWAITING_APPROVAL),
        "ended": matches.filter(status=MatchStatus.ENDED)[:20],
    }
    return render(request, "matching/coordinate.html", context)


@login_required
@require_POST
def send_proposal(request: HttpRequest) -> HttpResponse:
    user = _matcher(request)
    if not permissions.can_coordinate(user):
        raise Http404
    ids = [request.POST.get(name, "") for name in ("seeker", "guide")]
    if not all(value.isdigit() for value in ids):
        raise Http404
    seeker, guide = (get_object_or_404(User, pk=int(value)) for value in ids)
    try:
        services.send_proposal(actor=user, seeker=seeker, guide=guide)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The proposal is sent. Both are asked to accept."))
    return redirect("matching:coordinate")
