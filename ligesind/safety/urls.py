from django.urls import path

from .views import crisis, decisions, reports

app_name = "safety"

urlpatterns = [
    path("alerts/", crisis.alerts, name="alerts"),
    path("alerts/<int:pk>/", crisis.alert, name="alert"),
    path("alerts/<int:pk>/write/", crisis.alert_write, name="alert_write"),
    path("lexicon/", crisis.lexicon, name="lexicon"),
    path("lexicon/<int:pk>/toggle/", crisis.term_toggle, name="term_toggle"),
    path("muted-words/", crisis.muted, name="muted"),
    path("report/<slug:kind>/<int:pk>/", reports.report, name="report"),
    path("reports/", reports.reports, name="reports"),
    path("reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("decisions/", decisions.decisions, name="decisions"),
    path("decisions/<int:pk>/restore/", decisions.restore, name="restore"),
    path("my-decisions/", decisions.standing, name="standing"),
    path("my-decisions/<int:pk>/appeal/", decisions.appeal_create, name="appeal_create"),
    path("appeals/", decisions.appeals, name="appeals"),
    path("appeals/<int:pk>/", decisions.appeal, name="appeal"),
]
