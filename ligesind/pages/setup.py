"""The public pages every installation starts with, in our own words; editors change them in
/cms/. Made once, after migrations (a page tree cannot be built in a migration's history)."""

from typing import Any

from django.conf import settings
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from .models import ContentPage, NewsIndexPage, PagesHome

HOME = {
    "title": "Om peerstøtte",
    "slug": "om",
    "intro": "Hvad peerstøtte er, hvad du kan her, og hvad der sker i organisationerne.",
}

PAGES = [
    {
        "title": "Hvad er peerstøtte?",
        "slug": "peerstoette",
        "intro": "Støtte fra én, der selv har været der.",
        "body": "<p>En peer er en ligestillet: én, der har levet med noget af det samme som dig."
        " Det kan være psykisk sårbarhed, misbrug, hjemløshed, ensomhed, overgreb eller"
        " alvorlig sygdom – eller at være pårørende til en, der har.</p>"
        "<p>Peerstøtte er støtte mellem ligestillede. Du skal ikke forklare alt fra begyndelsen,"
        " for den anden kender det indefra. Når nogen fortæller, hvad der har hjulpet dem, kan"
        " det give håb og nye idéer. Og støtten går begge veje.</p>"
        "<h2>Sådan er vi sammen</h2>"
        "<p>Vi lytter. Vi giver ikke råd. Vi fortæller ikke andre, hvad de skal gøre. Du"
        " bestemmer selv, hvor meget du fortæller, og om I mødes online eller i virkeligheden.</p>"
        "<h2>Peerstøtte er ikke behandling</h2>"
        "<p>En peer er hverken behandler eller krisetjeneste. Har du brug for hjælp nu, så ring"
        " 112, til psykiatrisk akutmodtagelse eller til Livslinien på 70 201 201.</p>",
    },
    {
        "title": "Recovery – at komme sig",
        "slug": "recovery",
        "intro": "At komme sig er noget, man gør – ikke noget, man får.",
        "body": "<p>Recovery betyder at komme sig. Det handler ikke altid om at blive fri for"
        " symptomer. Det handler om at få et liv, der giver mening for dig, også selv om noget"
        " stadig er svært.</p>"
        "<p>Recovery er personligt og går sjældent i en lige linje. Der kommer gode og dårlige"
        " perioder. Mange oplever, at det hjælper at møde andre, der har gået vejen før dem:"
        " deres historier viser, at det kan lade sig gøre.</p>"
        "<h2>Håb, mennesker og egne valg</h2>"
        "<p>Tre ting går igen, når folk fortæller om at komme sig: håb om, at det kan blive"
        " bedre, mennesker omkring sig, og at få magten over sit eget liv igen. I et"
        " fællesskab mellem ligestillede kan du finde alle tre.</p>",
    },
    {
        "title": "Hvorfor koster det et kontingent?",
        "slug": "kontingent",
        "intro": "Kontingentet betaler for, at fællesskabet findes.",
        "body": "<p>Fællesskabet online drives af en forening. Foreningen betaler for siden, for"
        " at den er sikker, og for det arbejde, der skal til, for at den kører. Kontingentet går"
        " til foreningen – ikke til nogen, der tjener penge på den.</p>"
        "<p>Hvor meget du betaler, afhænger af, hvad du vil bruge: kun chat og beskeder med"
        " andre peers, eller også fora, netværksgrupper og fællesskaber. Nogle medlemskaber er"
        " gratis, fx for peers, der arbejder med deres erfaring, og for dem, der uddanner sig"
        " til det eller søger job som peer.</p>"
        "<p>Hjælp i en krise, at blokere og anmelde og at få eller slette dine data koster"
        " aldrig noget.</p>",
    },
    {
        "title": "For arbejdspladser",
        "slug": "arbejdspladser",
        "intro": "Vil I ansætte peers eller blive klogere på peerstøtte?",
        "body": "<p>Flere arbejdspladser i psykiatrien og på socialområdet ansætter peers:"
        " medarbejdere, der bruger deres egen erfaring med psykiske vanskeligheder i arbejdet."
        " Det kræver forberedelse hos både ledelse og kolleger.</p>"
        "<p>Organisationerne bag Ligesind rådgiver arbejdspladser og holder oplæg og workshops"
        " om at ansætte og arbejde sammen med peers. Skriv til dem fra deres side under"
        ' <a href="/organisations/">Organisationerne bag Ligesind</a>.</p>',
    },
]

NEWS = {"title": "Nyheder", "slug": "nyheder", "intro": "Nyt fra organisationerne bag Ligesind."}


@transaction.atomic
def ensure_public_pages(**_kwargs: Any) -> None:
    """Build the pages once; an installation that has them (edited or not) is left alone."""
    if PagesHome.objects.exists():
        return
    # A flushed database (tests) lacks what Wagtail's migrations made: a locale and a root.
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    home = _publish(root.add_child(instance=PagesHome(**HOME)))
    for page in PAGES:
        _publish(home.add_child(instance=ContentPage(**page)))
    _publish(home.add_child(instance=NewsIndexPage(**NEWS)))
    site = Site.objects.filter(is_default_site=True).first()
    welcome = site.root_page if site else None
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    else:
        site.root_page, site.site_name = home, "Ligesind"
        site.save()
    if welcome is not None and welcome.specific_class is Page and welcome.pk != home.pk:
        welcome.delete()  # Wagtail's own "welcome" page


def _publish(page: Page) -> Page:
    """A first revision, published: the editors' history starts here."""
    page.save_revision().publish()
    return page
