"""How cases are searched: titles, summary, body, timeline, analyses and actors."""

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cases.models import Actor, Analysis, Case, CaseActor, Event, TaggedCase
from concepts.models import Concept
from sources.content import Status
from sources.models import Tag
from sources.search import registry
from sources.search.registry import Document
from sources.search.text import plain


def _text(case: Case, lang: str) -> str:
    column = lang.replace("-", "_")
    parts = [getattr(case, f"summary_{column}"), plain(getattr(case, f"body_{column}"))]
    for event in case.events.all():
        parts += [
            getattr(event, f"title_{column}"),
            plain(getattr(event, f"description_{column}")),
        ]
    parts += [plain(getattr(analysis, f"text_{column}")) for analysis in case.analyses.all()]
    parts += [getattr(role.actor, f"name_{column}") for role in case.actors.all()]
    return "\n\n".join(p for p in parts if p)


def _dates(case: Case, lang: str) -> str:
    with translation.override(lang):
        start, end = case.start_display, case.end_display
    return f"{start}–{end}" if end and end != start else start


def case_document(case: Case) -> Document:
    return Document(
        title_en=case.title_en,
        title_zh_hant=case.title_zh_hant,
        body_en=_text(case, "en"),
        body_zh_hant=_text(case, "zh-hant"),
        subtitle_en=" · ".join(p for p in (case.title_zh_hant, _dates(case, "en")) if p),
        subtitle_zh_hant=" · ".join(p for p in (case.title_en, _dates(case, "zh-hant")) if p),
        tags=[tag.slug for tag in case.tags.all()],
        published=case.status == Status.PUBLISHED,
        start_year=case.start_year,
        end_year=case.end_year,
    )


def register() -> None:
    registry.register(
        Case,
        key="case",
        label=_("Case"),
        plural=_("Cases"),
        order=1,
        queryset=lambda: Case.objects.prefetch_related(
            "tags",
            "events",
            # As the case page: only analyses of published concepts are shown.
            Prefetch(
                "analyses", queryset=Analysis.objects.filter(concept__status=Status.PUBLISHED)
            ),
            Prefetch("actors", queryset=CaseActor.objects.select_related("actor")),
        ),
        build=case_document,
        m2m=[TaggedCase],
        bilingual=True,
    )
    for part in (Event, Analysis, CaseActor):
        registry.depends(part, lambda row: [Case(pk=row.case_id)])
    registry.depends(TaggedCase, lambda row: [Case(pk=row.content_object_id)])
    # Publishing (or withdrawing) a concept shows (or hides) its analyses in cases.
    registry.depends(
        Concept, lambda concept: Case.objects.filter(analyses__concept=concept).only("pk")
    )
    registry.depends(Tag, lambda tag: Case.objects.filter(tags=tag).only("pk"))
    # A case is found by its actors' names: renaming an actor reindexes its cases.
    registry.depends(
        Actor,
        lambda actor: Case.objects.filter(
            pk__in=CaseActor.objects.filter(actor=actor).values("case")
        ).only("pk"),
    )
