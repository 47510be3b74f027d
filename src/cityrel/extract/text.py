"""Turkish-aware text keys: folding for comparison, slugs for IRIs.

Folding never touches the article text itself: "İ".lower() is two code
points, so every offset after it would shift. Matches are found on folded
copies of single tokens and quotes are always cut from the original text.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from functools import lru_cache

from cityrel.lang.tr import mapping

APOSTROPHES = "'’‘`"
_APOSTROPHE_TAIL = re.compile(rf"(?<=\w)[{APOSTROPHES}]\w*")


# Every token is folded, and most words recur from article to article, so a fold is looked up, not redone.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case by Turkish rules, dotless and dotted i as one, diacritics dropped.

    >>> fold("İZMİR Büyükşehir")
    'izmir buyuksehir'
    """
    text = text.replace("İ", "i").replace("I", "ı").casefold().replace("ı", "i")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def from_capitals(text: str) -> str:
    """A name written in capitals as a sentence writes it, by Turkish rules.

    >>> from_capitals("FINDIKLI"), from_capitals("İSKENDERUN")
    ('Fındıklı', 'İskenderun')
    """
    lower = text.replace("I", "ı").replace("İ", "i").lower()
    return " ".join(("İ" if word[:1] == "i" else word[:1].upper()) + word[1:] for word in lower.split(" "))


@lru_cache(maxsize=1 << 16)
def fold_name(text: str) -> str:
    """Fold a name, dropping apostrophe suffixes and punctuation: "Tugay'ı" -> "tugay"."""
    text = _APOSTROPHE_TAIL.sub("", fold(text))
    kept = (" " if unicodedata.category(c) == "Pd" else c for c in text
            if not unicodedata.category(c).startswith("P") or unicodedata.category(c) == "Pd")
    return " ".join("".join(kept).split())


def split_suffix(token: str) -> tuple[str, str]:
    """Split an apostrophe suffix off a token: "Bakü’nün" -> ("Bakü", "nün")."""
    for index, char in enumerate(token):
        if char in APOSTROPHES and index > 0:
            return token[:index], token[index + 1 :]
    return token, ""


def slug(text: str) -> str:
    """An IRI-safe key: "Cemil Tugay" -> "cemil-tugay"."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(text))) or "x"


_WRITTEN_DATE = re.compile(
    r"\b(?:(?P<iso>\d{4}-\d{2}-\d{2})|(?P<day>\d{1,2})(?:\.|\s+)(?P<month>\d{1,2}|[^\W\d_]+)(?:\.|\s+)(?P<year>\d{4}))\b"
)
_MONTHS = {name: int(number) for name, number in mapping("months", "month", "number").items()}


def written_date(value: str) -> datetime.date | None:
    """A calendar date written in `value` ("2025-03-15", "15.03.2025", "9 Nisan 2025"), if any."""
    match = _WRITTEN_DATE.search(value)
    if match is None:
        return None
    if match["iso"]:
        return _calendar_date(*(int(part) for part in match["iso"].split("-")))
    month = match["month"]
    number = int(month) if month.isdigit() else _MONTHS.get(fold(month))
    return _calendar_date(int(match["year"]), number, int(match["day"])) if number else None


def _calendar_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
