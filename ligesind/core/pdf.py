"""What every PDF we make shares: text in the built-in fonts' Windows-1252."""

import unicodedata

# Letters with a stroke do not come apart under NFKD.
STROKES = str.maketrans("ŁłĐđĦħı", "LlDdHhi")


def printable(text: str) -> str:
    """The PDF's built-in fonts write Windows-1252: other letters lose their accents (ł → l)
    rather than the document failing."""
    try:
        text.encode("cp1252")
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for char in text.translate(STROKES):
        try:
            char.encode("cp1252")
            out.append(char)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char).encode("cp1252", "ignore").decode("cp1252")
            out.append(base or "?")
    return "".join(out)
