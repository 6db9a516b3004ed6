"""Read KB YAML files (shipped and user-supplied) into typed `KBEntry` objects.

The file format is documented in docs/kb.md. Parsing is strict about structure and
lenient about dates ("2013", "2013-03" and full ISO dates are all accepted) because
KB authors often know only the month or year of an appointment.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from peristiwa.kb.entries import KBEntry, RoleSpell

try:  # the C loader is ~10x faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class KBFormatError(ValueError):
    """A KB file does not follow docs/kb.md; the message names the file and entry."""


def packaged_kb_files() -> list[Path]:
    """All YAML files shipped under peristiwa/kb/data (sorted, so loading is deterministic)."""
    root = Path(str(resources.files("peristiwa.kb") / "data"))
    return sorted(p for p in root.rglob("*.yaml") if p.name != "country_aliases.yaml")


def load_entries(paths: Iterable[Path]) -> Iterator[KBEntry]:
    for path in paths:
        yield from _load_file(Path(path))


def _load_file(path: Path) -> Iterator[KBEntry]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError) as exc:
        raise KBFormatError(f"{path}: cannot read KB file: {exc}") from exc
    if data is None:
        return
    if not isinstance(data, list):
        raise KBFormatError(f"{path}: a KB file must be a YAML list of entries")
    for raw in data:
        if not isinstance(raw, dict):
            raise KBFormatError(f"{path}: every entry must be a mapping, got {raw!r}")
        try:
            yield parse_entry(raw, source_file=path.name)
        except (KeyError, TypeError, ValueError) as exc:
            raise KBFormatError(f"{path}: bad entry {raw.get('id') or raw.get('iso3')!r}: {exc}") from exc


def parse_entry(raw: dict[str, Any], source_file: str = "") -> KBEntry:
    kind = raw.get("kind") or ("country" if "iso3" in raw else "person" if "roles" in raw else "org")
    if kind == "country":
        return _country(raw, source_file)
    if kind == "person":
        return _person(raw, source_file)
    return _org(raw, source_file)


def _country(raw: dict[str, Any], source_file: str) -> KBEntry:
    iso3 = str(raw["iso3"])
    return KBEntry(
        id=f"country:{iso3}",
        kind="country",
        name=str(raw.get("name") or iso3),
        aliases=_strings(_flatten(raw.get("aliases")) + _flatten(raw.get("demonyms"))),
        metonyms=_strings(raw.get("metonyms")),
        country=iso3,
        code=iso3,
        source_file=source_file,
    )


def _person(raw: dict[str, Any], source_file: str) -> KBEntry:
    name = str(raw["name"])
    roles = tuple(_role(r) for r in raw.get("roles") or ())
    return KBEntry(
        id=str(raw["id"]),
        kind="person",
        name=name,
        aliases=_strings([name, *(raw.get("aliases") or ())]),
        short=_strings(raw.get("short")),
        country=raw.get("country"),
        gender=raw.get("gender"),
        roles=roles,
        source_file=source_file,
    )


def _org(raw: dict[str, Any], source_file: str) -> KBEntry:
    name = str(raw["name"])
    org_type = raw.get("type")
    country = raw.get("country")
    code = raw.get("code") or (f"{country}{org_type}" if country and org_type else country)
    return KBEntry(
        id=str(raw["id"]),
        kind="org",
        name=name,
        aliases=_strings([name, *_flatten(raw.get("aliases"))]),
        short=_strings(raw.get("short")),
        country=country,
        code=code,
        role=org_type,
        org_type=org_type,
        source_file=source_file,
    )


def _role(raw: dict[str, Any]) -> RoleSpell:
    return RoleSpell(
        role=str(raw["role"]),
        title=raw.get("title"),
        country=raw.get("country"),
        org=raw.get("org"),
        start=parse_partial_date(raw.get("from")),
        end=parse_partial_date(raw.get("to")),
    )


def parse_partial_date(value: Any) -> date | None:
    """Accept date objects, years (2013), 'YYYY-MM' and 'YYYY-MM-DD'; None/'' stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1)
    return date(parts[0], parts[1], parts[2])


def _flatten(value: Any) -> list[str]:
    """Aliases may be a list or a mapping of language → list; we index all languages together."""
    if value is None:
        return []
    if isinstance(value, dict):
        return [alias for aliases in value.values() for alias in (aliases or ())]
    if isinstance(value, str):
        return [value]
    return list(value)


def _strings(values: Any) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in _flatten(values):
        text = str(value).strip()
        if text:
            seen.setdefault(text, None)
    return tuple(seen)
