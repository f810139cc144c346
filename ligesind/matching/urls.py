from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path("", views.home, name="home"),
    path("wishes/", views.edit_profile, name="profile"),
    path("suggestions/", views.suggestions, name="suggestions"),
    path("ask/<uuid:public_id>/", views.ask, name="ask"),
    path("<int:pk>/", views.match_detail, name="match"),
    path("<int:pk>/<slug:action>/", views.match_action, name="action"),
    path("check-in/<int:pk>/", views.check_in, name="check_in"),
    path("coordinate/", views.coordinate, name="coordinate"),
    path("coordinate/send/", views.send_proposal, name="send_proposal"),
]
