"""Download views: one source, a tag's sources, or the whole library as BibTeX, RIS or
CSL-JSON. Concepts and cases export their pages' references with `export_response`."""

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header

from sources.cite.exports import FILE_FORMATS
from sources.models import Source, Tag

LIBRARY_FILENAME = "ir-atlas-library"
# The library is read in chunks of this many sources, two queries a chunk, while it streams.
CHUNK = 500
_FORMATS = {f.id: f for f in FILE_FORMATS}


def export_response(
    request, sources, fmt: str, filename: str, *, url_name: str, args=(), stream=False
):
    """The sources (creators prefetched) as a download in format `fmt`, streamed if asked;
    for a format we do not offer, a 404 page that names and links the ones we do."""
    export = _FORMATS.get(fmt)
    if export is None:
        links = [(f, reverse(url_name, args=[*args, f.id])) for f in FILE_FORMATS]
        return render(
            request, "exports/unknown_format.html", {"fmt": fmt, "links": links}, status=404
        )
    chunks = export.write(sources)
    if stream:
        response = StreamingHttpResponse(chunks, content_type=export.content_type)
    else:
        response = HttpResponse("".join(chunks), content_type=export.content_type)
    response["Content-Disposition"] = content_disposition_header(
        True, f"{filename}.{export.extension}"
    )
    return response


def source_export(request, key, fmt):
    if key != key.lower():
        return redirect("sources:export", key=key.lower(), fmt=fmt, permanent=True)
    source = get_object_or_404(Source.objects.with_creators(), citation_key=key)
    return export_response(request, [source], fmt, key, url_name="sources:export", args=[key])


def tag_export(request, slug, fmt):
    tag = get_object_or_404(Tag, slug=slug)
    sources = Source.objects.filter(tags=tag).with_creators().by_first_author()
    return export_response(
        request, sources, fmt, f"tag-{slug}", url_name="tags:export", args=[slug]
    )


def library_export(request, fmt):
    """Every source, streamed so that a large library never sits whole in memory."""
    sources = Source.objects.with_creators().by_first_author().iterator(chunk_size=CHUNK)
    return export_response(
        request, sources, fmt, LIBRARY_FILENAME, url_name="sources:library_export", stream=True
    )
