from itertools import groupby

from django.shortcuts import get_object_or_404, render

from concepts.models import Concept
from sources.cite.exports.views import export_response
from sources.cite.page import PageCitations, shorten
from sources.cite.styles import Style, style_for
from sources.collation import index_letter, sorted_by_label
from sources.content import Status, get_visible_or_404
from sources.i18n import active_language
from sources.models import Source, Tag
from sources.pagination import paginate

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
    lang = active_language()
    citations = page_citations(concept, style_for(request), lang)
    illustrations, challenges = analyses_by_kind(concept)
    return render(
        request,
        "concepts/detail.html",
        {
            "concept": concept,
            "draft_banner": concept.status != Status.PUBLISHED,
            "alt_terms_zh": [t for t in concept.alt_terms.all() if t.lang == "zh-hant"],
            "alt_terms_en": [t for t in concept.alt_terms.all() if t.lang == "en"],
            "body": concept.rendered_body,
            "families": definition_groups(concept),
            "relations": relations(concept),
            "illustrations": illustrations,
            "challenges": challenges,
            "citations": citations,
        },
    )


def page_citations(concept, style: Style, lang: str) -> PageCitations:
    """Every text of the concept page with its citations, in the order the page shows them:
    the body, each definition and its source, the analyses' excerpts and their sources.
    Needs for_detail().with_analyses(); leaves the rendered texts on the objects
    (`rendered_body`, `rendered_text`, `citation`, `excerpt` ending with its citation)."""
    citations = PageCitations(style, lang)
    concept.rendered_body = citations.add(concept.body)
    for _family, definitions in definition_groups(concept):
        for definition in definitions:
            definition.rendered_text = citations.add(definition.text)
            definition.citation = citations.add_record(definition)
    illustrations, challenges = analyses_by_kind(concept)
    for analysis in illustrations + challenges:
        analysis.excerpt = citations.add(shorten(analysis.text, EXCERPT_CHARS), analysis)
    return citations


def analyses_by_kind(concept) -> tuple[list, list]:
    """(illustrations, challenges): cases.AnalysisKind values, spelled out because concepts
    must not import cases."""
    analyses = list(concept.analyses.all())
    return (
        [a for a in analyses if a.kind == "illustrates"],
        [a for a in analyses if a.kind == "challenges"],
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


def concept_references(request, slug, fmt):
    """The concept page's references as a file: every source cited by the concept, its
    definitions, and the analyses of published cases it shows."""
    concept = get_visible_or_404(Concept.objects.all(), request, slug=slug)
    analyses = concept.analyses.filter(case__status=Status.PUBLISHED)
    sources = (
        Source.objects.cited_by(concept, concept.definitions.all(), analyses)
        .with_creators()
        .by_first_author()
    )
    filename = f"concept-{slug}-references"
    return export_response(
        request, sources, fmt, filename, url_name="concepts:export", args=[slug]
    )
