"""Turkish language data for the extractor: one lexicon per file, each with its source.

Every file here is a TSV whose comment lines (`#`) say where it comes from and
whose first other line names the columns. This module only reads them; the
extractor decides what they mean.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of `name`.tsv as dicts keyed by the header's column names."""
    text = resources.files(__package__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    return tuple(dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:])


def column(name: str, key: str) -> tuple[str, ...]:
    return tuple(row[key] for row in table(name))


def mapping(name: str, key: str, value: str) -> dict[str, str]:
    return {row[key]: row[value] for row in table(name)}
