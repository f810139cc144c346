from django.urls import path

from . import setup_views, team_views, views

app_name = "research"

urlpatterns = [
    path("", views.studies, name="studies"),
    path("new/", setup_views.new_study, name="new"),
    path("<slug:slug>/", views.study, name="study"),
    path("<slug:slug>/take-part/", views.take_part, name="take_part"),
    path("<slug:slug>/refer/", views.refer, name="refer"),
    path("<slug:slug>/consent/", views.consent, name="consent"),
    path("<slug:slug>/questionnaire/<int:pk>/", views.questionnaire, name="questionnaire"),
    path("<slug:slug>/me/", views.participation, name="participation"),
    path("<slug:slug>/team/", team_views.dashboard, name="dashboard"),
    path("<slug:slug>/team/setup/", setup_views.setup, name="setup"),
    path("<slug:slug>/team/consent/", team_views.consent_version, name="consent_version"),
    path("<slug:slug>/team/export.zip", team_views.export, name="export"),
    path("<slug:slug>/team/referrals/", team_views.referrals, name="referrals"),
    path("<slug:slug>/team/questionnaires/", team_views.instruments, name="instruments"),
    path("<slug:slug>/team/questionnaires/new/", team_views.instrument, name="instrument_new"),
    path("<slug:slug>/team/questionnaires/<int:pk>/", team_views.instrument, name="instrument"),
]
