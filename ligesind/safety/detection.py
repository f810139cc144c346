"""Finding crisis language in text: normalised words matched against the lexicon's phrases.

Text is lower-cased and split into words; common spellings are folded ("ik"/"ikk" → "ikke",
"selv mord" → "selvmord", "dont" → "don't"). A phrase matches when its words appear in order
with at most one other word between two of them (so "tage mit eget liv" also finds "tage
simpelthen mit eget liv"); a phrase word ending in ``*`` matches any ending.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

WORD = re.compile(r"[a-zæøåäöüé0-9']+")
FOLD = {"ik": "ikke", "ikk": "ikke", "ike": "ikke", "ikek": "ikke", "dont": "don't",
        "cant": "can't", "wont": "won't", "im": "i'm"}  # fmt: skip
JOIN = {("selv", "mord"): "selvmord", ("self", "harm"): "selfharm", ("selv", "skade"): "selvskade"}
MAX_GAP = 1
# Talk *about* prevention is not a crisis: these words are removed before matching.
NOT_CRISIS = [
    ("suicide", "prevention"), ("suicide", "awareness"), ("suicide", "statistics"),
    ("forebyggelse", "af", "selvmord"), ("forebygge", "selvmord"), ("selvmord", "blandt"),
]  # fmt: skip


def words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("-", " ")
    tokens = [FOLD.get(token, token) for token in WORD.findall(plain)]
    joined: list[str] = []
    for token in tokens:
        if joined and (joined[-1], token) in JOIN:
            joined[-1] = JOIN[(joined[-1], token)]
        else:
            joined.append(token)
    return joined


@dataclass(frozen=True)
class Pattern:
    phrase: str
    parts: tuple[tuple[str, bool], ...]  # (word, is prefix)

    @classmethod
    def of(cls, phrase: str) -> "Pattern":
        parts: list[tuple[str, bool]] = []
        for raw in phrase.split():
            tokens = words(raw.rstrip("*"))
            for n, token in enumerate(tokens):
                parts.append((token, raw.endswith("*") and n == len(tokens) - 1))
        return cls(phrase, tuple(parts))

    def matches(self, text: list[str]) -> bool:
        if not self.parts:
            return False
        for start, token in enumerate(text):
            if self._fits(token, 0) and self._rest(text, start + 1, 1):
                return True
        return False

    def _fits(self, token: str, n: int) -> bool:
        word, prefix = self.parts[n]
        return token.startswith(word) if prefix else token == word

    def _rest(self, text: list[str], at: int, n: int) -> bool:
        if n == len(self.parts):
            return True
        for position in range(at, min(at + MAX_GAP + 1, len(text))):
            if self._fits(text[position], n) and self._rest(text, position + 1, n + 1):
                return True
        return False


def without_talk_about_prevention(tokens: list[str]) -> list[str]:
    result = list(tokens)
    for phrase in NOT_CRISIS:
        size = len(phrase)
        for start in range(len(result) - size + 1):
            if tuple(result[start : start + size]) == phrase:
                result[start : start + size] = ["·"] * size
    return result


def find(text: str, patterns: Iterable[Pattern]) -> str | None:
    """The first phrase found in ``text``, or ``None``."""
    tokens = without_talk_about_prevention(words(text))
    present = set(tokens)
    for pattern in patterns:
        if not pattern.parts:
            continue
        first, prefix = pattern.parts[0]
        if not prefix and first not in present:  # most phrases are ruled out here at once
            continue
        if pattern.matches(tokens):
            return pattern.phrase
    return None
