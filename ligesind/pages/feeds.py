"""The news as an Atom feed, all of it or one organisation's."""

from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import NewsPage, published_news

FEED_SIZE = 30


class NewsFeed(Feed):
    feed_type = Atom1Feed
    link = "/pages/"

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        return request.GET.get("organisation", "")

    def title(self, obj: str) -> str:
        return _("News from Ligesind")

    def subtitle(self, obj: str) -> str:
        return _("News from the organisations behind Ligesind")

    def items(self, obj: str) -> Any:
        news = published_news().select_related("organisation")
        if obj:
            news = news.filter(organisation__slug=obj)
        return news[:FEED_SIZE]

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.intro

    def item_link(self, item: NewsPage) -> str:
        return str(item.url)

    def item_pubdate(self, item: NewsPage) -> Any:
        return item.first_published_at
