from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from sources.models.bibliography import Source


class LocatorLabel(models.TextChoices):
    """CSL locator types, so pinpoints export to reference managers unchanged."""

    PAGE = "page", _("page")
    CHAPTER = "chapter", _("chapter")
    SECTION = "section", _("section")
    PARAGRAPH = "paragraph", _("paragraph")
    FIGURE = "figure", _("figure")
    TABLE = "table", _("table")
    NOTE = "note", _("note")
    # The other locator types of Pandoc's citation syntax (`bk.`, `vol.`, `s.v.`, …).
    BOOK = "book", _("book")
    COLUMN = "column", _("column")
    FOLIO = "folio", _("folio")
    ISSUE = "issue", _("number")
    LINE = "line", _("line")
    OPUS = "opus", _("opus")
    PART = "part", _("part")
    SUB_VERBO = "sub-verbo", _("sub verbo")
    VERSE = "verse", _("verse")
    VOLUME = "volume", _("volume")

    def abbreviate(self, locator: str) -> str:
        if self == LocatorLabel.PAGE:
            many = any(ch in locator for ch in "-–,")
            return f"{'pp.' if many else 'p.'} {locator}"
        return f"{self.label} {locator}"


class CitationQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class Citation(models.Model):
    """One place where the site cites a source: the citation index behind “cited on”."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    locator_label = models.CharField(
        _("locator type"), max_length=20, choices=LocatorLabel, default=LocatorLabel.PAGE
    )
    locator = models.CharField(_("pinpoint"), max_length=60, blank=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    field = models.CharField(
        _("field"), max_length=40, default="source", help_text=_("Where in the object it cites.")
    )

    objects = CitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["content_type", "object_id", "id"]
        indexes = [
            # “Where is this object's text cited from?” when an object is saved or deleted.
            models.Index(fields=["content_type", "object_id"], name="sources_citation_obj_idx"),
        ]

    def __str__(self):
        return f"{self.source.citation_key} {self.pinpoint}".strip()

    @property
    def pinpoint(self) -> str:
        if not self.locator:
            return ""
        return LocatorLabel(self.locator_label).abbreviate(self.locator)

    def is_visible(self) -> bool:
        """Whether visitors may see the citing page (content_object must be prefetched)."""
        obj = self.content_object
        return obj is not None and obj.is_visible()


class Cited(models.Model):
    """A record that cites one source with a pinpoint, mirrored into the citation index."""

    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source"),
    )
    locator_label = models.CharField(
        _("locator type"), max_length=20, choices=LocatorLabel, default=LocatorLabel.PAGE
    )
    locator = models.CharField(_("pinpoint"), max_length=60, blank=True)
    citations = GenericRelation(Citation)

    class Meta:
        abstract = True

    # Subclasses with Markdown text name its columns; their citations are indexed too.
    markdown_fields: tuple[str, ...] = ()

    def save(self, *args, **kwargs):
        from sources.cite.index import sync_text_citations  # imports the models

        with transaction.atomic():
            super().save(*args, **kwargs)
            self.citations.filter(field="source").delete()
            if self.source_id:
                self.citations.create(
                    source_id=self.source_id,
                    locator_label=self.locator_label,
                    locator=self.locator,
                    field="source",
                )
            if self.markdown_fields:
                sync_text_citations(self, kwargs.get("update_fields"))

    @property
    def pinpoint(self) -> str:
        if not self.locator:
            return ""
        return LocatorLabel(self.locator_label).abbreviate(self.locator)

    def is_visible(self) -> bool:
        """Whether visitors may see the page that shows this citation."""
        raise NotImplementedError

    def citation_context(self) -> tuple[str, str]:
        """(label, URL) of the page where this citation is shown; select_related by callers."""
        raise NotImplementedError
