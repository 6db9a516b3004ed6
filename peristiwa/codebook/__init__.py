"""The CAMEO event codebook as data: codes, our names (en/id), Goldstein, QuadClass, PLOVER.

Why a TSV and not Python: the table is reviewed by people who know CAMEO, not Python, and is
rebuilt from references by ``scripts/build_codebook.py`` (names are ours and survive rebuilds).
Why a fallback: extractors and user lexicons may emit 4-digit codes that a given codebook
version lacks; we answer with the 3-digit base (then the root) instead of failing, and say so
through ``CodeInfo.code`` differing from the requested code.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

QUAD_CLASS_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One CAMEO code. `base` is the 3-digit code ('' for a 2-digit root row)."""

    code: str
    root: str
    base: str
    name_en: str
    name_id: str
    goldstein: float
    quad_class: int
    plover_type: str = ""
    plover_mode: str = ""
    plover_context: str = ""
    origin: str = "cameo"

    @property
    def level(self) -> int:
        """2 for a root (``19``), 3 for a base (``190``), 4 for a sub-code (``1951``)."""
        return len(self.code)

    def label(self, lang: str = "en") -> str:
        return self.name_id if lang == "id" else self.name_en


#: the kinds of modality that change an act's code (see data/modality.yaml)
MODAL_KINDS = ("intent", "refusal", "threat")


