from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sources.content import Status
from sources.i18n import Translated, TranslatedField, active_language
from sources.identifiers import (
    validate_orcid,
    validate_wikidata,
)


def _creators():
    # bibliography imports Person for its foreign keys, so import it back lazily.
    from sources.models.bibliography import SourceCreator

    return SourceCreator.objects


class NameOrder(models.TextChoices):
    WESTERN = "western", _("given name first (Robert Jervis)")
    EASTERN = "eastern", _("family name first (Lu Yeh-chung)")


class PersonQuerySet(models.QuerySet):
    def alphabetical(self):
        """A–Z by the romanised family name, whatever the reader's language."""
        return self.order_by(Lower("family_name"), Lower("given_name"), "slug")

    def with_work_counts(self):
        """Each person annotated with `work_count`, the number of sources they helped create."""
        return self.annotate(work_count=Count("credits__source", distinct=True))

    def with_works(self):
        """Only people credited on at least one source (the authors filter of the sources list)."""
        return self.filter(Exists(_creators().filter(person=OuterRef("pk"))))

    def for_detail(self):
        """Persons with their works (and the works' creators), and the definitions attributed
        to them in published concepts, ready for the person page."""
        # concepts depends on sources, not the reverse: reach Definition through the relation.
        definition_model = self.model._meta.get_field("definitions").related_model
        return self.prefetch_related(
            models.Prefetch(
                "credits",
                queryset=_creators()
                .select_related("source")
                .prefetch_related(
                    models.Prefetch(
                        "source__creators", queryset=_creators().select_related("person")
                    )
                )
                .order_by(F("source__year").desc(nulls_last=True), "source__citation_key", "role"),
            ),
            models.Prefetch(
                "definitions",
                queryset=definition_model.objects.filter(
                    concept__status=Status.PUBLISHED
                ).select_related("concept"),
            ),
        )


class Person(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    family_name = models.CharField(_("family name (Latin script)"), max_length=100)
    given_name = models.CharField(_("given name (Latin script)"), max_length=100, blank=True)
    family_name_original = models.CharField(
        _("family name (original script)"), max_length=50, blank=True
    )
    given_name_original = models.CharField(
        _("given name (original script)"), max_length=50, blank=True
    )
    name_zh_hant = models.CharField(
        _("usual Chinese rendering"),
        max_length=60,
        blank=True,
        help_text=_(
            "For a name in another script: how Chinese texts in Taiwan write it (傑維斯)."
        ),
    )
    name_order = models.CharField(
        _("name order"), max_length=10, choices=NameOrder, default=NameOrder.WESTERN
    )
    orcid = models.CharField(_("ORCID iD"), max_length=19, blank=True, validators=[validate_orcid])
    wikidata = models.CharField(
        _("Wikidata id"), max_length=20, blank=True, validators=[validate_wikidata]
    )
    note_zh_hant = models.TextField(_("note (Chinese)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    note = TranslatedField()

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["family_name", "given_name", "slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["orcid"], condition=~Q(orcid=""), name="sources_person_unique_orcid"
            ),
            models.UniqueConstraint(
                fields=["wikidata"],
                condition=~Q(wikidata=""),
                name="sources_person_unique_wikidata",
            ),
        ]

    def __str__(self):
        return self.romanised_name

    def get_absolute_url(self):
        return reverse("sources:person", args=[self.slug])

    @property
    def original_name(self) -> str:
        """The name in its own script, written family name first without a space (盧業中)."""
        return f"{self.family_name_original}{self.given_name_original}"

    @property
    def romanised_name(self) -> str:
        parts = [self.given_name, self.family_name]
        if self.name_order == NameOrder.EASTERN:
            parts.reverse()
        return " ".join(p for p in parts if p)

    @property
    def display_name(self) -> Translated:
        """The name readers of the active language expect: 盧業中 or 傑維斯 in Chinese (when
        there is such a form), Lu Yeh-chung or Robert Jervis in English."""
        chinese = self.original_name or self.name_zh_hant
        if active_language() == "zh-hant" and chinese:
            return Translated(chinese, "zh-hant")
        return Translated(self.romanised_name, "en")

    @property
    def sort_name(self) -> str:
        return f"{self.family_name}, {self.given_name}".strip(", ")
