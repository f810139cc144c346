"""Membership fees (kontingent): each organisation's levels and terms, who subscribes to
which level, what was paid, and who asked for free membership.

A level unlocks features (``Feature``); a member's features are the union of their live
subscriptions' levels (see ``entitlements``). Nothing here is deleted when a subscription
lapses: features switch off and return when it is paid.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ligesind.core.fields import EncryptedTextField

from .features import Feature

USER = settings.AUTH_USER_MODEL


class Period(models.TextChoices):
    YEAR = "year", _("per year")
    MONTH = "month", _("per month")
    FREE = "free", _("free")


class FeeLevel(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="fee_levels",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=80)
    description = models.CharField(_("what it gives, in one or two sentences"), max_length=500)
    price = models.DecimalField(
        _("price in kroner"),
        max_digits=8,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    period = models.CharField(_("paid"), max_length=10, choices=Period.choices)
    features = models.JSONField(_("what it unlocks"), default=list)
    on_declaration = models.BooleanField(
        _("free on a declaration"),
        default=False,
        help_text=_(
            "For working peers, students and job seekers: the member writes a short "
            "declaration, and the organisation's staff confirm it."
        ),
    )
    active = models.BooleanField(
        _("open for new members"),
        default=True,
        help_text=_("A closed level keeps its members until they leave or change level."),
    )
    position = models.PositiveSmallIntegerField(_("order on the page"), default=0)

    class Meta:
        ordering = ["organisation_id", "position", "price", "name"]
        verbose_name = _("fee level")
        verbose_name_plural = _("fee levels")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="one_level_name"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_free(self) -> bool:
        return self.period == Period.FREE

    def feature_labels(self) -> list[str]:
        return [str(Feature(value).label) for value in Feature if value in self.features]


class FeeTerms(models.Model):
    """Why an organisation asks for a fee, where the money goes, and how to pay it."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="fee_terms"
    )
    why = models.TextField(
        _("why there is a fee and where the money goes"), max_length=3000, blank=True
    )
    bank_account = models.CharField(
        _("bank account (reg. no. and account no.)"), max_length=40, blank=True
    )
    mobilepay = models.CharField(_("MobilePay number"), max_length=20, blank=True)
    grace_days = models.PositiveSmallIntegerField(
        _("days of grace after the paid period"), default=14
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("remind this many days before renewal"), default=14
    )

    class Meta:
        verbose_name = _("fee terms")
        verbose_name_plural = _("fee terms")

    def __str__(self) -> str:
        return str(self.organisation_id)


class Subscription(models.Model):
    """A member's level in one organisation (one at a time). Paid up to ``paid_until``; a
    waiver makes the level free until ``waived_until``. Cancelling stops renewal: the level
    lasts out what was paid."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="fee_subscriptions")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    level = models.ForeignKey(FeeLevel, on_delete=models.PROTECT, related_name="subscriptions")
    next_level = models.ForeignKey(
        FeeLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reference = models.CharField(_("payment reference"), max_length=12, unique=True)
    started_on = models.DateField(default=timezone.localdate)
    paid_until = models.DateField(null=True, blank=True)
    cancelled_on = models.DateField(null=True, blank=True)
    waived_until = models.DateField(_("free until"), null=True, blank=True)
    waiver_reason = EncryptedTextField(_("reason (only staff see it)"), blank=True)
    waived_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminded_for = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="one_subscription_per_organisation"
            ),
        ]
        indexes = [models.Index(fields=["organisation", "paid_until"], name="overdue")]

    def __str__(self) -> str:
        return self.reference


class Provider(models.TextChoices):
    MANUAL = "manual", _("Registered by hand")
    BANK = "bank", _("Bank statement")
    STRIPE = "stripe", _("Card (Stripe)")


class Payment(models.Model):
    """Money received for a subscription. Kept for the accounts after an erasure, without
    the person (``user`` becomes empty)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    subscription = models.ForeignKey(
        Subscription, on_delete=models.SET_NULL, null=True, blank=True, related_name="payments"
    )
    user = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="fee_payments"
    )
    level_name = models.CharField(max_length=80)
    amount = models.DecimalField(_("amount in kroner"), max_digits=10, decimal_places=2)
    paid_on = models.DateField(_("paid on"))
    covers_from = models.DateField()
    covers_until = models.DateField()
    provider = models.CharField(max_length=10, choices=Provider.choices)
    reference = models.CharField(max_length=12)
    external_id = models.CharField(max_length=200, null=True, blank=True, unique=True)
    number = models.PositiveIntegerField(_("receipt number"))
    registered_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-paid_on", "-number"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="one_receipt_number"),
        ]
        indexes = [models.Index(fields=["organisation", "paid_on"], name="payments_by_date")]

    def __str__(self) -> str:
        return f"{self.reference} {self.amount}"


class DeclarationKind(models.TextChoices):
    WORKING_PEER = "working_peer", _("I work as a peer, paid or as a volunteer")
    STUDENT = "student", _("I am studying to become a peer")
    JOB_SEEKER = "job_seeker", _("I am looking for work as a peer")


class DeclarationStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for an answer")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")


class Declaration(models.Model):
    """A member asks for a level that is free on a declaration; staff confirm or decline."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="fee_declarations")
    level = models.ForeignKey(FeeLevel, on_delete=models.CASCADE, related_name="declarations")
    kind = models.CharField(_("I am"), max_length=20, choices=DeclarationKind.choices)
    text = EncryptedTextField(_("a few words about it"))
    status = models.CharField(
        max_length=10, choices=DeclarationStatus.choices, default=DeclarationStatus.WAITING
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("declaration for free membership")
        verbose_name_plural = _("declarations for free membership")

    def __str__(self) -> str:
        return f"{self.user_id} {self.level_id} {self.status}"


class LineStatus(models.TextChoices):
    OPEN = "open", _("Not matched")
    MATCHED = "matched", _("Matched")
    SET_ASIDE = "set_aside", _("Not a fee")


class StatementLine(models.Model):
    """A line of an imported bank statement. Lines whose reference matched became payments;
    the rest wait for the treasurer to match them by hand or set them aside."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    booked_on = models.DateField()
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    text = models.CharField(max_length=300)
    fingerprint = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=10, choices=LineStatus.choices, default=LineStatus.OPEN)
    why = models.CharField(max_length=200, blank=True)
    payment = models.OneToOneField(
        Payment, on_delete=models.SET_NULL, null=True, blank=True, related_name="line"
    )
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["booked_on", "pk"]
        verbose_name = _("bank statement line")
        verbose_name_plural = _("bank statement lines")

    def __str__(self) -> str:
        return f"{self.booked_on} {self.amount} {self.text}"


class ProviderEvent(models.Model):
    """An event a payment provider sent (Stripe's webhook), kept by its id so that each is
    handled once however often it is sent again."""

    provider = models.CharField(max_length=10, choices=Provider.choices)
    event_id = models.CharField(max_length=200)
    kind = models.CharField(max_length=100)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("payment provider event")
        verbose_name_plural = _("payment provider events")
        constraints = [
            models.UniqueConstraint(fields=["provider", "event_id"], name="one_event_once"),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.event_id}"
