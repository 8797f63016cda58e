"""Settings read from the environment: safe defaults for development, refusal in production."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str

SETUP = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "iratlas.example.org",
}


def run(code_or_args, **env):
    """Run Python in a fresh process with only the given settings variables set."""
    base = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    base["DJANGO_SETTINGS_MODULE"] = "config.settings"
    args = code_or_args if isinstance(code_or_args, list) else ["-c", code_or_args]
    return subprocess.run(
        [sys.executable, *args],
        env={**base, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_debug_off_without_secret_key_refuses_to_start():
    result = run(SETUP, DEBUG="0", ALLOWED_HOSTS="iratlas.example.org")
    assert result.returncode != 0
    assert "set SECRET_KEY" in result.stderr


def test_debug_off_without_allowed_hosts_refuses_to_start():
    result = run(SETUP, DEBUG="0", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "set ALLOWED_HOSTS" in result.stderr


def test_unrecognised_debug_value_is_a_clear_error():
    result = run(SETUP, DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr and "'maybe'" in result.stderr


def test_production_settings_start_and_pass_the_deploy_check():
    assert run(SETUP, **PRODUCTION).stdout.strip() == "False"

    check = run(["manage.py", "check", "--deploy", "--fail-level", "ERROR"], **PRODUCTION)
    assert check.returncode == 0, check.stderr
    # Warnings are allowed, but none are expected with the defaults in settings.py.
    assert "WARNINGS" not in check.stderr, check.stderr


def test_development_defaults_start_without_any_variables():
    result = run(SETUP)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("Yes", True), (" off ", False)])
def test_env_bool_reads_common_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", default=not expected) is expected


def test_env_bool_uses_default_when_unset_and_rejects_nonsense(monkeypatch):
    monkeypatch.delenv("FLAG", raising=False)
    assert env_bool("FLAG", default=True) is True
    monkeypatch.setenv("FLAG", "sometimes")
    with pytest.raises(ImproperlyConfigured, match="FLAG must be one of"):
        env_bool("FLAG", default=True)


def test_env_int_parses_defaults_and_rejects_words(monkeypatch):
    monkeypatch.setenv("SIZE", "12")
    assert env_int("SIZE", 3) == 12
    monkeypatch.setenv("SIZE", "")
    assert env_int("SIZE", 3) == 3
    monkeypatch.setenv("SIZE", "ten")
    with pytest.raises(ImproperlyConfigured, match="SIZE must be an integer"):
        env_int("SIZE", 3)


def test_env_list_and_str(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example, ,b.example ")
    assert env_list("HOSTS") == ["a.example", "b.example"]
    monkeypatch.delenv("HOSTS")
    assert env_list("HOSTS", ["localhost"]) == ["localhost"]
    monkeypatch.delenv("NAME", raising=False)
    assert env_str("NAME", "fallback") == "fallback"


def test_redis_url_turns_on_the_redis_cache():
    code = (
        "import django; django.setup(); from django.core.cache import caches; "
        "cache = caches['default']; print(type(cache).__name__); "
        "cache.set('atlas-probe', 'ok', 5); print(cache.get('atlas-probe'))"
    )
    result = run(code, REDIS_URL="redis://127.0.0.1:6379/0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["RedisCache", "ok"]


def test_postgres_url_uses_the_pool_and_the_utf8_backend():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "db = settings.DATABASES['default']; "
        "print(db['ENGINE'], db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS'], "
        "'pool' in db['OPTIONS'])"
    )
    result = run(code, DATABASE_URL="postgres://postgres@127.0.0.1:5432/iratlas")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["config.postgresql", "0", "True", "True"]


def test_a_malformed_database_url_is_a_clear_error():
    result = run(SETUP, DATABASE_URL="nonsense://what")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
