"""The pages a newcomer looks for first: how we handle personal data, and the terms and
community rules. Made after migrations when missing (also on installations made before they
existed); editors change them in /cms/ like any page. They say what the software does: an
installation's organisations add who they are and how to reach them."""

from typing import Any

from .models import ContentPage, PagesHome

PRIVACY = {
    "title": "Privatliv: sådan passer vi på dine oplysninger",
    "slug": "privatliv",
    "intro": "Hvad vi gemmer, hvorfor, hvem der kan se det, og hvordan du får det eller sletter"
    " det.",
    "body": "<p>Ligesind drives af organisationerne bag siden. De er dataansvarlige for de"
    " oplysninger, du giver dem. Du finder dem og deres kontaktoplysninger under"
    ' <a href="/organisations/">Organisationerne bag Ligesind</a>.</p>'
    "<h2>Hvad vi gemmer og hvorfor</h2>"
    "<p>Din e-mail og adgangskode, så du kan logge ind. Dit kaldenavn og det, du selv skriver"
    " på din profil. Dine erfaringer (fx psykisk sårbarhed, misbrug eller sygdom) er"
    " helbredsoplysninger: vi bruger dem kun, fordi du har givet samtykke, og kun til at vise"
    " dem, som du vælger, og til at finde ligestillede til dig. Din historie, dine"
    " beskeder til organisationer, koordinatorernes noter og ansøgninger som frivillig gemmes"
    " krypteret.</p>"
    "<h2>Hvem kan se hvad</h2>"
    "<p>Andre medlemmer ser kun det, du har valgt at vise. Medarbejdere og frivillige ser kun"
    " det, de skal bruge i deres arbejde, og hver gang en medarbejder åbner dine oplysninger,"
    ' skrives det i din log under <a href="/me/who-looked/">Hvem har set mine oplysninger</a>.</p>'
    "<h2>Hvis du skriver om en krise</h2>"
    "<p>Skriver du noget, der lyder som selvmordstanker eller selvskade, viser vi dig hjælp"
    " med det samme, og en moderator får besked, så nogen kan række ud til dig.</p>"
    "<h2>Hvor længe</h2>"
    "<p>Slettede beskeder fjernes helt efter 30 dage. Beskeder til en organisation slettes et"
    " år efter, de er besvaret. Vi gemmer ikke din IP-adresse i databasen.</p>"
    "<h2>Dine rettigheder</h2>"
    '<p>Du kan til enhver tid <a href="/me/my-data/">hente en kopi af dine data</a>, rette'
    ' din profil, trække dit samtykke tilbage og <a href="/me/delete/">slette din konto</a>.'
    " Er du utilfreds med, hvordan vi behandler dine oplysninger, kan du klage til"
    " Datatilsynet.</p>",
}

TERMS = {
    "title": "Vilkår og fællesskabets regler",
    "slug": "vilkaar",
    "intro": "Det, vi lover hinanden, når vi er her sammen.",
    "body": "<p>Ligesind er et fællesskab mellem ligestillede. Du skal være fyldt 18 år og"
    " bruge et kaldenavn, ikke en andens navn.</p>"
    "<h2>Sådan er vi sammen</h2>"
    "<p>Vi lytter. Vi giver ikke råd. Vi fortæller ikke andre, hvad de skal gøre. Vi taler"
    " pænt til hinanden, også når vi er uenige. Vi deler ikke det, andre har fortalt os i"
    " fortrolighed, og vi sælger eller reklamerer ikke.</p>"
    "<h2>Ikke en krisetjeneste</h2>"
    "<p>Peers er hverken behandlere eller krisetjeneste. Har du brug for hjælp nu, så ring"
    ' 112, eller se <a href="/help-now/">hvor du kan få hjælp</a>.</p>'
    "<h2>Hvis noget går galt</h2>"
    "<p>Du kan blokere og anmelde. Moderatorerne kan skjule indhold, give en advarsel, sætte"
    " en konto på pause eller lukke den. Du får altid at vide hvorfor, og du kan klage over"
    " en beslutning.</p>",
}


def ensure_trust_pages(**_kwargs: Any) -> None:
    from .setup import _publish

    home = PagesHome.objects.first()
    if home is None:
        return
    for page in (PRIVACY, TERMS):
        if not ContentPage.objects.filter(slug=page["slug"]).exists():
            _publish(home.add_child(instance=ContentPage(**page)))
