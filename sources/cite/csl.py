"""Sources as CSL-JSON items: the one description of a source that formatting, exports and
reference managers share (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)."""

from sources.models import CreatorRole, Source
from sources.models.people import Person

# Our fields that CSL has no variable for travel in CSL-JSON's `custom` object, so that
# exporting and importing again loses nothing.
CUSTOM_FIELDS = ("translated_title", "jstor_id", "handle", "archived_url")

_ROLES = {
    CreatorRole.AUTHOR: "author",
    CreatorRole.EDITOR: "editor",
    CreatorRole.TRANSLATOR: "translator",
    CreatorRole.CONTAINER_AUTHOR: "container-author",
}


def csl_name(person: Person, *, chinese_work: bool) -> dict:
    """A CSL name. Works in Chinese give their authors' names in Chinese script (閻學通),
    family name first; everything else uses the romanised name."""
    if chinese_work and person.family_name_original:
        family, given = person.family_name_original, person.given_name_original
    else:
        family, given = person.family_name, person.given_name
    # No empty "given": readers would print a stray comma or initial for it.
    return {"family": family, "given": given} if given else {"family": family}


def date_parts(year, month=None, day=None) -> dict | None:
    if not year:
        return None
    parts = [year]
    if month:
        parts.append(month)
        if day:
            parts.append(day)
    return {"date-parts": [parts]}


def to_csl(source: Source) -> dict:
    """One source as a CSL-JSON item whose id is the citation key (creators prefetched)."""
    item = {"id": source.citation_key, "type": source.item_type, "title": source.title}
    for role, variable in _ROLES.items():
        names = [
            csl_name(credit.person, chinese_work=source.is_chinese)
            for credit in source.creators.all()
            if credit.role == role
        ]
        if names:
            item[variable] = names
    simple = {
        "original-title": source.original_title,
        "container-title": source.container_title,
        "collection-title": source.collection_title,
        "volume": source.volume,
        "issue": source.issue,
        "page": source.pages,
        "edition": source.edition,
        "publisher": source.publisher,
        "publisher-place": source.publisher_place,
        "DOI": source.doi,
        "ISBN": source.isbn_display,
        "ISSN": source.issn,
        "URL": source.url,
        "language": source.language,
        "abstract": source.abstract,
        "citation-key": source.citation_key,
    }
    item.update({key: value for key, value in simple.items() if value})
    if source.pages:
        item["page-first"] = source.pages.split("-")[0].split("–")[0].strip()
    if issued := date_parts(source.year, source.month, source.day):
        item["issued"] = issued
    if source.accessed:
        a = source.accessed
        item["accessed"] = date_parts(a.year, a.month, a.day)
    custom = {field: getattr(source, field) for field in CUSTOM_FIELDS if getattr(source, field)}
    if custom:
        item["custom"] = custom
    return item
