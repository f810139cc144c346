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
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

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
SEPARATORS = SENTENCE_END | {","}
JOIN_SECOND = frozenset(second for _first, second in JOIN)
MAX_GAP = 2
WIDE_GAP = 6
LANGUAGES = ("da", "en")
NO_WORD = "·"  # a word an idiom has covered
START = 4  # a word* is indexed by its first letters
SEEN_WORDS = 50_000
COMMON_WORDS = (  # words too common to look a phrase up by
    frozenset({
        "i", "at", "det", "en", "et", "til", "på", "med", "jeg", "mig", "min", "mit", "mine",
        "er", "være", "have", "har", "af", "for", "ikke", "kan", "vil", "den", "de", "og",
        "hele", "her", "så", "alle", "noget",
    }),
    frozenset({
        "i", "to", "the", "a", "it", "be", "do", "not", "my", "me", "have", "of", "for", "and",
        "all", "in", "on", "is", "am",
    }),
)  # fmt: skip
VOWELS = frozenset("aeiouyæøå")


def words(text: str) -> list[str]:
    """Lower-case words with common spellings folded ("ik" → "ikke", "selv mord" → "selvmord");
    what muted words are matched against."""
    return [token for token in _tokens(text) if token not in SEPARATORS]


def _tokens(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("-", " ")
    joined: list[str] = []
    for raw in WORD.findall(plain):
        token = FOLD.get(raw, raw)
        if token in JOIN_SECOND and joined and (joined[-1], token) in JOIN:
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
    spelled: tuple[str, str]  # as written (in Danish with æ, ø, å), for phrases' word*
    clause_end: bool = False
    sentence_end: bool = False


@lru_cache(maxsize=50_000)
def _words(token: str) -> tuple[Word, ...]:
    """A token's words (English contractions written out: "don't" → do not)."""
    return tuple(
        Word(part, (basic_form(part, "da"), basic_form(part, "en")), (_with_letters(part), part))
        for part in ENGLISH_CONTRACTIONS.get(token, (token,))
    )


def _ended(word: Word, sentence_end: bool) -> Word:
    return Word(word.raw, word.forms, word.spelled, True, sentence_end or word.sentence_end)


def sentences(text: str) -> list[list[Word]]:
    """The text's sentences as words, each word marked where a clause or sentence ends."""
    result: list[list[Word]] = [[]]
    for token in _tokens(text):
        current = result[-1]
        if token in SEPARATORS:
            if current:
                end = token in SENTENCE_END
                current[-1] = _ended(current[-1], end)
                if end:
                    result.append([])
            continue
        current.extend(_words(token))
    if result[-1]:
        result[-1][-1] = _ended(result[-1][-1], True)
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
        if self.prefixes:
            return word.spelled[language].startswith(self.prefixes)
        return False


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
    key: int = 0  # the slot a text is looked up by: its rarest-looking word
    reach: int = 0  # how many words before the key slot's word a match may begin

    @classmethod
    def of(cls, phrase: str, family: str = "", language: str = "da") -> "Pattern":
        """Compile a phrase; raises PhraseError on one that cannot match anything."""
        index = LANGUAGES.index(language) if language in LANGUAGES else 0
        language = LANGUAGES[index]
        slots: list[Slot] = []
        gap = MAX_GAP
        first_person = negated = False
        for part in phrase.lower().split():
            if part in ("...", "…"):
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
        key = max(range(len(slots)), key=lambda n: (_distinctness(slots[n], index), -n))
        reach = sum(1 + slot.gap_before for slot in slots[1 : key + 1])
        return cls(phrase, family, language, tuple(slots), first_person, negated, key, reach)

    def found_in(
        self, sentence: Sequence[Word], facts: "SentenceFacts", starts: Iterable[int]
    ) -> bool:
        index = LANGUAGES.index(self.language)
        for start in starts:
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


def _distinctness(slot: Slot, index: int) -> int:
    """How rarely a slot's words occur, guessed from their length; common words count 0."""
    if slot.end:
        return -1
    common = _common(index)
    lengths = [0 if form in common else len(form) for form in slot.forms]
    lengths += [len(prefix) if len(prefix) >= START else 0 for prefix in slot.prefixes]
    return min(lengths)


@lru_cache(maxsize=2)
def _common(index: int) -> frozenset[str]:
    return frozenset(basic_form(word, LANGUAGES[index]) for word in COMMON_WORDS[index])


def _split_slot(part: str) -> list[list[str]]:
    """One written slot as one or more slots of alternatives ("don't" is two words)."""
    if "|" in part:
        alternatives = [a for a in part.split("|") if a]
        if not alternatives or any(len(_plain_parts(a)) != 1 for a in alternatives):
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
    """Compiled phrases, indexed by the basic forms of their first words, so that a text is
    only tried against the phrases whose first word it holds, where it holds it."""

    def __init__(self, patterns: Iterable[Pattern], idioms: Iterable[Pattern] = ()) -> None:
        self.patterns = list(patterns)
        idioms = list(idioms)
        for idiom in idioms:
            if idiom.negated:
                # An idiom may only take a phrase's words away, never a negation before it:
                # find() looks for idioms only in sentences where a phrase was found.
                raise PhraseError(idiom.phrase)
        self.idioms = _Index(idioms)
        self.index = _Index(self.patterns)

    def find(self, text: str) -> Finding | None:
        """The first phrase found in ``text`` (in lexicon order), or ``None``."""
        for sentence in sentences(text):
            finding = self._first(sentence)
            if finding is None or _long_ago(sentence):
                continue  # most sentences: no phrase at all, so no idiom to look for either
            cleaned = self._without_idioms(sentence)
            if cleaned is not sentence:
                finding = self._first(cleaned)
            if finding is not None:
                return finding
        return None

    def _first(self, sentence: list[Word]) -> Finding | None:
        facts = SentenceFacts(sentence)
        for pattern, starts in self.index.candidates(sentence):
            if pattern.found_in(sentence, facts, starts):
                return Finding(pattern.phrase, pattern.family)
        return None

    def _without_idioms(self, sentence: list[Word]) -> list[Word]:
        result = sentence
        for idiom, starts in self.idioms.candidates(sentence):
            for start in starts:
                end = idiom.end_of_match(result, start)
                if end is not None:
                    result = result[:start] + [
                        Word(NO_WORD, (NO_WORD, NO_WORD), (NO_WORD, NO_WORD), w.clause_end,
                             w.sentence_end)
                        for w in result[start:end]
                    ] + result[end:]  # fmt: skip
        return result


class _Index:
    def __init__(self, patterns: list[Pattern]) -> None:
        self.by_form: dict[tuple[int, str], list[tuple[int, Pattern]]] = {}
        self.by_start: dict[tuple[int, str], list[tuple[int, Pattern]]] = {}  # word*
        self.anywhere: list[tuple[int, Pattern]] = []  # a word* shorter than START letters
        self.seen: dict[str, tuple[tuple[int, Pattern], ...]] = {}
        for order, pattern in enumerate(patterns):
            language = LANGUAGES.index(pattern.language)
            key = pattern.slots[pattern.key]
            for form in key.forms:
                self.by_form.setdefault((language, form), []).append((order, pattern))
            for prefix in key.prefixes:
                if len(prefix) < START:
                    self.anywhere.append((order, pattern))
                    break
                self.by_start.setdefault((language, prefix[:START]), []).append((order, pattern))

    def candidates(self, sentence: Sequence[Word]) -> list[tuple[Pattern, list[int]]]:
        """The patterns that may match, in lexicon order, each with where it may begin."""
        found: dict[int, tuple[Pattern, set[int]]] = {}
        for position, word in enumerate(sentence):
            for order, pattern in self._hits(word):
                starts = found.setdefault(order, (pattern, set()))[1]
                starts.update(range(max(0, position - pattern.reach), position + 1))
        for order, pattern in self.anywhere:
            found[order] = (pattern, set(range(len(sentence))))
        return [(found[o][0], sorted(found[o][1])) for o in sorted(found)]

    def _hits(self, word: Word) -> tuple[tuple[int, Pattern], ...]:
        """The patterns a word may be the key of (remembered per word: most words hit none)."""
        hits = self.seen.get(word.raw)
        if hits is None:
            hits = tuple(
                chain.from_iterable(
                    self.by_form.get((language, word.forms[language]), [])
                    + self.by_start.get((language, word.spelled[language][:START]), [])
                    for language in (0, 1)
                )
            )
            if len(self.seen) >= SEEN_WORDS:
                self.seen.clear()
            self.seen[word.raw] = hits
        return hits
