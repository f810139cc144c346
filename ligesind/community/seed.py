"""The forum's first categories, from the themes of the seeds, and the search indexes.

Names and descriptions are English sources marked for translation; pages show them in the
reader's language. Categories an administrator adds later are shown as typed.
"""

from typing import Any

from django.utils.translation import gettext_noop as _

# slug, name, description, anonymous posts allowed
CATEGORIES = [
    ("welcome", _("Welcome and introductions"), _("New here? Say hello and tell as much or as little as you like."), False),
    ("everyday-life", _("Everyday life"), _("The small and big things of ordinary days: routines, energy, good days and hard days."), False),
    ("recovery", _("Recovery"), _("What helped, what did not, and the steps on the way to a life that works for you."), False),
    ("mental-health", _("Mental health"), _("Anxiety, depression, bipolar disorder, psychosis and other mental illness, in your own words."), True),
    ("relatives", _("Relatives"), _("For relatives: being close to someone who is ill, addicted or in crisis."), True),
    ("addiction", _("Addiction"), _("Alcohol, drugs, gambling and other addictions, for those affected and their relatives."), True),
    ("loneliness", _("Loneliness"), _("When you feel alone. Here others know what it is like."), True),
    ("violence-and-abuse", _("Violence and abuse"), _("For those who have lived with violence or abuse. Take care of yourself while you read."), True),
    ("serious-illness", _("Serious illness"), _("Living with serious or long-term illness, as a patient or as a relative."), False),
    ("housing", _("Housing and homelessness"), _("Finding a place to live, keeping it, and life without a home."), True),
    ("work-and-education", _("Work and education"), _("Jobs, studies, job seeking, sick leave and coming back."), False),
    ("working-peers", _("Working as a peer"), _("For peers who use their experience in their work: sparring, ethics and good days at work."), False),
    ("creative-corner", _("Creative corner"), _("Drawings, poems, music, knitting: share what you make."), False),
    ("off-topic", _("Everything else"), _("Talk about anything: films, walks, pets and the weather."), False),
]  # fmt: skip

FTS_TABLES = [
    "CREATE VIRTUAL TABLE community_thread_fts USING fts5(title)",
    "CREATE VIRTUAL TABLE community_post_fts USING fts5(body)",
    "CREATE VIRTUAL TABLE community_group_fts USING fts5(text)",
]


def load_categories(apps: Any, schema_editor: Any) -> None:
    Category = apps.get_model("community", "Category")
    for position, (slug, name, description, anonymous) in enumerate(CATEGORIES):
        Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "position": position * 10,
                "allows_anonymous": anonymous,
            },
        )


def make_search_indexes(apps: Any, schema_editor: Any) -> None:
    """PostgreSQL: GIN indexes on exactly the expressions ``community.search`` queries.
    SQLite: FTS5 tables the services fill with stemmed text."""
    if schema_editor.connection.vendor == "postgresql":
        from django.contrib.postgres.indexes import GinIndex
        from django.contrib.postgres.search import SearchVector

        for model, fields, name in [
            ("Thread", ["title"], "community_thread_search"),
            ("Post", ["body"], "community_post_search"),
            ("Group", ["name", "description"], "community_group_search"),
        ]:
            index = GinIndex(SearchVector(*fields, config="danish"), name=name)
            schema_editor.add_index(apps.get_model("community", model), index)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in FTS_TABLES:
            schema_editor.execute(statement)
