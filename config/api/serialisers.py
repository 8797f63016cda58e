"""Model objects as the plain dicts of config.api.schemas, for the views and the dump alike.

Each function reads only what the querysets of config.api.queries prefetched, and never follows
a relation to a draft: those are filtered out by the prefetches, or checked here (a case's
parent). Sources and people have no drafts: everything about them is public.
"""

from cases.models import Analysis, Case, Event
from concepts.models import Concept, Definition
from config.api.links import API_LANG, Links, bilingual
from sources.cite.csl import to_csl
from sources.content import Status
from sources.models import Citation
from sources.models.people import Person


def _stamp(value) -> str:
    return value.isoformat()


# References.


def tag_ref(tag, links: Links) -> dict:
    return {
        "id": tag.pk,
        "slug": tag.slug,
        "name": {"en": tag.name, "zh-Hant": tag.name_zh_hant},
        "api_url": links.api("tag", slug=tag.slug),
        "html_url": links.html(tag),
    }


def _tags(obj, links: Links) -> list[dict]:
    # taggit's prefetch cannot be ordered, so the prefetched tags are sorted here.
    return [tag_ref(tag, links) for tag in sorted(obj.tags.all(), key=lambda t: t.slug)]


def person_name(person: Person) -> dict:
    chinese = person.original_name or person.name_zh_hant
    return {"en": person.romanised_name, "zh-Hant": chinese or person.romanised_name}


def person_ref(person, links: Links) -> dict:
    return {
        "id": person.pk,
        "slug": person.slug,
        "name": person_name(person),
        "api_url": links.api("person", slug=person.slug),
        "html_url": links.html(person),
    }


def source_ref(source, links: Links) -> dict | None:
    if source is None:
        return None
    return {
        "id": source.pk,
        "citation_key": source.citation_key,
        "title": source.title,
        "year": source.year,
        "api_url": links.api("source", citation_key=source.citation_key),
        "html_url": links.html(source),
    }


def concept_ref(concept, links: Links) -> dict:
    return {
        "id": concept.pk,
        "slug": concept.slug,
        "name": bilingual(concept, "name"),
        "api_url": links.api("concept", slug=concept.slug),
        "html_url": links.html(concept),
    }


def case_ref(case, links: Links) -> dict:
    return {
        "id": case.pk,
        "slug": case.slug,
        "title": bilingual(case, "title"),
        "api_url": links.api("case", slug=case.slug),
        "html_url": links.html(case),
    }


def actor_ref(actor, links: Links) -> dict:
    return {
        "id": actor.pk,
        "slug": actor.slug,
        "kind": actor.kind,
        "name": bilingual(actor, "name"),
        "api_url": links.api("actor", slug=actor.slug),
        "html_url": links.html(actor),
    }


def page_ref(page, links: Links) -> dict:
    is_concept = isinstance(page, Concept)
    ref = concept_ref(page, links) if is_concept else case_ref(page, links)
    return {
        "type": "concept" if is_concept else "case",
        "id": ref["id"],
        "slug": ref["slug"],
        "name": ref["name"] if is_concept else ref["title"],
        "api_url": ref["api_url"],
        "html_url": ref["html_url"],
    }


def _cited(record, links: Links) -> dict:
    """The cited source and pinpoint of a definition, event or analysis."""
    return {
        "source": source_ref(record.source, links),
        "locator_label": record.locator_label,
        "locator": record.locator,
    }


# Tags, people, sources and citations.


def tag_summary(tag, links: Links) -> dict:
    return {
        **tag_ref(tag, links),
        "counts": {
            "concepts": tag.concept_count,
            "cases": tag.case_count,
            "sources": tag.source_count,
        },
    }


def tag_detail(tag, links: Links, *, concepts, cases, sources) -> dict:
    return {
        **tag_summary(tag, links),
        "concepts": [concept_ref(c, links) for c in concepts],
        "cases": [case_ref(c, links) for c in cases],
        "sources": [source_ref(s, links) for s in sources],
    }


def person_summary(person, links: Links) -> dict:
    return {
        **person_ref(person, links),
        "family_name": person.family_name,
        "given_name": person.given_name,
        "family_name_original": person.family_name_original,
        "given_name_original": person.given_name_original,
        "name_order": person.name_order,
        "orcid": person.orcid,
        "wikidata": person.wikidata,
        "note": bilingual(person, "note"),
    }


def person_detail(person, links: Links) -> dict:
    return {
        **person_summary(person, links),
        "works": [
            {"source": source_ref(credit.source, links), "role": credit.role}
            for credit in person.credits.all()
        ],
        "definitions": [
            {
                "id": definition.pk,
                "concept": concept_ref(definition.concept, links),
                "html_url": links.html(definition),
            }
            for definition in person.definitions.all()
        ],
        "actors": [actor_ref(actor, links) for actor in person.actors.all()],
    }


