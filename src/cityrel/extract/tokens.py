"""Tokens and sentences of an article, with the Turkish keys the rules match on.

spaCy's Turkish tokenizer cuts the text; each token then carries its
surface form and offsets in the original text, the stem before an apostrophe
suffix ("Bakü’nün" -> "Bakü" + "nün") and the folded key of that stem. Hyphens
inside a token ("İzmir-Bakü", "İzmir-") are split off, since a hyphen between
two place names is how Turkish writes a pair.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Generic, TypeVar

import spacy
from spacy.language import Language

from cityrel.extract.text import fold, split_suffix

SENTENCE_END = {".", "!", "?", "…", "?!"}
_HYPHENS = re.compile(r"[-–—‑]")
# A closing quotation mark with a case ending after it: “İzmir Günleri”ne, "Liman Forumu"nun.
_QUOTE_THEN_ENDING = re.compile(r"(?<=\w)([”\"»])(?=\w+$)")
# Inflectional endings (folded) that may follow a stem: plural, possessive, case.
# Derivational endings such as -lik ("başkanlık", the office) are deliberately absent.
_ENDING = re.compile(
    r"(?:l[ae]r)?(?:s?[iu]|l[ae]r[iu]|n)?"
    r"(?:n?[iu]n|[ny]?[iu]|[ny]?[ae]|n?[dt][ae]n?|y?l[ae]|n?[dt][ae]ki|ki|yken)?"
)

# Not the locative, which names the members of a body: "Yönetim kurulunda Orhan Karabağlı ... yer aldı".
_ABLATIVE_OR_INSTRUMENTAL = re.compile(r"(?:n?[dt][ae]n|y?l[ae])$")
# The whole ending of the dative, after a possessive: "başkonsolosa", "büyükelçiye", "valisine"; and of the
# accusative where it cannot be the possessive: "büyükelçiyi", "valisini" (but "başkanı" may be either).
_DATIVE_OR_ACCUSATIVE = re.compile(r"(?:s?[iu]n)?y?[ae]|y[iu]|s?[iu]n[iu]")


# Not frozen: nothing changes a token once made, and a frozen dataclass sets each field through
# object.__setattr__, which made creating the few hundred tokens of an article cost six times as much.
@dataclass(slots=True)
class Token:
    index: int
    text: str
    start: int
    end: int
    stem: str
    suffix: str
    key: str
    sentence: int
    paragraph_start: bool
    capitalised: bool
    acronym: bool
    word: bool


# The lexicons ask this of the same few hundred keys and stems in every article: looked up, not matched again.
@lru_cache(maxsize=1 << 16)
def inflects(key: str, stem: str) -> bool:
    """True when `key` is `stem` with inflectional endings, k/ğ softening allowed.

    >>> inflects("baskanlarindan", "baskan"), inflects("dernegi", "dernek"), inflects("baskanlik", "baskan")
    (True, True, False)
    """
    return any(key.startswith(base) and _ENDING.fullmatch(key[len(base):]) for base in stem_bases(stem))


def in_a_case_of_its_own(key: str, stem: str) -> bool:
    """True when `key` is `stem` in the ablative, instrumental, dative or accusative, cases that leave no room
    for a name in apposition after it ("başkonsolostan", "valiyle", "başkonsolosa", "büyükelçiyi"). A body's
    board in the dative names those elected to it ("yönetim kuruluna Fatma Ahmetoğlu ... seçildi"): the caller
    knows which titles those are.

    >>> [in_a_case_of_its_own(key, "baskan") for key in ("baskandan", "baskaniyla", "baskanina", "baskanini",
    ...                                                   "baskanda", "baskani")]
    [True, True, True, True, False, False]
    >>> in_a_case_of_its_own("buyukelciyi", "buyukelci")
    True
    """
    return any(key.startswith(base) and _ENDING.fullmatch(ending := key[len(base):])
               and (_ABLATIVE_OR_INSTRUMENTAL.search(ending) or _DATIVE_OR_ACCUSATIVE.fullmatch(ending))
               for base in stem_bases(stem))


def stem_bases(stem: str) -> tuple[str, ...]:
    """The forms a stem takes before an ending: itself, and with a final k softened ("dernek" -> "derneg")."""
    return (stem, stem[:-1] + "g") if stem.endswith("k") else (stem,)


Value = TypeVar("Value")


class StemIndex(Generic[Value]):
    """Folded stems, each with a value, found by an inflected key as `inflects` finds them.

    A lexicon of a few hundred stems is asked of every new word of an article;
    trying each stem in turn took a quarter of the extraction's time on unseen
    articles. Here only the key's own prefixes are looked up.
    """

    def __init__(self, values: Mapping[str, Value]) -> None:
        self._by_base: dict[str, list[tuple[int, Value]]] = defaultdict(list)
        for order, (stem, value) in enumerate(values.items()):
            for base in stem_bases(stem):
                self._by_base[base].append((order, value))

    def match(self, key: str) -> tuple[Value, str] | None:
        """The value of the first stem (in the order given) that `key` inflects, and the ending after it."""
        best: tuple[int, Value, str] | None = None
        for length in range(1, len(key) + 1):
            for order, value in self._by_base.get(key[:length], ()):
                ending = key[length:]
                if (best is None or order < best[0]) and _ENDING.fullmatch(ending):
                    best = (order, value, ending)
        return None if best is None else best[1:]


@cache
def _tokenizer() -> Language:
    return spacy.blank("tr")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end], with offsets into the whole text."""
    end = len(text) if end is None else end
    pieces: list[tuple[str, int]] = []
    for token in _tokenizer()(text[start:end]):
        if token.text.strip():
            for piece, offset in _split_quote(token.text, start + token.idx):
                pieces.extend(_split_hyphens(piece, offset))
    return _with_sentences(text, pieces)


