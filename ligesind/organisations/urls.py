from django.urls import path

from . import contact_views, place_views, views

app_name = "organisations"
urlpatterns = [
    path("organisations/", views.organisations, name="list"),
    path("organisations/<slug:slug>/", views.organisation, name="detail"),
    path("organisations/<slug:slug>/join/", views.join, name="join"),
    path("organisations/<slug:slug>/leave/", views.leave, name="leave"),
    path("organisations/<slug:slug>/contact/", contact_views.contact, name="contact"),
    path(
        "organisations/<slug:slug>/contact/sent/", contact_views.contact_sent, name="contact_sent"
    ),
    path("organisations/<slug:slug>/requests/", contact_views.requests, name="requests"),
    path(
        "organisations/<slug:slug>/requests/<int:pk>/answered/",
        contact_views.answered,
        name="answered",
    ),
    path("organisations/<slug:slug>/places/", place_views.places, name="places"),
    path("organisations/<slug:slug>/places/<int:pk>/", place_views.place, name="place"),
    path("municipalities/<slug:slug>/", views.municipality, name="municipality"),
    path("site-notice/", views.notice, name="notice"),
]
