"""A member's fees: what each organisation's levels give and why there is a fee, choosing,
changing and leaving a level, free membership on a declaration, and receipts."""

from typing import Any, cast

import stripe
from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ligesind.accounts.models import User
from ligesind.accounts.permissions import is_member
from ligesind.core.errors import DomainError

from . import permissions, services
from .entitlements import features_for, levied
from .features import Feature
from .forms import DeclarationForm
from .lifecycle import DEFAULT_GRACE_DAYS, status_of
from .models import Declaration, FeeLevel, Payment, Provider, Subscription
from .providers import PROVIDERS, card_payments
from .receipts import receipt_pdf


def organisation_for(slug: str) -> Any:
    """An organisation by its slug (``organisations`` sits above this app: reached by name)."""
    organisation: type[Model] = apps.get_model("organisations", "Organisation")
    return get_object_or_404(organisation, slug=slug)


def standing(subscription: Subscription | None) -> Any:
    """Where a subscription stands today, with its organisation's grace days (kept with the
    list of organisations that ask a fee: no query)."""
    if subscription is None:
        return None
    grace = levied.get().get(subscription.organisation_id, DEFAULT_GRACE_DAYS)
    return status_of(subscription, services.today(), grace)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """Which features are open to me, my levels and how they stand, my declarations."""
    user = cast(User, request.user)
    if not is_member(user):
        raise Http404
    subscriptions = Subscription.objects.filter(user=user).select_related(
        "level", "next_level", "organisation"
    )
    features = features_for(user)
    organisations = apps.get_model("organisations", "Organisation").objects.all()
    kept = []
    if permissions.treasures_anywhere(user):
        kept = [item for item in organisations if permissions.keeps_accounts(user, item.pk)]
    context = {
        "features": [(feature, feature in features) for feature in Feature],
        "subscriptions": [(item, standing(item)) for item in subscriptions],
        "declarations": Declaration.objects.filter(user=user).select_related("level__organisation")[
            :10
        ],
        "organisations": organisations.filter(fee_levels__isnull=False).distinct(),
        "kept": kept,
    }
    return render(request, "membership/mine.html", context)


def levels(request: HttpRequest, slug: str) -> HttpResponse:
    """An organisation's levels: what each gives, why there is a fee, how to pay."""
    organisation = organisation_for(slug)
    subscription = (
        services.subscription_of(cast(User, request.user), organisation.pk)
        if request.user.is_authenticated
        else None
    )
    context = {
        "organisation": organisation,
        "terms": services.terms_of(organisation.pk),
        "levels": FeeLevel.objects.filter(organisation=organisation, active=True),
        "subscription": subscription,
        "standing": standing(subscription),
        "payments": (
            Payment.objects.filter(subscription=subscription)[:12] if subscription else []
        ),
        "waiting": Declaration.objects.filter(
            user_id=request.user.pk or 0, level__organisation=organisation, status="waiting"
        ).exists(),
        "is_member": is_member(request.user),
        "card_payments": card_payments(),
        "card_paid": request.GET.get("card") == "paid",
        "keeps_accounts": permissions.keeps_accounts(request.user, organisation.pk),
    }
    return render(request, "membership/levels.html", context)


def _level(slug: str, pk: int) -> FeeLevel:
    return get_object_or_404(
        FeeLevel.objects.select_related("organisation"), pk=pk, organisation__slug=slug
    )


@login_required
@require_POST
def join(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    level = _level(slug, pk)
    try:
        subscription = services.join_level(actor=cast(User, request.user), level=level)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if subscription.next_level_id == level.pk:
            messages.success(
                request, _("You change to %(level)s when your paid period ends.") % {"level": level}
            )
        elif level.is_free:
            messages.success(request, _("You now have %(level)s.") % {"level": level})
        else:
            messages.success(
                request,
                _("You have chosen %(level)s. It opens when the payment has come in.")
                % {"level": level},
            )
    return redirect("membership:levels", slug=slug)


def _own_subscription(request: HttpRequest, slug: str) -> Subscription:
    organisation = organisation_for(slug)
    subscription = services.subscription_of(cast(User, request.user), organisation.pk)
    if subscription is None or not permissions.owns(request.user, subscription):
        raise Http404
    return subscription


@login_required
@require_POST
def cancel(request: HttpRequest, slug: str) -> HttpResponse:
    subscription = _own_subscription(request, slug)
    try:
        services.cancel_subscription(actor=cast(User, request.user), subscription=subscription)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("You have left %(level)s. What you have paid for lasts out; nothing is deleted.")
            % {"level": subscription.level},
        )
    return redirect("membership:levels", slug=slug)


@login_required
def declare(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    level = _level(slug, pk)
    if not permissions.can_declare_for(request.user, level):
        raise Http404
    form = DeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.declare_for_free(
                actor=cast(User, request.user), level=level, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Thank you. The organisation answers you here and by notification.")
            )
            return redirect("membership:levels", slug=slug)
    return render(request, "membership/declare.html", {"level": level, "form": form})


@login_required
def receipt(request: HttpRequest, pk: int) -> HttpResponse:
    payment = get_object_or_404(
        Payment.objects.select_related("organisation", "user__profile"), pk=pk
    )
    if not permissions.can_see_payment(request.user, payment.user_id, payment.organisation_id):
        raise Http404
    payer = _("deleted member")
    if payment.user is not None:
        payer = payment.user.profile.real_name or payment.user.email
    response = HttpResponse(receipt_pdf(payment, payer), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="kvittering-{payment.number}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def pay_by_card(request: HttpRequest, slug: str) -> HttpResponse:
    """Off to Stripe's own page to pay the level by card (nothing about the card reaches us)."""
    subscription = _own_subscription(request, slug)
    if not card_payments() or (subscription.next_level or subscription.level).is_free:
        raise Http404
    back = request.build_absolute_uri(reverse("membership:levels", args=[slug]))
    try:
        url = PROVIDERS[Provider.STRIPE].start(
            subscription, success_url=f"{back}?card=paid", cancel_url=back
        )
    except stripe.StripeError:
        messages.error(
            request,
            _("Card payment does not answer right now. Try again later, or pay by transfer."),
        )
        return redirect("membership:levels", slug=slug)
    return redirect(url or back)


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    """Stripe tells that a checkout was paid. Only a correctly signed event counts."""
    if not card_payments():
        raise Http404
    try:
        outcome = services.handle_stripe_event(
            payload=request.body, signature=request.headers.get("Stripe-Signature", "")
        )
    except DomainError:
        return HttpResponse(status=403)
    return HttpResponse(outcome, content_type="text/plain")
