from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from cases.corpus.service import load_corpus

CORPUS = Path(settings.BASE_DIR) / "corpus"


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The real corpus, loaded (and indexed) once for a module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_corpus(path=CORPUS)
        transaction.set_rollback(True)


@pytest.fixture
def loaded(corpus, db):
    return corpus
