"""Typo tolerance: a query word that matches nothing is corrected to the nearest indexed words.

The vocabulary (SearchTerm) grows as documents are indexed. Each process keeps a copy in
memory and reloads it when the version in the cache changes, which indexing bumps whenever it
adds words, so every process sees new words without asking the database on each query.
"""

from collections import defaultdict

from django.core.cache import cache
from rapidfuzz import process
from rapidfuzz.distance import OSA

from sources.search.models import SearchTerm
from sources.search.text import stem

VERSION_KEY = "search:vocabulary-version"
CHUNK = 500
_loaded: dict = {"version": None, "vocabulary": None}


def max_distance(word: str) -> int:
    """Edits allowed: one for a short word, two from six letters (securty, dilema)."""
    return 1 if len(word) < 6 else 2


class Vocabulary:
    def __init__(self, words: list[str]):
        self.words = set(words)
        self.stems = {stem(w) for w in words}
        self.by_length: dict[int, list[str]] = defaultdict(list)
        for word in sorted(words):
            self.by_length[len(word)].append(word)

    def knows(self, word: str) -> bool:
        return word in self.words or stem(word) in self.stems

    def nearest(self, word: str, limit: int = 3) -> list[str]:
        """The indexed words closest to `word` (all at the smallest distance, up to `limit`)."""
        distance = max_distance(word)
        pool = [
            w
            for n in range(len(word) - distance, len(word) + distance + 1)
            for w in self.by_length.get(n, ())
        ]
        found = process.extract(word, pool, scorer=OSA.distance, score_cutoff=distance, limit=None)
        if not found:
            return []
        best = min(score for _w, score, _i in found)
        # Same first letter first: people rarely get the first letter wrong.
        closest = sorted(
            (w for w, score, _i in found if score == best), key=lambda w: (w[0] != word[0], w)
        )
        return closest[:limit]


def vocabulary() -> Vocabulary:
    version = cache.get(VERSION_KEY, 0)
    if _loaded["vocabulary"] is None or _loaded["version"] != version:
        words = list(SearchTerm.objects.values_list("word", flat=True))
        _loaded.update(version=version, vocabulary=Vocabulary(words))
    return _loaded["vocabulary"]


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def learn(words: set[str]) -> None:
    """Add these words to the vocabulary (those not in it yet)."""
    words = sorted(w for w in words if len(w) <= SearchTerm._meta.get_field("word").max_length)
    known = set()
    for i in range(0, len(words), CHUNK):
        chunk = words[i : i + CHUNK]
        known.update(SearchTerm.objects.filter(word__in=chunk).values_list("word", flat=True))
    new = [SearchTerm(word=w) for w in words if w not in known]
    if new:
        SearchTerm.objects.bulk_create(new, ignore_conflicts=True, batch_size=CHUNK)
        _bump()


def forget() -> None:
    SearchTerm.objects.all().delete()
    _bump()
