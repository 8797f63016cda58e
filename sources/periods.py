"""The historical periods that cases are grouped by and that searches can be limited to."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
