"""The full dump: every public object of the knowledge base in one JSON document, written piece
by piece so that neither the command nor the download holds the whole of it in memory.

Objects are serialised exactly as the API serves them (config.api.serialisers) and the document
is described in the OpenAPI document as the `Dump` schema; docs/api.md explains it.
"""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import connection, transaction
from django.http import StreamingHttpResponse
from django.utils import timezone

from config.api import queries
from config.api import serialisers as s
from config.api.links import Links

FORMAT = "ir-atlas-dump"
FORMAT_VERSION = "1.0"
API_VERSION = "v1"
# Rows read per query: a few prefetch queries per chunk, whatever the size of the base.
CHUNK = 500
# Written out when the buffer passes this many characters.
FLUSH = 64 * 1024
# A placeholder until the editors choose a licence (docs/api.md says so too).
LICENCE = {
    "name": "Licence to be announced",
    "url": "",
    "note": "The editors have not yet chosen a licence for reuse. Until they do, ask before "
    "republishing; quoting with a link to the page is welcome.",
}


def filename(today=None) -> str:
    return f"ir-atlas-dump-{(today or timezone.localdate()).isoformat()}.json"


def _sections() -> list[tuple[str, Callable, Callable, Callable | None]]:
    """(key, queryset, serialiser, keep) per section, in the order they are written."""
    return [
        ("tags", queries.tags, s.tag_summary, None),
        ("persons", queries.persons, s.person_summary, None),
        ("sources", queries.sources, s.source_summary, None),
        ("concepts", queries.concept_detail, s.concept_detail, None),
        ("cases", queries.case_detail, s.case_detail, None),
        ("actors", queries.actors, s.actor_summary, None),
        # Citations on drafts are dropped here: whether a page is visible needs its object.
        ("citations", queries.citations, s.citation, lambda c: c.is_visible()),
    ]


@contextmanager
def _snapshot():
    """On PostgreSQL, one repeatable-read transaction, so that every reference in the dump
    points into the same state of the base even while editors publish. (SQLite's transactions
    here would lock out writers, so there the dump reads as it goes.)"""
    if connection.in_atomic_block or connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def chunks(links: Links, *, now=None) -> Iterator[str]:
    """The dump as pieces of text that concatenate into one JSON object."""
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "api_version": API_VERSION,
        "generated": (now or timezone.now()).isoformat(),
        "site": links.base + "/",
        "licence": LICENCE,
    }
    buffer = [_dumps(header)[:-1]]  # the object stays open for the sections
    size = 0
    counts = {}
    with _snapshot():
        for key, queryset, serialise, keep in _sections():
            buffer.append(f',\n"{key}":[')
            n = 0
            for obj in queryset().iterator(chunk_size=CHUNK):
                if keep is not None and not keep(obj):
                    continue
                text = _dumps(serialise(obj, links))
                buffer.append(("," if n else "") + "\n" + text)
                n += 1
                size += len(text)
                if size >= FLUSH:
                    yield "".join(buffer)
                    buffer, size = [], 0
            buffer.append("]")
            counts[key] = n
    buffer.append(',\n"counts":' + _dumps(counts) + "}\n")
    yield "".join(buffer)


def download(request) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        (piece.encode() for piece in chunks(Links.for_request(request))),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename()}"'
    return response
