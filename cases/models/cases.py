from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase

from cases.dates import Period, Precision, year_help, year_of
from cases.models.actors import Actor
from concepts.models import Concept
from sources.cite.validators import validate_citation_keys
from sources.content import Article, PublishableQuerySet, Status
from sources.i18n import TranslatedField
from sources.models import Cited, SourceCreator, Tag


class Region(models.TextChoices):
    EAST_ASIA = "east-asia", _("East Asia")
    EUROPE = "europe", _("Europe")
    AMERICAS = "americas", _("The Americas")
    MIDDLE_EAST = "middle-east", _("Middle East")
    SOUTH_ASIA = "south-asia", _("South Asia")
    AFRICA = "africa", _("Africa")
    GLOBAL = "global", _("Global")


class CaseQuerySet(PublishableQuerySet):
    def for_list(self):
        """Cases with their tags, for any list of cases."""
        return self.prefetch_related("tags")

    def filtered(self, *, region: str = "", period: str = "", tag: str = ""):
        """The cases matching the case-list filters; an empty value does not filter."""
        qs = self
        if region:
            qs = qs.filter(region=region)
        if period:
            qs = qs.in_period(Period(period))
        if tag:
            qs = qs.filter(tags__slug=tag)
        return qs

    def used_tags(self):
        """The tags on these cases, for the tag filter."""
        return Tag.objects.filter(tagged_cases__content_object__in=self).distinct()

    def in_period(self, period: Period):
        """Cases that began in the period."""
        start, end = period.years
        qs = self
        if start is not None:
            qs = qs.filter(start_year__gte=start)
        if end is not None:
            qs = qs.filter(start_year__lt=end)
        return qs

    def chronological(self):
        """Oldest first; undated cases last."""
        return self.order_by(
            F("start_year").asc(nulls_last=True), F("start_date").asc(nulls_last=True), "slug"
        )

    def for_detail(self):
        """A case with its actors, timeline, parent and children and analyses."""
        published = Case.objects.published()
        # Creators come with their persons in one query, for the author-year labels.
        creators = Prefetch(
            "source__creators", queryset=SourceCreator.objects.select_related("person")
        )
        return self.select_related("parent").prefetch_related(
            "tags",
            Prefetch("actors", queryset=CaseActor.objects.select_related("actor")),
            Prefetch(
                "events",
                queryset=Event.objects.select_related("source").prefetch_related(creators),
            ),
            Prefetch("children", queryset=published.chronological()),
            Prefetch(
                "analyses",
                queryset=Analysis.objects.filter(concept__status=Status.PUBLISHED)
                .select_related("concept", "source")
                .prefetch_related(creators),
            ),
        )


class Case(Article):
    SORT_FIELD = "title"

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title_zh_hant = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    start_year = models.SmallIntegerField(
        _("start year"), null=True, blank=True, help_text=year_help()
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    start_precision = models.CharField(
        _("start precision"), max_length=5, choices=Precision, default=Precision.YEAR
    )
    end_year = models.SmallIntegerField(
        _("end year"), null=True, blank=True, help_text=year_help()
    )
    end_date = models.DateField(_("end"), null=True, blank=True)
    end_precision = models.CharField(
        _("end precision"), max_length=5, choices=Precision, default=Precision.YEAR
    )
    region = models.CharField(_("region"), max_length=20, choices=Region, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    tags = TaggableManager(through="TaggedCase", blank=True, related_name="cases")

    title = TranslatedField()
    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["start_year", "start_date", "slug"]
        constraints = [
            # Years are counted without a year 0, as historians do (1 BCE is followed by 1 CE).
            models.CheckConstraint(
                condition=~Q(start_year=0) & ~Q(end_year=0), name="cases_case_no_year_zero"
            ),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True)
                | Q(start_year__isnull=True)
                | Q(end_year__gte=F("start_year")),
                name="cases_case_end_year_after_start",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="cases_case_end_after_start",
            ),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="cases_case_not_own_parent"),
        ]
        indexes = [
            # The case list: published cases in chronological order, filtered by region.
            models.Index(
                fields=["status", "start_year", "start_date"], name="cases_status_start_idx"
            ),
        ]

    def __str__(self):
        return f"{self.title_zh_hant} / {self.title_en}"

    def save(self, *args, **kwargs):
        # A full date decides its year; a year alone (say 431 BCE) stands by itself.
        self.start_year = year_of(self.start_date, self.start_year)
        self.end_year = year_of(self.end_date, self.end_year)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("cases:detail", args=[self.slug])

    def clean(self):
        if self.slug == "actors":
            # /cases/actors/ is the actor list, so a case with this slug would be unreachable.
            raise ValidationError({"slug": _("“actors” is reserved; choose another slug.")})
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end cannot come before the start.")})
        start = self.start_date.year if self.start_date else self.start_year
        end = self.end_date.year if self.end_date else self.end_year
        if 0 in (start, end):
            raise ValidationError(_("There is no year 0: 1 BCE is followed by 1 CE."))
        if start is not None and end is not None and end < start:
            raise ValidationError({"end_year": _("The end cannot come before the start.")})
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A case cannot be part of itself.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    @property
    def start_display(self) -> str:
        return Precision(self.start_precision).format(self.start_date, self.start_year)

    @property
    def end_display(self) -> str:
        return Precision(self.end_precision).format(self.end_date, self.end_year)

    @property
    def period(self) -> Period | None:
        return Period.of_year(self.start_year) if self.start_year else None


