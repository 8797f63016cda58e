"""Dates known to a year, a month or a day, shown only as precisely as they are known."""

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

# Moved to sources so that search can filter by period; imported from here by cases.
from sources.periods import Period  # noqa: F401


def format_year(year: int) -> str:
    """A bare year; years before the Common Era are negative (-431 is 431 BCE, no year 0)."""
    if year < 0:
        return _("%(year)s BCE") % {"year": -year}
    return str(year)


def year_of(value, year: int | None) -> int | None:
    """The year of a date (a date or an ISO string, as models accept), else `year` itself."""
    if value in (None, ""):
        return year
    return models.DateField().to_python(value).year


def year_help():
    return _(
        "Negative for years before the Common Era (−431 is 431 BCE). Filled in from the date."
    )


class Precision(models.TextChoices):
    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")

    def format(self, value, year: int | None = None) -> str:
        """The date as precisely as it is known; before year 1 only the year is stored."""
        if value is None:
            return format_year(year) if year else ""
        if self == Precision.YEAR:
            return date_format(value, "Y")
        if self == Precision.MONTH:
            return date_format(value, "YEAR_MONTH_FORMAT")
        return date_format(value, "DATE_FORMAT")
