"""The 98 Danish municipalities by region (since the 2007 structural reform)."""

from django.utils.text import slugify

MUNICIPALITIES: dict[str, list[str]] = {
    "hovedstaden": [
        "Albertslund", "Allerød", "Ballerup", "Bornholm", "Brøndby", "Dragør", "Egedal",
        "Fredensborg", "Frederiksberg", "Frederikssund", "Furesø", "Gentofte", "Gladsaxe",
        "Glostrup", "Gribskov", "Halsnæs", "Helsingør", "Herlev", "Hillerød", "Hvidovre",
        "Høje-Taastrup", "Hørsholm", "Ishøj", "København", "Lyngby-Taarbæk", "Rudersdal",
        "Rødovre", "Tårnby", "Vallensbæk",
    ],
    "sjaelland": [
        "Faxe", "Greve", "Guldborgsund", "Holbæk", "Kalundborg", "Køge", "Lejre", "Lolland",
        "Næstved", "Odsherred", "Ringsted", "Roskilde", "Slagelse", "Solrød", "Sorø", "Stevns",
        "Vordingborg",
    ],
    "syddanmark": [
        "Assens", "Billund", "Esbjerg", "Fanø", "Fredericia", "Faaborg-Midtfyn", "Haderslev",
        "Kerteminde", "Kolding", "Langeland", "Middelfart", "Nordfyns", "Nyborg", "Odense",
        "Svendborg", "Sønderborg", "Tønder", "Varde", "Vejen", "Vejle", "Ærø", "Aabenraa",
    ],
    "midtjylland": [
        "Favrskov", "Hedensted", "Herning", "Holstebro", "Horsens", "Ikast-Brande", "Lemvig",
        "Norddjurs", "Odder", "Randers", "Ringkøbing-Skjern", "Samsø", "Silkeborg",
        "Skanderborg", "Skive", "Struer", "Syddjurs", "Viborg", "Aarhus",
    ],
    "nordjylland": [
        "Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø", "Mariagerfjord",
        "Morsø", "Rebild", "Thisted", "Vesthimmerlands", "Aalborg",
    ],
}  # fmt: skip


DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


def municipality_slug(name: str) -> str:
    return name.translate(DANISH_LETTERS).lower().replace(" ", "-")


def danish_slug(text: str) -> str:
    """An address part from Danish text: "Søvn og fællesskab" → "soevn-og-faellesskab"."""
    return slugify(text.translate(DANISH_LETTERS))


def load_municipalities(apps, schema_editor) -> None:
    """Create or update all 98 municipalities (used by the data migration)."""
    model = apps.get_model("core", "Municipality")
    for region, names in MUNICIPALITIES.items():
        for name in names:
            model.objects.update_or_create(
                slug=municipality_slug(name), defaults={"name": name, "region": region}
            )