class TaggedCase(ItemBase):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_cases")
    content_object = models.ForeignKey(Case, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tag", "content_object"], name="cases_taggedcase_unique"
            )
        ]


class ActorRole(models.TextChoices):
    RISING_POWER = "rising-power", _("rising power")
    RULING_POWER = "ruling-power", _("ruling power")
    PATRON = "patron", _("patron (senior ally)")
    ALLY = "ally", _("ally")
    CHALLENGER = "challenger", _("challenger")
    ADVERSARY = "adversary", _("adversary")
    TARGET = "target", _("target")
    MEDIATOR = "mediator", _("mediator")
    BYSTANDER = "bystander", _("third party")
    DECISION_MAKER = "decision-maker", _("decision-maker")


class CaseActor(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="actors")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=ActorRole)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("actor in a case")
        verbose_name_plural = _("actors in the case")
        ordering = ["case", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "actor", "role"], name="cases_caseactor_unique_role"
            )
        ]

    def __str__(self):
        return f"{self.actor.name_en}: {self.get_role_display()}"

    def get_absolute_url(self):
        return self.case.get_absolute_url()


class Event(Cited):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    year = models.SmallIntegerField(_("year"), null=True, blank=True, help_text=year_help())
    date = models.DateField(_("date"), null=True, blank=True)
    precision = models.CharField(
        _("precision"), max_length=5, choices=Precision, default=Precision.DAY
    )
    title_zh_hant = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_zh_hant = models.TextField(
        _("description (Chinese)"), blank=True, validators=[validate_citation_keys]
    )
    description_en = models.TextField(
        _("description (English)"), blank=True, validators=[validate_citation_keys]
    )

    title = TranslatedField()
    description = TranslatedField()
    markdown_fields = ("description_zh_hant", "description_en")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["case", "year", "date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(title_zh_hant="") | ~Q(title_en=""), name="cases_event_has_title"
            ),
            models.CheckConstraint(
                condition=(Q(date__isnull=False) | Q(year__isnull=False)) & ~Q(year=0),
                name="cases_event_dated",
            ),
        ]

    def __str__(self):
        return f"{self.date_display}: {self.title_en or self.title_zh_hant}"

    def save(self, *args, **kwargs):
        self.year = year_of(self.date, self.year)
        super().save(*args, **kwargs)

    def clean(self):
        if not (self.title_zh_hant or self.title_en):
            raise ValidationError(_("Give the event a title in at least one language."))
        if self.date is None and not self.year:
            raise ValidationError({"date": _("Give the event a date, or a year (never 0).")})

    def get_absolute_url(self):
        return f"{self.case.get_absolute_url()}#event-{self.pk}"

    @property
    def date_display(self) -> str:
        return Precision(self.precision).format(self.date, self.year)

    def is_visible(self) -> bool:
        """Whether visitors may see the page that shows this event."""
        return self.case.status == Status.PUBLISHED

    def citation_context(self):
        return (
            gettext("Timeline of “%(case)s”") % {"case": self.case.title},
            self.get_absolute_url(),
        )


class AnalysisKind(models.TextChoices):
    ILLUSTRATES = "illustrates", _("illustrates")
    CHALLENGES = "challenges", _("challenges")


class Analysis(Cited):
    """How a case illustrates, or challenges, a concept."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="analyses")
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="analyses")
    kind = models.CharField(
        _("kind"), max_length=20, choices=AnalysisKind, default=AnalysisKind.ILLUSTRATES
    )
    text_zh_hant = models.TextField(
        _("analysis (Chinese)"), blank=True, validators=[validate_citation_keys]
    )
    text_en = models.TextField(
        _("analysis (English)"), blank=True, validators=[validate_citation_keys]
    )

    text = TranslatedField()
    markdown_fields = ("text_zh_hant", "text_en")

    class Meta:
        verbose_name = _("analysis")
        verbose_name_plural = _("analyses")
        ordering = ["case", "concept"]
        constraints = [
            models.UniqueConstraint(fields=["case", "concept"], name="cases_analysis_unique"),
            models.CheckConstraint(
                condition=~Q(text_zh_hant="") | ~Q(text_en=""), name="cases_analysis_has_text"
            ),
        ]

    def __str__(self):
        return f"{self.case.title_en} → {self.concept.name_en}"

    def clean(self):
        if not (self.text_zh_hant or self.text_en):
            raise ValidationError(_("Write the analysis in at least one language."))

    def get_absolute_url(self):
        return f"{self.case.get_absolute_url()}#analysis-{self.pk}"

    def is_visible(self) -> bool:
        """Whether visitors may see both ends of this analysis."""
        return self.case.status == Status.PUBLISHED and self.concept.status == Status.PUBLISHED

    def citation_context(self):
        return (
            gettext("Analysis of “%(case)s” as %(concept)s")
            % {"case": self.case.title, "concept": self.concept.name},
            self.get_absolute_url(),
        )
