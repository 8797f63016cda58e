from sources.models import Citation


def test_sample_builds_and_indexes_citations(sample):
    cited = Citation.objects.filter(source=sample.jervis1978)
    assert {c.content_object for c in cited} == {sample.definition, sample.event}
