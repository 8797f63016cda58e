from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import ItemBase, TagBase

from sources.i18n import TranslatedField


class Tag(TagBase):
    """A topic shared by concepts, cases and sources; `name` is the English name."""

    name_zh_hant = models.CharField(_("name (Chinese)"), max_length=100, blank=True)
    label = TranslatedField(columns={"zh-hant": "name_zh_hant", "en": "name"})

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def get_absolute_url(self):
        return reverse("tags:detail", args=[self.slug])


class TaggedSource(ItemBase):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_sources")
    content_object = models.ForeignKey("sources.Source", on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tag", "content_object"], name="sources_taggedsource_unique"
            )
        ]
