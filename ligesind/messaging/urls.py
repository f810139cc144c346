from django.urls import path

from . import views

app_name = "messaging"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.conversation, name="conversation"),
    path("<int:pk>/after/<int:after_id>/", views.messages_after, name="after"),
    path("<int:pk>/read/", views.read, name="read"),
    path("<int:pk>/mute/", views.mute, name="mute"),
    path("<int:pk>/block/", views.block_in_conversation, name="block"),
    path("message/<int:pk>/edit/", views.edit_message, name="edit"),
    path("message/<int:pk>/delete/", views.delete_message, name="delete"),
    path("message/<int:pk>/undo-delete/", views.undo_delete_message, name="undo_delete"),
    path("requests/", views.requests, name="requests"),
    path("requests/<int:pk>/answer/", views.answer_request, name="answer"),
    path("settings/", views.settings_view, name="settings"),
    path("write/<uuid:public_id>/", views.write, name="write"),
]
