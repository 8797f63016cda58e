"""The editors' admin: every page opens, searches find things, and bad input is refused."""

import pytest
from bs4 import BeautifulSoup
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import reverse

from cases.models import Actor, Case, Event
from concepts.models import Concept, Definition, DefinitionFamily
from sources.content import Status
from sources.models import Citation, Person, Source, SourceCreator, Tag

REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
IDS = [model._meta.label for model, _admin in REGISTERED]


def admin_url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def form_data(response, form_id):
    """What a browser would submit from the rendered form, before the editor types anything."""
    form = BeautifulSoup(response.content, "html.parser").find("form", id=form_id)
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "button"}:
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = [o["value"] for o in field.find_all("option") if o.has_attr("selected")]
            data[name] = chosen if field.has_attr("multiple") else (chosen or [""])[0]
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    return data


def source_post(editor, **fields):
    """Post the add-source form with a valid journal article, changed by `fields`."""
    data = form_data(editor.get(admin_url(Source, "add")), "source_form")
    data.update(
        citation_key="waltz1979",
        item_type="book",
        title="Theory of International Politics",
        language="en",
        year="1979",
    )
    data.update(fields)
    return editor.post(admin_url(Source, "add"), data, HTTP_ACCEPT_LANGUAGE="en")


def form_errors(response):
    return response.context["adminform"].form.errors.as_data()


def inline_errors(response):
    formsets = response.context["inline_admin_formsets"]
    return [(f.prefix, f.errors) for fs in formsets for f in fs.formset.forms if f.errors]


def test_visitors_are_sent_to_the_login_page(visitor, sample):
    for url in (reverse("admin:index"), admin_url(Concept, "changelist")):
        response = visitor.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_admin_shows_the_atlas_header_in_both_languages(editor):
    for lang in ("en", "zh-hant"):
        response = editor.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE=lang)
        assert "IR Atlas 國關概念圖譜" in response.text


def test_taggits_unused_tag_model_is_not_offered(editor):
    assert "/admin/taggit/" not in editor.get(reverse("admin:index")).text


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=IDS)
def test_every_changelist_opens_and_can_be_searched(editor, sample, model, model_admin):
    assert editor.get(admin_url(model, "changelist")).status_code == 200
    assert editor.get(admin_url(model, "changelist"), {"q": "安全 dilemma"}).status_code == 200


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=IDS)
def test_every_add_page_opens_unless_the_model_is_read_only(
    editor, sample, django_user_model, model, model_admin
):
    request = RequestFactory().get("/")
    request.user = django_user_model.objects.get(username="editor")
    expected = 200 if model_admin.has_add_permission(request) else 403
    assert editor.get(admin_url(model, "add")).status_code == expected


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=IDS)
def test_every_sample_object_has_a_working_change_page(editor, sample, model, model_admin):
    if model is Group:
        Group.objects.create(name="Reviewers")
    objects = list(model._default_manager.all())
    assert objects, f"the sample has no {model._meta.verbose_name} to open"
    for obj in objects:
        response = editor.get(admin_url(model, "change", obj.pk))
        assert response.status_code == 200
        if hasattr(obj, "get_absolute_url"):
            assert (
                reverse("admin:view_on_site", args=[response.context["content_type_id"], obj.pk])
                in response.text
            )


def test_view_on_site_leads_to_the_public_page(editor, sample):
    content_type = ContentType.objects.get_for_model(Concept)
    response = editor.get(
        reverse("admin:view_on_site", args=[content_type.pk, sample.security_dilemma.pk])
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/concepts/security-dilemma/")


@pytest.mark.parametrize(
    ("model", "query", "found", "not_found"),
    [
        (Concept, "安全", "security-dilemma", "alliance-dilemma"),
        (Concept, "安全兩難", "security-dilemma", "alliance-dilemma"),
        (Source, "Jervis", "jervis1978", "herz1950"),
        (Source, "10.2307/2009958", "jervis1978", "snyder1984"),
        (Source, "https://doi.org/10.2307/2009958", "jervis1978", "snyder1984"),
        (Person, "盧", "lu-yeh-chung", "robert-jervis"),
        (Case, "古巴", "cuban-missile-crisis", "cold-war"),
        (Actor, "Soviet", "soviet-union", "united-states"),
        (Tag, "同盟", "alliances", "security"),
    ],
)
def test_search_finds_the_expected_object(editor, sample, model, query, found, not_found):
    response = editor.get(admin_url(model, "changelist"), {"q": query})
    keys = {
        getattr(obj, "slug", None) or obj.citation_key
        for obj in response.context["cl"].result_list
    }
    assert found in keys
    assert not_found not in keys


def test_source_autocomplete_returns_matching_sources(editor, sample):
    response = editor.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "concepts",
            "model_name": "definition",
            "field_name": "source",
            "term": "jervis",
        },
    )
    assert response.status_code == 200
    ids = {result["id"] for result in response.json()["results"]}
    assert ids == {str(sample.jervis1978.pk)}


