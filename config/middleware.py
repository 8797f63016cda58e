"""Site-wide middleware: the Permissions-Policy header, refusing NUL bytes, admin
log-in throttling, and Vary: Cookie on pages formatted in the reader's citation style."""

import hashlib

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS, BadRequest
from django.dispatch import receiver
from django.forms.utils import ErrorDict
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class PermissionsPolicyMiddleware:
    """Turn off the browser features the site never uses (camera, microphone, location...)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})"
            for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


class RejectNulBytesMiddleware:
    """No real link holds a NUL byte, and PostgreSQL refuses them in text: an address with one
    is a missing page (in the path) or a bad request (in the query), not a database error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            raise Http404("A NUL byte in the path")
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                raise BadRequest("A NUL byte in the query string")
        return self.get_response(request)


def _failure_key(request, username) -> str:
    """The cache key counting failed log-ins for one username from one address. Unknown and
    real usernames are counted alike, so a lockout says nothing about who has an account."""
    who = f"{str(username).strip().casefold()}\0{request.META.get('REMOTE_ADDR', '')}"
    return "login-failures:" + hashlib.sha256(who.encode()).hexdigest()


def _is_locked_out(request, username) -> bool:
    return cache.get(_failure_key(request, username), 0) >= settings.LOGIN_FAILURE_LIMIT


@receiver(user_login_failed, dispatch_uid="config.count_login_failure")
def count_login_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    key = _failure_key(request, credentials.get("username", ""))
    # add() starts the window at the first failure; incr() keeps its expiry.
    cache.add(key, 0, settings.LOGIN_LOCKOUT_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # the window closed between add() and incr()
        cache.set(key, 1, settings.LOGIN_LOCKOUT_SECONDS)


@receiver(user_logged_in, dispatch_uid="config.forget_login_failures")
def forget_login_failures(sender, request, user, **kwargs):
    if request is not None:
        cache.delete(_failure_key(request, user.get_username()))


class LockedOutForm(AdminAuthenticationForm):
    """The admin log-in form, unbound, showing the lockout message as its only error."""

    def __init__(self, request, message):
        super().__init__(request, initial={"username": request.POST.get("username", "")})
        self._errors = ErrorDict(
            {NON_FIELD_ERRORS: self.error_class([message], error_class="nonfield")}
        )


class LoginThrottleMiddleware:
    """Refuse admin log-in attempts with 429 once a username has failed too often from one
    address, before the password is even checked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and request.path_info == reverse("admin:login")
            and _is_locked_out(request, request.POST.get("username", ""))
        ):
            return self.locked_out(request)
        return self.get_response(request)

    def locked_out(self, request):
        minutes = max(1, settings.LOGIN_LOCKOUT_SECONDS // 60)
        message = ngettext(
            "Too many failed log-in attempts. Please wait %(minutes)d minute and try again.",
            "Too many failed log-in attempts. Please wait %(minutes)d minutes and try again.",
            minutes,
        ) % {"minutes": minutes}
        context = {
            **admin.site.each_context(request),
            "title": _("Log in"),
            "subtitle": None,
            "app_path": request.get_full_path(),
            "form": LockedOutForm(request, message),
            "username": request.user.get_username(),
            "next": request.POST.get("next", ""),
        }
        response = render(request, "admin/login.html", context, status=429)
        response["Retry-After"] = str(settings.LOGIN_LOCKOUT_SECONDS)
        return response


class VaryOnCitationStyleMiddleware:
    """Pages formatted in the reader's citation style (a cookie) must not be served from a
    shared cache to a reader who chose another style."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "reads_citation_style", False):
            patch_vary_headers(response, ["Cookie"])
        return response
