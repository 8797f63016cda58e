"""Reading corpus files: YAML without implicit dates, entries that name themselves in errors."""

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from cases.dates import Precision

LANG_KEYS = {"zh-hant": "Chinese", "en": "English"}
_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_BCE = re.compile(r"^-0*([1-9]\d{0,3})$")


class CorpusError(Exception):
    """Invalid corpus content; the message names the file and the entry."""


class _Loader(yaml.SafeLoader):
    """A safe loader that leaves dates as text, so a bad date is reported with its entry."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Entry:
    file: str
    key: str
    data: dict

    def error(self, message: str) -> CorpusError:
        return CorpusError(f"{self.file}, entry {self.key!r}: {message}")

    def check_keys(self, allowed: set[str]) -> None:
        unknown = sorted(set(self.data) - allowed)
        if unknown:
            raise self.error(f"unknown field(s) {', '.join(unknown)}")

    def translated(self, name: str, *, required: bool, data: dict | None = None) -> dict:
        """{"zh-hant": …, "en": …} from a bilingual field, checking required languages."""
        value = (self.data if data is None else data).get(name)
        if value is None:
            value = {}
        if isinstance(value, str) or not isinstance(value, dict):
            raise self.error(f"{name!r} must be a mapping with zh-hant and en")
        unknown = set(value) - set(LANG_KEYS)
        if unknown:
            raise self.error(f"{name!r} has unknown language(s) {', '.join(sorted(unknown))}")
        result = {lang: str(value.get(lang) or "").strip() for lang in LANG_KEYS}
        if required:
            for lang, label in LANG_KEYS.items():
                if not result[lang]:
                    raise self.error(f"missing {label} translation of {name!r}")
        return result

    def date(self, name: str, data: dict | None = None) -> tuple[dt.date | None, str, int | None]:
        """(date, precision, year) from 1947, "1962-10" or 1962-10-16, as precise as known;
        -431 is the year 431 BCE, which has a year but no calendar date."""
        raw = (self.data if data is None else data).get(name)
        if raw in (None, ""):
            return None, Precision.YEAR, None
        text = str(raw).strip()
        try:
            if match := _BCE.match(text):
                return None, Precision.YEAR, -int(match[1])
            if _YEAR.match(text):
                return dt.date(int(text), 1, 1), Precision.YEAR, int(text)
            if match := _MONTH.match(text):
                return dt.date(int(match[1]), int(match[2]), 1), Precision.MONTH, int(match[1])
            date = dt.date.fromisoformat(text)
            return date, Precision.DAY, date.year
        except ValueError as exc:
            raise self.error(f"bad date {text!r} for {name!r} ({exc})") from None


def read_entries(directory: Path, filename: str, key: str) -> list[Entry]:
    """The entries of one type: `<type>.yaml` and every `<type>/*.yaml`, each a YAML list of
    mappings. A key may appear only once across all of them."""
    stem = Path(filename).stem
    paths = [directory / filename, *sorted((directory / stem).glob("*.yaml"))]
    entries, seen = [], {}
    for path in paths:
        if not path.exists():
            continue
        name = path.relative_to(directory).as_posix()
        for entry in _read_file(path, name, key):
            if entry.key in seen:
                raise entry.error(f"already defined in {seen[entry.key]}")
            seen[entry.key] = name
            entries.append(entry)
    return entries


def _read_file(path: Path, filename: str, key: str) -> list[Entry]:
    try:
        # _Loader is a SafeLoader: no arbitrary Python objects.
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        raise CorpusError(f"{filename}: not valid YAML: {exc}") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise CorpusError(f"{filename}: expected a list of entries")
    entries, seen = [], set()
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not item.get(key):
            raise CorpusError(f"{filename}, entry #{number}: every entry needs a {key!r}")
        name = str(item[key])
        if name in seen:
            raise CorpusError(f"{filename}, entry {name!r}: appears twice")
        seen.add(name)
        entries.append(Entry(filename, name, item))
    return entries
