"""The shape every parser produces: one normalised entry per record of the file, whatever its
format, holding values ready for a Source and its creators, plus what went wrong."""

from dataclasses import dataclass, field
from typing import Any

from sources.models import CreatorRole


@dataclass
class Name:
    """A person's name. `family` and `given` are always in Latin script (romanised when the
    file gives only Chinese script); the original script, when there is one, is kept apart."""

    family: str
    given: str = ""
    family_original: str = ""
    given_original: str = ""
    eastern: bool = False

    def __str__(self):
        if self.family_original:
            return f"{self.family_original}{self.given_original}"
        return f"{self.given} {self.family}".strip()


@dataclass
class Creator:
    name: Name
    role: str = CreatorRole.AUTHOR


@dataclass
class Entry:
    """One record of an import file.

    `fields` holds Source field values keyed by model field name; `key` is the citation key
    as the file gives it (possibly empty or unusable); `error` makes the entry invalid.
    """

    number: int
    key: str = ""
    fields: dict[str, Any] = field(default_factory=dict)
    creators: list[Creator] = field(default_factory=list)
    et_al: bool = False
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    line: int | None = None

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    @property
    def title(self) -> str:
        return self.fields.get("title", "")

    @property
    def year(self) -> int | None:
        return self.fields.get("year")

    def names(self, role: str) -> list[Name]:
        return [c.name for c in self.creators if c.role == role]

    @property
    def first_creator(self) -> Name | None:
        """The first author, or the first editor of a work without authors (as references
        list it)."""
        for role in (CreatorRole.AUTHOR, CreatorRole.EDITOR):
            if names := self.names(role):
                return names[0]
        return None

    @property
    def authors_display(self) -> str:
        """The authors (or editors) as a short line for the preview."""
        names = self.names(CreatorRole.AUTHOR) or self.names(CreatorRole.EDITOR)
        shown = "; ".join(str(n) for n in names[:4])
        if len(names) > 4 or self.et_al:
            shown += " et al."
        return shown.strip()


@dataclass
class ParsedFile:
    """What a parser read: the entries in file order and warnings about the file as a whole."""

    format: str
    entries: list[Entry]
    warnings: list[str] = field(default_factory=list)


class UnreadableFile(ValueError):
    """The file as a whole cannot be read (not this format, broken JSON…); the message says
    why, for the editor."""
