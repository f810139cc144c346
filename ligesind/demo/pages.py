"""Demo news from the organisations: published, one draft and one scheduled (as editors see
them in /cms/; visitors see only the published ones)."""

from datetime import timedelta

from django.utils import timezone

from ligesind.organisations.models import Organisation
from ligesind.pages.models import NewsIndexPage, NewsPage, Testimonial
from ligesind.pages.setup import ensure_public_pages

NEWS = [
    (
        "peer-partnerskabet",
        "deltag-i-forskning",
        "Gør en forskel – deltag i vores forskning",
        "Vi undersøger, hvad gruppeforløbet “Vejen til hverdagslivet” betyder for deltagerne.",
        "<p>Har du oplevet psykiske kriser, og fungerer din hverdag ikke helt, som du ønsker"
        " det? Så kan du være med i vores forskning. Du er med til at skabe ny viden, der kan"
        " hjælpe mange andre.</p><p>Alle, du møder – forskere, medarbejdere og frivillige –"
        " har selv erfaring med psykiske kriser og sårbarhed.</p>",
        "live",
    ),
    (
        "peer-to-peer-odense",
        "nye-aktiviteter-i-odense",
        "Nye aktiviteter i Odense",
        "De frivillige har lavet nye aktiviteter ud fra det, de selv brænder for.",
        "<p>Kom til gåtur, brætspil eller peer-café. Du vælger selv, hvad du vil være med til."
        " Du kan også få et PeerMatch med en frivillig peer guide.</p>",
        "live",
    ),
    (
        "peer-netvaerket",
        "fyraftensmoede",
        "Fyraftensmøde for peers",
        "Mød andre, der arbejder som peer, og del erfaringer over en kop kaffe.",
        "<p>Fyraftensmødet er for dig, der arbejder som lønnet eller frivillig peer, og for"
        " dig, der er under uddannelse eller søger job som peer.</p>",
        "scheduled",
    ),
    (
        "foreningen-peer-to-peer",
        "nyt-forum",
        "Et nyt forum om at være pårørende",
        "Udkast: et forum for dig, der er pårørende.",
        "<p>Udkast – ikke udgivet endnu.</p>",
        "draft",
    ),
]


def load_demo_pages() -> None:
    ensure_public_pages()
    index = NewsIndexPage.objects.first()
    if index is None:
        return
    organisations = {o.slug: o for o in Organisation.objects.all()}
    for slug, page_slug, title, intro, body, state in NEWS:
        if NewsPage.objects.filter(slug=page_slug).exists():
            continue
        page = index.add_child(
            instance=NewsPage(
                title=title,
                slug=page_slug,
                intro=intro,
                body=body,
                organisation=organisations.get(slug),
                live=state == "live",
            )
        )
        if state == "scheduled":
            page.go_live_at = timezone.now() + timedelta(days=3)
        revision = page.save_revision()
        if state != "draft":
            revision.publish()

    _load_testimonials(organisations)


def _load_testimonials(organisations: dict[str, Organisation]) -> None:
    odense = organisations.get("peer-to-peer-odense")
    Testimonial.objects.get_or_create(
        person="Peer guide, Søren, 30 år",
        defaults={
            "quote": "Det gode ved Peer to Peer er fællesskabet og glæden, jeg ser fra både"
            " andre frivillige og brugerne.",
            "organisation": odense,
            "consent_given_on": timezone.localdate(),
            "consent_how": "Demo: citatet fra projektets egen side",
        },
    )
