"""The editors' admin for actors and cases, with actors, timeline and analyses inline."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cases.dates import Period
from cases.models import Actor, Analysis, Case, CaseActor, Event
from sources.admin import TIMESTAMPS, publish, unpublish


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name_zh_hant", "name_en", "slug", "kind", "person"]
    list_filter = ["kind"]
    list_select_related = ["person"]
    search_fields = ["name_zh_hant", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["person"]
    fields = [("name_zh_hant", "name_en"), ("slug", "kind"), "person"]


class CaseActorInline(admin.TabularInline):
    model = CaseActor
    fields = ["actor", "role", "position"]
    autocomplete_fields = ["actor"]
    extra = 1


class EventInline(admin.StackedInline):
    model = Event
    fields = [
        ("date", "precision", "year"),
        ("title_zh_hant", "title_en"),
        ("description_zh_hant", "description_en"),
        ("source", "locator_label", "locator"),
    ]
    autocomplete_fields = ["source"]
    extra = 0


class AnalysisInline(admin.StackedInline):
    model = Analysis
    fields = [
        ("concept", "kind"),
        ("text_zh_hant", "text_en"),
        ("source", "locator_label", "locator"),
    ]
    autocomplete_fields = ["concept", "source"]
    extra = 0


class PeriodFilter(admin.SimpleListFilter):
    """The same periods the public case list uses, by start year."""

    title = _("period")
    parameter_name = "period"

    def lookups(self, request, model_admin):
        return Period.choices

    def queryset(self, request, queryset):
        if self.value() in Period.values:
            return queryset.in_period(Period(self.value()))
        return queryset


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["title_zh_hant", "title_en", "start", "region", "status", "featured"]
    list_filter = ["status", "featured", "region", PeriodFilter, "tags"]
    search_fields = ["title_zh_hant", "title_en", "slug", "summary_zh_hant", "summary_en"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["parent"]
    readonly_fields = ["created", "updated"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("title_zh_hant", "title_en"),
                    "slug",
                    ("status", "featured"),
                    ("start_date", "start_precision", "start_year"),
                    ("end_date", "end_precision", "end_year"),
                    ("region", "parent"),
                    ("summary_zh_hant", "summary_en"),
                    ("body_zh_hant", "body_en"),
                    "tags",
                ]
            },
        ),
        TIMESTAMPS,
    ]
    inlines = [CaseActorInline, EventInline, AnalysisInline]
    actions = [publish, unpublish]

    @admin.display(description=_("start"), ordering="start_year")
    def start(self, obj):
        return obj.start_display
