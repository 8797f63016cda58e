"""Dates known to a year, a month or a day, shown only as precisely as they are known."""

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


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


class Period(models.TextChoices):
    """The periods the case list is grouped and filtered by, with their year ranges."""

    BEFORE_1914 = "before-1914", _("Before 1914")
    WORLD_WARS = "1914-1945", _("The world wars, 1914–1945")
    COLD_WAR = "1945-1991", _("The Cold War, 1945–1991")
    POST_COLD_WAR = "1991-2008", _("After the Cold War, 1991–2008")
    CONTEMPORARY = "2008-", _("Since 2008")

    @property
    def years(self) -> tuple[int | None, int | None]:
        """Inclusive start year and exclusive end year of the period."""
        start, _sep, end = self.value.replace("before-", "-").partition("-")
        return (int(start) if start else None, int(end) if end else None)

    @classmethod
    def of_year(cls, year: int) -> "Period":
        for period in cls:
            start, end = period.years
            if (start is None or year >= start) and (end is None or year < end):
                return period
        raise ValueError(year)
