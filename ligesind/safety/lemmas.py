"""Word lists crisis detection reads text with (see detection.py): irregular verb forms the
stemmer cannot know, spellings, negations, and the words that say who a sentence is about."""

import re

FOLD = {"ik": "ikke", "ikk": "ikke", "ike": "ikke", "ikek": "ikke", "dont": "don't",
        "cant": "can't", "wont": "won't", "im": "i'm", "ive": "i've"}  # fmt: skip
JOIN = {("selv", "mord"): "selvmord", ("selvmords", "tanker"): "selvmordstanker",
        ("selvmords", "tanke"): "selvmordstanke", ("self", "harm"): "selfharm",
        ("self", "harms"): "selfharms", ("self", "harmed"): "selfharmed",
        ("self", "harming"): "selfharming", ("selv", "skade"): "selvskade",
        ("selv", "skader"): "selvskader", ("selv", "skadet"): "selvskadet"}  # fmt: skip

# Strong and irregular verbs: every form → the infinitive (written with æ, ø, å).
_DANISH_VERBS = {
    "slå": "slår slog slået", "tage": "tager tog taget", "skære": "skærer skar skåret",
    "springe": "springer sprang sprunget", "dø": "dør døde", "give": "giver gav givet",
    "sige": "siger sagde sagt", "skrive": "skriver skrev skrevet",
    "gøre": "gør gjorde gjort", "ville": "vil", "kunne": "kan", "skulle": "skal",
    "have": "har havde haft", "være": "er var været", "gå": "går gik gået",
    "få": "får fik fået", "drikke": "drikker drak drukket", "hænge": "hænger hang hængt",
    "ligge": "ligger lå ligget", "blive": "bliver blev blevet", "se": "ser så set",
    "vide": "ved vidste vidst", "tænke": "tænker tænkte tænkt", "købe": "køber købte købt",
    "dræbe": "dræber dræbte dræbt", "sluge": "sluger slugte slugt",
    "sælge": "sælger solgte solgt", "træde": "træder trådte trådt",
    "forære": "forærer forærede foræret", "finde": "finder fandt fundet",
    "bløde": "bløder blødte blødt", "sove": "sover sov sovet", "stå": "står stod stået",
    "lægge": "lægger lagde lagt", "sætte": "sætter satte sat", "falde": "falder faldt faldet",
    "forsvinde": "forsvinder forsvandt forsvundet", "brænde": "brænder brændte brændt",
    "orke": "orker orkede orket", "gide": "gider gad gidet", "ske": "sker skete sket",
}  # fmt: skip
DANISH_IRREGULAR = {form: verb for verb, forms in _DANISH_VERBS.items() for form in forms.split()}

_ENGLISH_VERBS = {
    "take": "took taken", "give": "gave given", "write": "wrote written",
    "hang": "hung hanged", "say": "said", "think": "thought", "buy": "bought",
    "be": "am is are was were been", "have": "has had", "do": "does did done",
    "feel": "felt", "find": "found", "see": "saw seen", "make": "made", "go": "went",
    "bleed": "bled", "sell": "sold", "leave": "left", "put": "puts",
}  # fmt: skip
ENGLISH_IRREGULAR = {form: verb for verb, forms in _ENGLISH_VERBS.items() for form in forms.split()}

ENGLISH_CONTRACTIONS = {
    "don't": ("do", "not"), "doesn't": ("does", "not"), "didn't": ("did", "not"),
    "can't": ("can", "not"), "cannot": ("can", "not"), "won't": ("will", "not"),
    "wouldn't": ("would", "not"), "isn't": ("is", "not"), "aren't": ("are", "not"),
    "wasn't": ("was", "not"), "weren't": ("were", "not"), "haven't": ("have", "not"),
    "hasn't": ("has", "not"), "hadn't": ("had", "not"), "shouldn't": ("should", "not"),
    "i'm": ("i", "am"), "i've": ("i", "have"), "i'll": ("i", "will"), "i'd": ("i", "would"),
    "you'll": ("you", "will"), "you're": ("you", "are"), "it's": ("it", "is"),
    "that's": ("that", "is"), "he's": ("he", "is"), "she's": ("she", "is"),
    "she'll": ("she", "will"), "he'll": ("he", "will"), "they'll": ("they", "will"),
    "there's": ("there", "is"), "life's": ("life", "is"), "wanna": ("want", "to"),
    "gonna": ("going", "to"),
}  # fmt: skip

DANISH_NEGATIONS = frozenset({"ikke", "ingen", "intet", "aldrig", "ingenting"})
ENGLISH_NEGATIONS = frozenset({"not", "no", "never", "nothing", "nobody"})
DANISH_FIRST_PERSON = frozenset({"jeg", "mig"})
ENGLISH_FIRST_PERSON = frozenset({"i", "me", "myself"})
# Someone else: "min søn har selvmordstanker" is about the son.
DANISH_OTHERS = frozenset({
    "han", "hun", "du", "dig", "man", "sig", "vedkommende", "søn", "datter", "mor", "far",
    "bror", "søster", "ven", "veninde", "kæreste", "mand", "kone", "partner", "barn", "børn",
    "onkel", "tante", "fætter", "kusine", "kollega", "nabo", "patient", "borger", "elev",
    "mormor", "morfar", "farmor", "farfar", "oldemor", "bedstemor", "bedstefar", "chef", "dreng",
    "pige", "kvinde", "person", "pårørende",
})  # fmt: skip
ENGLISH_PEOPLE = frozenset({
    "someone", "somebody", "people", "son", "daughter", "mother", "mom", "mum", "father", "dad",
    "brother", "sister", "friend", "girlfriend", "boyfriend", "husband", "wife", "partner",
    "child", "kid", "uncle", "aunt", "cousin", "colleague", "neighbour", "neighbor", "patient",
    "client", "boss", "man", "woman", "boy", "girl", "person", "grandmother", "grandfather",
    "grandma", "grandpa", "character",
})  # fmt: skip
ENGLISH_OTHERS = ENGLISH_PEOPLE | frozenset(
    ["he", "she", "you", "they", "him", "her", "them", "himself", "herself", "themselves"]
)

# A sentence about a time long past ("for ti år siden", "as a teenager") is a story of then,
# unless it also says "again", "still" or "now".
LONG_AGO = re.compile(
    r"\b(\w+ års? siden|år siden|dengang|som (ung|teenager|barn|yngre)|i mine teenageår"
    r"|da (jeg|vi|hun|han) var (\d+|ung|yngre|barn|børn|teenager|lille)"
    r"|years? ago|back then|as (a teenager|a kid|a child|kids|children|teenagers)"
    r"|when (i|we|she|he) was (\d+|young|younger|a teenager|a kid|little)|used to)\b"
)
STILL_NOW = re.compile(r"\b(igen|stadig|tilbage|again|still|back)\b")
