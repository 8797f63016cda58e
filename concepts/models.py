from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase

from sources.cite.validators import validate_citation_keys
from sources.content import Article, PublishableQuerySet, Status
from sources.i18n import TranslatedField
from sources.models import Cited, Person, Tag


class ConceptQuerySet(PublishableQuerySet):
    def for_list(self):
        """Concepts with their tags, for any list of concepts."""
        return self.prefetch_related("tags")

    def for_detail(self):
        """A concept with everything its page shows, in a constant number of queries."""
        published = Concept.objects.published()
        return self.prefetch_related(
            "tags",
            "alt_terms",
            "families",
            Prefetch(
                "definitions",
                queryset=Definition.objects.select_related("family", "source").prefetch_related(
                    "people", "source__creators__person"
                ),
            ),
            Prefetch(
                "relations_out",
                queryset=ConceptRelation.objects.filter(target__in=published).select_related(
                    "target"
                ),
            ),
            Prefetch(
                "relations_in",
                queryset=ConceptRelation.objects.filter(origin__in=published).select_related(
                    "origin"
                ),
            ),
        )

    def with_analyses(self):
        """Concepts with the analyses of published cases that illustrate or challenge them.

        `cases` depends on `concepts`, so the Analysis model is reached through the reverse
        relation instead of an import.
        """
        analysis = Concept._meta.get_field("analyses").related_model
        return self.prefetch_related(
            Prefetch(
                "analyses",
                queryset=analysis.objects.filter(case__status=Status.PUBLISHED)
                .select_related("case", "source")
                .prefetch_related("source__creators__person")
                .order_by("kind", "case__start_year", "case__start_date", "case__slug"),
            )
        )

    def featured(self):
        """Concepts the editors chose for the home page."""
        return self.filter(featured=True)

    def latest(self):
        """Newest first, for “latest additions”."""
        return self.order_by("-created", "-pk")

    def used_tags(self):
        """The tags carried by at least one of these concepts (for a tag filter)."""
        return Tag.objects.filter(tagged_concepts__content_object__in=self).distinct()


class Concept(Article):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name_zh_hant = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    tags = TaggableManager(through="TaggedConcept", blank=True, related_name="concepts")

    name = TranslatedField()
    objects = ConceptQuerySet.as_manager()

    class Meta:
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")
        ordering = ["sort_key_zh", "slug"]
        indexes = [
            # The published A–Z list ordered by the English name.
            models.Index(fields=["status", "name_en"], name="concepts_status_name_en_idx"),
        ]

    def __str__(self):
        return f"{self.name_zh_hant} / {self.name_en}"

    def get_absolute_url(self):
        return reverse("concepts:detail", args=[self.slug])


class TaggedConcept(ItemBase):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_concepts")
    content_object = models.ForeignKey(Concept, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tag", "content_object"], name="concepts_taggedconcept_unique"
            )
        ]


class AltTerm(models.Model):
    """Another name readers may know a concept by (安全兩難 for 安全困境)."""

    class Lang(models.TextChoices):
        ZH_HANT = "zh-hant", _("Chinese")
        EN = "en", _("English")

    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="alt_terms")
    lang = models.CharField(_("language"), max_length=10, choices=Lang)
    term = models.CharField(_("term"), max_length=200)

    class Meta:
        verbose_name = _("alternative term")
        verbose_name_plural = _("alternative terms")
        ordering = ["concept", "lang", "term"]
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "lang", "term"], name="concepts_altterm_unique"
            )
        ]

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return self.concept.get_absolute_url()


class DefinitionFamily(models.Model):
    """A group of competing definitions, e.g. one of the four families in Collins' survey."""

    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="families")
    name_zh_hant = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    name = TranslatedField()

    class Meta:
        verbose_name = _("definition family")
        verbose_name_plural = _("definition families")
        ordering = ["concept", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "name_en"], name="concepts_family_unique_name"
            )
        ]

    def __str__(self):
        return f"{self.concept.name_en}: {self.name_en}"

    def get_absolute_url(self):
        return f"{self.concept.get_absolute_url()}#family-{self.pk}"


