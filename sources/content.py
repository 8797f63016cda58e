"""Shared building blocks for published, bilingual, alphabetised content (concepts and cases)."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models, transaction
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from sources.cite.validators import validate_citation_keys
from sources.collation import zhuyin_key
from sources.i18n import TranslatedField, active_language


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Only what visitors may see."""
        return self.filter(status=Status.PUBLISHED)

    def alphabetical(self, lang: str | None = None):
        """Ordered by name in the reader's language: Zhuyin order for Chinese, A–Z for English."""
        lang = lang or active_language()
        if lang == "zh-hant":
            return self.order_by("sort_key_zh", "slug")
        return self.order_by(Lower(f"{self.model.SORT_FIELD}_en"), "slug")


class SortedByName(models.Model):
    """Keeps a Zhuyin sort key of the Chinese name, so Chinese lists sort in the database."""

    SORT_FIELD = "name"
    sort_key_zh = models.CharField(max_length=400, editable=False, blank=True, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        name = getattr(self, f"{self.SORT_FIELD}_zh_hant") or getattr(
            self, f"{self.SORT_FIELD}_en"
        )
        self.sort_key_zh = zhuyin_key(name)[:400]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "sort_key_zh"}
        super().save(*args, **kwargs)


class Article(SortedByName):
    """A published, bilingual page with a summary and a body: what concepts and cases share."""

    summary_zh_hant = models.TextField(_("summary (Chinese)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    body_zh_hant = models.TextField(
        _("body (Chinese)"), blank=True, validators=[validate_citation_keys]
    )
    body_en = models.TextField(
        _("body (English)"), blank=True, validators=[validate_citation_keys]
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    featured = models.BooleanField(_("featured on the home page"), default=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # The citations written in the body (sources.cite.index); deleted with the page.
    citations = GenericRelation("sources.Citation")

    summary = TranslatedField()
    body = TranslatedField()
    markdown_fields = ("body_zh_hant", "body_en")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        from sources.cite.index import sync_text_citations  # imports the models

        with transaction.atomic():
            super().save(*args, **kwargs)
            sync_text_citations(self, kwargs.get("update_fields"))

    def is_visible(self) -> bool:
        """Whether visitors may see this page (for the citation index)."""
        return self.status == Status.PUBLISHED

    def citation_context(self) -> tuple[str, str]:
        """(label, URL) of this page, where the citations of its body are shown."""
        return str(getattr(self, self.SORT_FIELD)), self.get_absolute_url()


def get_visible_or_404(queryset, request, **lookup):
    """The object if visitors may see it (or the user is staff, who also see drafts), else 404."""
    if not (request.user.is_authenticated and request.user.is_staff):
        queryset = queryset.published()
    return get_object_or_404(queryset, **lookup)