def test_person_autocomplete_finds_people_by_their_original_name(editor, sample):
    response = editor.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "concepts",
            "model_name": "definition",
            "field_name": "people",
            "term": "盧",
        },
    )
    assert [r["id"] for r in response.json()["results"]] == [str(sample.lu.pk)]


def test_new_source_is_saved_with_normalised_identifiers(editor, sample):
    response = source_post(editor, doi="https://doi.org/10.1000/ABC.123", isbn="0-07-554852-6")
    assert response.status_code == 302
    source = Source.objects.get(citation_key="waltz1979")
    assert source.doi == "10.1000/abc.123"
    assert source.isbn == "9780075548522"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("doi", "not-a-doi", "is not a DOI"),
        ("isbn", "978-0-00-000000-0", "is not a valid ISBN"),
        ("doi", "https://doi.org/10.2307/2009958", "already has this DOI"),
    ],
)
def test_bad_or_duplicate_identifier_is_refused_with_a_message(
    editor, sample, field, value, message
):
    count = Source.objects.count()
    response = source_post(editor, **{field: value})
    assert response.status_code == 200
    assert message in response.text
    assert list(form_errors(response)) == [field]
    assert Source.objects.count() == count


def test_duplicate_citation_key_is_refused_whatever_its_case(editor, sample):
    response = source_post(editor, citation_key="Jervis1978")
    assert response.status_code == 200
    assert [e.code for e in form_errors(response)["citation_key"]] == ["unique"]
    assert Source.objects.filter(title="Theory of International Politics").count() == 0


def test_source_creators_are_added_inline(editor, sample):
    response = source_post(
        editor, **{"creators-0-person": str(sample.jervis.pk), "creators-0-role": "author"}
    )
    assert response.status_code == 302
    creator = SourceCreator.objects.get(source__citation_key="waltz1979")
    assert creator.person == sample.jervis


def test_concept_with_an_inline_definition_enters_the_citation_index(editor, sample):
    data = form_data(editor.get(admin_url(Concept, "add")), "concept_form")
    data.update(
        {
            "name_zh_hant": "嚇阻",
            "name_en": "Deterrence",
            "slug": "deterrence",
            "status": Status.PUBLISHED,
            "tags": "security",
            "definitions-0-text_en": "Persuading an adversary that costs outweigh gains.",
            "definitions-0-people": [str(sample.snyder.pk)],
            "definitions-0-source": str(sample.snyder1984.pk),
            "definitions-0-locator_label": "page",
            "definitions-0-locator": "463",
        }
    )
    response = editor.post(admin_url(Concept, "add"), data)
    assert response.status_code == 302, inline_errors(response)
    definition = Definition.objects.get(concept__slug="deterrence")
    assert list(definition.people.all()) == [sample.snyder]
    citation = Citation.objects.for_object(definition).get()
    assert (citation.source, citation.locator) == (sample.snyder1984, "463")
    assert list(Concept.objects.get(slug="deterrence").tags.names()) == ["security"]


def test_definition_family_choices_are_the_concepts_own(editor, sample):
    other = DefinitionFamily.objects.create(
        concept=sample.alliance_dilemma, name_zh_hant="被拋棄", name_en="Abandonment"
    )
    response = editor.get(admin_url(Concept, "change", sample.security_dilemma.pk))
    definitions = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "definitions"
    )
    family_field = definitions.forms[0].fields["family"]
    assert list(family_field.queryset) == [sample.family]
    assert other not in family_field.queryset


