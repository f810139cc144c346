"""Finding crisis language in text: phrases matched on the basic forms of words.

Text is split into sentences and words. Each word is reduced to its basic form in Danish and in
English: a short table of irregular verbs ("slog", "slået" → "slå"; "took" → "take"), then the
Snowball stemmer (the same well-kept stemmer the forum search uses), which strips the regular
endings ("skader", "skadede", "skadet" → "skad"). Snowball's Danish stemmer keeps the past-tense
endings "-ede" and "-te"; those are stripped here. Words written without æ, ø and å ("doed",
"skaere", "paa") are read as if they had them. So a phrase written once in its basic form,
"slå mig ihjel", also finds "jeg slog mig selv ihjel" and "slaar mig ihjel".

Phrase syntax (lexicon.py and the moderators' own phrases):

- words in order, with at most two other words between two of them ("tage mit liv" finds
  "tage simpelthen mit eget liv"); ``...`` allows up to six;
- ``a|b`` either word; ``word*`` any word that starts with it;
- ``$`` the end of a clause (a comma or the end of a sentence), ``$$`` the end of a sentence.

A phrase is not taken as crisis language when it is negated just before ("jeg har *ikke*
selvmordstanker"), unless the phrase holds the negation itself ("ikke lyst til at leve"); when
it is about someone else ("min søn har selvmordstanker"), unless the phrase says "jeg"/"mig"
itself; when its sentence tells of a time long past without "again" or "still" ("for ti år
siden forsøgte jeg selvmord"); or when an idiom covers it (``lexicon.NOT_CRISIS``: "dø af
grin", "slå tiden ihjel", "suicide prevention").
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from .lemmas import (
    DANISH_FIRST_PERSON,
    DANISH_IRREGULAR,
    DANISH_NEGATIONS,
    DANISH_OTHERS,
    ENGLISH_CONTRACTIONS,
    ENGLISH_FIRST_PERSON,
    ENGLISH_IRREGULAR,
    ENGLISH_NEGATIONS,
    ENGLISH_OTHERS,
    ENGLISH_PEOPLE,
    FOLD,
    JOIN,
    LONG_AGO,
    STILL_NOW,
)

WORD = re.compile(r"[a-zæøåäöüé0-9']+|[,.!?;:\n]")
SENTENCE_END = frozenset(".!?;:\n")
MAX_GAP = 2
WIDE_GAP = 6
LANGUAGES = ("da", "en")
NO_WORD = "·"
VOWELS = frozenset("aeiouyæøå")  # a word an idiom has covered


def words(text: str) -> list[str]:
    """Lower-case words with common spellings folded ("ik" → "ikke", "selv mord" → "selvmord");
    what muted words are matched against."""
    return [token for token in _tokens(text) if token not in SENTENCE_END and token != ","]


def _tokens(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("-", " ")
    joined: list[str] = []
    for raw in WORD.findall(plain):
        token = FOLD.get(raw, raw)
        if joined and (joined[-1], token) in JOIN:
            joined[-1] = JOIN[(joined[-1], token)]
        else:
            joined.append(token)
    return joined


def _with_letters(token: str) -> str:
    """A Danish word written without æ, ø and å, as if it had them."""
    return token.replace("aa", "å").replace("ae", "æ").replace("oe", "ø")


@lru_cache(maxsize=1)
def _stemmers() -> dict[str, snowballstemmer.stemmer]:
    return {"da": snowballstemmer.stemmer("danish"), "en": snowballstemmer.stemmer("english")}


@lru_cache(maxsize=50_000)
def basic_form(token: str, language: str) -> str:
    """The word's basic form in that language, as phrases and text are compared."""
    if language == "en":
        token = ENGLISH_IRREGULAR.get(token, token)
        return str(_stemmers()["en"].stemWord(token))
    token = _with_letters(token)
    token = DANISH_IRREGULAR.get(token, token)
    stem = str(_stemmers()["da"].stemWord(token))
    if stem.endswith("ed") and len(stem) >= 5 and token.endswith("ede"):
        stem = stem[:-2]  # "skadede" → "skad" like "skader"
    elif stem.endswith("t") and token.endswith("te") and len(stem) >= 4 and stem == token[:-1]:
        stem = stem[:-1]  # "dræbte" → "dræb" like "dræber"
    elif stem == token and len(token) >= 4 and token[-1] == "t" and token[-2] not in VOWELS:
        stem = stem[:-1]  # the participle: "gemt" → "gem" like "gemmer"
    return stem


