"""A synthetic bilingual corpus for the search benchmark (manage.py search_benchmark).

The rows are written straight into the search index (SearchDocument), built the way
indexing.document_fields builds them, because the index is what a search reads: creating
100,000 real sources with creators and citations would take far longer than measuring them.
Synthetic rows point at SearchDocument's own content type, which no real row ever does, so
they can be told apart from real ones and removed without touching them."""

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from sources.search import registry, typos
from sources.search.models import SearchDocument
from sources.search.text import fold, ident_token, key_token, stem_key, tokens, words

# Documents per kind at scale 1, the size of the seed corpus.
SEED = {"source": 111, "person": 104, "concept": 10, "case": 5}
BATCH = 1000
# PostgreSQL's GIN indexes (migration 0006): building them once after the bulk insert is far
# faster than keeping them current row by row.
PG_INDEXES = {
    "sources_searchdocument_names_idx": "names_vector",
    "sources_searchdocument_vector_idx": "search_vector",
}
# Used only when the seed corpus is not there to borrow words from.
FALLBACK_EN = "security dilemma alliance deterrence balance power realism war cooperation"
FALLBACK_ZH = "安全困境同盟嚇阻權力平衡現實主義戰爭合作國際關係理論冷戰薩德"


def synthetic_type() -> ContentType:
    return ContentType.objects.get_for_model(SearchDocument)


def real_content() -> list[str]:
    """What the database holds that is not synthetic, e.g. ["source: 111"]."""
    found = []
    for kind in registry.kinds():
        count = kind.model._default_manager.count()
        if count:
            found.append(f"{kind.key}: {count}")
    indexed = SearchDocument.objects.exclude(content_type=synthetic_type()).count()
    if indexed:
        found.append(f"search documents: {indexed}")
    return found


