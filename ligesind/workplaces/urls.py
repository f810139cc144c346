from django.urls import path

from . import views

app_name = "workplaces"

urlpatterns = [
    path("", views.ask, name="ask"),
    path("sent/", views.sent, name="sent"),
    path("requests/", views.requests, name="requests"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
]