@dataclass(frozen=True)
class Word:
    raw: str
    forms: tuple[str, str]  # basic form in Danish, in English
    clause_end: bool = False
    sentence_end: bool = False


def sentences(text: str) -> list[list[Word]]:
    """The text's sentences as words; English contractions written out ("don't" → do not)."""
    result: list[list[Word]] = [[]]
    for token in _tokens(text):
        current = result[-1]
        if token in SENTENCE_END or token == ",":
            if current:
                last = current[-1]
                end = token in SENTENCE_END
                current[-1] = Word(last.raw, last.forms, True, end or last.sentence_end)
                if end:
                    result.append([])
            continue
        for part in ENGLISH_CONTRACTIONS.get(token, (token,)):
            current.append(Word(part, (basic_form(part, "da"), basic_form(part, "en"))))
    if result[-1]:
        last = result[-1][-1]
        result[-1][-1] = Word(last.raw, last.forms, True, True)
    return [sentence for sentence in result if sentence]


@dataclass(frozen=True)
class Slot:
    forms: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    end: str = ""  # "$" end of clause, "$$" end of sentence
    gap_before: int = MAX_GAP

    def fits(self, word: Word, language: int) -> bool:
        if word.forms[language] in self.forms:
            return True
        raw = _with_letters(word.raw) if language == 0 else word.raw
        return any(raw.startswith(prefix) for prefix in self.prefixes)


class PhraseError(ValueError):
    pass


@dataclass(frozen=True)
class Pattern:
    phrase: str
    family: str = ""
    language: str = "da"
    slots: tuple[Slot, ...] = ()
    first_person: bool = False  # the phrase itself says who: "mig", "jeg", "myself"
    negated: bool = False  # the phrase holds its own negation
    first_forms: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, phrase: str, family: str = "", language: str = "da") -> "Pattern":
        """Compile a phrase; raises PhraseError on one that cannot match anything."""
        index = LANGUAGES.index(language) if language in LANGUAGES else 0
        language = LANGUAGES[index]
        slots: list[Slot] = []
        gap = MAX_GAP
        first_person = negated = False
        for part in phrase.lower().split():
            if part == "...":
                gap = WIDE_GAP
                continue
            if part in ("$", "$$"):
                if not slots:
                    raise PhraseError(phrase)
                slots.append(Slot(end=part, gap_before=0))
                continue
            for alternatives in _split_slot(part):
                forms, prefixes = set(), []
                for alternative in alternatives:
                    if alternative.endswith("*"):
                        prefix = alternative.rstrip("*")
                        prefixes.append(_with_letters(prefix) if index == 0 else prefix)
                    else:
                        forms.add(basic_form(alternative, language))
                        first_person |= alternative in _first_person(index)
                        negated |= alternative in _negations(index)
                slots.append(Slot(frozenset(forms), tuple(prefixes), gap_before=gap))
                gap = MAX_GAP
        if not slots or slots[0].end:
            raise PhraseError(phrase)
        return cls(
            phrase, family, language, tuple(slots), first_person, negated, slots[0].forms
        )

    def found_in(self, sentence: Sequence[Word], facts: "SentenceFacts") -> bool:
        index = LANGUAGES.index(self.language)
        for start in range(len(sentence)):
            if self.end_of_match(sentence, start) is None:
                continue
            if not self.negated and facts.negated_before(start, index):
                continue
            if not self.first_person and facts.about_others(start, index):
                continue
            return True
        return False

    def end_of_match(self, sentence: Sequence[Word], start: int) -> int | None:
        """Where a match that begins at ``start`` ends, or None."""
        index = LANGUAGES.index(self.language)
        if not self.slots[0].fits(sentence[start], index):
            return None
        return self._rest(sentence, start + 1, 1, index)

    def _rest(self, sentence: Sequence[Word], at: int, n: int, index: int) -> int | None:
        if n == len(self.slots):
            return at
        slot = self.slots[n]
        if slot.end:
            last = sentence[at - 1]
            ended = last.sentence_end if slot.end == "$$" else last.clause_end
            return self._rest(sentence, at, n + 1, index) if ended else None
        for position in range(at, min(at + slot.gap_before + 1, len(sentence))):
            if position > at and _is_negation(sentence[position - 1], index):
                return None  # "vil ikke dø" is not "vil dø"
            if position > at and sentence[position - 1].clause_end and slot.gap_before <= MAX_GAP:
                return None  # a short gap never crosses a comma
            if slot.fits(sentence[position], index):
                end = self._rest(sentence, position + 1, n + 1, index)
                if end is not None:
                    return end
        return None


