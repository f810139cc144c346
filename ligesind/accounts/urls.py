from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("me/", views.home, name="home"),
    path("signed-out/", views.session_ended, name="session_ended"),
    path("me/profile/", views.profile_edit, name="profile_edit"),
    path("me/profile/picture/", views.profile_avatar, name="profile_avatar"),
    path("me/blocked/", views.blocks, name="blocks"),
    path("me/who-looked/", views.access_log, name="access_log"),
    path("me/my-data/", views.export, name="export"),
    path("me/my-data/ligesind-my-data.json", views.export_json, name="export_json"),
    path("me/my-data/readable/", views.export_page, name="export_page"),
    path("me/delete/", views.delete_me, name="delete"),
    path("me/api-tokens/", views.tokens, name="tokens"),
    path("me/api-tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("me/consent/", views.consent, name="consent"),
    path("me/consent/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path("members/", views.directory, name="directory"),
    path("members/<uuid:public_id>/", views.profile_detail, name="profile_detail"),
    path("members/<uuid:public_id>/picture/", views.avatar_image, name="avatar"),
    path("members/<uuid:public_id>/block/", views.block, name="block"),
    path("members/<uuid:public_id>/unblock/", views.unblock, name="unblock"),
    path("staff/roles/", views.roles, name="roles"),
    path("staff/roles/<int:pk>/remove/", views.role_revoke, name="role_revoke"),
]
