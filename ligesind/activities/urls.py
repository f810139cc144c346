from django.urls import path

from .views import accompaniment, activities, calendar, courses

app_name = "activities"

urlpatterns = [
    path("", activities.activity_list, name="list"),
    path("new/", activities.activity_create, name="create"),
    path("mine/", activities.my_activities, name="mine"),
    path("<int:pk>/", activities.activity_detail, name="detail"),
    path("<int:pk>/edit/", activities.activity_edit, name="edit"),
    path("<int:pk>/cancel/", activities.activity_cancel, name="cancel"),
    path("<int:pk>/sign-up/", activities.activity_sign_up, name="sign_up"),
    path("<int:pk>/leave/", activities.activity_leave, name="leave"),
    path("<int:pk>/attendance/", activities.activity_attendance, name="attendance"),
    path("calendar/", calendar.calendar_feeds, name="calendar"),
    path("calendar/new/", calendar.calendar_feed_create, name="calendar_create"),
    path("calendar/<int:pk>/revoke/", calendar.calendar_feed_revoke, name="calendar_revoke"),
    path("feed/<str:token>.ics", calendar.calendar_feed, name="feed"),
    path("public.ics", calendar.public_feed, name="public_feed"),
    path("courses/", courses.course_list, name="courses"),
    path("courses/new/", courses.course_create, name="course_create"),
    path("courses/<int:pk>/", courses.course_detail, name="course"),
    path("courses/<int:pk>/enrol/", courses.course_enrol, name="course_enrol"),
    path("courses/<int:pk>/withdraw/", courses.course_withdraw, name="course_withdraw"),
    path("courses/session/<int:pk>/", courses.course_session, name="session"),
    path("accompaniment/", accompaniment.accompaniment_list, name="accompaniments"),
    path("accompaniment/new/", accompaniment.accompaniment_new, name="accompaniment_new"),
    path("accompaniment/<int:pk>/", accompaniment.accompaniment_detail, name="accompaniment"),
]
