"""One shape for every error under /api/: {"error": {"status", "code", "message"}} as
application/json, whatever raised it: a view, the parameter validation, an unknown URL, a
method the API does not allow, or Django itself (a NUL byte, a crash)."""

import json

from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.urls import resolve
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

PREFIX = "/api/"
CONTENT_TYPE = "application/json"

CODES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    429: "too_many_requests",
    500: "server_error",
    503: "unavailable",
}


def _messages() -> dict[int, str]:
    return {
        400: _("The request is not valid."),
        403: _("This is not allowed."),
        404: _("There is nothing at this address."),
        405: _("The API is read-only: use GET."),
        500: _("Something went wrong on our side. Please try again later."),
    }


class ApiError(HttpError):
    """An error a view raises deliberately, with a machine-readable code."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(status, message)
        self.code = code


def error_body(status: int, code: str = "", message: str = "", details=None) -> dict:
    body = {
        "status": status,
        "code": code or CODES.get(status, "error"),
        "message": message or _messages().get(status, _("The request failed.")),
    }
    if details is not None:
        body["details"] = details
    return {"error": body}


def error_response(status: int, code: str = "", message: str = "", details=None):
    body = error_body(status, code, message, details)
    return HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=status,
        content_type=f"{CONTENT_TYPE}; charset=utf-8",
    )


def _parameter(error: dict) -> str:
    # ninja reports where a value came from first ("query", "path"): the name follows.
    loc = [str(part) for part in error.get("loc", ())]
    return ".".join(loc[1:] if len(loc) > 1 else loc)


def install(api) -> None:
    """Make the NinjaAPI answer every error it catches in the API's error shape."""

    @api.exception_handler(ApiError)
    def api_error(request, exc):
        return error_response(exc.status_code, exc.code, exc.message)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return error_response(exc.status_code, message=exc.message)

    @api.exception_handler(Http404)
    def missing(request, exc):
        return error_response(404)

    @api.exception_handler(NinjaValidationError)
    def invalid(request, exc):
        details = [
            {"parameter": _parameter(error), "message": str(error.get("msg", ""))}
            for error in exc.errors
        ]
        message = "; ".join(f"{d['parameter']}: {d['message']}" for d in details)
        return error_response(400, "invalid_parameter", message, details)

    @api.exception_handler(Exception)
    def crash(request, exc):
        # Django logs it and answers 500; JsonErrorsMiddleware gives that the API's shape.
        raise exc


@csrf_exempt
def not_found(request, rest=""):
    """Any other address under /api/, with any method; a list's address without its final
    slash is redirected to it, as Django's APPEND_SLASH would (this view hides it)."""
    slashed = request.path_info + "/"
    if request.method in ("GET", "HEAD") and not rest.endswith("/"):
        match = resolve(slashed)
        if match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            location = escape_uri_path(request.path) + "/"
            return HttpResponsePermanentRedirect(location + (f"?{query}" if query else ""))
    message = _("There is no API endpoint at %(path)s.") % {"path": request.path[:200]}
    return error_response(404, message=message)


class JsonErrorsMiddleware:
    """Give every error response under /api/ that is not already JSON the API's error shape:
    those Django answers itself (a NUL byte in the address, a server error) and ninja's 405.
    It sits inside the security middleware, so the replacement keeps their headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path_info.startswith(PREFIX):
            return response
        # The data is public and read-only: any site's scripts may read it.
        response.headers["Access-Control-Allow-Origin"] = "*"
        if response.status_code < 400 or response.get("Content-Type", "").startswith(CONTENT_TYPE):
            return response
        replacement = error_response(response.status_code)
        for header in ("Allow", "Retry-After", "Access-Control-Allow-Origin"):
            if header in response:
                replacement[header] = response[header]
        return replacement
