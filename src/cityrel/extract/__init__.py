"""Stage 2: article text in, facts out, each with the exact quote it rests on.

`extract(article)` finds mentions (mentions.py), then facts (relations.py).
It reads the article body only: a header line (" date 2025-11-07 Source /
Author - ") or an opening dateline ("KONYA (KENT HABER) - ") and a closing
dateline (" - İZMİR") are metadata, not news, though offsets still count
from the start of the whole text.
"""

from __future__ import annotations

import re

from cityrel.extract.mentions import Mentions
from cityrel.extract.relations import Relations
from cityrel.extract.tokens import tokenize
from cityrel.model import Article, Extraction, Mention, Organization

_OPENING = re.compile(r"^\s*(?:date \d{4}-\d{2}-\d{2} [^\n]*? - |[A-ZÇĞİÖŞÜ][A-ZÇĞİÖŞÜ ]+ \([^)\n]*\) - )")
_CLOSING = re.compile(r" - [A-ZÇĞİÖŞÜ][A-ZÇĞİÖŞÜ ]+\s*$")

__all__ = ["body_range", "extract"]


def body_range(text: str) -> tuple[int, int]:
    """Where the news text starts and ends, past any header or datelines."""
    opening = _OPENING.match(text)
    closing = _CLOSING.search(text)
    return (opening.end() if opening else 0), (closing.start() if closing else len(text))


def extract(article: Article) -> Extraction:
    """Everything the article states, as facts with evidence."""
    start, end = body_range(article.text)
    mentions = Mentions(tokenize(article.text, start, end), article.text)
    relations = Relations(mentions, article.date)
    organizations: dict[str, Organization] = {}
    evidence: dict[str, list] = {}
    for org_mention in mentions.orgs:
        org = relations.named_org(org_mention) if org_mention.name else None
        if org is None or not (org.kind.value == "Association" or org.kind.is_mission):
            continue
        organizations.setdefault(org.key, org)
        evidence.setdefault(org.key, []).append(relations.span(org_mention.first, org_mention.end))
    for post in relations.posts:
        organizations.setdefault(post.organization.key, post.organization)
    mentioned = tuple(Mention(org, tuple(evidence.get(key, ()))) for key, org in organizations.items())
    people = {p.key: p for p in [*(post.person for post in relations.posts),
                                 *(person for meeting in relations.meetings for person in meeting.participants)]}
    return Extraction(
        article=article,
        organizations=mentioned,
        twinnings=tuple(relations.twinnings_out()),
        posts=tuple(relations.posts),
        meetings=tuple(relations.meetings),
        plans=tuple(relations.plans),
        communities=tuple(relations.communities),
        people=tuple(people.values()),
    )
