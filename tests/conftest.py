import pytest
from django.utils import translation

from tests.sample import build_sample


@pytest.fixture
def sample(db):
    """A small world of people, sources, concepts and cases (see tests/sample.py)."""
    with translation.override("en"):
        return build_sample()


@pytest.fixture
def visitor(client):
    """Someone reading the site without logging in."""
    return client


@pytest.fixture
def editor(db, client, django_user_model):
    """A logged-in staff superuser, as editors use the admin today."""
    user = django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "pw-Editor-1"
    )
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def english_outside_requests():
    """Messages built outside a request (validation, labels) read in English unless a test
    says otherwise; requests still take their language from the URL."""
    with translation.override("en"):
        yield
