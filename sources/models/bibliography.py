import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from sources import citing
from sources.i18n import Translated
from sources.identifiers import (
    format_isbn,
    normalise_doi,
    normalise_isbn,
    normalise_issn,
)
from sources.models.people import Person

citation_key_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9_:.\-]*$",
    _("Use lower-case letters, digits and _ : . - only, e.g. jervis1978."),
)


class ItemType(models.TextChoices):
    """Source types, named as in CSL so exports map one to one."""

    ARTICLE_JOURNAL = "article-journal", _("journal article")
    BOOK = "book", _("book")
    CHAPTER = "chapter", _("book chapter")
    REPORT = "report", _("report")
    THESIS = "thesis", _("thesis")
    ARTICLE_NEWSPAPER = "article-newspaper", _("newspaper article")
    ARTICLE_MAGAZINE = "article-magazine", _("magazine article")
    WEBPAGE = "webpage", _("web page")
    PAPER_CONFERENCE = "paper-conference", _("conference paper")


class Language(models.TextChoices):
    ZH_HANT = "zh-Hant", _("Chinese (Traditional)")
    ZH_HANS = "zh-Hans", _("Chinese (Simplified)")
    EN = "en", _("English")
    JA = "ja", _("Japanese")
    KO = "ko", _("Korean")
    OTHER = "und", _("other")


class SourceQuerySet(models.QuerySet):
    def with_creators(self):
        """Sources with ordered creators and their persons, for any list of references."""
        return self.prefetch_related(
            models.Prefetch("creators", queryset=SourceCreator.objects.select_related("person")),
        )

    def for_list(self):
        return self.with_creators()

    def for_detail(self):
        """A source with creators, tags and every place the site cites it."""
        from sources.models.citations import Citation  # citations imports Source

        return self.with_creators().prefetch_related(
            "tags",
            models.Prefetch(
                "citations",
                queryset=Citation.objects.prefetch_related(citing.prefetch()),
            ),
        )

    def cited_by(self, *citing):
        """The sources that any of these objects cite, each once, through the citation index.
        Each argument is a citing object or a queryset of them (a page and its parts, say a
        concept, its definitions and analyses), so the caller never loads the parts."""
        from sources.models.citations import Citation  # citations imports Source

        where = Q(pk__in=[])
        for target in citing:
            if isinstance(target, models.QuerySet):
                model, ids = target.model, target.values("pk")
            else:
                model, ids = type(target), [target.pk]
            # Matched by name in the same query, rather than a ContentType lookup per model.
            meta = model._meta.concrete_model._meta
            where |= Q(
                content_type__app_label=meta.app_label,
                content_type__model=meta.model_name,
                object_id__in=ids,
            )
        return self.filter(Exists(Citation.objects.filter(where, source=OuterRef("pk"))))

    def by_author(self, person_slug: str):
        return self.filter(creators__person__slug=person_slug).distinct()

    def by_first_author(self):
        """Ordered as a reference list: first author's family name (editors when there are no
        authors), then year, then citation key."""
        rank = Case(
            When(role=CreatorRole.AUTHOR, then=Value(0)),
            When(role=CreatorRole.EDITOR, then=Value(1)),
            default=Value(2),
        )
        first = (
            SourceCreator.objects.filter(source=OuterRef("pk"))
            .order_by(rank, "position", "id")
            .values("person__family_name")[:1]
        )
        return self.annotate(first_family=Lower(Subquery(first))).order_by(
            F("first_family").asc(nulls_last=True),
            F("year").asc(nulls_last=True),
            "citation_key",
        )

    def years(self) -> list[int]:
        """The distinct publication years present, newest first (for the year filter)."""
        return list(
            self.exclude(year=None).order_by("-year").values_list("year", flat=True).distinct()
        )


