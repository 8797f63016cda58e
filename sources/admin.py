"""The editors' admin for tags, people, sources and the (read-only) citation index."""

import functools

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag as TaggitTag

from sources import citing
from sources.cite.imports.views import import_view
from sources.content import Status
from sources.identifiers import normalise_doi, normalise_isbn
from sources.models import Citation, Person, Source, SourceCreator, Tag

admin.site.site_header = _("IR Atlas 國關概念圖譜 editors")
admin.site.site_title = _("IR Atlas editors")
admin.site.index_title = _("Edit the atlas")

# The project tags through sources.Tag; taggit's own Tag model is unused and would mislead.
if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)

TIMESTAMPS = (_("Record"), {"fields": (("created", "updated"),), "classes": ("collapse",)})


def cited_in(citation):
    """A link to the public page showing the citation (citing records are edited inline)."""
    if citation.content_object is None:
        return "—"
    label, url = citation.content_object.citation_context()
    return format_html('<a href="{}">{}</a>', url, label)


def _set_status(model_admin, request, queryset, status):
    count = queryset.update(status=status, updated=timezone.now())
    model_admin.message_user(
        request,
        ngettext("%(count)d item is now %(status)s.", "%(count)d items are now %(status)s.", count)
        % {"count": count, "status": Status(status).label},
        messages.SUCCESS,
    )


@admin.action(description=_("Publish the selected items"))
def publish(model_admin, request, queryset):
    _set_status(model_admin, request, queryset, Status.PUBLISHED)


@admin.action(description=_("Return the selected items to draft"))
def unpublish(model_admin, request, queryset):
    _set_status(model_admin, request, queryset, Status.DRAFT)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "name_zh_hant", "slug", "source_count", "concept_count", "case_count"]
    search_fields = ["name", "name_zh_hant", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [("name_zh_hant", "name"), "slug"]
    ordering = ["name"]

    def get_queryset(self, request):
        # Distinct counts: the three joins multiply rows otherwise.
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_sources=Count("tagged_sources", distinct=True),
                n_concepts=Count("tagged_concepts", distinct=True),
                n_cases=Count("tagged_cases", distinct=True),
            )
        )

    @admin.display(description=_("sources"), ordering="n_sources")
    def source_count(self, obj):
        return obj.n_sources

    @admin.display(description=_("concepts"), ordering="n_concepts")
    def concept_count(self, obj):
        return obj.n_concepts

    @admin.display(description=_("cases"), ordering="n_cases")
    def case_count(self, obj):
        return obj.n_cases


class CreditInline(admin.TabularInline):
    """A person's works, read-only: credits are edited on the source."""

    model = SourceCreator
    fk_name = "person"
    fields = ["source", "role", "position"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = _("work")
    verbose_name_plural = _("works")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["romanised_name", "original_name", "slug", "orcid", "wikidata", "work_count"]
    list_filter = ["name_order"]
    search_fields = [
        "family_name",
        "given_name",
        "family_name_original",
        "given_name_original",
        "name_zh_hant",
        "slug",
        "orcid",
        "wikidata",
    ]
    prepopulated_fields = {"slug": ["given_name", "family_name"]}
    # The work-count annotation groups rows, and grouped querysets drop Meta.ordering.
    ordering = ["family_name", "given_name", "slug"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("family_name", "given_name"),
                    ("family_name_original", "given_name_original"),
                    ("name_zh_hant", "name_order", "slug"),
                    ("orcid", "wikidata"),
                    ("note_zh_hant", "note_en"),
                ]
            },
        ),
    ]
    inlines = [CreditInline]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(n_works=Count("credits__source", distinct=True))
        )

    @admin.display(description=_("name"), ordering="family_name")
    def romanised_name(self, obj):
        return obj.romanised_name

    @admin.display(description=_("name (original script)"), ordering="family_name_original")
    def original_name(self, obj):
        return obj.original_name

    @admin.display(description=_("works"), ordering="n_works")
    def work_count(self, obj):
        return obj.n_works


