def reference_list(sources) -> list:
    """The sources a page cites, once each, ordered as a reference list: by first author
    (or editor), then year, then key. Needs creators prefetched (with_creators)."""
    unique = {source.pk: source for source in sources if source is not None}
    return sorted(unique.values(), key=_reference_order)


def _reference_order(source):
    people = source.authors or source.editors
    first = people[0].person.sort_name if people else source.title
    return (first.casefold(), source.year or 0, source.citation_key)