class Definition(Cited):
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="definitions")
    family = models.ForeignKey(
        DefinitionFamily,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="definitions",
        verbose_name=_("family"),
    )
    people = models.ManyToManyField(
        Person, related_name="definitions", blank=True, verbose_name=_("attributed to")
    )
    text_zh_hant = models.TextField(
        _("definition (Chinese)"), blank=True, validators=[validate_citation_keys]
    )
    text_en = models.TextField(
        _("definition (English)"), blank=True, validators=[validate_citation_keys]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    text = TranslatedField()
    markdown_fields = ("text_zh_hant", "text_en")

    class Meta:
        verbose_name = _("definition")
        verbose_name_plural = _("definitions")
        ordering = ["concept", F("family__position").asc(nulls_last=True), "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(text_zh_hant="") | ~Q(text_en=""),
                name="concepts_definition_has_text",
            )
        ]

    def __str__(self):
        return gettext("Definition of %(concept)s #%(n)s") % {
            "concept": self.concept.name_en,
            "n": self.position,
        }

    def clean(self):
        if not (self.text_zh_hant or self.text_en):
            raise ValidationError(_("Write the definition in at least one language."))
        if self.family_id and self.concept_id and self.family.concept_id != self.concept_id:
            raise ValidationError({"family": _("This family belongs to another concept.")})

    def get_absolute_url(self):
        return f"{self.concept.get_absolute_url()}#definition-{self.pk}"

    def is_visible(self) -> bool:
        """Whether visitors may see the page that shows this definition."""
        return self.concept.status == Status.PUBLISHED

    def citation_context(self):
        return (
            gettext("Definition in “%(concept)s”") % {"concept": self.concept.name},
            self.get_absolute_url(),
        )


class RelationKind(models.TextChoices):
    """Typed relations; each knows how to read from either end."""

    BROADER = "broader", _("is broader than")
    VARIANT_OF = "variant_of", _("is a variant of")
    DEVELOPED_FROM = "developed_from", _("developed from")
    CONTRASTS_WITH = "contrasts_with", _("contrasts with")
    RELATED_TO = "related_to", _("is related to")

    def forward_label(self) -> str:
        """How the origin concept's page reads the relation (“is a variant of …”)."""
        return str(self.label)

    def reverse_label(self) -> str:
        """How the target concept's page reads the relation (“has the variant …”)."""
        return str(
            {
                RelationKind.BROADER: pgettext_lazy("concept relation", "is narrower than"),
                RelationKind.VARIANT_OF: pgettext_lazy("concept relation", "has the variant"),
                RelationKind.DEVELOPED_FROM: pgettext_lazy(
                    "concept relation", "was the precursor of"
                ),
                RelationKind.CONTRASTS_WITH: pgettext_lazy("concept relation", "contrasts with"),
                RelationKind.RELATED_TO: pgettext_lazy("concept relation", "is related to"),
            }[self]
        )


class ConceptRelation(models.Model):
    """A directed, typed link: origin <kind> target (alliance dilemma is a variant of …)."""

    origin = models.ForeignKey(
        Concept, on_delete=models.CASCADE, related_name="relations_out", verbose_name=_("from")
    )
    kind = models.CharField(_("relation"), max_length=20, choices=RelationKind)
    target = models.ForeignKey(
        Concept, on_delete=models.CASCADE, related_name="relations_in", verbose_name=_("to")
    )
    note_zh_hant = models.CharField(_("note (Chinese)"), max_length=300, blank=True)
    note_en = models.CharField(_("note (English)"), max_length=300, blank=True)

    note = TranslatedField()

    class Meta:
        verbose_name = _("concept relation")
        verbose_name_plural = _("concept relations")
        ordering = ["origin", "kind", "target"]
        constraints = [
            models.UniqueConstraint(
                fields=["origin", "kind", "target"], name="concepts_relation_unique"
            ),
            models.CheckConstraint(
                condition=~Q(origin=F("target")), name="concepts_relation_not_self"
            ),
        ]

    def __str__(self):
        kind = RelationKind(self.kind).forward_label()
        return f"{self.origin.name_en} {kind} {self.target.name_en}"

    def get_absolute_url(self):
        return self.origin.get_absolute_url()

    def clean(self):
        if self.origin_id and self.origin_id == self.target_id:
            raise ValidationError(_("A concept cannot be related to itself."))

    @property
    def forward_label(self):
        return RelationKind(self.kind).forward_label()

    @property
    def reverse_label(self):
        return RelationKind(self.kind).reverse_label()
