"""The crisis lexicon the installation starts with, by risk family. Moderators add more in the
app. The families follow the ladder of the Columbia suicide severity scale (wish to be dead,
thoughts of killing oneself, method and plan, intent, preparatory acts) and self-harm.

Phrases are written in the words' basic forms; detection.py explains the syntax and what is
matched ("slå mig ihjel" also finds "jeg slog mig selv ihjel"). They were tuned on the
development sentences (data/crisis_dev.tsv) only, never on the test part.
"""

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .detection import Lexicon, Pattern, PhraseError

WISH_DEAD = "wish_dead"
SUICIDE = "suicide"
METHOD = "method"
INTENT = "intent"
PREPARATION = "preparation"
SELF_HARM = "self_harm"

PHRASES: dict[str, dict[str, list[str]]] = {
    SUICIDE: {
        "da": [
            "slå mig ihjel", "dræbe mig", "tage mit liv", "tage livet af mig",
            "ende|afslutte mit liv", "gøre en ende på mit liv", "gøre en ende på det|livet",
            "begå selvmord", "forsøge selvmord", "overveje selvmord", "tænke på selvmord",
            "tanke* om selvmord", "tanke* om at ... selvmord", "selvmordstank*",
            "selvmordsforsøg*", "selvmordstruet", "suicidal*", "selvmord ... udvej",
            "lyst til selvmord", "skyde mig", "kvæle mig",
        ],
        "en": [
            "kill myself", "killing myself", "end my life", "ending my life", "end it all",
            "take my own life", "take my life", "taking my own life", "think about|of suicide",
            "thinking about|of suicide", "thought about|of suicide", "commit suicide",
            "attempt suicide", "suicidal", "suicide ... way out", "thoughts of suicide",
            "shoot myself", "want to end it $",
        ],
    },
    WISH_DEAD: {
        "da": [
            "ikke|ingen lyst til at leve", "mistet lysten til at leve", "lyst til at dø",
            "ønske at dø", "ønske ... død", "ønske ... aldrig ... født", "ville dø $",
            "ville gerne være død", "hellere være død", "bare være død", "hvis jeg var død",
            "gid jeg var død", "bedre uden mig", "bedre hvis jeg ikke",
            "ikke ... leve mere|længere|videre", "orke|gide ikke ... leve|livet",
            "træt af at leve|livet", "ikke|ingen|intet ... mening med at leve",
            "ikke|ingen|intet ... mening med livet", "livet give ikke mening",
            "livet ... meningsløs*", "meningsløst at leve",
            "ikke|ingen|intet ... grund til ... leve|lever", "intet at leve for",
            "ikke noget at leve for", "ikke ... værd at leve", "hvorfor ... leve videre",
            "kunne ikke mere $", "ikke holde ... ud mere|længere", "ikke|aldrig vågne igen|op",
            "ikke|aldrig vågne i morgen", "håbe ... ikke vågne", "ikke ... være her mere|længere",
            "forsvinde for altid", "ikke eksistere mere|længere", "færdig med livet",
            "færdig med at leve", "sove for evigt|altid",
        ],
        "en": [
            "not want to live", "not want to be alive", "want to die", "want to be dead",
            "wish i was|were dead", "better off dead", "better off without me",
            "better off if i was|were gone|dead", "wish i had never been born",
            "wish i was|were never born", "no|not|any reason to ... live|living",
            "nothing to live for", "no point in living|life", "not see the point in living|life",
            "not worth living", "tired of living|life", "can not go on $",
            "can not go on like|anymore", "never wake up", "not wake up", "not be here anymore",
            "disappear forever", "not exist", "want it all to stop", "done with life|living",
            "sleep forever",
        ],
    },
    METHOD: {
        "da": [
            "samle ... pille*|tablet*|medicin", "gemme ... pille*|sovepille*|tablet*|medicin",
            "hamstre ... medicin|pille*|tablet*", "tage alle ... pille*|tablet*", "tage dem alle",
            "sluge ... pille*|tablet*", "tage ... overdosis", "planlægge ... overdosis",
            "til en overdosis", "mange pille*|tablet* ... skal til", "sovepille* nok",
            "pille*|tablet* nok", "springe|hoppe|kaste ud foran",
            "springe|hoppe|kaste mig ud fra|foran",
            "springe|hoppe|kaste ... fra broen|taget|altanen|vinduet",
            "tænke på at springe|hoppe $", "broen|taget|altanen ... springe|hoppe",
            "sted hvor jeg kan springe", "hænge mig", "hvordan man hænge sig", "reb ... til det",
            "reb så jeg kan", "drukne mig", "pulsåre*", "køre galt med vilje",
            "køre ind i ... med vilje", "planlægge hvordan ... gøre det $",
            "plan for hvordan ... gøre det $", "selvmordsplan*", "plan for mit selvmord",
        ],
        "en": [
            "save up my pills", "saving up my pills",
            "stockpile|stockpiling ... pills|medication", "take all ... pills",
            "swallow all ... pills", "take an overdose", "plan ... overdose", "going to overdose",
            "overdose tonight", "how many pills", "jump off|from the|a bridge|roof|building",
            "jumping off|from the bridge|roof", "jump in front of", "hang myself",
            "rope so i can", "plan for how to do it $", "ways to end it", "ways to kill myself",
            "slit my wrist*",
        ],
    },
    INTENT: {
        "da": [
            "gøre noget ved mig", "gøre det i nat", "i nat gøre ... det $$", "gøre det nu $$",
            "det blive i aften|nat $", "det ske i aften|nat $", "det slutte i aften|nat",
            "det hele slutte", "i aften være det slut $", "beslutte ... at gøre det",
            "sidste ... høre fra mig", "slut|forbi for mig $", "sidste gang ... se mig",
            "være væk $$", "ikke være her i morgen $$", "være her ikke i morgen $$",
            "være her ikke mere|længere", "være ikke her mere", "ikke ... være her efter",
            "i morgen være jeg her ikke", "ikke en byrde ... mere|længere",
            "sidste aften|nat|dag ... jeg være her", "mit sidste indlæg $$",
        ],
        "en": [
            "do something to myself", "tonight is the night", "decide to do it",
            "do it tonight $$", "not be here tomorrow|anymore",
            "not ... be around ... longer|anymore", "last ... hear from me",
            "end it tonight|today", "i will be gone $$", "gone before morning $$",
            "soon ... not be a burden", "my last post $$",
        ],
    },
    PREPARATION: {
        "da": [
            "afskedsbrev*", "farvelbrev*", "afskedsbesked*", "mine sidste ord",
            "når jeg være væk|borte $", "når jeg være død", "når jeg ikke være her",
            "inden|før jeg gå $", "der finde mig", "rydde op efter mig",
            "ingen skal ... efter mig", "få ikke brug for den|dem|det", "forære mine ting",
            "give mine ting væk", "sige farvel ... sidste gang", "sige farvel ... uden at",
            "sige farvel ... ved det ikke", "sige farvel til alle $", "sige farvel til alle jeg",
        ],
        "en": [
            "suicide note", "goodbye letter|letters|note", "farewell letter|note",
            "when i be gone $", "when i be dead", "after i be gone|dead", "when i be not here",
            "will not be around $", "will not need them|it", "affairs in order",
            "goodbye to everyone $", "goodbye to everyone i", "say my goodbyes",
            "said my goodbyes", "before i go $", "give away all my",
            "give away my things|stuff|belongings",
        ],
    },
    SELF_HARM: {
        "da": [
            "skade mig selv", "gøre skade på mig", "skære i mig", "skære mig i arm*|håndled*",
            "skære i mine|min arm*|håndled*|ben|lår", "lyst til at skære", "selvskad*", "cutte*",
            "brænde mig selv", "brænde mig med", "brænde mine arm*|hænder|hud", "slå mig selv",
            "slå hovedet i|mod væggen", "kradse mig selv", "kradse huden af", "ridse mig selv",
            "ridse i mine|min arm*", "til det|de blød*", "sulte mig selv", "med vilje til det",
            "bide mig selv",
        ],
        "en": [
            "hurt myself", "hurting myself", "harm myself", "harming myself", "selfharm*",
            "cut myself", "cutting myself", "cut my arm*|wrist*|leg*|thigh*", "cutting again",
            "burn myself", "burning myself", "hit myself", "hitting myself", "punch myself",
            "scratch myself", "scratch* my arm*", "until i bleed", "until they bled|bleed",
            "knuckles bleed", "starve myself",
        ],
    },
}  # fmt: skip

