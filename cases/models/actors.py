from django.db import models
from django.db.models import Count, F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sources.content import PublishableQuerySet, SortedByName, Status
from sources.i18n import TranslatedField
from sources.models import Person


class ActorKind(models.TextChoices):
    STATE = "state", _("state")
    ALLIANCE = "alliance", _("alliance")
    ORGANISATION = "organisation", _("organisation")
    PERSON = "person", _("person")


class ActorQuerySet(models.QuerySet):
    def alphabetical(self, lang: str | None = None):
        """Ordered by name in the reader's language, as concepts and cases are."""
        return PublishableQuerySet.alphabetical(self, lang)

    def for_list(self):
        """Actors with the number of published cases each took part in."""
        return self.annotate(
            case_count=Count(
                "roles__case", filter=Q(roles__case__status=Status.PUBLISHED), distinct=True
            )
        )

    def for_detail(self):
        """An actor with its person and the published cases it took part in, oldest first."""
        from cases.models.cases import CaseActor  # cases.py imports Actor

        return self.select_related("person").prefetch_related(
            Prefetch(
                "roles",
                queryset=CaseActor.objects.filter(case__status=Status.PUBLISHED)
                .select_related("case")
                .order_by(
                    F("case__start_year").asc(nulls_last=True),
                    F("case__start_date").asc(nulls_last=True),
                    "case__slug",
                    "position",
                ),
            )
        )


class Actor(SortedByName):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ActorKind, default=ActorKind.STATE)
    name_zh_hant = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actors",
        verbose_name=_("person"),
        help_text=_("For a person: their record among the people who write and are cited."),
    )

    name = TranslatedField()

    objects = ActorQuerySet.as_manager()

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["sort_key_zh", "slug"]

    def __str__(self):
        return f"{self.name_zh_hant} / {self.name_en}"

    def get_absolute_url(self):
        return reverse("cases:actor", args=[self.slug])
