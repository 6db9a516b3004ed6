"""Event-trigger matching: find lexicon words (in any generated inflection) in a token sequence.

Why this shape: the lexicon lists *roots* with affix specs (see docs/lexicon.md); every surface
form is generated once at load (peristiwa.lang.id.morphology) and indexed by its first token's
norm, so matching a sentence is one dict lookup per token — no regex per entry, no stemmer. The
matched form carries its voice (active/passive/intransitive/nominal), which the event coder uses
to decide who is source and who is target. Conditions on the following words (``when: object``,
or ``when: object_class`` naming a class of head nouns in ``data/noun_classes.yaml``, which is how a
word's sense depends on its object: *mengakui* a state is recognition, *mengakui* a mistake is an
admission) and on a preceding light verb ("melakukan kunjungan", "menerima kunjungan") refine the code, and
every match says which rule produced it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from peristiwa.cache import cached
from peristiwa.lang.id.morphology import ENCLITICS, forms
from peristiwa.model import Token

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Phrase = tuple[str, ...]
PRIORITIES = {"low": 0, "normal": 1, "high": 2}
VOICES = ("active", "passive", "intransitive", "nominal")
DEFAULT_WINDOW = 6
# Tokens that end the object window: an object condition never looks past a clause boundary.
WINDOW_STOPS = frozenset({".", ";", "!", "?", "”", "“", '"', "(", ")"})
QUOTE_MARKS = frozenset({"”", "“", '"'})
NOUN_CLASSES_FILE = "data/noun_classes.yaml"
SPELLING_FILE = "data/spelling.yaml"


@dataclass(frozen=True, slots=True)
class Condition:
    """One `when` item; the first condition that holds decides the code (or skips the match)."""

    objects: tuple[Phrase, ...] = ()
    before: tuple[Phrase, ...] = ()
    voices: tuple[str, ...] = ()
    code: str | None = None
    skip: bool = False
    window: int = DEFAULT_WINDOW
    consume: bool = True
    set_voice: str | None = None
    quoted: bool = False
    #: the matched object is the subject's own, moved away ("menarik duta besarnya", "memanggil pulang
    #: pasukan"): it is no target; the target is whom it leaves ("dari Riyadh")
    theme: bool = False
    object_index: dict[str, tuple[Phrase, ...]] = field(default_factory=dict)
    before_index: dict[str, tuple[Phrase, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One lexicon entry after loading (the YAML fields, validated and normalised)."""

    id: str
    code: str
    root: str = ""
    affixes: tuple[str, ...] = ()
    literal: tuple[tuple[str, str], ...] = ()  # (surface, voice)
    when: tuple[Condition, ...] = ()
    require_when: bool = False
    only_with_light: bool = False
    locative_target: bool = False
    priority: int = 1
    source: str = ""


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger found in a token sequence.

    `start`/`end` are token indices (half-open) covering the light verb, if any, and the trigger
    words; `trigger_start`/`trigger_end` cover the lexicon words alone. `object_start`/`object_end`
    is the phrase a `when: object` condition matched (None when none did).
    """

    start: int
    end: int
    trigger_start: int
    trigger_end: int
    entry_id: str
    code: str
    voice: str
    form: str
    affix: str
    rule: str
    priority: int = 1
    light_verb: str | None = None
    object_start: int | None = None
    object_end: int | None = None
    theme: bool = False

    def char_span(self, tokens: Sequence[Token]) -> tuple[int, int]:
        """Character offsets (into the text the tokens came from) of the whole match."""
        return tokens[self.start].start, tokens[self.end - 1].end


@dataclass(frozen=True, slots=True)
class _Surface:
    norms: Phrase
    entry: LexEntry
    voice: str
    affix: str
    surface: str


@dataclass
class Lexicon:
    """The event lexicon: entries, their generated surfaces and the light verbs.

    Build with `Lexicon.load()`; pass extra YAML files to extend or override (same id replaces).
    """

    entries: dict[str, LexEntry] = field(default_factory=dict)
    light_verbs: dict[Phrase, str] = field(default_factory=dict)  # phrase → voice
    fillers: frozenset[str] = frozenset()
    noun_classes: dict[str, tuple[Phrase, ...]] = field(default_factory=dict)
    spellings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # standard piece → variants
    _index: dict[str, list[_Surface]] = field(default_factory=dict, repr=False)
    _surfaces: dict[str, set[Phrase]] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, extra_paths: Iterable[str | Path] = (), *, builtin: bool = True) -> Lexicon:
        """Load the packaged Indonesian lexicon (all ``events/*.yaml``) then each extra file in order.

        The built lexicon (thousands of generated surfaces) is cached on disk (peristiwa/cache.py).
        """
        files: list[tuple[str, Path]] = []
        if builtin:
            package = resources.files("peristiwa.lang.id")
            files += [(name, Path(str(package.joinpath(name)))) for name in (NOUN_CLASSES_FILE, SPELLING_FILE)]
            folder = Path(str(package.joinpath("data/events")))
            files += [(f"events/{p.name}", p) for p in sorted(folder.glob("*.yaml"))]
        files += [(str(p), Path(p)) for p in extra_paths]
        return cached("lexicon", [path for _, path in files], lambda: cls._from_files(files),
                      code=("peristiwa.extract.triggers", "peristiwa.lang.id.morphology"))

    @classmethod
    def _from_files(cls, files: list[tuple[str, Path]]) -> Lexicon:
        docs = [(source, yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)) for source, path in files]
        lex = cls()
        raw_entries: dict[str, tuple[str, dict[str, Any]]] = {}
        for source, doc in docs:
            for name, words in _noun_classes(doc, source).items():
                lex.noun_classes[name] = lex.noun_classes.get(name, ()) + words
            for piece, variants in _spelling_variants(doc, source).items():
                lex.spellings[piece] = lex.spellings.get(piece, ()) + variants
        for source, doc in docs:
            entries, light, fillers = _split_doc(doc, source)
            for item in entries:
                if not isinstance(item, dict) or "id" not in item:
                    raise ValueError(f"{source}: every entry needs an id: {item!r}")
                raw_entries[str(item["id"])] = (source, item)
            for voice, words in light.items():
                for word in words:
                    lex.light_verbs[tuple(word.lower().split())] = voice
            lex.fillers = lex.fillers | {f.lower() for f in fillers}
        lex._build(raw_entries)
        return lex

    def _build(self, raw_entries: dict[str, tuple[str, dict[str, Any]]]) -> None:
        # Two passes: surfaces first, so `object_of: [entry ids]` can refer to any entry.
        staged = {eid: _parse_entry(item, source) for eid, (source, item) in raw_entries.items()}
        for eid, entry in staged.items():
            self._surfaces[eid] = {s.norms for s in _entry_surfaces(entry, self.spellings)}
        for eid, (source, item) in raw_entries.items():
            raw_when = item.get("when", []) or []
            conditions = tuple(_parse_condition(c, source, eid, self._surfaces, self.noun_classes, self.spellings)
                               for c in raw_when)
            self.entries[eid] = dataclasses.replace(staged[eid], when=conditions)
        for entry in self.entries.values():
            for surf in _entry_surfaces(entry, self.spellings):
                self._index.setdefault(surf.norms[0], []).append(surf)
        for cands in self._index.values():
            cands.sort(key=lambda s: -len(s.norms))

    def __len__(self) -> int:
        return len(self.entries)

    def surfaces(self, entry_id: str) -> set[str]:
        """All generated surfaces of one entry (space-joined), for docs and tests."""
        return {" ".join(p) for p in self._surfaces.get(entry_id, set())}

    def codes(self) -> set[str]:
        out = {e.code for e in self.entries.values()}
        out |= {c.code for e in self.entries.values() for c in e.when if c.code}
        return out

    # ------------------------------------------------------------------ matching
    def find(self, tokens: Sequence[Token], *, keep_low: bool = False) -> list[TriggerMatch]:
        """All non-overlapping trigger matches in `tokens` (one sentence), in text order.

        Longest match wins, then higher priority. A match lying between another match and the
        object phrase that match's condition consumed is dropped ("menolak tuduhan" is one denial,
        not a denial and an accusation). Low-priority matches (plain "mengatakan") are dropped when
        anything else matched, unless `keep_low`.
        """
        norms = [t.norm for t in tokens]
        found: list[TriggerMatch] = []
        for i, norm in enumerate(norms):
            for cand in self._candidates(norm):
                n = len(cand.norms)
                if n > 1 and tuple(norms[i : i + n]) != cand.norms:
                    continue
                match = self._evaluate(cand, norms, i, i + n)
                if match is not None:
                    found.append(match)
        return _resolve(found, keep_low)

    def has_candidate(self, tokens: Sequence[Token]) -> bool:
        """Whether the event stage will see a trigger proper here (plain speech verbs do not count);
        the parse stage parses only such sentences, since parsing every "kata X" sentence tripled
        the pipeline's CPU time."""
        return any(m.priority > 0 for m in self.find(tokens, keep_low=True))

    def _candidates(self, norm: str) -> list[_Surface]:
        cands = self._index.get(norm)
        if cands is not None:
            return cands
        # Reduplicated plural "serangan-serangan": look the half up (still no stemming).
        half, dash, rest = norm.partition("-")
        if dash and half == rest:
            return [c for c in self._index.get(half, []) if len(c.norms) == 1]
        return []

    def _light_before(self, norms: Sequence[str], i: int) -> tuple[int, Phrase, str] | None:
        """A light verb ending right before token `i` (one filler word such as 'aksi' may intervene)."""
        for gap in (0, 1):
            end = i - gap
            if gap and (end <= 0 or norms[end] not in self.fillers):
                continue
            for n in (2, 1):
                start = end - n
                if start >= 0:
                    phrase = tuple(norms[start:end])
                    voice = self.light_verbs.get(phrase)
                    if voice is not None:
                        return start, phrase, voice
        return None

    def _evaluate(self, cand: _Surface, norms: Sequence[str], i: int, j: int) -> TriggerMatch | None:
        entry = cand.entry
        start, voice, light = i, cand.voice, None
        if cand.voice == "nominal":
            found = self._light_before(norms, i)
            if found is not None:
                start, phrase, voice = found
                light = " ".join(phrase)
        if entry.only_with_light and light is None:
            return None
        code, parts, obj = entry.code, [], None
        fired = theme = False
        for cond in entry.when:
            hit = _condition_holds(cond, norms, i, j, voice)
            if hit is None:
                continue
            if cond.skip:
                return None
            fired = True
            code = cond.code or code
            voice = cond.set_voice or voice
            parts.append(_describe(cond, hit, norms, code))
            if hit.object is not None and cond.consume:
                obj = hit.object
            theme = cond.theme and hit.object is not None
            break
        if entry.require_when and not fired:
            return None
        # A low-priority word ("berbicara") whose condition named a specific code is an event proper.
        priority = max(entry.priority, 1) if fired and code != entry.code else entry.priority
        rule = f"lexicon:{entry.id}[{cand.affix}]"
        if light:
            rule += f" light={light}"
        if parts:
            rule += " when " + "; ".join(parts)
        return TriggerMatch(
            start=start, end=j, trigger_start=i, trigger_end=j, entry_id=entry.id, code=code,
            voice=voice, form=cand.surface, affix=cand.affix, rule=rule, priority=priority,
            light_verb=light, object_start=obj[0] if obj else None, object_end=obj[1] if obj else None,
            theme=theme,
        )


# ---------------------------------------------------------------------- helpers
def _noun_classes(doc: Any, source: str) -> dict[str, tuple[Phrase, ...]]:
    """The `noun_classes` mapping of a file (class name → head nouns); a later file extends a class."""
    raw = doc.get("noun_classes", {}) if isinstance(doc, dict) else {}
    if not isinstance(raw, dict):
        raise ValueError(f"{source}: noun_classes must map a class name to a list of nouns")
    out: dict[str, tuple[Phrase, ...]] = {}
    for name, words in raw.items():
        if not isinstance(words, list) or not words:
            raise ValueError(f"{source}: noun class {name!r} must be a non-empty list of nouns")
        out[str(name)] = tuple(_phrases(words))
    return out


def _spelling_variants(doc: Any, source: str) -> dict[str, tuple[str, ...]]:
    """The `spelling_variants` mapping of a file (standard piece → its variant spellings, spelling.yaml)."""
    raw = doc.get("spelling_variants", {}) if isinstance(doc, dict) else {}
    if not isinstance(raw, dict) or not all(isinstance(v, list) and v for v in raw.values()):
        raise ValueError(f"{source}: spelling_variants must map a standard spelling to a list of variants")
    return {str(piece).lower(): tuple(str(v).lower() for v in variants) for piece, variants in raw.items()}


def _respelled(phrase: Phrase, spellings: dict[str, tuple[str, ...]]) -> list[Phrase]:
    """The phrase and each of its spellings with a standard piece replaced by a variant ("kerja sama" →
    "kerjasama"): web text is matched although the lexicon is written in the standard spelling."""
    texts = [" ".join(phrase)]
    for piece, variants in spellings.items():
        texts += [t.replace(piece, v) for t in texts if piece in t for v in variants]
    return [tuple(t.split()) for t in texts]


def _split_doc(doc: Any, source: str) -> tuple[list[Any], dict[str, list[str]], list[str]]:
    """A file is a list of entries, or a mapping with `entries`, `light_verbs`, `fillers` and
    `noun_classes`."""
    if doc is None:
        return [], {}, []
    if isinstance(doc, list):
        return doc, {}, []
    if isinstance(doc, dict):
        light = doc.get("light_verbs", {}) or {}
        if isinstance(light, list):
            light = {"active": light}
        for voice in light:
            if voice not in VOICES:
                raise ValueError(f"{source}: light_verbs voice must be one of {VOICES}, got {voice!r}")
        return list(doc.get("entries", []) or []), light, list(doc.get("fillers", []) or [])
    raise ValueError(f"{source}: expected a list of entries or a mapping, got {type(doc).__name__}")


#: a literal form opening with an active verb ("berencana mengunjungi", "menjatuhkan sanksi") is a clause
#: with a subject and an object, not an event noun whose next word is its possessor
ACTIVE_OPENING = re.compile(r"^(?:meng|meny|mem|men|me[lrwy]|ber(?!ita|sama))[a-z]{3,}$")


#: a literal form opening with a di- passive verb ("dipukuli", "ditangkap aparat") has its patient as the
#: subject even inside an entry whose voice is active; not the di- nouns ("distribusi", "dialog") nor the
#: raising verbs whose subject is the agent of the next verb ("dijadwalkan bertemu")
PASSIVE_OPENING = re.compile(r"^di(?!stribusi|alog|skusi|plomasi|ktator|siplin|rektur|aspora|gital|lema|mensi|namika"
                             r"|jadwalkan|rencanakan|harapkan|perkirakan)[a-z-]{3,}$")


#: a literal form opening with a noun derived by a nominalising affix ("penyelidikan pidana", "pengunduran diri",
#: "kekerasan seksual") is an event noun even inside an entry whose voice is active or intransitive: its
#: possessor, `oleh` phrase or light verb gives its actors, not the clause subject
NOMINAL_OPENING = re.compile(r"^(?:pe|ke)[a-z-]{2,}an$")


def _form_voice(surface: str) -> str:
    """The voice of a literal form with no stated voice: active when its first word is an active verb."""
    return "active" if ACTIVE_OPENING.match(surface.split()[0]) else "nominal"


def _stated_voice(surface: str, voice: str) -> str:
    """An entry's stated verbal voice, except for its forms that open with a passive verb or an event noun."""
    first = surface.split()[0]
    if voice in ("active", "intransitive") and NOMINAL_OPENING.match(first):
        return "nominal"
    return "passive" if voice == "active" and PASSIVE_OPENING.match(first) else voice


def _parse_entry(item: dict[str, Any], source: str) -> LexEntry:
    eid = str(item["id"])
    known = {"id", "root", "affixes", "forms", "voice", "code", "when", "require_when", "only_with_light",
             "locative_target", "priority", "note", "enclitics"}
    unknown = set(item) - known
    if unknown:
        raise ValueError(f"{source}: entry {eid!r} has unknown fields {sorted(unknown)}")
    if "code" not in item:
        raise ValueError(f"{source}: entry {eid!r} needs a code")
    code = str(item["code"])
    if not code.isdigit():
        raise ValueError(f"{source}: entry {eid!r}: code must be a quoted digit string, got {item['code']!r}")
    default_voice = item.get("voice", "nominal")
    literal = []
    for form in item.get("forms", []) or []:
        if isinstance(form, dict):
            literal.append((str(form["surface"]).lower(), str(form.get("voice", default_voice))))
        else:
            surface = str(form).lower()
            voice = _stated_voice(surface, default_voice) if "voice" in item else _form_voice(surface)
            literal.append((surface, voice))
    for _, voice in literal:
        if voice not in VOICES:
            raise ValueError(f"{source}: entry {eid!r}: voice must be one of {VOICES}")
    root = str(item.get("root", "") or "")
    affixes = tuple(item.get("affixes", []) or [])
    if affixes and not root:
        raise ValueError(f"{source}: entry {eid!r} has affixes but no root")
    if not affixes and not literal:
        raise ValueError(f"{source}: entry {eid!r} generates no form: give affixes or forms")
    priority = item.get("priority", "normal")
    if priority not in PRIORITIES:
        raise ValueError(f"{source}: entry {eid!r}: priority must be one of {list(PRIORITIES)}")
    return LexEntry(
        id=eid, code=code, root=root, affixes=affixes, literal=tuple(literal),
        require_when=bool(item.get("require_when", False)),
        only_with_light=bool(item.get("only_with_light", False)),
        locative_target=bool(item.get("locative_target", False)),
        priority=PRIORITIES[priority], source=source,
    )


def _phrases(values: Iterable[Any]) -> list[Phrase]:
    return [tuple(str(v).lower().split()) for v in values]


def _parse_condition(
    raw: dict[str, Any], source: str, eid: str, surfaces: dict[str, set[Phrase]],
    noun_classes: dict[str, tuple[Phrase, ...]], spellings: dict[str, tuple[str, ...]],
) -> Condition:
    known = {"object", "object_of", "object_class", "before", "voice", "code", "skip", "window", "consume",
             "set_voice", "quoted", "theme"}
    if not isinstance(raw, dict) or set(raw) - known:
        raise ValueError(f"{source}: entry {eid!r}: bad `when` item {raw!r} (keys: {sorted(known)})")
    objects = _phrases(raw.get("object", []) or [])
    for name in raw.get("object_class", []) or []:
        if name not in noun_classes:
            raise ValueError(f"{source}: entry {eid!r}: object_class names unknown noun class {name!r} "
                             f"(known: {sorted(noun_classes)})")
        objects.extend(noun_classes[name])
    for ref in raw.get("object_of", []) or []:
        if ref not in surfaces:
            raise ValueError(f"{source}: entry {eid!r}: object_of refers to unknown entry {ref!r}")
        objects.extend(sorted(surfaces[ref]))
    objects = [v for phrase in objects for v in _respelled(phrase, spellings)]
    before = [v for phrase in _phrases(raw.get("before", []) or []) for v in _respelled(phrase, spellings)]
    voices = tuple(raw.get("voice", []) or [])
    if isinstance(raw.get("voice"), str):
        voices = (raw["voice"],)
    if not (objects or before or voices):
        raise ValueError(f"{source}: entry {eid!r}: a `when` item needs object, object_of, object_class, "
                         "before or voice")
    code = str(raw["code"]) if raw.get("code") is not None else None
    skip = bool(raw.get("skip", False))
    if code is None and not skip:
        raise ValueError(f"{source}: entry {eid!r}: a `when` item needs a code or skip: true")
    return Condition(
        objects=tuple(objects), before=tuple(before), voices=voices, code=code, skip=skip,
        window=int(raw.get("window", DEFAULT_WINDOW)), consume=bool(raw.get("consume", True)),
        set_voice=_check_voice(raw.get("set_voice"), source, eid), quoted=bool(raw.get("quoted", False)),
        theme=bool(raw.get("theme", False)), object_index=_phrase_index(objects), before_index=_phrase_index(before),
    )


def _check_voice(voice: Any, source: str, eid: str) -> str | None:
    if voice is not None and voice not in VOICES:
        raise ValueError(f"{source}: entry {eid!r}: set_voice must be one of {VOICES}")
    return voice


def _entry_surfaces(entry: LexEntry, spellings: dict[str, tuple[str, ...]]) -> list[_Surface]:
    out: list[_Surface] = []
    seen: set[tuple[Phrase, str]] = set()
    generated = forms(entry.root, entry.affixes) if entry.affixes else []
    pairs = [(f.surface, f.voice, f.affix) for f in generated]
    for surface, voice in entry.literal:
        pairs.append((surface, voice, "form"))
        pairs.extend((surface + c, voice, f"form+{c}") for c in ENCLITICS)
    for surface, voice, affix in pairs:
        for i, norms in enumerate(_respelled(tuple(surface.split()), spellings)):
            if (norms, voice) not in seen:  # a web spelling says so in the rule: "lexicon:imbau[spelling meN-]"
                seen.add((norms, voice))
                out.append(_Surface(norms, entry, voice, affix if i == 0 else f"spelling {affix}", " ".join(norms)))
    return out


def _strip_clitic(norm: str) -> str:
    for clitic in ENCLITICS:
        if norm.endswith(clitic) and len(norm) > len(clitic) + 2:
            return norm[: -len(clitic)]
    return norm


def _phrase_index(phrases: Iterable[Phrase]) -> dict[str, tuple[Phrase, ...]]:
    """Phrases by first word, so a condition checks a handful of phrases per token, not all of them."""
    index: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(items) for word, items in index.items()}


def _phrase_at(index: dict[str, tuple[Phrase, ...]], norms: Sequence[str], k: int) -> int:
    """Length of the longest phrase starting at `k` (the last word may carry -nya), else 0."""
    best = 0
    word = norms[k]
    stripped = _strip_clitic(word)
    phrases = index.get(word, ()) + (index.get(stripped, ()) if stripped != word else ())
    for phrase in phrases:
        n = len(phrase)
        if n <= best or k + n > len(norms):
            continue
        if tuple(norms[k : k + n - 1]) == phrase[:-1] and (
            norms[k + n - 1] == phrase[-1] or _strip_clitic(norms[k + n - 1]) == phrase[-1]
        ):
            best = n
    return best


@dataclass(frozen=True, slots=True)
class _Hit:
    """What made a condition hold: the object's token range and/or the preceding phrase."""

    object: tuple[int, int] | None = None
    before: str | None = None


def _describe(cond: Condition, hit: _Hit, norms: Sequence[str], code: str) -> str:
    """Rule text naming the words that actually matched ("object=spionase → 1125")."""
    parts = []
    if hit.before:
        parts.append(f"before={hit.before}")
    if hit.object is not None:
        parts.append("object=" + " ".join(norms[hit.object[0] : hit.object[1]]))
    if cond.voices:
        parts.append("voice=" + "|".join(cond.voices))
    return " ".join(parts) + (" → skip" if cond.skip else f" → {code}")


def _condition_holds(cond: Condition, norms: Sequence[str], start: int, end: int, voice: str) -> _Hit | None:
    """The evidence when `cond` holds for the trigger at tokens [start, end), else None.

    A `before` phrase may be the light verb itself ("menerima kunjungan") or stand up to 3
    tokens earlier; an object phrase must start within `window` tokens after the trigger and
    before any clause-ending punctuation.
    """
    if cond.voices and voice not in cond.voices:
        return None
    before = None
    if cond.before:
        for k in range(max(0, start - 3), start):
            n = _phrase_at(cond.before_index, norms, k)
            if n and k + n <= start:
                before = " ".join(norms[k : k + n])
                break
        if before is None:
            return None
    if not cond.objects:
        return _Hit(None, before)
    limit = min(len(norms), end + cond.window)
    for k in range(end, limit):
        if norms[k] in WINDOW_STOPS and not (cond.quoted and norms[k] in QUOTE_MARKS):
            break
        n = _phrase_at(cond.object_index, norms, k)
        if n:
            return _Hit((k, k + n), before)
    return None


def _resolve(found: list[TriggerMatch], keep_low: bool) -> list[TriggerMatch]:
    ranked = sorted(found, key=lambda m: (-(m.end - m.start), -m.priority, m.start))
    taken: list[TriggerMatch] = []
    used: set[int] = set()
    for m in ranked:
        span = set(range(m.start, m.end))
        if span & used:
            continue
        taken.append(m)
        used |= span
    # A trigger standing between another trigger and the object that one's condition matched is
    # framed by it: "berunjuk rasa menuntut kenaikan upah" is one protest, "berjanji mengirim bantuan"
    # one promise, "membantah tuduhan bahwa ... menyerang" one denial. Regions of dropped matches
    # still count, so framing chains.
    regions = [(m.trigger_end, m.object_end) for m in taken if m.object_end is not None]
    kept = [m for m in taken if not any(s <= m.trigger_start and m.trigger_end <= e for s, e in regions)]
    if not keep_low and any(m.priority > 0 for m in kept):
        kept = [m for m in kept if m.priority > 0]
    return sorted(kept, key=lambda m: m.start)


__all__ = ["Condition", "LexEntry", "Lexicon", "TriggerMatch"]
