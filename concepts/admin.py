"""The editors' admin for concepts, with their terms, definitions and relations inline."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from concepts.models import AltTerm, Concept, ConceptRelation, Definition, DefinitionFamily
from sources.admin import TIMESTAMPS, publish, unpublish


class AltTermInline(admin.TabularInline):
    model = AltTerm
    fields = ["lang", "term"]
    extra = 1


class DefinitionFamilyInline(admin.TabularInline):
    model = DefinitionFamily
    fields = ["name_zh_hant", "name_en", "position"]
    extra = 0


class DefinitionInline(admin.StackedInline):
    model = Definition
    fields = [
        ("text_zh_hant", "text_en"),
        ("family", "position"),
        "people",
        ("source", "locator_label", "locator"),
    ]
    autocomplete_fields = ["people", "source"]
    extra = 1

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only this concept's families make sense; a new concept has none until it is saved.
        if db_field.name == "family":
            concept_id = request.resolver_match.kwargs.get("object_id")
            queryset = DefinitionFamily.objects.filter(concept_id=concept_id)
            kwargs["queryset"] = queryset if concept_id else queryset.none()
            kwargs["help_text"] = _("Add families above and save to choose them here.")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("family", "source")


class RelationOutInline(admin.TabularInline):
    model = ConceptRelation
    fk_name = "origin"
    fields = ["kind", "target", "note_zh_hant", "note_en"]
    autocomplete_fields = ["target"]
    extra = 0
    verbose_name = _("relation from this concept")
    verbose_name_plural = _("relations from this concept")


class RelationInInline(admin.TabularInline):
    model = ConceptRelation
    fk_name = "target"
    fields = ["origin", "kind", "note_zh_hant", "note_en"]
    autocomplete_fields = ["origin"]
    extra = 0
    verbose_name = _("relation to this concept")
    verbose_name_plural = _("relations to this concept")


@admin.register(Concept)
class ConceptAdmin(admin.ModelAdmin):
    list_display = ["name_zh_hant", "name_en", "slug", "status", "featured", "updated"]
    list_filter = ["status", "featured", "tags"]
    search_fields = [
        "name_zh_hant",
        "name_en",
        "slug",
        "alt_terms__term",
        "summary_zh_hant",
        "summary_en",
    ]
    prepopulated_fields = {"slug": ["name_en"]}
    readonly_fields = ["created", "updated"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("name_zh_hant", "name_en"),
                    "slug",
                    ("status", "featured"),
                    ("summary_zh_hant", "summary_en"),
                    ("body_zh_hant", "body_en"),
                    "tags",
                ]
            },
        ),
        TIMESTAMPS,
    ]
    inlines = [
        AltTermInline,
        DefinitionFamilyInline,
        DefinitionInline,
        RelationOutInline,
        RelationInInline,
    ]
    actions = [publish, unpublish]
