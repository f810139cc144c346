from django.urls import path

from . import views

app_name = "volunteers"

urlpatterns = [
    path("", views.start, name="start"),
    path("apply/", views.apply, name="apply"),
    path("applications/", views.queue, name="queue"),
    path("applications/<int:pk>/", views.application, name="application"),
]
