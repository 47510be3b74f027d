"""The Turkish lexicons, read once and shaped for matching.

Each entry is a run of folded stems; a run matches a run of tokens whose
keys inflect those stems (tokens.inflects), so one entry covers "Başkanı",
"başkanına" and "Başkanları'nın" alike. Cues (lang/tr/events.tsv) match by
word prefix instead, since they are verbs with many endings.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from cityrel.extract.tokens import StemIndex, Token, inflects, stem_bases
from cityrel.lang.tr import column, mapping, table

Entry = TypeVar("Entry")
# Lexicon entries are looked up by the first letters of their first word, so a token is
# compared only with the few entries that could match it.
_PREFIX = 2
_INSIDE_TITLE_ENDINGS = ("", "i", "si", "u", "su", "in", "nin", "un", "nun")


def _by_prefix(entries: Sequence[Entry], first_word: Callable[[Entry], str]) -> dict[str, tuple[Entry, ...]]:
    index: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        index[first_word(entry)[:_PREFIX]].append(entry)
    return {prefix: tuple(found) for prefix, found in index.items()}


@dataclass(frozen=True)
class Title:
    words: tuple[str, ...]
    role: str | None
    body: str

    @property
    def office(self) -> bool:
        """Whether the title names an office in -lık ("başkanlığa", "yardımcılıklarına", "sekreterliğe"), not
        its holder: it names a holder only in the dative."""
        return self.words[-1].endswith(("lig", "lik"))


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]
    kind: str


@cache
def titles() -> tuple[Title, ...]:
    """Titles of office, longest first so that the longest match wins."""
    found = [Title(tuple(row["words"].split()), None if row["role"] == "-" else row["role"], row["body"])
             for row in table("titles")]
    return tuple(sorted(found, key=lambda title: -len(title.words)))


@cache
def cues() -> tuple[Cue, ...]:
    return tuple(sorted((Cue(tuple(row["cue"].split()), row["kind"]) for row in table("events")),
                        key=lambda cue: -len(cue.words)))


@cache
def honorifics() -> frozenset[str]:
    return frozenset(column("honorifics", "honorific"))


@cache
def family_names_first() -> frozenset[str]:
    return frozenset(column("family_names_first", "name"))


@cache
def months() -> dict[str, int]:
    return {name: int(number) for name, number in mapping("months", "month", "number").items()}


@cache
def weekdays() -> dict[str, int]:
    """Folded weekday names -> their number as `datetime.date.weekday` gives it (Monday 0)."""
    return {name: number for number, name in enumerate(column("weekdays", "weekday"))}


@cache
def number_words() -> dict[str, int]:
    return {word: int(value) for word, value in mapping("numbers", "word", "value").items()}


@cache
def org_heads() -> tuple[tuple[tuple[str, ...], str], ...]:
    found = [(tuple(row["noun"].split()), row["kind"]) for row in table("org_heads")]
    return tuple(sorted(found, key=lambda head: -len(head[0])))


@cache
def place_nouns() -> dict[str, str]:
    return mapping("place_nouns", "noun", "kind")


@cache
def _titles_by_prefix() -> dict[str, tuple[Title, ...]]:
    return _by_prefix(titles(), lambda title: title.words[0])


@cache
def _heads_by_prefix() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    return _by_prefix(org_heads(), lambda head: head[0][0])


@cache
def _cues_by_prefix() -> dict[str, tuple[Cue, ...]]:
    return _by_prefix(cues(), lambda cue: cue.words[0].rstrip("$"))


def match_title(tokens: Sequence[Token], at: int) -> tuple[Title, int] | None:
    """The longest title starting at token `at`, and the index after it."""
    for title in _titles_by_prefix().get(tokens[at].key[:_PREFIX], ()):
        end = at + len(title.words)
        last = len(title.words) - 1
        if end <= len(tokens) and all(
            inflects(tokens[at + k].key, word) if k == last else _inside_title(tokens[at + k], word)
            for k, word in enumerate(title.words)
        ):
            return title, end
    return None


def _inside_title(token: Token, word: str) -> bool:
    """A word before a title's last one takes at most a possessive or the genitive ("Belediyesi Başkanı",
    "derneğin başkanı"), no other case: "Yönetim kurulunda başkan yardımcılığına" is no "Yönetim Kurulu
    Başkanı"."""
    return not token.suffix and any(token.key == base + ending for base in stem_bases(word)
                                    for ending in _INSIDE_TITLE_ENDINGS)


