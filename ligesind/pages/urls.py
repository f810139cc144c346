from django.urls import path

from .feeds import NewsFeed

app_name = "pages"
urlpatterns = [path("news.atom", NewsFeed(), name="news_feed")]
