"""Stage 2: article text in, facts out, each with the exact quote it rests on.

`extract(article)` finds mentions (mentions.py), then facts (relations.py).
It reads the article body only (`Article.body_start` to `body_end`): header
lines and datelines are metadata, not news, though offsets still count from
the start of the whole text.
"""

from __future__ import annotations

from cityrel.extract.mentions import Mentions
from cityrel.extract.relations import Relations
from cityrel.extract.tokens import tokenize
from cityrel.model import Article, Extraction, Mention, Organization, Span

__all__ = ["extract"]


def extract(article: Article) -> Extraction:
    """Everything the article states, as facts with evidence."""
    mentions = Mentions(tokenize(article.text, article.body_start, article.body_end), article.text)
    relations = Relations(mentions, article.date, article.dateline)
    organizations: dict[str, Organization] = {}
    evidence: dict[str, list[Span]] = {}
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