# Idioms and talk about prevention: words covered by these are not read as crisis language.
NOT_CRISIS: dict[str, list[str]] = {
    "da": [
        "dø af grin|kedsomhed|sult|skam|nysgerrighed|kulde|varme|længsel", "til at dø af",
        "slå tiden ihjel", "det|den slå mig ihjel", "slå mig ihjel af grin",
        "slå mig selv for panden", "hænge mig i", "hænge mig op i", "hænge mig på", "leve af",
        "selvmordsforebyg*", "forebyggelse af selvmord", "forebygge selvmord", "selvmord blandt",
        "tage mit liv et skridt", "brænde for", "skære ned", "skære løg|brød",
    ],
    "en": [
        "suicide prevention|awareness|statistics", "kill for", "killing me", "kill me",
        "dying to", "to death", "burn|cut|hit|hurt myself on", "cut myself shaving",
        "hurt myself playing", "take my life in|back", "taking my life back",
        "go on holiday|vacation", "go on a trip",
    ],
}  # fmt: skip


def all_phrases() -> list[tuple[str, str, str]]:
    """(phrase, language, family), in the order they are tried."""
    return [
        (phrase, language, family)
        for family, by_language in PHRASES.items()
        for language, phrases in by_language.items()
        for phrase in phrases
    ]


def load_lexicon(apps: Any, schema_editor: Any) -> None:
    CrisisTerm = apps.get_model("safety", "CrisisTerm")
    has_family = any(f.name == "family" for f in CrisisTerm._meta.get_fields())
    for phrase, language, family in all_phrases():
        defaults = (
            {"language": language, "family": family} if has_family else {"language": language}
        )
        CrisisTerm.objects.update_or_create(phrase=phrase, defaults=defaults)


@lru_cache(maxsize=1)
def idioms() -> tuple[Pattern, ...]:
    return tuple(
        Pattern.of(phrase, "", language)
        for language, phrases in NOT_CRISIS.items()
        for phrase in phrases
    )


def compile_lexicon(rows: Iterable[tuple[str, str, str]]) -> Lexicon:
    """(phrase, language, family) rows as a lexicon; a phrase that cannot match is left out."""
    compiled = []
    for phrase, language, family in rows:
        try:
            compiled.append(Pattern.of(phrase, family, language))
        except PhraseError:
            continue
    return Lexicon(compiled, idioms())
