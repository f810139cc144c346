from django.urls import path

from . import treasury, views

app_name = "membership"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("receipts/<int:pk>/", views.receipt, name="receipt"),
    path("stripe/webhook/", views.stripe_webhook, name="stripe_webhook"),
    path("<slug:slug>/", views.levels, name="levels"),
    path("<slug:slug>/levels/<int:pk>/join/", views.join, name="join"),
    path("<slug:slug>/levels/<int:pk>/declare/", views.declare, name="declare"),
    path("<slug:slug>/leave/", views.cancel, name="cancel"),
    path("<slug:slug>/pay/card/", views.pay_by_card, name="pay_by_card"),
    path("<slug:slug>/accounts/", treasury.overview, name="overview"),
    path("<slug:slug>/accounts/terms/", treasury.terms, name="terms"),
    path("<slug:slug>/accounts/levels/new/", treasury.level, name="level_new"),
    path("<slug:slug>/accounts/levels/<int:pk>/", treasury.level, name="level"),
    path("<slug:slug>/accounts/payments/", treasury.payments, name="payments"),
    path(
        "<slug:slug>/accounts/payments.<str:kind>",
        treasury.payments_file,
        name="payments_file",
    ),
    path("<slug:slug>/accounts/statement/", treasury.statement, name="statement"),
    path("<slug:slug>/accounts/lines/", treasury.lines, name="lines"),
    path("<slug:slug>/accounts/lines/<int:pk>/", treasury.line, name="line"),
    path("<slug:slug>/accounts/declarations/", treasury.declarations, name="declarations"),
    path("<slug:slug>/accounts/declarations/<int:pk>/", treasury.decide, name="decide"),
    path("<slug:slug>/accounts/waivers/", treasury.waivers, name="waivers"),
]
