from django.urls import path

from . import hours_views, training_views, views

app_name = "volunteers"

urlpatterns = [
    path("", views.start, name="start"),
    path("apply/", views.apply, name="apply"),
    path("applications/", views.queue, name="queue"),
    path("applications/<int:pk>/", views.application, name="application"),
    path("training/", training_views.trainings, name="trainings"),
    path("training/<int:pk>/", training_views.training, name="training"),
    path("hours/", hours_views.hours, name="hours"),
    path("hours/<int:pk>/", hours_views.hours_entry, name="hours_entry"),
    path("record/", hours_views.record, name="record"),
]
