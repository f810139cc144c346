"""Text written into CSV and XLSX files: a cell a spreadsheet could take for a formula
(=, +, -, @, a tab or a carriage return first) gets a leading apostrophe."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text