def _split_slot(part: str) -> list[list[str]]:
    """One written slot as one or more slots of alternatives ("don't" is two words)."""
    if "|" in part:
        alternatives = [a for a in part.split("|") if a]
        if any(len(_plain_parts(a)) != 1 for a in alternatives):
            raise PhraseError(part)
        return [[_plain_parts(a)[0] for a in alternatives]]
    parts = _plain_parts(part)
    if not parts:
        raise PhraseError(part)
    return [[p] for p in parts]


def _plain_parts(text: str) -> list[str]:
    star = text.endswith("*")
    parts = [
        part
        for token in words(text.rstrip("*"))
        for part in ENGLISH_CONTRACTIONS.get(token, (token,))
    ]
    if star and parts:
        parts[-1] += "*"
    return parts


@lru_cache(maxsize=2)
def _first_person(index: int) -> frozenset[str]:
    return DANISH_FIRST_PERSON if index == 0 else ENGLISH_FIRST_PERSON


@lru_cache(maxsize=2)
def _negations(index: int) -> frozenset[str]:
    return DANISH_NEGATIONS if index == 0 else ENGLISH_NEGATIONS


@lru_cache(maxsize=2)
def _others(index: int) -> frozenset[str]:
    """Someone else (a Danish phrase may be found in English text: people in English too)."""
    source = DANISH_OTHERS | ENGLISH_PEOPLE if index == 0 else ENGLISH_OTHERS
    return frozenset(basic_form(word, LANGUAGES[index]) for word in source)


def _is_negation(word: Word, index: int) -> bool:
    return word.raw in _negations(index)


class SentenceFacts:
    """What the checks after a match need to know about its sentence."""

    def __init__(self, sentence: Sequence[Word]) -> None:
        self.sentence = sentence

    def negated_before(self, start: int, index: int) -> bool:
        return any(_is_negation(w, index) for w in self.sentence[max(0, start - 2) : start])

    def about_others(self, start: int, index: int) -> bool:
        """The nearest person named before the phrase is someone else."""
        first, others = _first_person(index), _others(index)
        for word in reversed(self.sentence[:start]):
            if word.raw in first:
                return False
            if word.forms[index] in others:
                return True
        return False


def _long_ago(sentence: Sequence[Word]) -> bool:
    text = " ".join(word.raw for word in sentence)
    return bool(LONG_AGO.search(text)) and not STILL_NOW.search(text)


@dataclass(frozen=True)
class Finding:
    phrase: str
    family: str


class Lexicon:
    """Compiled phrases, indexed by the basic forms of their first words."""

    def __init__(self, patterns: Iterable[Pattern], idioms: Iterable[Pattern] = ()) -> None:
        self.patterns = list(patterns)
        self.idioms = list(idioms)
        self.order = {id(pattern): n for n, pattern in enumerate(self.patterns)}
        self.by_form: dict[str, list[Pattern]] = {}
        self.by_prefix: list[Pattern] = []
        for pattern in self.patterns:
            if pattern.slots[0].prefixes:
                self.by_prefix.append(pattern)
            for form in pattern.first_forms:
                self.by_form.setdefault(form, []).append(pattern)

    def find(self, text: str) -> Finding | None:
        """The first phrase found in ``text`` (in lexicon order), or ``None``."""
        for sentence in sentences(text):
            if _long_ago(sentence):
                continue
            sentence = self._without_idioms(sentence)
            present = {form for word in sentence for form in word.forms}
            candidates = {id(p): p for form in present for p in self.by_form.get(form, ())}
            for pattern in self.by_prefix:
                candidates.setdefault(id(pattern), pattern)
            facts = SentenceFacts(sentence)
            for key in sorted(candidates, key=self.order.__getitem__):
                pattern = candidates[key]
                if pattern.found_in(sentence, facts):
                    return Finding(pattern.phrase, pattern.family)
        return None

    def _without_idioms(self, sentence: list[Word]) -> list[Word]:
        result = list(sentence)
        for idiom in self.idioms:
            for start in range(len(result)):
                end = idiom.end_of_match(result, start)
                if end is not None:
                    for n in range(start, end):
                        old = result[n]
                        result[n] = Word(NO_WORD, (NO_WORD, NO_WORD), old.clause_end, old.sentence_end)
        return result


def find(text: str, patterns: Iterable[Pattern]) -> str | None:
    """The first phrase found in ``text``, or ``None`` (no idioms; for a quick check)."""
    finding = Lexicon(patterns).find(text)
    return finding.phrase if finding else None
