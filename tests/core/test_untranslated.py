"""Every page a role may open, in Danish, holds none of our English texts (a string that has a
Danish translation in our catalogue must not show in its English form) and none of the words in
the wrong column of ``../shared/DANISH.md``'s glossary ("venligst", "kursus", "email",
"afgørelse", allauth's "succesfuldt" …). The pages and roles are the authorization matrix's
(``tests/safety/matrix_rules.py``), so a new page is crawled too."""

import re
from html import unescape
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.db import transaction
from django.urls import reverse

from tests.safety.matrix_probe import client_for
from tests.safety.matrix_rules import RULES
from tests.safety.matrix_world import ROLES, build_world

CATALOGUE = Path(settings.BASE_DIR) / "ligesind" / "locale" / "da" / "LC_MESSAGES" / "django.po"
HIDDEN = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
ATTRIBUTE = re.compile(r'\b(?:aria-label|placeholder|title|alt)="([^"]*)"')
# Words our Danish never uses (DANISH.md): the right ones are "peerguider", "forløb", "e-mail",
# "beslutning" (moderation is not a court), "lukke kontoen midlertidigt", "rette"/"rettet", a
# plain imperative.
WRONG_WORDS = re.compile(
    r"(?i)(?<![\w@.-])(venligst|peerguides|kurs(?!iv)\w*|\w*afgørelse\w*|suspender\w*"
    r"|succesfuldt|genautentificer\w*|email\w*|redigere\w*|redigeret|udelukket)(?![\w-])"
)
# The API reference is for developers and written in English, with the schema's words.
ENGLISH_PAGES = {"api_docs"}


def english_texts() -> re.Pattern[str]:
    """Our English strings that read differently in Danish, long enough to mean something and
    without placeholders, as one pattern of whole words."""
    texts = set()
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.msgid_plural or "%" in entry.msgid or "{" in entry.msgid:
            continue
        text = " ".join(entry.msgid.split())
        if len(text) < 12 or " " not in text or entry.msgstr.strip() == entry.msgid.strip():
            continue
        texts.add(text)
    words = sorted(texts, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(t) for t in words) + r")(?![\w-])")


def shown_text(html: str) -> str:
    """What a reader meets: the text between tags and the labels a screen reader reads."""
    html = HIDDEN.sub(" ", html)
    labels = " | ".join(ATTRIBUTE.findall(html))
    return " ".join(unescape(TAG.sub(" | ", html) + " | " + labels).split())


@pytest.mark.django_db
def test_no_english_on_a_danish_page_for_any_role():
    world = build_world()
    english = english_texts()
    assert english.search("| Your hours as a volunteer |")  # the net catches what it should
    clients = {role: client_for(world, role) for role in ROLES}
    found: list[str] = []
    for name, rule in RULES.items():
        if rule.method != "get" or not rule.allowed or name in ENGLISH_PAGES:
            continue
        url = rule.url(world.ids) if rule.url else reverse(name, kwargs=rule.kwargs(world.ids))
        for role in sorted(rule.allowed):
            with transaction.atomic():
                response = clients[role].get(url, HTTP_ACCEPT_LANGUAGE="da")
                transaction.set_rollback(True)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            text = shown_text(response.content.decode())
            hits = set(english.findall(text)) | set(WRONG_WORDS.findall(text))
            found += [f"{url} as {role}: {hit!r}" for hit in sorted(hits)]
    assert found == [], "English or wrong words on Danish pages:\n" + "\n".join(sorted(set(found)))


def test_our_danish_catalogue_uses_the_glossarys_words():
    placeholder = re.compile(r"%\(\w+\)s|\{\{[^}]*\}\}")
    wrong = []
    for entry in polib.pofile(str(CATALOGUE)):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            wrong += [
                f"{entry.msgid!r}: {hit}" for hit in WRONG_WORDS.findall(placeholder.sub("", text))
            ]
    assert wrong == []
