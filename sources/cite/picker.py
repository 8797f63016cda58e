"""The reader's choice of citation style: remembered in a cookie, picked on any page."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from sources.cite.styles import STYLE_COOKIE, STYLES

COOKIE_AGE = 365 * 24 * 60 * 60


def safe_next(request) -> str:
    """Where to go back to: the page the reader was on, if it is a path on this site."""
    target = request.GET.get("next", "").strip()
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def citation_style(request):
    """Set the style (GET ?style=<id>&next=<path>) and go back to the page; with no style,
    a page offering the choice; an unknown style is refused with the choice again."""
    next_path = safe_next(request)
    style = request.GET.get("style")
    if style is None:
        return render(request, "sources/citation_style.html", {"next": next_path})
    if style not in STYLES:
        error = _("There is no citation style “%(style)s”. Choose one of these.") % {
            "style": style
        }
        context = {"next": next_path, "error": error}
        return render(request, "sources/citation_style.html", context, status=400)
    response = redirect(next_path or reverse("home"))
    response.set_cookie(
        STYLE_COOKIE,
        style,
        max_age=COOKIE_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
    )
    return response
