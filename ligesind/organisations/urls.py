from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("organisations/", views.organisations, name="list"),
    path("organisations/<slug:slug>/", views.organisation, name="detail"),
    path("organisations/<slug:slug>/join/", views.join, name="join"),
    path("organisations/<slug:slug>/leave/", views.leave, name="leave"),
    path("municipalities/<slug:slug>/", views.municipality, name="municipality"),
    path("site-notice/", views.notice, name="notice"),
]
