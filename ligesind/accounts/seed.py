"""The lived-experience categories and interests every installation starts with (admins extend)."""

CATEGORIES = [
    ("mental-vulnerability", "Psykiatrisk diagnose / psykisk sårbarhed", "Psychiatric diagnosis / mental vulnerability"),
    ("addiction", "Misbrug", "Addiction"),
    ("homelessness", "Hjemløshed", "Homelessness"),
    ("loneliness", "Ensomhed", "Loneliness"),
    ("neglect", "Omsorgssvigt", "Neglect"),
    ("abuse", "Overgreb", "Abuse"),
    ("serious-illness", "Alvorlig sygdom", "Serious illness"),
    ("social-vulnerability", "Social udsathed", "Social vulnerability"),
    ("trauma", "Traume", "Trauma"),
    ("crisis", "Krise", "Crisis"),
]  # fmt: skip

INTERESTS = [
    ("walks", "Gåture", "Walks"),
    ("nature", "Natur", "Nature"),
    ("music", "Musik", "Music"),
    ("reading", "Bøger og læsning", "Books and reading"),
    ("crafts", "Kreativitet og håndarbejde", "Crafts and creativity"),
    ("cooking", "Madlavning", "Cooking"),
    ("games", "Brætspil og computerspil", "Board and video games"),
    ("sport", "Motion og sport", "Exercise and sport"),
    ("films", "Film og serier", "Films and series"),
    ("coffee", "Kaffe og snak", "Coffee and a chat"),
    ("animals", "Dyr", "Animals"),
    ("gardening", "Have og planter", "Gardening and plants"),
    ("photography", "Fotografi", "Photography"),
    ("writing", "At skrive", "Writing"),
    ("mindfulness", "Ro og mindfulness", "Calm and mindfulness"),
    ("work-education", "Arbejde og uddannelse", "Work and education"),
]  # fmt: skip


def load_seed(apps, schema_editor) -> None:
    for model_name, rows in (("ExperienceCategory", CATEGORIES), ("Interest", INTERESTS)):
        model = apps.get_model("accounts", model_name)
        for position, (slug, name_da, name_en) in enumerate(rows):
            model.objects.update_or_create(
                slug=slug, defaults={"name_da": name_da, "name_en": name_en, "position": position}
            )
