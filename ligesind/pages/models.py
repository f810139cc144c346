"""The public site's pages and news, edited by staff in Wagtail (/cms/): drafts, revisions,
preview, scheduled publishing, images with alt texts and an accessibility check before
publishing. Only live, public pages are ever shown to visitors."""

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

# What editors may use in a text: headings, emphasis, lists, links and images (each with its
# alt text). No embeds and no raw HTML.
TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "image", "hr"]


class PagesHome(Page):
    """/pages/: what the site explains, and the way to the news."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("text"), features=TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    subpage_types = ["pages.ContentPage", "pages.NewsIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("start of the public pages")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        context["testimonials"] = shown_testimonials().select_related("organisation")[:6]
        return context


class ContentPage(Page):
    """A page that explains: what peer support is, recovery, why there is a fee, workplaces."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("text"), features=TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    subpage_types = ["pages.ContentPage"]
    parent_page_types = ["pages.PagesHome", "pages.ContentPage"]

    class Meta:
        verbose_name = _("page")


class NewsIndexPage(Page):
    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["pages.NewsPage", "pages.OrganisationNews"]
    parent_page_types = ["pages.PagesHome"]
    max_count = 1

    class Meta:
        verbose_name = _("news")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        news = published_news().descendant_of(self).select_related("organisation")
        slug = request.GET.get("organisation", "")
        if slug:
            news = news.filter(organisation__slug=slug)
        context["news"] = news[:50]
        context["organisation_slug"] = slug
        return context


class OrganisationNews(Page):
    """An organisation's own news, under the news: its editors write here and only here (a
    role "editor" acting for the organisation; see ``pages.editors``)."""

    organisation = models.OneToOneField(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="news_section",
        verbose_name=_("organisation"),
    )

    content_panels = [*Page.content_panels, FieldPanel("organisation")]
    subpage_types = ["pages.NewsPage"]
    parent_page_types = ["pages.NewsIndexPage"]
    template = "pages/news_index_page.html"

    class Meta:
        verbose_name = _("an organisation's news")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        news = published_news().child_of(self).select_related("organisation")
        context["news"] = news[:50]
        context["organisation_slug"] = self.organisation.slug
        return context


class NewsPage(Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    intro = models.CharField(_("introduction"), max_length=300)
    body = RichTextField(_("text"), features=TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("organisation"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    subpage_types: list[str] = []
    parent_page_types = ["pages.NewsIndexPage", "pages.OrganisationNews"]

    class Meta:
        verbose_name = _("news item")
        ordering = ["-date"]

    def full_clean(self, *args: Any, **kwargs: Any) -> None:
        """News in an organisation's section is that organisation's, whatever was chosen."""
        parent = self.get_parent() if self.pk or self.path else None
        section = getattr(parent.specific, "organisation_id", None) if parent else None
        if section is not None:
            self.organisation_id = section
        super().full_clean(*args, **kwargs)


def published_news() -> Any:
    """News a visitor may read: live (published, and its scheduled time has come) and public."""
    return NewsPage.objects.live().public().order_by("-date", "-first_published_at")


@register_snippet
class Testimonial(models.Model):
    """Someone's own words about peer support, shown on the public pages only with their
    consent: the date it was given and how are required, and switching it off (consent
    withdrawn) takes it off every page at once."""

    quote = models.TextField(_("their words"), max_length=600)
    person = models.CharField(
        _("how they are named"), max_length=80, help_text=_("As they agreed, e.g. “Søren, 30 år”.")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    consent_given_on = models.DateField(_("consent given on"))
    consent_how = models.CharField(
        _("how consent was given"),
        max_length=200,
        help_text=_("E.g. “in writing, kept by the coordinator”."),
    )
    shown = models.BooleanField(
        _("shown"), default=True, help_text=_("Switch off at once if they withdraw consent.")
    )

    panels = [
        FieldPanel("quote"),
        FieldPanel("person"),
        FieldPanel("organisation"),
        FieldPanel("consent_given_on"),
        FieldPanel("consent_how"),
        FieldPanel("shown"),
    ]

    class Meta:
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")
        ordering = ["-consent_given_on"]

    def __str__(self) -> str:
        return f"{self.person}: {self.quote[:40]}"


def shown_testimonials() -> Any:
    return Testimonial.objects.filter(shown=True, consent_given_on__lte=timezone.localdate())
