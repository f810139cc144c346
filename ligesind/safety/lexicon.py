"""The crisis lexicon the installation starts with. Moderators add more in the app.

Words are whole words; ``*`` at the end of a word matches every ending. Single words are kept
to forms that speak of oneself or of acute risk, so that "selvmordsforebyggelse" (suicide
prevention) is not caught, while "selvmordstanker" is.
"""

from typing import Any

DANISH = [
    "selvmord", "selvmordet", "selvmordstank*", "selvmordsplan*", "selvmordsforsøg*",
    "selvmordstruet", "selvmordsfare", "suicidal*", "begå* selvmord", "begik selvmord",
    "tage* mit eget liv", "tog mit eget liv", "tage* mit liv", "tage* livet af mig",
    "tog livet af mig", "tager livet af mig", "ende* mit liv", "afslutte* mit liv",
    "gøre en ende på mit liv", "gøre en ende på det hele", "gør en ende på det hele",
    "skade* mig selv", "skadede mig selv", "skær* i mig selv", "skar i mig selv",
    "selvskad*", "cutte*", "har ikke lyst til at leve", "ingen lyst til at leve",
    "orker ikke at leve", "vil ikke leve mere", "vil ikke leve længere", "gider ikke leve",
    "gider ikke at leve", "ønsker at dø", "lyst til at dø", "vil gerne dø", "jeg vil dø",
    "vil bare dø", "bedre hvis jeg var død", "bedre uden mig", "ikke være her mere",
    "ikke være her længere", "jeg kan ikke mere", "kan ikke holde det ud mere",
    "overdosis", "hænge mig", "springe ud foran", "kaste mig ud foran", "ikke vågne* igen",
    "aldrig vågne* igen", "sige farvel til alle", "intet at leve for", "ikke noget at leve for",
]  # fmt: skip

ENGLISH = [
    "suicide", "suicidal", "kill myself", "killing myself", "end my life", "ending my life",
    "end it all", "take my own life", "take my life", "taking my own life",
    "don't want to live", "do not want to live", "don't want to be alive", "want to die",
    "wanna die", "wish i was dead", "wish i were dead", "better off dead",
    "better off without me", "hurt myself", "hurting myself", "harm myself", "harming myself",
    "selfharm", "cut myself", "cutting myself", "no reason to live", "nothing to live for",
    "can't go on", "cannot go on", "overdose", "not wake up", "never wake up",
    "not be here anymore", "say goodbye to everyone",
]  # fmt: skip


def load_lexicon(apps: Any, schema_editor: Any) -> None:
    CrisisTerm = apps.get_model("safety", "CrisisTerm")
    for language, phrases in (("da", DANISH), ("en", ENGLISH)):
        for phrase in phrases:
            CrisisTerm.objects.get_or_create(phrase=phrase, defaults={"language": language})
