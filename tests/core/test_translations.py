"""Danish comes first: every user-facing string has a Danish translation."""

import gettext
import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

PO = Path(settings.BASE_DIR) / "ligesind" / "locale" / "da" / "LC_MESSAGES" / "django.po"


def entries(text: str) -> list[dict[str, str]]:
    """A small .po reader: enough to see flags, msgids and msgstrs."""
    found = []
    for block in text.strip().split("\n\n"):
        entry: dict[str, str] = {"flags": "", "msgid": "", "msgstr": ""}
        key = ""
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] += line
            elif match := re.match(
                r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line
            ):
                key = match.group(1)
                entry[key] = entry.get(key, "") + match.group(2)
            elif line.startswith('"') and key:
                entry[key] += line.strip('"')
        found.append(entry)
    return found


def test_danish_catalogue_is_complete():
    rows = [e for e in entries(PO.read_text()) if e["msgid"]]
    assert len(rows) > 200
    untranslated = [e["msgid"] for e in rows if not (e.get("msgstr") or e.get("msgstr[0]"))]
    fuzzy = [e["msgid"] for e in rows if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_compiled_catalogue_is_current():
    """The committed .mo holds exactly what the .po says (run `make messages` after editing)."""
    with PO.with_suffix(".mo").open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    for entry in entries(PO.read_text()):
        if entry["msgid"] and "msgid_plural" not in entry:
            unescaped = entry["msgid"].encode().decode("unicode_escape").encode("latin-1").decode()
            if "msgctxt" in entry:  # the .mo keys a text with a context as "context\x04text"
                unescaped = f"{entry['msgctxt']}\x04{unescaped}"
            wanted = entry["msgstr"].encode().decode("unicode_escape").encode("latin-1").decode()
            assert catalog.get(unescaped) == wanted, entry["msgid"]
    with translation.override("da"):
        assert translation.gettext("Find peers") == "Find ligesindede"
        assert translation.gettext("Affected myself") == "Selv ramt"