def source_summary(source, links: Links) -> dict:
    return {
        **source_ref(source, links),
        "item_type": source.item_type,
        "translated_title": source.translated_title,
        "original_title": source.original_title,
        "language": source.language,
        "creators": [
            {"person": person_ref(c.person, links), "role": c.role, "position": c.position}
            for c in source.creators.all()
        ],
        "tags": _tags(source, links),
        "csl": to_csl(source),
        "updated": _stamp(source.updated),
    }


def citing_page(obj):
    """The concept or case page that shows a citing record."""
    if isinstance(obj, Concept | Case):
        return obj
    if isinstance(obj, Definition):
        return obj.concept
    if isinstance(obj, Event | Analysis):
        return obj.case
    raise TypeError(f"{type(obj).__name__} does not cite")


def citation(citation: Citation, links: Links) -> dict:
    """One citation; its source and citing object (content_object) must be loaded."""
    obj = citation.content_object
    return {
        "id": citation.pk,
        "source": source_ref(citation.source, links),
        "locator_label": citation.locator_label,
        "locator": citation.locator,
        "field": citation.field,
        "cited_in": {
            "type": obj._meta.model_name,
            "id": obj.pk,
            "page": page_ref(citing_page(obj), links),
            "html_url": links.html(obj),
        },
    }


def source_detail(source, links: Links) -> dict:
    cited_in = [citation(c, links) for c in source.citations.all() if c.is_visible()]
    return {**source_summary(source, links), "cited_in": cited_in}


# Concepts, cases and actors.


def concept_summary(concept, links: Links) -> dict:
    return {
        **concept_ref(concept, links),
        "summary": bilingual(concept, "summary"),
        "tags": _tags(concept, links),
        "created": _stamp(concept.created),
        "updated": _stamp(concept.updated),
    }


def analysis(item: Analysis, links: Links) -> dict:
    return {
        "id": item.pk,
        "kind": item.kind,
        "case": case_ref(item.case, links),
        "concept": concept_ref(item.concept, links),
        "text": bilingual(item, "text"),
        **_cited(item, links),
        "html_url": links.html(item),
    }


def definition(item: Definition, links: Links) -> dict:
    return {
        "id": item.pk,
        "family_id": item.family_id,
        "position": item.position,
        "text": bilingual(item, "text"),
        **_cited(item, links),
        "people": [person_ref(p, links) for p in item.people.all()],
        "html_url": links.html(item),
    }


def concept_detail(concept, links: Links) -> dict:
    related = [
        {
            "kind": r.kind,
            "direction": "outgoing",
            "concept": concept_ref(r.target, links),
            "note": bilingual(r, "note"),
        }
        for r in concept.relations_out.all()
    ] + [
        {
            "kind": r.kind,
            "direction": "incoming",
            "concept": concept_ref(r.origin, links),
            "note": bilingual(r, "note"),
        }
        for r in concept.relations_in.all()
    ]
    return {
        **concept_summary(concept, links),
        "body": bilingual(concept, "body"),
        "alt_terms": [{"lang": API_LANG[t.lang], "term": t.term} for t in concept.alt_terms.all()],
        "definition_families": [
            {"id": f.pk, "name": bilingual(f, "name"), "position": f.position}
            for f in concept.families.all()
        ],
        "definitions": [definition(d, links) for d in concept.definitions.all()],
        "related": related,
        "analyses": [analysis(a, links) for a in concept.analyses.all()],
    }


def date(year, value, precision) -> dict | None:
    if not year:
        return None
    return {"year": year, "date": value.isoformat() if value else None, "precision": precision}


def case_summary(case, links: Links) -> dict:
    parent = case.parent
    return {
        **case_ref(case, links),
        "summary": bilingual(case, "summary"),
        "start": date(case.start_year, case.start_date, case.start_precision),
        "end": date(case.end_year, case.end_date, case.end_precision),
        "region": case.region,
        "parent": (
            case_ref(parent, links)
            if parent is not None and parent.status == Status.PUBLISHED
            else None
        ),
        "tags": _tags(case, links),
        "created": _stamp(case.created),
        "updated": _stamp(case.updated),
    }


def event(item: Event, links: Links) -> dict:
    return {
        "id": item.pk,
        "date": date(item.year, item.date, item.precision),
        "title": bilingual(item, "title"),
        "description": bilingual(item, "description"),
        **_cited(item, links),
        "html_url": links.html(item),
    }


def case_detail(case, links: Links) -> dict:
    return {
        **case_summary(case, links),
        "body": bilingual(case, "body"),
        "actors": [
            {"actor": actor_ref(r.actor, links), "role": r.role, "position": r.position}
            for r in case.actors.all()
        ],
        "events": [event(e, links) for e in case.events.all()],
        "analyses": [analysis(a, links) for a in case.analyses.all()],
        "children": [case_ref(child, links) for child in case.children.all()],
    }


def actor_summary(actor, links: Links) -> dict:
    return {
        **actor_ref(actor, links),
        "person": person_ref(actor.person, links) if actor.person else None,
    }


def actor_detail(actor, links: Links) -> dict:
    return {
        **actor_summary(actor, links),
        "cases": [{"case": case_ref(r.case, links), "role": r.role} for r in actor.roles.all()],
    }
