"""How concepts are searched: names, alternative terms, summary, body and definitions."""

from django.utils.translation import gettext_lazy as _

from concepts.models import AltTerm, Concept, Definition, TaggedConcept
from sources.content import Status
from sources.models import Tag
from sources.search import registry
from sources.search.registry import Document
from sources.search.text import plain


def _text(concept: Concept, lang: str) -> str:
    column = lang.replace("-", "_")
    parts = [
        getattr(concept, f"summary_{column}"),
        plain(getattr(concept, f"body_{column}")),
        *(plain(getattr(d, f"text_{column}")) for d in concept.definitions.all()),
    ]
    return "\n\n".join(p for p in parts if p)


def concept_document(concept: Concept) -> Document:
    return Document(
        title_en=concept.name_en,
        title_zh_hant=concept.name_zh_hant,
        alt=[term.term for term in concept.alt_terms.all()],
        body_en=_text(concept, "en"),
        body_zh_hant=_text(concept, "zh-hant"),
        subtitle_en=concept.name_zh_hant,
        subtitle_zh_hant=concept.name_en,
        tags=[tag.slug for tag in concept.tags.all()],
        published=concept.status == Status.PUBLISHED,
    )


def register() -> None:
    registry.register(
        Concept,
        key="concept",
        label=_("Concept"),
        plural=_("Concepts"),
        order=0,
        queryset=lambda: Concept.objects.prefetch_related("alt_terms", "tags", "definitions"),
        build=concept_document,
        m2m=[TaggedConcept],
        bilingual=True,
    )
    registry.depends(AltTerm, lambda term: [Concept(pk=term.concept_id)])
    registry.depends(Definition, lambda definition: [Concept(pk=definition.concept_id)])
    # Tags: a deleted tag's rows go without m2m signals, and a renamed tag changes its slug.
    registry.depends(TaggedConcept, lambda row: [Concept(pk=row.content_object_id)])
    registry.depends(Tag, lambda tag: Concept.objects.filter(tags=tag).only("pk"))
