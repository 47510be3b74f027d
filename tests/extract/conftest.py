"""Helpers shared by the extraction tests: an article from a string, its facts as plain tuples."""

from __future__ import annotations

import pytest

from cityrel.article import article_from_text
from cityrel.extract import extract
from cityrel.model import Extraction


def read(text: str) -> Extraction:
    return extract(article_from_text(text + "\n", key="test", source="test"))


@pytest.fixture
def extracted():
    return read