class Source(models.Model):
    citation_key = models.CharField(
        _("citation key"),
        max_length=80,
        unique=True,
        validators=[citation_key_validator],
        help_text=_(
            "Unique, lower case: family name of the first author and year, e.g. jervis1978."
        ),
    )
    item_type = models.CharField(_("type"), max_length=20, choices=ItemType)
    title = models.CharField(_("title"), max_length=500)
    original_title = models.CharField(
        _("original-language title"),
        max_length=500,
        blank=True,
        help_text=_("For a translation: the title of the original work."),
    )
    translated_title = models.CharField(
        _("translated title"),
        max_length=500,
        blank=True,
        help_text=_("The title rendered in the other language, for readers."),
    )
    container_title = models.CharField(
        _("container"),
        max_length=500,
        blank=True,
        help_text=_("Journal, newspaper, website, or the book a chapter appears in."),
    )
    collection_title = models.CharField(_("series"), max_length=300, blank=True)
    volume = models.CharField(_("volume"), max_length=20, blank=True)
    issue = models.CharField(_("issue"), max_length=20, blank=True)
    pages = models.CharField(_("pages"), max_length=40, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=[MaxValueValidator(2100)]
    )
    month = models.PositiveSmallIntegerField(
        _("month"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    day = models.PositiveSmallIntegerField(
        _("day"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    edition = models.CharField(_("edition"), max_length=40, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    publisher_place = models.CharField(_("place of publication"), max_length=100, blank=True)
    doi = models.CharField(_("DOI"), max_length=200, blank=True)
    isbn = models.CharField(_("ISBN"), max_length=17, blank=True)
    issn = models.CharField(_("ISSN"), max_length=9, blank=True)
    jstor_id = models.CharField(_("JSTOR id"), max_length=20, blank=True)
    handle = models.CharField(_("Handle"), max_length=100, blank=True)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    archived_url = models.URLField(_("archived URL"), max_length=500, blank=True)
    accessed = models.DateField(_("accessed"), null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=Language, default=Language.EN
    )
    abstract = models.TextField(_("abstract"), blank=True)
    note = models.TextField(_("editorial note"), blank=True)
    tags = TaggableManager(through="TaggedSource", blank=True, related_name="sources")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["citation_key"]
        constraints = [
            models.CheckConstraint(
                condition=Q(citation_key=Lower("citation_key")) & ~Q(citation_key=""),
                name="sources_source_citation_key_lowercase",
            ),
            models.UniqueConstraint(
                fields=["doi"],
                condition=~Q(doi=""),
                name="sources_source_unique_doi",
                violation_error_message=_("Another source already has this DOI."),
            ),
            # DOIs are stored bare and lower-case so that uniqueness is case-insensitive.
            models.CheckConstraint(
                condition=Q(doi="") | (Q(doi__startswith="10.") & Q(doi=Lower("doi"))),
                name="sources_source_doi_normalised",
            ),
            models.UniqueConstraint(
                fields=["isbn"],
                condition=~Q(isbn=""),
                name="sources_source_unique_isbn",
                violation_error_message=_("Another source already has this ISBN."),
            ),
            # ISBNs are stored as ISBN-13 digits, so an ISBN-10 and its ISBN-13 collide.
            models.CheckConstraint(
                condition=Q(isbn="") | Q(isbn__startswith="978") | Q(isbn__startswith="979"),
                name="sources_source_isbn_13",
            ),
            models.CheckConstraint(
                condition=Q(month__isnull=True)
                | (Q(month__gte=1, month__lte=12) & Q(year__isnull=False)),
                name="sources_source_month_valid",
            ),
            models.CheckConstraint(
                condition=Q(day__isnull=True)
                | (Q(day__gte=1, day__lte=31) & Q(month__isnull=False)),
                name="sources_source_day_valid",
            ),
        ]
        indexes = [
            # The sources list filtered by type and ordered by year.
            models.Index(fields=["item_type", "year"], name="sources_type_year_idx"),
        ]

    def __str__(self):
        return f"{self.citation_key}: {self.title}"

    def get_absolute_url(self):
        return reverse("sources:detail", args=[self.citation_key])

    def clean(self):
        errors = {}
        for field, normalise in (
            ("doi", normalise_doi),
            ("isbn", normalise_isbn),
            ("issn", normalise_issn),
        ):
            try:
                setattr(self, field, normalise(getattr(self, field)))
            except ValidationError as exc:
                errors[field] = exc
        self.citation_key = (self.citation_key or "").strip().lower()
        if self.day and not self.month:
            errors["day"] = _("A day needs a month.")
        if self.month and not self.year:
            errors["month"] = _("A month needs a year.")
        if errors:
            raise ValidationError(errors)

    @property
    def isbn_display(self) -> str:
        return format_isbn(self.isbn)

    @property
    def is_chinese(self) -> bool:
        """Chinese references use 《》 and 〈〉 title marks instead of italics and quotes."""
        return self.language.lower().startswith("zh")

    @property
    def title_is_quoted(self) -> bool:
        """Parts of something larger (articles, chapters, pages) are quoted; wholes are italic."""
        return self.item_type in QUOTED_TYPES

    @property
    def date_display(self) -> str:
        """The publication date at the precision recorded, formatted for the active language."""
        if not self.year:
            return ""
        if not self.month:
            return str(self.year)
        try:
            date = dt.date(self.year, self.month, self.day or 1)
        except ValueError:
            return f"{self.year}-{self.month:02d}"
        return formats.date_format(date, "DATE_FORMAT" if self.day else "YEAR_MONTH_FORMAT")

    @property
    def jstor_url(self) -> str:
        return f"https://www.jstor.org/stable/{self.jstor_id}" if self.jstor_id else ""

    @property
    def handle_url(self) -> str:
        return f"https://hdl.handle.net/{self.handle}" if self.handle else ""

    @property
    def authors(self) -> list["SourceCreator"]:
        """Authors in order (uses the prefetched creators, so no query per source)."""
        return [c for c in self.creators.all() if c.role == CreatorRole.AUTHOR]

    @property
    def editors(self) -> list["SourceCreator"]:
        return [c for c in self.creators.all() if c.role == CreatorRole.EDITOR]

    @property
    def author_year(self) -> str:
        """A short label such as “Jervis 1978” or “Snyder and Diesing 1977”."""
        names = [c.person.family_name for c in self.authors] or [
            c.person.family_name for c in self.editors
        ]
        if len(names) > 2:
            who = f"{names[0]} et al."
        else:
            who = " & ".join(names)
        return f"{who} {self.year or 'n.d.'}".strip()

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""


QUOTED_TYPES = frozenset(
    {
        ItemType.ARTICLE_JOURNAL,
        ItemType.CHAPTER,
        ItemType.ARTICLE_NEWSPAPER,
        ItemType.ARTICLE_MAGAZINE,
        ItemType.WEBPAGE,
        ItemType.PAPER_CONFERENCE,
    }
)


class CreatorRole(models.TextChoices):
    """CSL creator roles. For a chapter, `editor` means the editors of the book it is in."""

    AUTHOR = "author", _("author")
    EDITOR = "editor", _("editor")
    TRANSLATOR = "translator", _("translator")
    CONTAINER_AUTHOR = "container-author", _("author of the containing book")


class SourceCreator(models.Model):
    """A person's part in a source, in order; the source is known from the prefetch."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="creators")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="credits")
    role = models.CharField(
        _("role"), max_length=20, choices=CreatorRole, default=CreatorRole.AUTHOR
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("creator")
        verbose_name_plural = _("creators")
        ordering = ["source", "role", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "person", "role"], name="sources_creator_unique_person_role"
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    @property
    def name_in_source(self) -> Translated:
        """The name as a reference gives it: in its own script for a Chinese work (盧業中),
        romanised otherwise, whatever the reader's language."""
        person = self.person
        if self.source.is_chinese and person.original_name:
            return Translated(person.original_name, "zh-hant")
        return Translated(person.romanised_name, "en")