class SourceCreatorInline(admin.TabularInline):
    model = SourceCreator
    fk_name = "source"
    fields = ["person", "role", "position"]
    autocomplete_fields = ["person"]
    extra = 1


class CitationInline(admin.TabularInline):
    """Where the site cites this source; kept in step by the citing records themselves."""

    model = Citation
    fields = ["cited_in", "field", "pinpoint"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("cited on")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(citing.prefetch())

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("cited in"))
    def cited_in(self, obj):
        return cited_in(obj)

    @admin.display(description=_("pinpoint"))
    def pinpoint(self, obj):
        return obj.pinpoint


class SourceForm(forms.ModelForm):
    """Spells out the errors an editor can fix: a bad identifier or one already in use."""

    class Meta:
        model = Source
        # The admin adds the other fields from its fieldsets.
        fields = ["citation_key", "doi", "isbn"]

    def clean_citation_key(self):
        return self.cleaned_data["citation_key"].strip().lower()

    def _unused(self, field, value, message):
        if not value:
            return value
        clash = Source.objects.filter(**{field: value}).exclude(pk=self.instance.pk).first()
        if clash:
            raise ValidationError(message, code="duplicate", params={"key": clash.citation_key})
        return value

    def clean_doi(self):
        return self._unused(
            "doi",
            normalise_doi(self.cleaned_data["doi"]),
            _("The source “%(key)s” already has this DOI."),
        )

    def clean_isbn(self):
        return self._unused(
            "isbn",
            normalise_isbn(self.cleaned_data["isbn"]),
            _("The source “%(key)s” already has this ISBN (ISBN-10 and ISBN-13 count as one)."),
        )


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceForm
    list_display = ["citation_key", "author_year", "title", "item_type", "year", "language"]
    list_filter = ["item_type", "language", "year", "tags"]
    search_fields = [
        "citation_key",
        "title",
        "original_title",
        "translated_title",
        "container_title",
        "doi",
        "isbn",
        "creators__person__family_name",
        "creators__person__family_name_original",
    ]
    readonly_fields = ["created", "updated"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("citation_key", "item_type", "language"),
                    "title",
                    ("original_title", "translated_title"),
                    ("container_title", "collection_title"),
                    ("volume", "issue", "pages"),
                    ("year", "month", "day"),
                    ("edition", "publisher", "publisher_place"),
                ]
            },
        ),
        (
            _("Identifiers and links"),
            {
                "fields": [
                    ("doi", "isbn", "issn"),
                    ("jstor_id", "handle"),
                    ("url", "archived_url", "accessed"),
                ]
            },
        ),
        (None, {"fields": ["abstract", "note", "tags"]}),
        TIMESTAMPS,
    ]
    inlines = [SourceCreatorInline, CitationInline]

    def get_urls(self):
        # Before the default URLs: their "<path:object_id>/" would swallow "import/".
        view = self.admin_site.admin_view(functools.partial(import_view, self))
        return [path("import/", view, name="sources_source_import"), *super().get_urls()]

    def get_queryset(self, request):
        return super().get_queryset(request).with_creators()

    def get_search_results(self, request, queryset, search_term):
        # Editors paste DOIs as links; the database holds them bare and lower-case.
        try:
            doi = normalise_doi(search_term)
        except ValidationError:
            doi = ""
        if doi and doi != search_term:
            return queryset.filter(doi=doi), False
        return super().get_search_results(request, queryset, search_term)

    @admin.display(description=_("author, year"))
    def author_year(self, obj):
        return obj.author_year


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    """The citation index, read-only: definitions, events and analyses write it when saved."""

    list_display = ["source", "pinpoint", "cited_in", "content_type", "field"]
    list_filter = ["content_type", "field", "locator_label"]
    search_fields = ["source__citation_key", "source__title", "locator"]
    list_select_related = ["source", "content_type"]
    fields = ["source", "locator_label", "locator", "cited_in", "field"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(citing.prefetch())

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("cited in"))
    def cited_in(self, obj):
        return cited_in(obj)

    @admin.display(description=_("pinpoint"))
    def pinpoint(self, obj):
        return obj.pinpoint
