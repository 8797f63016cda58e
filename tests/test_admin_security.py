"""The admin log-in resists password guessing, says nothing about who has an account, and
never sends anyone to another site."""

import time
from urllib.parse import urlparse

import pytest
from django.core.cache import cache
from django.test import Client

from tests.helpers import soup

LOGIN = "/admin/login/"
PASSWORD = "pw-Editor-1"
LIMIT = 5
OFF_SITE = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "https:evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
]


@pytest.fixture(autouse=True)
def fresh_counts(settings):
    """Failure counts live in the cache: each test starts from none, with a known limit (and
    a fast password hasher: these tests log in dozens of times)."""
    settings.LOGIN_FAILURE_LIMIT = LIMIT
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def account(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def log_in(username, password, ip="203.0.113.7", **extra):
    client = Client(REMOTE_ADDR=ip, HTTP_ACCEPT_LANGUAGE="en")
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def error_text(response) -> str:
    return " ".join(p.get_text(" ", strip=True) for p in soup(response).select(".errornote"))


def test_the_right_password_logs_in(account):
    response = log_in("editor", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_unknown_user_and_wrong_password_read_the_same(account):
    wrong_password = log_in("editor", "not-it")
    unknown_user = log_in("nobody-here", "not-it")
    assert wrong_password.status_code == unknown_user.status_code == 200
    assert error_text(wrong_password) == error_text(unknown_user)
    assert "correct username and password" in error_text(wrong_password)


def test_repeated_failures_lock_the_username_out_with_429(account):
    for _ in range(LIMIT):
        assert log_in("editor", "guess").status_code == 200
    locked = log_in("editor", PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed log-in attempts" in error_text(locked)
    assert int(locked["Retry-After"]) > 0
    # Even the right password is refused while locked: guessing must not pay off.
    assert "_auth_user_id" not in locked.wsgi_request.session


def test_lockout_message_is_the_same_for_unknown_users(account):
    for username in ("editor", "nobody-here"):
        for _ in range(LIMIT):
            log_in(username, "guess")
    real, unknown = log_in("editor", "guess"), log_in("nobody-here", "guess")
    assert real.status_code == unknown.status_code == 429
    assert error_text(real) == error_text(unknown)


def test_lockout_is_per_username_and_address(account):
    for _ in range(LIMIT):
        log_in("Editor ", "guess", ip="203.0.113.7")
    assert log_in("editor", PASSWORD, ip="203.0.113.7").status_code == 429
    assert log_in("editor", PASSWORD, ip="198.51.100.2").status_code == 302
    assert log_in("someone-else", "guess", ip="203.0.113.7").status_code == 200


def test_a_successful_log_in_clears_earlier_failures(account):
    for _ in range(LIMIT - 1):
        log_in("editor", "guess")
    assert log_in("editor", PASSWORD).status_code == 302
    for _ in range(LIMIT - 1):
        log_in("editor", "guess")
    assert log_in("editor", PASSWORD).status_code == 302


def test_lockout_ends_after_the_window(account, settings):
    settings.LOGIN_LOCKOUT_SECONDS = 1
    for _ in range(LIMIT):
        log_in("editor", "guess")
    assert log_in("editor", PASSWORD).status_code == 429
    time.sleep(1.2)
    assert log_in("editor", PASSWORD).status_code == 302


def test_editors_already_logged_in_are_not_affected(editor):
    for _ in range(LIMIT + 1):
        log_in("editor", "guess")
    assert editor.get("/admin/").status_code == 200


@pytest.mark.parametrize("target", OFF_SITE)
def test_log_in_never_redirects_off_site(account, target):
    response = log_in("editor", PASSWORD, next=target)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    # The form page drops an unsafe `next` rather than carrying it to the next request.
    form = Client().get(LOGIN, {"next": target})
    assert soup(form).find("input", {"name": "next"})["value"] in ("", "/admin/")


@pytest.mark.parametrize("target", OFF_SITE)
def test_a_logged_in_editor_visiting_log_in_stays_on_site(editor, target):
    response = editor.get(LOGIN, {"next": target})
    assert response.status_code == 302
    assert not urlparse(response["Location"]).netloc
    assert response["Location"] == "/admin/"


def test_log_in_still_follows_a_local_next(account):
    response = log_in("editor", PASSWORD, next="/admin/concepts/concept/")
    assert response["Location"] == "/admin/concepts/concept/"


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("prefix", ["", "/en", "/zh-hant"])
def test_there_is_no_set_language_view_to_abuse(client, db, method, prefix):
    """The language switcher is plain links; no view takes a `next` to send people to."""
    call = getattr(client, method)
    response = call(f"{prefix}/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    response = client.get(response["Location"]) if response.status_code == 302 else response
    assert response.status_code == 404
    assert "evil.example" not in response.get("Location", "")


@pytest.mark.parametrize(
    "path", ["//evil.example/", "//evil.example/%2F..", "/%2F%2Fevil.example/", "/\\evil.example"]
)
def test_language_redirects_stay_on_site(client, db, path):
    """Paths without a language are redirected to one; a path that looks like another host
    must not become a redirect there."""
    response = client.get(path)
    if response.status_code in (301, 302):
        location = urlparse(response["Location"])
        assert not location.netloc and location.path.startswith("/"), response["Location"]
        assert not location.path.startswith("//"), response["Location"]
    else:
        assert response.status_code == 404
