import datetime as dt

import pytest

from cases.models import Analysis, Case
from concepts.models import Definition
from sources.content import Status
from tests.api.helpers import openapi_document


@pytest.fixture
def openapi(visitor):
    """The OpenAPI document as the site serves it."""
    return openapi_document(visitor)


@pytest.fixture
def drafts(sample):
    """The sample plus drafts tangled with published content: every way a draft could leak
    through a relation (a tag, a parent, an analysis, a citation, an attribution)."""
    sample.draft_concept.tags.add(sample.tag_security)
    sample.draft_case.tags.add(sample.tag_security)
    # A published case whose parent is a draft.
    sample.orphan = Case.objects.create(
        slug="orphan-case",
        title_zh_hant="孤兒案例",
        title_en="Orphan case",
        start_date=dt.date(1950, 6, 25),
        start_precision="day",
        parent=sample.draft_case,
        status=Status.PUBLISHED,
    )
    # A draft case analysed as illustrating a published concept, and the reverse.
    Analysis.objects.create(
        case=sample.draft_case,
        concept=sample.alliance_dilemma,
        text_en="Secret analysis.",
        source=sample.herz1950,
    )
    Analysis.objects.create(
        case=sample.cuba, concept=sample.draft_concept, text_en="Secret analysis, too."
    )
    # A draft's definition cites a source and is attributed to a person; its body cites too.
    Definition.objects.create(
        concept=sample.draft_concept,
        text_en="A secret definition.",
        source=sample.herz1950,
        locator="158",
    ).people.add(sample.herz)
    sample.draft_concept.body_en = "As [@lu2015, p. 3] argued in secret."
    sample.draft_concept.save()
    sample.draft_case.body_en = "Secretly [@snyder1984]."
    sample.draft_case.save()
    return sample


@pytest.fixture
def draft_strings():
    """Words that appear only in drafts: none of them may be served."""
    return ["secret-draft", "draft-case", "草稿", "Draft concept", "Draft case", "Secret"]
