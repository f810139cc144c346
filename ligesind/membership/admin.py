from django.contrib import admin

from ligesind.core.admin_readonly import ReadOnlyAdmin

from .models import (
    Declaration,
    FeeLevel,
    FeeTerms,
    Payment,
    ProviderEvent,
    StatementLine,
    Subscription,
)


@admin.register(FeeLevel)
class FeeLevelAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "price", "period", "active"]
    list_filter = ["organisation", "active"]


@admin.register(FeeTerms)
class FeeTermsAdmin(admin.ModelAdmin):
    list_display = ["organisation", "grace_days", "reminder_days"]


@admin.register(Subscription)
class SubscriptionAdmin(ReadOnlyAdmin):
    list_display = ["reference", "organisation", "level", "paid_until", "cancelled_on"]
    list_filter = ["organisation", "level"]
    search_fields = ["reference"]
    exclude = ["waiver_reason"]


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin):
    list_display = ["number", "organisation", "paid_on", "amount", "reference", "provider"]
    list_filter = ["organisation", "provider"]
    search_fields = ["reference"]


@admin.register(Declaration)
class DeclarationAdmin(ReadOnlyAdmin):
    list_display = ["level", "kind", "status", "created_at"]
    list_filter = ["status"]
    exclude = ["text"]


@admin.register(StatementLine)
class StatementLineAdmin(ReadOnlyAdmin):
    list_display = ["booked_on", "organisation", "amount", "status"]
    list_filter = ["organisation", "status"]


@admin.register(ProviderEvent)
class ProviderEventAdmin(ReadOnlyAdmin):
    list_display = ["provider", "event_id", "kind", "received_at"]
    list_filter = ["provider", "kind"]
