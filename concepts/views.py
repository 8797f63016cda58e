from itertools import groupby

from django.shortcuts import get_object_or_404, render
from django.utils.text import Truncator

from concepts.models import Concept
from sources.collation import index_letter, sorted_by_label
from sources.content import Status, get_visible_or_404
from sources.i18n import Translated, active_language
from sources.models import Tag
from sources.pagination import paginate
from sources.references import reference_list

EXCERPT_CHARS = 240


def concept_list(request):
    lang = active_language()
    concepts = Concept.objects.published()
    tag_options = sorted_by_label(concepts.used_tags())
    tag = None
    if slug := request.GET.get("tag"):
        # A tag that does not exist is a bad link, not an empty topic.
        tag = get_object_or_404(Tag, slug=slug)
        concepts = concepts.filter(tags=tag)
    page = paginate(request, concepts.for_list().alphabetical(lang))
    return render(
        request,
        "concepts/list.html",
        {
            "page": page,
            "groups": index_groups(page.object_list, lang),
            "tag": tag,
            "tag_options": tag_options,
        },
    )


def index_groups(concepts, lang: str) -> list[tuple[str, list[Concept]]]:
    """Concepts (already in index order) under their A–Z or ㄅ–ㄩ headings."""

    def letter(concept):
        return index_letter(concept.sort_key_zh if lang == "zh-hant" else concept.name_en)

    return [(heading, list(group)) for heading, group in groupby(concepts, key=letter)]


def concept_detail(request, slug):
    concept = get_visible_or_404(Concept.objects.for_detail().with_analyses(), request, slug=slug)
    analyses = list(concept.analyses.all())
    for analysis in analyses:
        analysis.excerpt = excerpt(analysis.text)
    return render(
        request,
        "concepts/detail.html",
        {
            "concept": concept,
            "draft_banner": concept.status != Status.PUBLISHED,
            "alt_terms_zh": [t for t in concept.alt_terms.all() if t.lang == "zh-hant"],
            "alt_terms_en": [t for t in concept.alt_terms.all() if t.lang == "en"],
            "families": definition_groups(concept),
            "relations": relations(concept),
            # cases.AnalysisKind values, spelled out because concepts must not import cases.
            "illustrations": [a for a in analyses if a.kind == "illustrates"],
            "challenges": [a for a in analyses if a.kind == "challenges"],
            "references": references(concept, analyses),
        },
    )


def definition_groups(concept) -> list[tuple[object, list]]:
    """(family, definitions) in the families' order; definitions without a family come last
    under None."""
    by_family = {}
    for definition in concept.definitions.all():
        by_family.setdefault(definition.family_id, []).append(definition)
    groups = [(f, by_family[f.pk]) for f in concept.families.all() if f.pk in by_family]
    if None in by_family:
        groups.append((None, by_family[None]))
    return groups


def relations(concept) -> list[tuple[str, Concept]]:
    """Each related concept with the wording read from this concept's end."""
    outgoing = [(r.forward_label, r.target) for r in concept.relations_out.all()]
    incoming = [(r.reverse_label, r.origin) for r in concept.relations_in.all()]
    return outgoing + incoming


def references(concept, analyses) -> list:
    """Every source the page cites, once each, by first author and year."""
    cited = [d.source for d in concept.definitions.all()] + [a.source for a in analyses]
    return reference_list(cited)


def excerpt(text: Translated) -> Translated:
    """The start of a long text, keeping its language so a fallback is still marked."""
    return Translated(Truncator(text).chars(EXCERPT_CHARS), text.lang, text.is_fallback)
