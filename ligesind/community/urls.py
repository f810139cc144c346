from django.urls import path

from .views import forums, groups, search

app_name = "community"

urlpatterns = [
    path("", forums.index, name="index"),
    path("c/<slug:slug>/", forums.category, name="category"),
    path("c/<slug:slug>/new/", forums.new_thread, name="new_thread"),
    path("t/<int:pk>/", forums.thread, name="thread"),
    path("t/<int:pk>/reply/", forums.reply, name="reply"),
    path("t/<int:pk>/follow/", forums.follow, name="follow"),
    path("t/<int:pk>/moderate/", forums.moderate_thread, name="moderate_thread"),
    path("p/<int:pk>/edit/", forums.edit, name="edit_post"),
    path("p/<int:pk>/history/", forums.history, name="history"),
    path("p/<int:pk>/delete/", forums.delete, name="delete_post"),
    path("p/<int:pk>/undo-delete/", forums.undo_delete, name="undo_delete_post"),
    path("p/<int:pk>/react/", forums.react, name="react"),
    path("groups/", groups.group_list, name="groups"),
    path("groups/new/", groups.create, name="group_create"),
    path("groups/<int:pk>/", groups.detail, name="group"),
    path("groups/<int:pk>/new/", groups.new_thread, name="group_new_thread"),
    path("groups/<int:pk>/edit/", groups.edit, name="group_edit"),
    path("groups/<int:pk>/join/", groups.join, name="group_join"),
    path("groups/<int:pk>/leave/", groups.leave, name="group_leave"),
    path("groups/<int:pk>/members/", groups.members, name="group_members"),
    path(
        "groups/<int:pk>/members/<int:membership>/",
        groups.manage_member,
        name="group_member",
    ),
    path("groups/<int:pk>/requests/", groups.requests, name="group_requests"),
    path("groups/<int:pk>/invite/", groups.invite, name="group_invite"),
    path("search/", search.search, name="search"),
    path("following/", forums.following, name="following"),
]
