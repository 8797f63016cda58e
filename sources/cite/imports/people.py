"""Creators of imported entries become Person records: an existing person when the name is the
same (spelling aside), a new person otherwise. Initials never match a full name, because
“R. Jervis” may not be Robert Jervis; the editor is told when a merge looks likely."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sources.cite.imports.entry import Entry, Name
from sources.cite.imports.names import fold_name, match_key, may_be_same
from sources.cite.keys import fold
from sources.models import NameOrder, Person

SLUG_MAX = Person._meta.get_field("slug").max_length


class People:
    """Every person in the atlas (one query), and the new people an import will add."""

    def __init__(self):
        self.by_name: dict[str, list[int]] = {}
        self.by_original: dict[str, list[int]] = {}
        self.has_original: set[int] = set()
        self.by_family: dict[str, list[tuple[str, str]]] = {}
        self.slugs: set[str] = set()
        self.new: dict[str, Person] = {}
        rows = Person.objects.order_by("pk").values_list(
            "pk",
            "slug",
            "family_name",
            "given_name",
            "family_name_original",
            "given_name_original",
        )
        for pk, slug, family, given, family_original, given_original in rows:
            self.slugs.add(slug)
            self.by_name.setdefault(match_key(family, given), []).append(pk)
            self.by_family.setdefault(fold_name(family), []).append((given, f"{given} {family}"))
            if original := f"{family_original}{given_original}":
                self.by_original.setdefault(original, []).append(pk)
                self.has_original.add(pk)

    def resolve(self, name: Name, entry: Entry) -> Person | int:
        """The pk of the existing person with this name, or the (unsaved) new Person."""
        pks = []
        if original := f"{name.family_original}{name.given_original}":
            pks = self.by_original.get(original, [])
        if not pks:
            pks = self.by_name.get(match_key(name.family, name.given), [])
            # Same pinyin, other characters (王偉, 王維): different people.
            if original:
                pks = [pk for pk in pks if pk not in self.has_original]
        if pks:
            if len(pks) > 1:
                entry.warn(
                    _("Several people are called “%(name)s”; linked to the first. Check it.")
                    % {"name": name}
                )
            return pks[0]
        key = original or match_key(name.family, name.given)
        if key not in self.new:
            self.new[key] = self._person(name)
            self._warn_if_similar(name, entry)
        return self.new[key]

    def _person(self, name: Name) -> Person:
        person = Person(
            family_name=name.family,
            given_name=name.given,
            family_name_original=name.family_original,
            given_name_original=name.given_original,
            name_order=NameOrder.EASTERN if name.eastern else NameOrder.WESTERN,
            slug=self._slug(name),
        )
        try:
            person.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            raise ValueError("; ".join(exc.messages)) from None
        return person

    def _slug(self, name: Name) -> str:
        base = slugify(fold(f"{name.given} {name.family}"))[: SLUG_MAX - 6] or "person"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.slugs.add(slug)
        return slug

    def _warn_if_similar(self, name: Name, entry: Entry) -> None:
        family = self.by_family.setdefault(fold_name(name.family), [])
        for given, full in family:
            if may_be_same(name.given, given):
                entry.warn(
                    _(
                        "“%(new)s” and “%(other)s” are kept as different people: merge them "
                        "in the admin if they are the same."
                    )
                    % {"new": name, "other": full}
                )
                break
        family.append((name.given, str(name)))
