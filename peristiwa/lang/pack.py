"""Language packs: the per-language word lists the extractors need, loaded from YAML.

Like dateparser's language data, everything language-specific lives in
`peristiwa/lang/<code>/data/*.yaml`, so supporting a new language (or fixing a word)
means editing data, not code. A missing file yields an empty list, so a young
language pack degrades gracefully instead of crashing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from peristiwa.text.normalize import norm_token

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

SUPPORTED_LANGUAGES = ("id", "en", "ms")


@dataclass(frozen=True, slots=True)
class RoleWord:
    """A title or noun that signals a CAMEO role ("Presiden" → GOV, "pasukan" → MIL)."""

    surface: str
    role: str | None
    kind: str
    head: bool = False
    fallback: str | None = None
    country: str | None = None
    org: str | None = None
    exact: tuple[str, ...] | None = None
    office: str = ""  # the entry's first form: "PM" and "Perdana Menteri" are one office


@dataclass
class LanguagePack:
    code: str
    roles: dict[tuple[str, ...], RoleWord] = field(default_factory=dict)
    max_role_tokens: int = 1
    speech: dict[str, frozenset[str]] = field(default_factory=dict)
    person_pronouns: frozenset[str] = frozenset()
    plural_pronouns: frozenset[str] = frozenset()
    groups: dict[tuple[str, ...], str] = field(default_factory=dict)
    demonstratives: frozenset[str] = frozenset()
    country_anaphors: frozenset[tuple[str, ...]] = frozenset()
    possessive_clitics: tuple[str, ...] = ()
    shared_country_names: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    name_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    bare_title_blockers: dict[str, frozenset[str]] = field(default_factory=dict)

    def shared_countries(self, phrase: str) -> tuple[str, ...]:
        """The states a name such as "Korea" may stand for (anaphora.yaml), or () for other names."""
        return self.shared_country_names.get(_key(phrase), ())

    def speech_words(self, kind: str) -> frozenset[str]:
        return self.speech.get(kind, frozenset())

    def role_at(self, norms: list[str], i: int, surfaces: list[str] | None = None) -> tuple[int, RoleWord | None]:
        """Longest role word starting at token `i`; "pasukan-pasukan" counts as "pasukan".

        Short all-capital words (PM, JPU) only match in capitals when `surfaces` is given.
        """
        if i >= len(norms):
            return 0, None
        lengths = self._role_lengths().get(norms[i])
        if lengths is None:
            if "-" not in norms[i]:  # starts no role word and is not reduplicated: the common case
                return 0, None
            lengths = (1,)
        for n in lengths:
            if i + n > len(norms):
                continue
            key = tuple(norms[i : i + n])
            word = self.roles.get(key) or (self.roles.get((_unreduplicate(key[0]),)) if n == 1 else None)
            if word is None:
                continue
            if word.exact is not None and surfaces is not None and tuple(surfaces[i : i + n]) != word.exact:
                continue
            return n, word
        return 0, None


    def group_at(self, norms: list[str], i: int, longest: int = 4) -> tuple[int, str | None]:
        """Longest group expression ("kedua negara") of at most `longest` tokens starting at token `i`:
        (length, type), or (0, None)."""
        lengths = self._group_lengths().get(norms[i]) if i < len(norms) else None
        for n in lengths or ():
            if n <= longest and i + n <= len(norms):
                group_type = self.groups.get(tuple(norms[i : i + n]))
                if group_type is not None:
                    return n, group_type
        return 0, None

    def _group_lengths(self) -> dict[str, tuple[int, ...]]:
        """First token → group-expression lengths, longest first (rebuilt when `groups` grows)."""
        cached_index = self.__dict__.get("_group_index")
        if cached_index is None or cached_index[0] != len(self.groups):
            lengths: dict[str, set[int]] = {}
            for key in self.groups:
                lengths.setdefault(key[0], set()).add(len(key))
            index = {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}
            cached_index = (len(self.groups), index)
            self.__dict__["_group_index"] = cached_index
        return cached_index[1]

    def _role_lengths(self) -> dict[str, tuple[int, ...]]:
        """First token → role-word lengths starting with it, longest first, always ending in 1.

        Why: `role_at` runs at every token; this turns `max_role_tokens` tuple builds into one
        lookup. 1 is always tried because "pasukan-pasukan" matches the one-word "pasukan".
        Rebuilt when `roles` grows, so it cannot go stale.
        """
        cached_index = self.__dict__.get("_first_token_index")
        if cached_index is None or cached_index[0] != len(self.roles):
            lengths: dict[str, set[int]] = {}
            for key in self.roles:
                lengths.setdefault(key[0], {1}).add(len(key))
            index = {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}
            cached_index = (len(self.roles), index)
            self.__dict__["_first_token_index"] = cached_index
        return cached_index[1]


def _unreduplicate(norm: str) -> str:
    half, dash, rest = norm.partition("-")
    return half if dash and half == rest else norm


def data_dir(code: str) -> Path:
    return Path(str(resources.files("peristiwa.lang") / code / "data"))


def lang_file(code: str, name: str) -> Path:
    """The language's data file, or Indonesian's when the language has none yet (Malay is close)."""
    for candidate_code in (code, "id"):
        candidate = data_dir(candidate_code) / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(name)


def read_yaml(code: str, name: str) -> Any:
    path = data_dir(code) / name
    if not path.exists():
        return None
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(norm_token(w) for w in phrase.split())


def load_pack(code: str) -> LanguagePack:
    """Load the language pack for `code` (callers keep it; see peristiwa.api)."""
    if code not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {code!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")
    pack = LanguagePack(code)
    for item in read_yaml(code, "roles.yaml") or []:
        for phrase in item.get("words") or ():
            phrase = str(phrase)
            key = _key(phrase)
            exact = tuple(phrase.split()) if phrase.isupper() and len(phrase.replace(" ", "")) <= 4 else None
            pack.roles.setdefault(key, RoleWord(
                phrase, item.get("role"), item.get("kind") or "title", bool(item.get("head")),
                item.get("fallback"), item.get("country"), item.get("org"), exact, str(item["words"][0])))
            pack.max_role_tokens = max(pack.max_role_tokens, len(key))
    speech = read_yaml(code, "speech.yaml") or {}
    pack.speech = {k: frozenset(norm_token(w) for w in v or ()) for k, v in speech.items()}
    anaphora = read_yaml(code, "anaphora.yaml") or {}
    pack.person_pronouns = frozenset(anaphora.get("person_pronouns") or ())
    pack.plural_pronouns = frozenset(anaphora.get("plural_pronouns") or ())
    pack.demonstratives = frozenset(anaphora.get("demonstratives") or ())
    pack.country_anaphors = frozenset(_key(str(p)) for p in anaphora.get("country") or ())
    pack.possessive_clitics = tuple(str(c) for c in anaphora.get("possessive_clitics") or ())
    pack.bare_title_blockers = {side: frozenset(norm_token(str(w)) for w in words or ())
                                for side, words in (anaphora.get("bare_title_blockers") or {}).items()}
    for shared in anaphora.get("shared_country_names") or ():
        for phrase in shared.get("words") or ():
            pack.shared_country_names[_key(str(phrase))] = tuple(shared.get("countries") or ())
    for group in anaphora.get("group") or ():
        for phrase in group.get("words") or ():
            pack.groups[_key(phrase)] = group.get("type", "ANY")
    cues = read_yaml(code, "names.yaml") or {}
    pack.name_cues = {k: frozenset(norm_token(str(w)) for w in v or ()) for k, v in cues.items()}
    return pack
