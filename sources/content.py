"""Shared building blocks for published, bilingual, alphabetised content (concepts and cases)."""

from django.db import models
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

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
    body_zh_hant = models.TextField(_("body (Chinese)"), blank=True)
    body_en = models.TextField(_("body (English)"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    featured = models.BooleanField(_("featured on the home page"), default=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    summary = TranslatedField()
    body = TranslatedField()

    class Meta:
        abstract = True


def get_visible_or_404(queryset, request, **lookup):
    """The object if visitors may see it (or the user is staff, who also see drafts), else 404."""
    if not (request.user.is_authenticated and request.user.is_staff):
        queryset = queryset.published()
    return get_object_or_404(queryset, **lookup)
