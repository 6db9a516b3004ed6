"""The in-memory knowledge base: entries plus the token-level indexes the extractors query.

Why token tuples as keys: articles are matched token by token (longest match first), so
keying aliases by their normalised token sequence turns gazetteer matching into a few
dict lookups per token instead of a regex per alias.

Building the indexes takes a few hundred milliseconds for thousands of entries, so the
built object is cached on disk (peristiwa/cache.py), keyed by the KB files' sizes and mtimes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from peristiwa.cache import cached
from peristiwa.kb.entries import KBEntry, actor_for
from peristiwa.kb.loader import load_entries, packaged_kb_files
from peristiwa.model import Actor

Tokenizer = Callable[[str], list[tuple[str, str]]]
"""Splits an alias into (surface, norm) pairs, exactly as article text is tokenised."""

# Short all-caps aliases (AS, RI, PBB) are also ordinary words in lower case.
CASE_SENSITIVE_MAX_LEN = 4
HEAD_TITLES = ("presiden", "perdana menteri", "kanselir", "raja", "pemimpin tertinggi", "emir", "sultan")


@dataclass(frozen=True, slots=True)
class AliasHit:
    """One KB entry reachable through an alias; `exact` holds the required casing, if any."""

    entry_id: str
    via: str
    exact: tuple[str, ...] | None = None


@dataclass
class KnowledgeBase:
    entries: dict[str, KBEntry] = field(default_factory=dict)
    aliases: dict[tuple[str, ...], list[AliasHit]] = field(default_factory=dict)
    shorts: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    titles: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    max_alias_tokens: int = 1
    org_codes: dict[str, str] = field(default_factory=dict)

    # ---- construction -------------------------------------------------------------------
    @classmethod
    def build(cls, entries: Iterable[KBEntry], tokenize: Tokenizer) -> KnowledgeBase:
        kb = cls()
        for entry in entries:
            kb.entries[entry.id] = entry  # later files (user KBs) replace earlier ids
        for entry in kb.entries.values():
            kb._index(entry, tokenize)
        kb.org_codes = {e.id: e.code for e in kb.entries.values() if e.kind == "org" and e.code}
        return kb

    @classmethod
    def load(cls, tokenize: Tokenizer, extra_paths: Sequence[Path] = (), cache: bool = True) -> KnowledgeBase:
        """Load the shipped KB plus user files (later ids replace earlier ones), cached on disk."""
        paths = [*packaged_kb_files(), *(Path(p) for p in extra_paths)]
        if not cache:
            return cls.build(load_entries(paths), tokenize)
        modules = ("peristiwa.kb.base", "peristiwa.kb.entries", "peristiwa.kb.loader", "peristiwa.text.segment",
                   "peristiwa.text.normalize")
        return cached("kb", paths, lambda: cls.build(load_entries(paths), tokenize), code=modules)

    def _index(self, entry: KBEntry, tokenize: Tokenizer) -> None:
        for alias in entry.aliases:
            self._add_alias(alias, AliasHit(entry.id, "alias"), tokenize)
        for alias in entry.metonyms:
            self._add_alias(alias, AliasHit(entry.id, "metonym"), tokenize)
        for short in entry.short:
            key = tuple(norm for _, norm in tokenize(short))
            if key:
                self.shorts.setdefault(key, []).append(entry.id)
        for spell in entry.roles:
            if spell.title:
                country = spell.country or entry.country or ""
                self.titles.setdefault((country, spell.title.lower()), []).append(entry.id)

    def _add_alias(self, alias: str, hit: AliasHit, tokenize: Tokenizer) -> None:
        pairs = tokenize(alias)
        if not pairs:
            return
        key = tuple(norm for _, norm in pairs)
        if alias.isupper() and len(alias.replace(" ", "")) <= CASE_SENSITIVE_MAX_LEN:
            hit = AliasHit(hit.entry_id, hit.via, tuple(surface for surface, _ in pairs))
        bucket = self.aliases.setdefault(key, [])
        if hit not in bucket:
            bucket.append(hit)
        self.max_alias_tokens = max(self.max_alias_tokens, len(key))

    # ---- queries --------------------------------------------------------------------------
    def match(self, norms: Sequence[str], surfaces: Sequence[str], i: int) -> tuple[int, list[AliasHit]]:
        """Longest alias starting at token `i`: (number of tokens, hits); (0, []) if none."""
        if i >= len(norms):
            return 0, []
        index = self.__dict__.get("_first_token_index")  # `_alias_lengths` inlined: called at every token
        lengths = (index[1] if index is not None and index[0] == len(self.aliases)
                   else self._alias_lengths()).get(norms[i])
        if not lengths:
            return 0, []
        for n in lengths:
            if i + n > len(norms):
                continue
            hits = self.aliases.get(tuple(norms[i : i + n]))
            if not hits:
                continue
            window = tuple(surfaces[i : i + n])
            usable = [h for h in hits if _case_ok(h, window)]
            if usable:
                return n, usable
        return 0, []

    def starts_alias(self, norm: str) -> bool:
        """Whether some alias starts with this token: `match` finds nothing where this is False."""
        return norm in self._alias_lengths()

    def _alias_lengths(self) -> dict[str, tuple[int, ...]]:
        """First token → alias lengths starting with it, longest first.

        Why: `match` runs at every token of every article; most tokens start no alias, and
        this index answers that with one lookup instead of `max_alias_tokens` tuple builds.
        Rebuilt when `aliases` grows (it is only ever added to), so it cannot go stale.
        """
        cached_index = self.__dict__.get("_first_token_index")
        if cached_index is None or cached_index[0] != len(self.aliases):
            lengths: dict[str, set[int]] = {}
            for key in self.aliases:
                lengths.setdefault(key[0], set()).add(len(key))
            index = {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}
            cached_index = (len(self.aliases), index)
            self.__dict__["_first_token_index"] = cached_index
        return cached_index[1]

    def actor(self, entry_id: str, day: date | None, via: str = "alias") -> Actor:
        """The `Actor` an entry stands for on `day`; a metonym (Kremlin) codes as the government."""
        entry = self.entries[entry_id]
        actor = actor_for(entry, day, self.org_codes)
        if via == "metonym" and entry.kind == "country":
            return Actor(entry.id, f"{entry.name} (government)", "ORG", code=f"{entry.code}GOV",
                         country=entry.code, role="GOV")
        return actor

    def country(self, iso3: str) -> KBEntry | None:
        return self.entries.get(f"country:{iso3}")

    def holders(self, country: str, title: str, day: date | None) -> list[str]:
        """Persons who held `title` for `country` on `day` (e.g. CHN + "presiden" → Xi in 2023)."""
        ids = self.titles.get((country, title.lower()), [])
        if day is None:
            return list(ids)
        return [i for i in ids if any(
            s.holds_on(day) and (s.title or "").lower() == title.lower() for s in self.entries[i].roles)]

    def heads(self, country: str, day: date | None) -> list[str]:
        """Heads of state or government of `country` on `day`, most senior title first."""
        found: list[str] = []
        for title in HEAD_TITLES:
            found.extend(i for i in self.holders(country, title, day) if i not in found)
        return found

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for entry in self.entries.values():
            counts[entry.kind] = counts.get(entry.kind, 0) + 1
        return counts


def _case_ok(hit: AliasHit, window: tuple[str, ...]) -> bool:
    if hit.exact is not None:
        return window == hit.exact
    # A capitalised alias must start with a capital in the text: "China" yes, "china" no.
    return not window[0][:1].islower()
