"""Every response carries the security headers, and production adds HTTPS-only rules."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from tests.helpers import soup
from tests.pages import page_types

LANGS = ["en", "zh-hant"]
REQUIRED_CSP = {
    "default-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "object-src": {"'none'"},
    "base-uri": {"'none'"},
    "frame-ancestors": {"'none'"},
    "form-action": {"'self'"},
}


def csp(response) -> dict[str, list[str]]:
    """The enforced Content-Security-Policy as {directive: [sources]}."""
    header = response.headers.get("Content-Security-Policy", "")
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


def assert_security_headers(response, where):
    policy = csp(response)
    for directive, expected in REQUIRED_CSP.items():
        assert set(policy.get(directive, [])) == expected, f"{where}: {directive} {policy}"
    script_src = policy["script-src"]
    assert "'self'" in script_src and "'unsafe-inline'" not in script_src, where
    assert "'unsafe-eval'" not in script_src, where
    assert not any(value in {"*", "https:", "http:", "data:"} for value in script_src), where
    assert response["X-Frame-Options"] == "DENY", where
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] == "same-origin", where
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in permissions, f"{where}: {permissions}"


def assert_nothing_inline_is_blocked(response, where):
    """What the policy would silently block in a browser: inline scripts without this
    response's nonce, scripts from other sites, inline styles."""
    page = soup(response)
    nonces = {v[len("'nonce-") : -1] for v in csp(response)["script-src"] if "nonce-" in v}
    for script in page.find_all("script"):
        if script.get("src"):
            assert script["src"].startswith("/static/"), f"{where}: {script}"
        elif script.get("type") != "application/json":
            assert script.get("nonce") in nonces, f"{where}: inline script without the nonce"
    assert not page.find_all("style"), f"{where}: a <style> element (style-src is 'self')"
    styled = [tag.name for tag in page.find_all(style=True)]
    assert not styled, f"{where}: inline style attributes on {styled}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_public_page_type_sends_the_security_headers(client, sample, lang):
    for kind, url in page_types(client, lang).items():
        response = client.get(url)
        assert_security_headers(response, f"{kind} {url}")
        assert_nothing_inline_is_blocked(response, f"{kind} {url}")


def test_error_pages_and_the_admin_send_the_security_headers(client, editor, sample):
    from django.test import Client

    visitor = Client()
    assert_security_headers(visitor.get("/en/no-such-page/"), "404 page")
    assert_security_headers(visitor.get("/en/sources/?year=soon"), "400 page")
    assert_security_headers(visitor.get("/admin/login/"), "admin log-in")
    for url in ("/admin/", "/admin/concepts/concept/", "/admin/concepts/concept/add/"):
        response = editor.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response, url)


def test_a_template_that_uses_the_nonce_gets_it_into_the_header(rf):
    """Django adds the nonce to script-src only for responses that used it; an inline script
    written with {{ csp_nonce }} must then match the header."""
    from django.http import HttpResponse
    from django.middleware.csp import ContentSecurityPolicyMiddleware
    from django.template import engines

    template = engines["django"].from_string('<script nonce="{{ csp_nonce }}">1</script>')

    def view(request):
        return HttpResponse(template.render({}, request))

    response = ContentSecurityPolicyMiddleware(view)(rf.get("/"))
    nonce = soup(response).script["nonce"]
    assert len(nonce) >= 16
    assert f"'nonce-{nonce}'" in csp(response)["script-src"]


PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client, override_settings
# The probe has no collected static files; the manifest is not what it checks.
plain_storage = {**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
c = Client(SERVER_NAME="iratlas.example.org")
with override_settings(STORAGES=plain_storage):
    plain = c.get("/admin/login/")
    secure = c.get("/admin/login/", secure=True)
print(json.dumps({
    "redirect": [plain.status_code, plain.get("Location")],
    "hsts": secure.get("Strict-Transport-Security"),
    "csp": secure.get("Content-Security-Policy"),
    "cookies": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
}))
"""


def test_production_forces_https_with_hsts_and_secure_cookies():
    env = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="iratlas.example.org",
    )
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", PROBE],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["redirect"] == [301, "https://iratlas.example.org/admin/login/"]
    hsts = [part.strip() for part in found["hsts"].split(";")]
    assert int(hsts[0].removeprefix("max-age=")) >= 31_536_000
    assert {"includeSubDomains", "preload"} <= set(hsts[1:])
    assert "'unsafe-inline'" not in found["csp"]
    assert found["cookies"] == [True, True]


ADMIN_PAGES = [
    ("admin:index", None),
    ("admin:concepts_concept_changelist", None),
    ("admin:concepts_concept_change", "security_dilemma"),
    ("admin:cases_case_change", "cold_war"),
    ("admin:sources_source_add", None),
]


@pytest.fixture
def allow_orm_beside_playwright(monkeypatch):
    """Playwright's sync API runs an event loop in the test thread; the ORM calls here are
    plain set-up (the deploy check rightly refuses the variable, so only for this test)."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_policy_blocks_injected_script_but_not_the_admin(
    allow_orm_beside_playwright, live_server, django_user_model
):
    """In a real browser: markup slipped into a page cannot run script, while every admin
    page editors use runs its own scripts and styles without a single violation."""
    import shutil

    from django.urls import reverse
    from django.utils import translation
    from playwright.sync_api import sync_playwright

    from tests.sample import build_sample

    with translation.override("en"):
        world = build_sample()
    django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-Editor-1")
    executable = shutil.which("chromium")
    assert executable, "Chromium is not installed: run `apt-get install chromium`."
    args = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=args)
        page = browser.new_page()
        violations = []
        page.on(
            "console",
            lambda msg: "Content Security Policy" in msg.text and violations.append(msg.text),
        )

        page.goto(f"{live_server.url}/en/concepts/security-dilemma/")
        page.evaluate(
            "document.body.insertAdjacentHTML('beforeend',"
            ' \'<img src="/x.png" onerror="window.pwned = 1">'
            '<div style="display: none" id="styled">x</div>\')'
        )
        page.wait_for_timeout(300)
        assert page.evaluate("window.pwned") is None
        # The inline style attribute was refused too: the element is still displayed.
        styled = page.evaluate("getComputedStyle(document.getElementById('styled')).display")
        assert styled == "block"
        assert violations, "the browser should report the blocked handler"
        violations.clear()

        page.goto(f"{live_server.url}{reverse('admin:login')}")
        page.fill("#id_username", "editor")
        page.fill("#id_password", "pw-Editor-1")
        page.click("input[type=submit]")
        page.wait_for_load_state()
        for name, attr in ADMIN_PAGES:
            args = [getattr(world, attr).pk] if attr else []
            page.goto(f"{live_server.url}{reverse(name, args=args)}")
            assert page.locator("#content").count() == 1, name
        page.goto(
            f"{live_server.url}{reverse('admin:cases_case_change', args=[world.cold_war.pk])}"
        )
        assert page.locator(".add-row a").count() > 0, "admin inline scripts did not run"
        browser.close()
    assert not violations, violations
