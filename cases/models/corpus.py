from django.db import models
from django.utils.translation import gettext_lazy as _


class CorpusStamp(models.Model):
    """What load_corpus last wrote for one entry, as a digest of the object's state.

    If an object's current state no longer matches its stamp, someone changed it after the
    last load (in the admin), and the loader leaves it alone instead of overwriting it.
    """

    kind = models.CharField(_("kind"), max_length=30)
    key = models.CharField(_("key"), max_length=120)
    digest = models.CharField(_("digest"), max_length=64)
    loaded = models.DateTimeField(_("last loaded"), auto_now=True)

    class Meta:
        verbose_name = _("corpus stamp")
        verbose_name_plural = _("corpus stamps")
        ordering = ["kind", "key"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="cases_corpusstamp_unique")
        ]

    def __str__(self):
        return f"{self.kind}: {self.key}"
