"""Typed knowledge-base entries and their resolution to an `Actor` at a given date.

Why a separate "resolve at date" step: the same person is a head of government in one
year and a former official (or opposition leader) in another, so the KB stores role
*spells* with date ranges and every article asks for the view at its own date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peristiwa.model import Actor

# When several roles hold at once, the first in this order is the one coded.
ROLE_PRIORITY = ("GOV", "MIL", "JUD", "LEG", "COP", "IGO", "PTY", "OPP", "REB", "SPY")

ENTRY_TYPES = {"country": "GPE", "person": "PER", "org": "ORG"}


@dataclass(frozen=True, slots=True)
class RoleSpell:
    """One role held from `start` to `end` (None = open-ended)."""

    role: str
    title: str | None = None
    country: str | None = None
    org: str | None = None
    start: date | None = None
    end: date | None = None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def rank(self) -> int:
        return ROLE_PRIORITY.index(self.role) if self.role in ROLE_PRIORITY else len(ROLE_PRIORITY)


@dataclass(frozen=True, slots=True)
class KBEntry:
    """A country, person or organisation as written in the KB files."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    country: str | None = None
    code: str | None = None
    role: str | None = None
    org_type: str | None = None
    gender: str | None = None
    roles: tuple[RoleSpell, ...] = ()
    source_file: str = ""

    @property
    def type(self) -> str:
        return ENTRY_TYPES.get(self.kind, "MISC")

    def spell_on(self, day: date | None) -> RoleSpell | None:
        """The role that codes this person on `day` (or the latest role when no date is known)."""
        if not self.roles:
            return None
        if day is None:
            return max(self.roles, key=lambda r: (r.end is None, r.start or date.min, -r.rank()))
        current = [r for r in self.roles if r.holds_on(day)]
        if current:
            return min(current, key=RoleSpell.rank)
        return None

    def was_official_before(self, day: date) -> bool:
        return any(r.end is not None and r.end <= day for r in self.roles)


def actor_for(entry: KBEntry, day: date | None, org_codes: dict[str, str]) -> Actor:
    """Resolve an entry to the coded `Actor` it stands for on `day`."""
    if entry.kind == "country":
        return Actor(entry.id, entry.name, "GPE", code=entry.code, country=entry.code)
    if entry.kind == "org":
        return Actor(entry.id, entry.name, "ORG", code=entry.code, country=entry.country, role=entry.role)
    return _person_actor(entry, day, org_codes)


def _person_actor(entry: KBEntry, day: date | None, org_codes: dict[str, str]) -> Actor:
    spell = entry.spell_on(day)
    country = entry.country
    if spell is None:
        role = "ELI" if day is not None and entry.was_official_before(day) else None
        code = f"{country}{role}" if country and role else country
        return Actor(entry.id, entry.name, "PER", code=code, country=country, role=role)
    if spell.role == "IGO" or spell.country == "IGO":
        code = org_codes.get(spell.org or "", "IGO")
        return Actor(entry.id, entry.name, "PER", code=code, country="IGO", role="IGO", title=spell.title)
    country = spell.country or country
    code = f"{country}{spell.role}" if country else spell.role
    return Actor(entry.id, entry.name, "PER", code=code, country=country, role=spell.role, title=spell.title)
