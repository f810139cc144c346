from django.urls import path

from . import views

app_name = "safety"

urlpatterns = [
    path("alerts/", views.alerts, name="alerts"),
    path("alerts/<int:pk>/", views.alert, name="alert"),
    path("lexicon/", views.lexicon, name="lexicon"),
    path("lexicon/<int:pk>/toggle/", views.term_toggle, name="term_toggle"),
    path("muted-words/", views.muted, name="muted"),
]
