"""The last step of every parser: rules that hold whatever the format (a title is required,
dates hang together, values fit their columns, names are usable)."""

from django.utils.translation import gettext as _

from sources.cite.imports import values
from sources.cite.imports.entry import Entry
from sources.cite.imports.names import needs_romanisation
from sources.models import Person

_NAME_LIMITS = {
    attr: Person._meta.get_field(field).max_length
    for attr, field in (
        ("family", "family_name"),
        ("given", "given_name"),
        ("family_original", "family_name_original"),
        ("given_original", "given_name_original"),
    )
}


def finish(entry: Entry) -> None:
    f = entry.fields
    for name, value in f.items():
        if isinstance(value, str):
            f[name] = values.CONTROL.sub("", value) if name == "abstract" else values.text(value)
    if not f.get("title") and not entry.error:
        entry.error = _("No title: every source needs one.")
    if f.get("month") and not f.get("year"):
        entry.warn(_("A month without a year was left out."))
        f["month"] = None
    if f.get("day") and not (f.get("month") and 1 <= f["day"] <= 31):
        f["day"] = None
    if entry.et_al:
        entry.warn(_("The list of names ends in “and others”: only the named people are kept."))
    values.fit(entry)
    _check_names(entry)


def _check_names(entry: Entry) -> None:
    seen = set()
    kept = []
    for creator in entry.creators:
        name = creator.name
        too_long = [
            attr for attr, limit in _NAME_LIMITS.items() if len(getattr(name, attr)) > limit
        ]
        if too_long and not entry.error:
            entry.error = _("The name “%(name)s” is too long to be a name; check the braces.") % {
                "name": str(name)[:80]
            }
        if needs_romanisation(name):
            entry.warn(
                _("“%(name)s” has no Latin-script form; add one to the person later.")
                % {"name": name}
            )
        identity = (creator.role, name.family, name.given, name.family_original)
        if identity in seen:
            entry.warn(_("“%(name)s” is listed twice; kept once.") % {"name": name})
            continue
        seen.add(identity)
        kept.append(creator)
    entry.creators = kept
