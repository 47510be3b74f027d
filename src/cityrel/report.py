"""An extraction as people and machines read it: one line per fact with its quote, or JSON.

`cityrel extract FILE` prints this without touching the store, so the person
tuning a lexicon sees at once what an article would state and on what words.
"""

from __future__ import annotations

from typing import Any

from cityrel.model import City, Extraction, Span


def _city(city: City) -> str:
    linked = f" (GeoNames {city.geonames_id})" if city.geonames_id else ""
    return f"{city.label_tr}{linked}"


def _quote(spans: tuple[Span, ...]) -> str:
    if not spans:
        return ""
    span = spans[0]
    text = " ".join(span.quote.split())
    return f'\n      “{text[:160]}{"…" if len(text) > 160 else ""}” [{span.start}:{span.end}]'


def extraction_lines(extraction: Extraction) -> list[str]:
    """Readable lines, grouped by kind of fact."""
    lines = [f"{extraction.article.source}"]
    for twinning in extraction.twinnings:
        since = f", signed {twinning.signed}" if twinning.signed else ""
        lines.append(f"  twinning  {' – '.join(_city(c) for c in twinning.cities)}: {twinning.kind.value}{since}"
                     + _quote(twinning.evidence))
    for post in extraction.posts:
        lines.append(f"  post      {post.person.name}: {post.role.value} of {post.organization.label}"
                     + _quote(post.evidence))
    for mention in extraction.organizations:
        org = mention.organization
        if org.kind.is_mission or org.kind.value == "Association":
            where = f" in {org.city.label_tr}" if org.city else ""
            lines.append(f"  body      {org.kind.value}: {org.label}{where}" + _quote(mention.evidence))
    for meeting in extraction.meetings:
        when = f" on {meeting.date.isoformat()}" if meeting.date else ""
        lines.append(f"  meeting   {', '.join(p.name for p in meeting.participants)}{when}"
                     + _quote(meeting.evidence))
    for plan in extraction.plans:
        lines.append(f"  plan      {plan.kind.value}: {plan.label}" + _quote(plan.evidence))
    for statistic in extraction.communities:
        lines.append(f"  community {statistic.count} ({statistic.qualifier.value}) "
                     f"{statistic.nationality.label_tr} in {statistic.city.label_tr}" + _quote(statistic.evidence))
    return lines


def _spans(spans: tuple[Span, ...]) -> list[dict[str, Any]]:
    return [{"quote": s.quote, "start": s.start, "end": s.end} for s in spans]


def _city_record(city: City) -> dict[str, Any]:
    return {"label": city.label_tr, "geonames": city.geonames_id,
            "country": city.country.code if city.country else None}


def extraction_record(extraction: Extraction) -> dict[str, Any]:
    """The extraction as plain JSON-ready values."""
    return {
        "article": {"key": extraction.article.key, "source": extraction.article.source,
                    "date": extraction.article.date.isoformat() if extraction.article.date else None},
        "twinnings": [{"kind": t.kind.value, "cities": [_city_record(c) for c in t.cities], "signed": t.signed,
                       "evidence": _spans(t.evidence)} for t in extraction.twinnings],
        "posts": [{"person": p.person.name, "role": p.role.value, "organization": p.organization.label,
                   "organization_kind": p.organization.kind.value, "evidence": _spans(p.evidence)}
                  for p in extraction.posts],
        "organizations": [{"label": m.organization.label, "kind": m.organization.kind.value,
                           "acronym": m.organization.acronym,
                           "city": _city_record(m.organization.city) if m.organization.city else None,
                           "country": m.organization.country.code if m.organization.country else None,
                           "evidence": _spans(m.evidence)} for m in extraction.organizations],
        "meetings": [{"participants": [p.name for p in m.participants],
                      "date": m.date.isoformat() if m.date else None, "evidence": _spans(m.evidence)}
                     for m in extraction.meetings],
        "plans": [{"kind": p.kind.value, "label": p.label, "evidence": _spans(p.evidence)} for p in extraction.plans],
        "communities": [{"nationality": c.nationality.code, "city": _city_record(c.city), "count": c.count,
                         "qualifier": c.qualifier.value, "evidence": _spans(c.evidence)}
                        for c in extraction.communities],
    }