def test_citation_index_is_read_only(editor, sample):
    citation = Citation.objects.for_object(sample.definition).get()
    response = editor.get(admin_url(Citation, "change", citation.pk))
    assert response.status_code == 200
    assert 'name="_save"' not in response.text
    assert editor.post(admin_url(Citation, "change", citation.pk), {}).status_code == 403


def test_publish_action_publishes_the_selected_drafts(editor, sample):
    response = editor.post(
        admin_url(Case, "changelist"),
        {"action": "publish", "_selected_action": [sample.draft_case.pk]},
    )
    assert response.status_code == 302
    sample.draft_case.refresh_from_db()
    assert sample.draft_case.status == Status.PUBLISHED


def test_event_inline_on_a_case_cites_its_source(editor, sample):
    url = admin_url(Case, "change", sample.cold_war.pk)
    data = form_data(editor.get(url), "case_form")
    data.update(
        {
            "events-TOTAL_FORMS": "1",
            "events-0-date": "1962-10-27",
            "events-0-precision": "day",
            "events-0-title_en": "Black Saturday",
            "events-0-source": str(sample.herz1950.pk),
            "events-0-locator_label": "page",
            "events-0-locator": "160",
        }
    )
    response = editor.post(url, data)
    assert response.status_code == 302, inline_errors(response)
    event = Event.objects.get(title_en="Black Saturday")
    assert Citation.objects.for_object(event).get().source == sample.herz1950


def _more_sources(sample, n):
    for i in range(n):
        source = Source.objects.create(
            citation_key=f"extra{i}", item_type="book", title=f"Extra {i}", year=2000 + i
        )
        SourceCreator.objects.create(source=source, person=sample.herz)
        Definition.objects.create(
            concept=sample.alliance_dilemma, text_en=f"Definition {i}", source=source
        )


def test_source_changelist_query_count_does_not_grow_with_sources(
    editor, sample, django_assert_num_queries
):
    """The author-year column reads creators; they must be prefetched, not fetched per row."""
    url = admin_url(Source, "changelist")
    with django_assert_num_queries(QUERIES_SOURCE_LIST):
        editor.get(url)
    _more_sources(sample, 5)
    with django_assert_num_queries(QUERIES_SOURCE_LIST):
        editor.get(url)


def test_citation_changelist_query_count_does_not_grow_with_citations(
    editor, sample, django_assert_num_queries
):
    """“Cited in” links to the citing object; those come from one generic prefetch per model."""
    url = admin_url(Citation, "changelist")
    with django_assert_num_queries(QUERIES_CITATION_LIST):
        editor.get(url)
    _more_sources(sample, 5)
    with django_assert_num_queries(QUERIES_CITATION_LIST):
        editor.get(url)


QUERIES_SOURCE_LIST = 8
QUERIES_CITATION_LIST = 10


PROJECT_APPS = {"sources", "concepts", "cases"}
# Written by the citing record's save(), never typed in.
NOT_EDITED = {"sources.Citation": {"content_type", "object_id"}}


def _editable_fields(model, skip=()):
    return {
        f.name
        for f in model._meta.get_fields()
        if getattr(f, "editable", False)
        and not f.auto_created
        and (f.concrete or f.many_to_many)
        and f.name not in skip
    }


def _admin_fields(model_admin, request):
    return set(flatten_fieldsets(model_admin.get_fieldsets(request)))


@pytest.mark.parametrize(
    ("model", "model_admin"),
    [(m, a) for m, a in REGISTERED if m._meta.app_label in PROJECT_APPS],
    ids=[m._meta.label for m, _a in REGISTERED if m._meta.app_label in PROJECT_APPS],
)
def test_every_field_of_every_model_is_on_an_admin_form(django_user_model, model, model_admin):
    """Explicit fieldsets silently drop a field added to a model later; this notices."""
    request = RequestFactory().get("/")
    request.user = django_user_model(is_superuser=True, is_staff=True)
    missing = _editable_fields(model, NOT_EDITED.get(model._meta.label, ())) - _admin_fields(
        model_admin, request
    )
    assert not missing
    for inline in model_admin.get_inline_instances(request):
        if not inline.has_change_permission(request):
            continue  # a read-only list of related records
        fk = inline.fk_name or next(
            f.name for f in inline.model._meta.fields if f.related_model is model
        )
        assert not _editable_fields(inline.model, {fk}) - _admin_fields(inline, request), inline