def _split_quote(text: str, offset: int) -> list[tuple[str, int]]:
    """“Forumu”nun -> “Forumu”, ”, nun: the closing mark is a token of its own, as the opening one is."""
    match = _QUOTE_THEN_ENDING.search(text)
    if match is None:
        return [(text, offset)]
    at = match.start()
    return [(text[:at], offset), (text[at], offset + at), (text[at + 1:], offset + at + 1)]


def _split_hyphens(text: str, offset: int) -> list[tuple[str, int]]:
    if len(text) == 1 or not _HYPHENS.search(text):
        return [(text, offset)]
    parts, last = [], 0
    for match in _HYPHENS.finditer(text):
        if match.start() > last:
            parts.append((text[last:match.start()], offset + last))
        parts.append((match.group(), offset + match.start()))
        last = match.end()
    if last < len(text):
        parts.append((text[last:], offset + last))
    return parts


def _with_sentences(text: str, pieces: list[tuple[str, int]]) -> list[Token]:
    """Number the sentences: a new one after a full stop and at every line break."""
    tokens: list[Token] = []
    sentence = 0
    for index, (surface, offset) in enumerate(pieces):
        paragraph_start = index == 0 or text.find("\n", tokens[-1].end, offset) >= 0
        if index and (paragraph_start or tokens[-1].text in SENTENCE_END):
            sentence += 1
        stem, suffix, key, capitalised, acronym, word = _surface_keys(surface)
        tokens.append(Token(index, surface, offset, offset + len(surface), stem, suffix, key, sentence,
                            paragraph_start, capitalised, acronym, word))
    return tokens


# Most words recur from article to article, so what a surface says of itself is looked up, not worked out again.
@lru_cache(maxsize=1 << 16)
def _surface_keys(surface: str) -> tuple[str, str, str, bool, bool, bool]:
    """A token's stem, folded suffix and key, and whether it is capitalised, an acronym, a word."""
    stem, suffix = split_suffix(surface)
    letters = [c for c in stem if c.isalpha()]
    acronym = len(letters) >= 2 and all(c.isupper() for c in letters)
    return stem, fold(suffix), fold(stem), stem[:1].isupper(), acronym, stem[:1].isalnum()