def load_modal_codes() -> dict[str, dict[str, str]]:
    """The packaged act → intent/refusal/threat code table."""
    import yaml

    text = resources.files("peristiwa.codebook").joinpath("data/modality.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    return {kind: {str(k): str(v) for k, v in (data.get(kind) or {}).items()} for kind in MODAL_KINDS}


@dataclass(frozen=True, slots=True)
class Conventions:
    """CAMEO conventions for implicit arguments (data/conventions.yaml says why each exists)."""

    jurisdiction_roots: frozenset[str] = frozenset()
    jurisdiction_named_roots: frozenset[str] = frozenset()
    state_act_codes: tuple[str, ...] = ()
    state_roles: frozenset[str] = frozenset()
    protest_target_roots: frozenset[str] = frozenset()
    protest_target_role: str = "GOV"
    protest_grievance_roots: frozenset[str] = frozenset()
    place_source_roots: frozenset[str] = frozenset()
    place_source_role: str = "CVL"
    domestic_target_roots: frozenset[str] = frozenset()
    unattributed_roots: frozenset[str] = frozenset()
    reciprocal_roots: frozenset[str] = frozenset()
    transnational: frozenset[str] = frozenset()
    unaddressed_roots: frozenset[str] = frozenset()
    transnational_target_roots: frozenset[str] = frozenset()
    commentary_roots: frozenset[str] = frozenset()
    commentary_roles: frozenset[str] = frozenset()
    background_years: int | None = None

    def is_background(self, event_year: int, published_year: int) -> bool:
        """An act its clause dates `background_years` or more before the publication: recalled, not news."""
        return self.background_years is not None and published_year - event_year >= self.background_years

    def is_commentary(self, root: str, source_role: str | None) -> bool:
        """A private person's unaddressed statement: commentary, not a political event (conventions.yaml)."""
        return root in self.commentary_roots and source_role in self.commentary_roles

    def is_transnational(self, actor_country: str | None) -> bool:
        """An IGO, NGO, company, … : an actor with no country of its own (KB country IGO, NGO, …)."""
        return actor_country is not None and actor_country[:3] in self.transnational

    def is_state_act(self, code: str) -> bool:
        """Only a state does it (arrest, detention, sanctions, expulsion, repression): its agent may be inferred."""
        return code.startswith(self.state_act_codes) if self.state_act_codes else False

    @classmethod
    def load(cls) -> Conventions:
        import yaml

        text = resources.files("peristiwa.codebook").joinpath("data/conventions.yaml").read_text("utf-8")
        data = yaml.safe_load(text) or {}
        jurisdiction, protest, place, domestic, unattributed, reciprocal, commentary = (
            data.get(k) or {} for k in ("jurisdiction", "protest_target", "place_source", "domestic_target",
                                        "unattributed", "reciprocal", "commentary"))

        def codes(section: dict, key: str) -> frozenset[str]:
            return frozenset(str(v) for v in section.get(key) or ())

        return cls(
            commentary_roots=codes(commentary, "roots"), commentary_roles=codes(commentary, "source_roles"),
            jurisdiction_roots=codes(jurisdiction, "roots"), state_roles=codes(jurisdiction, "source_roles"),
            jurisdiction_named_roots=codes(jurisdiction, "named_target_roots"),
            state_act_codes=tuple(sorted(codes(jurisdiction, "state_act_codes"))),
            protest_target_roots=codes(protest, "roots"),
            protest_target_role=str(protest.get("target_role") or "GOV"),
            protest_grievance_roots=codes(protest, "grievance_roots"),
            place_source_roots=codes(place, "roots"), place_source_role=str(place.get("role") or "CVL"),
            reciprocal_roots=codes(reciprocal, "roots"),
            domestic_target_roots=codes(domestic, "roots"), unattributed_roots=codes(unattributed, "roots"),
            transnational=codes(data, "transnational"),
            unaddressed_roots=codes(data.get("unaddressed_export") or {}, "roots"),
            transnational_target_roots=codes(data.get("transnational_target") or {}, "roots"),
            background_years=(data.get("background") or {}).get("years"),
        )


class Codebook:
    """Lookup over the CAMEO table; load once with `Codebook.load()` and pass it around."""

    def __init__(self, entries: dict[str, CodeInfo], modal_codes: dict[str, dict[str, str]] | None = None,
                 conventions: Conventions | None = None) -> None:
        self._entries = entries
        self._modal = modal_codes if modal_codes is not None else load_modal_codes()
        self.conventions = conventions if conventions is not None else Conventions.load()

    def modal_code(self, code: str, kind: str) -> str | None:
        """The code an act takes when it is only intended, refused or threatened (None: unchanged).

        The longest listed prefix of `code` wins: "0831" refused → "123" (via "083").
        """
        table = self._modal.get(kind, {})
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                return table[code[:n]]
        return None

    @classmethod
    def load(cls, path: str | Path | None = None) -> Codebook:
        """Read the packaged ``cameo.tsv`` (or another TSV with the same columns)."""
        if path is None:
            text = resources.files("peristiwa.codebook").joinpath("data/cameo.tsv").read_text("utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        rows = csv.DictReader(text.splitlines(), delimiter="\t")
        entries = {}
        for row in rows:
            info = CodeInfo(
                code=row["code"],
                root=row["root"],
                base=row["base"],
                name_en=row["name_en"],
                name_id=row["name_id"],
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover_type=row.get("plover_type", "") or "",
                plover_mode=row.get("plover_mode", "") or "",
                plover_context=row.get("plover_context", "") or "",
                origin=row.get("origin", "cameo") or "cameo",
            )
            entries[info.code] = info
        return cls(entries)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[CodeInfo]:
        return iter(self._entries.values())

    def get(self, code: str) -> CodeInfo:
        """Exact code, else its 3-digit base, else its root; KeyError if none is known.

        Callers that must know whether a fallback happened compare ``result.code`` to `code`.
        """
        code = code.strip()
        for key in (code, code[:3], code[:2]):
            if key in self._entries:
                return self._entries[key]
        raise KeyError(f"unknown CAMEO code: {code!r}")

    def find(self, code: str) -> CodeInfo | None:
        """Like `get` but returns None for an unknown code."""
        try:
            return self.get(code)
        except KeyError:
            return None

    def label(self, code: str, lang: str = "en") -> str:
        return self.get(code).label(lang)

    def root(self, code: str) -> str:
        """The 2-digit root of any code (validated against the table)."""
        return self.get(code).root

    def base(self, code: str) -> str:
        info = self.get(code)
        return info.base or info.code

    def roots(self) -> list[CodeInfo]:
        return [info for info in self._entries.values() if info.level == 2]

    def children(self, code: str) -> list[CodeInfo]:
        return [i for i in self._entries.values() if i.code != code and i.code.startswith(code)]


__all__ = ["QUAD_CLASS_NAMES", "CodeInfo", "Codebook"]