@dataclass
class Generator:
    """Deterministic text built from the words of the seed corpus."""

    seed: int = 42
    rng: random.Random = field(init=False)
    en: list[str] = field(init=False)
    zh: str = field(init=False)
    # An "author year" and identifiers of a real synthetic source, for the identifier queries.
    probes: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        self.rng = random.Random(self.seed)
        root = Path(settings.BASE_DIR) / "corpus"
        text = "".join(p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.yaml")))
        self.en = re.findall(r"[A-Za-z]{3,}", text) or FALLBACK_EN.split()
        self.zh = "".join(re.findall(r"[\u4e00-\u9fff]{2,}", text)) or FALLBACK_ZH * 20

    def en_words(self, n: int) -> str:
        return " ".join(self.rng.choice(self.en) for _ in range(n))

    def zh_text(self, n: int) -> str:
        start = self.rng.randrange(0, max(1, len(self.zh) - n))
        return self.zh[start : start + n]

    def fields(self, kind: str, i: int) -> tuple[dict, set[str]]:
        rng = self.rng
        title_en = self.en_words(rng.randint(2, 9)).capitalize()
        title_zh = self.zh_text(rng.randint(2, 12))
        alt, idents, body_en, body_zh, year = [], [], "", "", None
        if kind == "source":
            author = self.en_words(1).title()
            year = rng.randint(1900, 2025)
            alt = [author, f"{author} {year}", self.zh_text(3)]
            # Roughly five citing passages per source, folded into its body like citation rows.
            body_en = self.en_words(rng.randint(3, 40))
            idents = [("key", f"syn{i}"), ("doi", f"10.9999/syn.{i}"), ("isbn", isbn13(i))]
            if i == 0:
                self.probes.update(author_year=f"{author} {year}", doi=f"10.9999/syn.{i}")
                self.probes.update(key=f"syn{i}", isbn=f"{isbn13(i)[:3]}-{isbn13(i)[3:]}")
            if rng.random() < 0.5:
                title_zh = ""
        elif kind == "person":
            title_en = self.en_words(2).title()
            alt = [title_en.split()[-1], self.zh_text(3)]
            body_en = self.en_words(rng.randint(0, 20))
        else:
            alt = [self.en_words(2) for _ in range(rng.randint(0, 5))]
            alt += [self.zh_text(4) for _ in range(3)]
            body_en = self.en_words(rng.randint(300, 900))
            body_zh = self.zh_text(rng.randint(400, 1500))
            if kind == "case":
                year = rng.randint(1800, 2024)
        title_keys = list(dict.fromkeys(k for k in (fold(title_en), fold(title_zh)) if k))
        alt_keys = [k for k in dict.fromkeys(fold(a) for a in alt) if k and k not in title_keys]
        body = " ".join([fold(body_en), fold(body_zh)])
        row = {
            "kind": kind,
            "published": rng.random() > 0.05,
            "url_en": f"/en/synthetic/{kind}/{i}/",
            "url_zh_hant": f"/zh-hant/synthetic/{kind}/{i}/",
            "title_en": title_en,
            "title_zh_hant": title_zh or title_en,
            "body_en": body_en,
            "body_zh_hant": body_zh,
            "tags": " synthetic ",
            "start_year": year,
            "title_keys": "\n".join(title_keys),
            "alt_keys": "\n".join(alt_keys),
            "title_stems": "\n".join(map(stem_key, title_keys)),
            "alt_stems": "\n".join(map(stem_key, alt_keys)),
            "folded_body": f" {body} ",
            "tokens_title": " ".join(
                tokens(" ".join(title_keys), surface=True)
                + [key_token(stem_key(k)) for k in title_keys]
            ),
            "tokens_alt": " ".join(
                tokens(" ".join(alt_keys), surface=True)
                + [key_token(stem_key(k)) for k in alt_keys]
                + [ident_token(*x) for x in idents]
            ),
            "tokens_body": " ".join(tokens(body)),
        }
        return row, words(" ".join([*title_keys, *alt_keys, body]))


def isbn13(i: int) -> str:
    """A valid ISBN-13 (one the query parser accepts) unique to synthetic source i."""
    body = f"97810{i:07d}"
    check = -sum(int(d) * (3 if k % 2 else 1) for k, d in enumerate(body)) % 10
    return f"{body}{check}"


def counts(scale: float) -> dict[str, int]:
    return {kind: max(1, round(n * scale)) for kind, n in SEED.items()}


def clear() -> None:
    """Remove every synthetic row, and the vocabulary they added."""
    SearchDocument.objects.filter(content_type=synthetic_type()).delete()
    typos.forget()


def _pg(statements: list[str]) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def fill(scale: float, generator: Generator) -> int:
    """Replace the synthetic rows with a corpus `scale` times the seed; rebuild the indexes."""
    content_type = synthetic_type()
    _pg([f"DROP INDEX IF EXISTS {name}" for name in PG_INDEXES])
    n = 0
    try:
        with transaction.atomic():
            clear()
            learned: set[str] = set()
            for kind, total in counts(scale).items():
                batch = []
                for i in range(total):
                    row, vocabulary = generator.fields(kind, i)
                    learned |= vocabulary
                    n += 1
                    batch.append(SearchDocument(content_type=content_type, object_id=n, **row))
                    if len(batch) >= BATCH:
                        SearchDocument.objects.bulk_create(batch)
                        batch = []
                SearchDocument.objects.bulk_create(batch)
            typos.learn(learned)
    finally:
        # Never leave the database without its indexes, even after a failure. Inside an outer
        # transaction (tests), deferred foreign-key checks must run before CREATE INDEX.
        if connection.in_atomic_block:
            _pg(["SET CONSTRAINTS ALL IMMEDIATE"])
        _pg(
            [
                f"CREATE INDEX IF NOT EXISTS {name} ON sources_searchdocument"
                f" USING gin ({column}) WITH (fastupdate = off)"
                for name, column in PG_INDEXES.items()
            ]
        )
    if connection.vendor == "postgresql":
        _pg(["ANALYZE sources_searchdocument"])
    else:
        # The FTS5 table is kept current by triggers; merge its segments as a rebuild would.
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO sources_searchdocument_fts(sources_searchdocument_fts)"
                " VALUES ('optimize')"
            )
            cursor.execute("ANALYZE")
    return n