def match_head(tokens: Sequence[Token], at: int) -> tuple[str, int] | None:
    """An organisation head noun ("Derneği", "Büyükelçiliğinde") at `at`: (kind, end)."""
    for words, kind in _heads_by_prefix().get(tokens[at].key[:_PREFIX], ()):
        end = at + len(words)
        if end <= len(tokens) and all(inflects(tokens[at + k].key, word) for k, word in enumerate(words)):
            return kind, end
    return None


def place_noun(token: Token) -> str | None:
    """The kind of place noun this token is ("ilçesi" -> city, "bölgesindeki" -> region)."""
    return _place_noun(token.key)


@cache
def _place_noun(key: str) -> str | None:
    match = _place_noun_index().match(key)
    return match[0] if match else None


@cache
def _place_noun_index() -> StemIndex[str]:
    return StemIndex(place_nouns())


def cues_at(tokens: Sequence[Token], at: int) -> tuple[Cue, ...]:
    """Every cue whose words start the keys of the tokens from `at`, longest first."""
    candidates = _cues_by_prefix().get(tokens[at].key[:_PREFIX])
    if not candidates:  # most tokens: asked of every token, the answer comes without building a generator
        return ()
    return tuple(cue for cue in candidates if at + len(cue.words) <= len(tokens)
                 and all(_cue_word(tokens[at + k].key, w) for k, w in enumerate(cue.words)))


def _cue_word(key: str, word: str) -> bool:
    """A cue word matches by prefix; one ending in "$" only as a whole word ("eski$" is not "Eskişehir")."""
    return key == word[:-1] if word.endswith("$") else key.startswith(word)


@cache
def agreements() -> tuple[Cue, ...]:
    """Twinning words (lang/tr/agreements.tsv) as cues whose kind is an agreement class or "-"."""
    found = [Cue(tuple(row["words"].split()), row["kind"]) for row in table("agreements")]
    return tuple(sorted(found, key=lambda cue: -len(cue.words)))


@cache
def _agreements_by_prefix() -> dict[str, tuple[Cue, ...]]:
    return _by_prefix(agreements(), lambda cue: cue.words[0].rstrip("$"))


def agreement_at(tokens: Sequence[Token], at: int) -> Cue | None:
    """The longest twinning word starting at `at`."""
    for cue in _agreements_by_prefix().get(tokens[at].key[:_PREFIX], ()):
        end = at + len(cue.words)
        if end <= len(tokens) and all(_cue_word(tokens[at + k].key, w) for k, w in enumerate(cue.words)):
            return cue
    return None


@cache
def plan_heads() -> dict[str, str]:
    return mapping("plan_heads", "noun", "kind")


@cache
def work_names() -> dict[str, str]:
    """Work nouns (folded stems) -> the form a name takes with them: "park" -> "parkı" ("Şuşa parkı")."""
    return {row["noun"]: row["named"] for row in table("plan_heads") if row["named"] != "-"}


def plan_head(token: Token) -> str | None:
    """"event" or "work" when the token is the head noun of something planned."""
    return _plan_head(token.key)


@cache
def _plan_head(key: str) -> str | None:
    match = _plan_head_index().match(key)
    return match[0] if match else None


@cache
def _plan_head_index() -> StemIndex[str]:
    return StemIndex(plan_heads())


# The case endings of a plan head (folded), after any plural and possessive: "programda", "festivale",
# "programın". The locative and ablative speak of an event already there; the dative and genitive may
# announce one ("festivale davet etti", "festivalin düzenlenmesi") or not ("festivale katılacak").
_BEFORE_CASE = r"(?:l[ae]r)?(?:s?[iu]|l[ae]r[iu])?"
_CASES = {
    "locative": re.compile(_BEFORE_CASE + r"n?[dt][ae]n?"),  # and the ablative
    "dative": re.compile(_BEFORE_CASE + r"[ny]?[ae]"),
    "genitive": re.compile(_BEFORE_CASE + r"n?[iu]n"),
}


def plan_head_case(token: Token) -> str | None:
    """"locative" (or ablative), "dative" or "genitive" for a plan head in that case; None otherwise."""
    return _plan_head_case(token.key)


@cache
def _plan_head_case(key: str) -> str | None:
    match = _plan_head_index().match(key)
    if not match or not match[1]:
        return None
    return next((case for case, pattern in _CASES.items() if pattern.fullmatch(match[1])), None)
