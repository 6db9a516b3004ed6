"""Time expressions in Indonesian news, resolved against the publication date.

Why our own rules rather than dateparser: most event times in news are *relative* ("pada hari
Senin", "pekan lalu", "akhir Juni", "Mei ini") and need the publication date plus
conventions that a generic parser does not know (a bare weekday in a news report is the most
recent one; "Desember lalu" in a January article is last year's). Explicit formats are a handful
of regexes, and dateparser costs milliseconds per call, so it is not used at all.

Every expression keeps its span and a `rule` saying how it was read; when the anchor is missing
(no publication date, or "sehari setelah <another event>") the value is None with granularity
"unresolved" and the rule says why, rather than guessing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from peristiwa.lang.pack import lang_file
from peristiwa.model import Article, Document, Sentence, TimeRef

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster at start-up

GRANULARITY_RANK = {"day": 4, "week": 3, "month": 2, "year": 1}
MIN_YEAR, MAX_YEAR = 1900, 2099
FUTURE_LOOKBACK_CHARS = 120  # how far back "akan …"/"depan" future markers are looked for
_PREV_WORD = re.compile(r"([\w'-]+)[\s,]*$")
_NEXT_WORD = re.compile(r"^\s+(\S+)")


def _alt(words: Any) -> str:
    """Regex alternation, longest first so "kemarin lusa" wins over "kemarin"."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@dataclass(frozen=True, slots=True)
class DateRules:
    """The lexicon of lang/<lang>/data/dates.yaml, loaded once."""

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    weekday_cues: frozenset[str]
    month_cues: frozenset[str]
    year_cues: frozenset[str]
    weekday_after: frozenset[str]
    day_offsets: dict[str, int | None]
    past: frozenset[str]
    future: frozenset[str]
    current: frozenset[str]
    units: dict[str, str]
    numbers: dict[str, int]
    parts: dict[str, str]
    anchored_event: frozenset[str]
    anchored_previous: frozenset[str]
    future_markers: frozenset[str]
    future_window: int
    vague: tuple[str, ...]
    year_not_before: frozenset[str] = frozenset()

    @classmethod
    def load(cls, lang: str = "id", path: Path | None = None) -> DateRules:
        src = path or lang_file(lang, "dates.yaml")
        d = yaml.load(Path(src).read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).casefold() for w in d.get(key, []))

        def mapping(key: str) -> dict[str, Any]:
            return {str(k).casefold(): v for k, v in (d.get(key) or {}).items()}

        return cls(
            months=mapping("months"), month_abbreviations=mapping("month_abbreviations"),
            weekdays=mapping("weekdays"), weekday_cues=words("weekday_cues"), month_cues=words("month_cues"),
            year_cues=words("year_cues"), weekday_after=words("weekday_after"),
            day_offsets=mapping("day_offsets"), past=words("past"), future=words("future"),
            current=words("current"), units=mapping("units"), numbers=mapping("numbers"),
            parts=mapping("parts"), anchored_event=words("anchored_event"),
            anchored_previous=words("anchored_previous"), future_markers=words("future_markers"),
            future_window=int(d.get("future_window", 5)), vague=tuple(str(v) for v in d.get("vague", [])),
            year_not_before=words("year_not_before"),
        )


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    value: str | None
    granularity: str
    rule: str


# ---- calendar helpers -------------------------------------------------------------------
def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + delta
    return total // 12, total % 12 + 1


def _nearest_year_for_month(pub: date, month: int) -> int:
    """Year that puts `month` closest to the publication month (ties go to the past)."""
    best = min((pub.year - 1, pub.year, pub.year + 1),
               key=lambda y: (abs((y * 12 + month) - (pub.year * 12 + pub.month)), y))
    return best


def _nearest_date(pub: date, month: int, day: int) -> date | None:
    options = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    return min(options, key=lambda d: (abs((d - pub).days), d > pub))


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year


class TimeStage:
    """Pipeline stage "times": appends resolved `TimeRef`s to `doc.times`."""

    name = "times"

    def __init__(self, rules: DateRules | None = None) -> None:
        self.rules = r = rules or DateRules.load("id")
        month_all = {**r.months, **r.month_abbreviations}
        self._month_all = month_all
        mon_full, mon_any, wd = _alt(r.months), _alt(month_all), _alt(r.weekdays)
        num = _alt(r.numbers)
        units = _alt(r.units)
        dirs = _alt(r.past | r.future | r.current)
        parts = _alt(r.parts)
        anchors = _alt(r.anchored_event | r.anchored_previous)
        flags = re.IGNORECASE
        nd = r"(?<![\d.,/])"  # no digit, decimal separator or slash right before a number
        self._patterns: list[tuple[re.Pattern[str], Any]] = [
            (re.compile(rf"\b(?P<wd>{wd})\s*,?\s*\(\s*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
                        rf"(?:/(?P<y>\d{{4}}|\d{{2}}))?\s*\)", flags), self._weekday_dateline),
            (re.compile(r"\(\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?\s*\)"),
             self._dateline),
            (re.compile(rf"(?:\b(?P<wd>{wd})\s*,\s*)?{nd}\b(?P<d>\d{{1,2}})\s+(?P<mon>{mon_any})\b\.?"
                        rf"(?:\s+(?P<y>\d{{4}})(?![\d.,]\d))?", flags), self._day_month),
            (re.compile(rf"{nd}\b(?P<d>\d{{1,2}})([/-])(?P<m>\d{{1,2}})\2(?P<y>\d{{4}})(?![\d/-])"),
             self._numeric),
            (re.compile(rf"{nd}\b(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\d-])"), self._numeric),
            (re.compile(rf"\b(?P<part>{parts})\s+(?:bulan\s+)?(?P<mon>{mon_full})\b"
                        rf"(?:\s+(?P<y>\d{{4}})(?![\d.,]\d))?", flags), self._part_month),
            (re.compile(rf"\b(?P<mon>{mon_any})\b\.?\s+(?P<y>\d{{4}})(?![\d.,]\d)", flags), self._month_year),
            (re.compile(rf"\b(?P<mon>{mon_full})\s+(?P<dir>{dirs})\b", flags), self._month_dir),
            (re.compile(rf"\b(?P<mon>{mon_full})\b", flags), self._bare_month),
            (re.compile(rf"\b(?P<part>{parts})\s+(?P<unit>{units})\s+(?P<dir>{dirs})\b", flags),
             self._part_unit),
            (re.compile(rf"\b(?P<part>{parts})\s+(?:tahun\s+)?(?P<y>\d{{4}})(?![\d.,]\d)", flags),
             self._part_year),
            (re.compile(rf"\b(?:(?P<n>\d{{1,3}}|{num})\s+(?P<unit>{units})|se(?P<sunit>{units}))"
                        rf"\s+(?P<rel>(?:yang\s+)?(?:{dirs})|{anchors})\b", flags), self._n_units),
            (re.compile(rf"\b(?P<unit>{units})\s+(?P<dir>{dirs})\b", flags), self._unit_dir),
            (re.compile(rf"\b(?:(?P<hari>hari)\s+)?(?P<wd>{wd})\b(?:\s+(?P<tod>pagi|siang|sore|malam|dini\s+hari))?"
                        rf"(?:\s+(?P<dir>{dirs}))?", flags), self._weekday),
            (re.compile(rf"\b(?P<rel>{_alt(r.day_offsets)})\b", flags), self._day_offset),
            (re.compile(rf"\b(?:tahun\s+)?{nd}(?P<y>\d{{4}})(?![\d.,]\d|[/-]\d|-an\b)", flags), self._year),
        ]
        if r.vague:
            self._patterns.append((re.compile(rf"\b(?:{_alt(r.vague)})\b", flags), self._vague))
        # The literal words each pattern can start with (None: scan the text; "(" is a fast literal).
        digits = [str(i) for i in range(10)]
        firsts: list[Any] = [
            r.weekdays, None, [*r.weekdays, *digits], digits, digits, r.parts, month_all, r.months, r.months,
            r.parts, r.parts, [*digits, *r.numbers, *(f"se{u}" for u in r.units)], r.units,
            ["hari", *r.weekdays], r.day_offsets, ["tahun", *digits],
        ] + ([r.vague] if r.vague else [])
        self._starts = _StartIndex(firsts)
        # Every pattern needs a digit or one of these words, so one scan rules most sentences out.
        cues = [r"\d", mon_any, wd, units, _alt(r.day_offsets)] + ([_alt(r.vague)] if r.vague else [])
        self._precheck = re.compile("|".join(f"(?:{c})" for c in cues), flags)

    @classmethod
    def load(cls, lang: str = "id") -> TimeStage:
        """The stage with the packaged rules of one language (lang/<lang>/data/dates.yaml)."""
        return cls(DateRules.load(lang))

    # ---- stage ----------------------------------------------------------------------------
    def __call__(self, doc: Document) -> None:
        """Each pattern finds the matches `finditer` over the whole text would, but is only tried where
        a word it can start with begins (`_StartIndex`); matches that cross a sentence boundary are dropped."""
        if not doc.sentences or not self._precheck.search(doc.text):
            return
        pub, text = doc.article.published, doc.text
        per_sentence: dict[int, list[_Cand]] = {}
        starts = self._starts.positions(text)
        for (pattern, handler), positions in zip(self._patterns, starts, strict=True):
            for m in (pattern.finditer(text) if positions is None else _matches_at(pattern, text, positions)):
                index = doc.sentence_at(m.start())
                if m.end() > doc.sentences[index].end:
                    continue
                cand = handler(m, text, pub)
                if cand is not None:
                    per_sentence.setdefault(index, []).append(cand)
        for index in sorted(per_sentence):
            for cand in _select(per_sentence[index]):
                doc.times.append(TimeRef(doc.span(cand.start, cand.end), index, cand.value, cand.granularity,
                                         cand.rule))

    def find(self, text: str, published: date | None) -> list[TimeRef]:
        """Convenience for one string treated as one sentence (tests, notebooks)."""
        doc = Document(Article("_", text, published=published), sentences=[Sentence(0, 0, len(text), text)])
        self(doc)
        return doc.times

    # ---- handlers: each returns a candidate or None ----------------------------------------
    def _unresolved(self, m: re.Match[str], rule: str, why: str = "no-publication-date") -> _Cand:
        return _Cand(m.start(), m.end(), None, "unresolved", f"{rule};{why}")

    def _weekday_dateline(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        cand = self._dateline(m, text, pub)
        if cand is None:
            return None
        cand.rule = "weekday+" + cand.rule
        if cand.value and cand.granularity == "day":
            wanted = self.rules.weekdays[m["wd"].casefold()]
            if date.fromisoformat(cand.value).weekday() != wanted:
                cand.rule += ";weekday-mismatch"
        return cand

    def _dateline(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        day, month = int(m["d"]), int(m["m"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        if m["y"]:
            d = _make_date(_full_year(m["y"]), month, day)
            return None if d is None else _Cand(m.start(), m.end(), d.isoformat(), "day", "dateline:d/m/y")
        if pub is None:
            return self._unresolved(m, "dateline:d/m")
        d = _nearest_date(pub, month, day)
        return None if d is None else _Cand(m.start(), m.end(), d.isoformat(), "day", "dateline:d/m+pubyear")

    def _day_month(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        mon_text = m["mon"]
        month = self._month_all[mon_text.casefold()]
        abbreviated = mon_text.casefold() not in self.rules.months
        if abbreviated and not (m["y"] or mon_text[0].isupper()):
            return None  # "3 jun" lower case without a year is too weak
        day = int(m["d"])
        if m["y"]:
            d = _make_date(int(m["y"]), month, day)
            return None if d is None else _Cand(m.start(), m.end(), d.isoformat(), "day", "date:d-month-y")
        if not mon_text[0].isupper():
            return None
        if pub is None:
            return self._unresolved(m, "date:d-month")
        d = _nearest_date(pub, month, day)
        return None if d is None else _Cand(m.start(), m.end(), d.isoformat(), "day", "date:d-month+pubyear")

    def _numeric(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        d = _make_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return None if d is None else _Cand(m.start(), m.end(), d.isoformat(), "day", "date:numeric")

    def _part_month(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        part = self.rules.parts[_squash(m["part"])]
        month = self.rules.months[m["mon"].casefold()]
        if not m["mon"][0].isupper():
            return None
        if m["y"]:
            value = f"{int(m['y']):04d}-{month:02d}"
            return _Cand(m.start(), m.end(), value, "month", f"part:{part}+month-y")
        if pub is None:
            return self._unresolved(m, f"part:{part}+month")
        year = _nearest_year_for_month(pub, month)
        return _Cand(m.start(), m.end(), f"{year}-{month:02d}", "month", f"part:{part}+month:nearest")

    def _month_year(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        mon_text = m["mon"]
        if not mon_text[0].isupper():
            return None
        month = self._month_all[mon_text.casefold()]
        year = int(m["y"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        return _Cand(m.start(), m.end(), f"{year}-{month:02d}", "month", "month-y")

    def _month_dir(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        if not m["mon"][0].isupper():
            return None
        month = self.rules.months[m["mon"].casefold()]
        direction = _squash(m["dir"])
        if pub is None:
            return self._unresolved(m, f"month+{direction}")
        if direction in self.rules.past:  # the last such month strictly before this one
            year = pub.year if month < pub.month else pub.year - 1
        elif direction in self.rules.future:
            year = pub.year if month > pub.month else pub.year + 1
        else:
            year = pub.year
        return _Cand(m.start(), m.end(), f"{year}-{month:02d}", "month", f"month+{direction}")

    def _bare_month(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        """A month name alone counts only after a cue ("pada Juni") and not before a name ("Mei Ling")."""
        if not m["mon"][0].isupper():
            return None
        prev = _prev_word(text, m.start())
        if prev not in self.rules.month_cues:
            return None
        nxt = _next_word(text, m.end())
        if nxt[:1].isupper():
            return None
        month = self.rules.months[m["mon"].casefold()]
        if pub is None:
            return self._unresolved(m, "month")
        year = _nearest_year_for_month(pub, month)
        return _Cand(m.start(), m.end(), f"{year}-{month:02d}", "month", "month:nearest")

    def _part_unit(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        part = self.rules.parts[_squash(m["part"])]
        cand = self._relative(m, pub, self.rules.units[m["unit"].casefold()], 1, _squash(m["dir"]))
        if cand is not None:
            cand.rule = f"part:{part}+{cand.rule}"
        return cand

    def _part_year(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        year = int(m["y"])
        if not MIN_YEAR <= year <= MAX_YEAR or self._quantity(text, m.end()):
            return None
        part = self.rules.parts[_squash(m["part"])]
        return _Cand(m.start(), m.end(), str(year), "year", f"part:{part}+year")

    def _n_units(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        rel = _squash(m["rel"])
        unit_word = (m["unit"] or m["sunit"]).casefold()
        unit = self.rules.units[unit_word]
        if m["n"]:
            n_text = _squash(m["n"])
            count = int(n_text) if n_text.isdigit() else self.rules.numbers[n_text]
        else:
            count = 1
        if rel in self.rules.anchored_event:
            return _Cand(m.start(), m.end(), None, "unresolved",
                         f"relative:{count}-{unit}-{rel};anchored-on-event")
        if rel in self.rules.anchored_previous:
            return _Cand(m.start(), m.end(), None, "unresolved",
                         f"relative:{count}-{unit}-{rel};anchored-on-previous-time")
        rel = rel.removeprefix("yang ").strip()
        return self._relative(m, pub, unit, count, rel)

    def _unit_dir(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        unit_word = m["unit"]
        sunday = unit_word[0].isupper() and _prev_word(text, m.start()) == "hari"
        if unit_word.casefold() == "minggu" and sunday:
            return None  # "hari Minggu lalu" is Sunday, handled as a weekday
        if unit_word.casefold() == "hari":
            return None  # "hari ini" is a day offset
        return self._relative(m, pub, self.rules.units[unit_word.casefold()], 1, _squash(m["dir"]))

    def _relative(self, m: re.Match[str], pub: date | None, unit: str, count: int,
                  direction: str) -> _Cand | None:
        """Shift the publication date by `count` units in `direction` (past/future/current)."""
        r = self.rules
        sign = -1 if direction in r.past else 1 if direction in r.future else 0
        if sign == 0 and direction not in r.current:
            return None
        rule = f"relative:{unit}{sign * count:+d}"
        if pub is None:
            return self._unresolved(m, rule)
        delta = sign * count
        if unit == "day":
            return _Cand(m.start(), m.end(), (pub + timedelta(days=delta)).isoformat(), "day", rule)
        if unit == "week":
            return _Cand(m.start(), m.end(), _iso_week(pub + timedelta(weeks=delta)), "week", rule)
        if unit == "month":
            year, month = _add_months(pub.year, pub.month, delta)
            return _Cand(m.start(), m.end(), f"{year}-{month:02d}", "month", rule)
        return _Cand(m.start(), m.end(), str(pub.year + delta), "year", rule)

    def _weekday(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        r = self.rules
        wd_text = m["wd"]
        direction = _squash(m["dir"]) if m["dir"] else ""
        prev = _prev_word(text, m.start())
        cued = bool(m["hari"]) or prev in r.weekday_cues
        if not wd_text[0].isupper() and not m["hari"]:
            return None
        if wd_text.casefold() == "minggu" and not cued and not m["tod"]:
            return None  # "minggu lalu" = last week
        if not (cued or direction or m["tod"]):
            return None  # a capitalised weekday alone may start a name
        if _next_word(text, m.end())[:1] == "(":
            return None  # "Senin (20/3)" is read by the dateline rule
        weekday = r.weekdays[wd_text.casefold()]
        rule_dir = direction or ("next" if self._future_context(text, m.start()) else "recent")
        rule = f"weekday:{rule_dir}"
        if pub is None:
            return self._unresolved(m, rule)
        back = (pub.weekday() - weekday) % 7
        ahead = (weekday - pub.weekday()) % 7
        if direction in r.past:
            day = pub - timedelta(days=back or 7)
        elif direction in r.future:
            day = pub + timedelta(days=ahead or 7)
        elif direction in r.current:
            day = pub + timedelta(days=weekday - pub.weekday())
        elif rule_dir == "next":
            day = pub + timedelta(days=ahead)
        else:
            day = pub - timedelta(days=back)
        return _Cand(m.start(), m.end(), day.isoformat(), "day", rule)

    def _future_context(self, text: str, start: int) -> bool:
        window = text[max(0, start - FUTURE_LOOKBACK_CHARS) : start]  # bounded: linear in article length
        words = re.findall(r"[\w'-]+", window.casefold())[-self.rules.future_window :]
        return any(w in self.rules.future_markers for w in words)

    def _day_offset(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        key = _squash(m["rel"])
        offset = self.rules.day_offsets[key]
        if offset is None:
            return _Cand(m.start(), m.end(), None, "unresolved", f"relative:{key};anchored-on-previous-time")
        rule = f"relative:day{offset:+d}"
        if pub is None:
            return self._unresolved(m, rule)
        return _Cand(m.start(), m.end(), (pub + timedelta(days=offset)).isoformat(), "day", rule)

    def _year(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        year = int(m["y"])
        if not MIN_YEAR <= year <= MAX_YEAR or self._quantity(text, m.end()):
            return None
        has_tahun = m.group(0).casefold().startswith("tahun")
        if not has_tahun and _prev_word(text, m.start("y")) not in self.rules.year_cues:
            return None
        return _Cand(m.start(), m.end(), str(year), "year", "year")

    def _quantity(self, text: str, end: int) -> bool:
        """"2019 poin": a counted noun after the number makes it a quantity."""
        return _next_word(text, end).casefold().strip(".,;:") in self.rules.year_not_before

    def _vague(self, m: re.Match[str], text: str, pub: date | None) -> _Cand | None:
        return _Cand(m.start(), m.end(), None, "unresolved", "vague")


class _StartIndex:
    """Where in a text each date pattern can start, from one scan of word beginnings.

    Why: 16 of the 17 patterns start with a word boundary and one of a few words (a month, a weekday,
    a digit, ...). Running each IGNORECASE alternation over every character position was most of the
    stage's time; one scan of word beginnings, looked up by their first (up to 3) lower-cased letters,
    says where each pattern could match, and `pattern.match` is tried there only. The positions are a
    superset of the real match starts, so the result equals `finditer`: a word whose first letters are
    not ASCII (IGNORECASE also equates e.g. "ı" and "i", "K" and "k") is a candidate for every pattern.
    """

    _WORD_HEAD = re.compile(r"\b\w{1,3}")
    _LITERAL_HEAD = re.compile(r"\w*")

    def __init__(self, firsts: list[Any]) -> None:
        """`firsts[i]`: the words pattern i can start with (after its leading ``\\b``), or None."""
        self.size = len(firsts)
        self.gated: tuple[int, ...] = ()
        self._by_key: dict[str, set[int]] = {}
        gated = []
        for index, words in enumerate(firsts):
            keys = None if words is None else self._keys(words)
            if keys is None:
                continue
            gated.append(index)
            for key in keys:
                self._by_key.setdefault(key, set()).add(index)
        self.gated = tuple(gated)
        self._cache: dict[str, tuple[int, ...]] = {}

    def _keys(self, words: Any) -> set[str] | None:
        """The lower-cased first (up to 3) word characters of each word; None when a word does not start
        with an ASCII word character, so the pattern cannot be gated this way."""
        keys = set()
        for word in words:
            head = self._LITERAL_HEAD.match(str(word)).group()[:3]  # type: ignore[union-attr]
            if not head or not head.isascii():
                return None
            keys.add(head.lower())
        return keys

    def _patterns_for(self, head: str) -> tuple[int, ...]:
        if not head.isascii():
            return self.gated
        found = self._cache.get(head)  # at most 63**3 ASCII heads
        if found is None:
            low = head.lower()
            hits: set[int] = set()
            for n in range(1, len(low) + 1):
                hits |= self._by_key.get(low[:n], set())
            found = self._cache[head] = tuple(sorted(hits))
        return found

    def positions(self, text: str) -> list[list[int] | None]:
        """Per pattern: ascending offsets where it may start, or None for "scan the whole text"."""
        out: list[list[int] | None] = [None] * self.size
        for index in self.gated:
            out[index] = []
        for m in self._WORD_HEAD.finditer(text):
            for index in self._patterns_for(m.group()):
                out[index].append(m.start())  # type: ignore[union-attr]
        return out


def _matches_at(pattern: re.Pattern[str], text: str, positions: list[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields, given every offset where a match can start (ascending).
    None of the date patterns matches the empty string, so the next try is at or after a match's end."""
    end = 0
    for pos in positions:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            end = m.end()
            yield m


def _squash(text: str) -> str:
    return " ".join(text.casefold().split())


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text[max(0, start - 40) : start])
    return m.group(1).casefold() if m else ""


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text[end : end + 40])
    return m.group(1) if m else ""


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, longest first (so "21 Maret 2023" beats "Maret 2023")."""
    chosen: list[_Cand] = []
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def event_date(doc: Document, sentence_index: int, near: int | None = None) -> str | None:
    """The resolved time of an event in a sentence.

    With `near` (the trigger's offset), the time expression in the same clause as the trigger
    wins — closest first — because "kunjungan …, kota yang diduduki tahun lalu" dates the
    occupation, not the visit; a fronted adverbial ("Pada hari Senin, …") dates the main
    clause. Without `near`, the most specific time in the sentence (day > week > month > year).
    """
    refs = [r for r in _times_in(doc, sentence_index) if r.value is not None]
    if near is not None:
        start = doc.sentences[sentence_index].start
        same_clause = [r for r in refs if not _clause_break_between(doc.text, near, r.span.start)
                       or (r.span.end <= near and not _clause_break_between(doc.text, start, r.span.start))]
        if not same_clause:
            return None
        return min(same_clause, key=lambda r: abs(r.span.start - near)).value
    best: TimeRef | None = None
    for ref in refs:
        rank = GRANULARITY_RANK.get(ref.granularity, 0)
        if best is None or rank > GRANULARITY_RANK.get(best.granularity, 0):
            best = ref
    return best.value if best else None


def _times_in(doc: Document, sentence_index: int) -> list[TimeRef]:
    """Times of one sentence; doc.times is in sentence order, so bisect instead of scanning all."""
    keys = [t.sentence for t in doc.times]
    lo, hi = bisect_left(keys, sentence_index), bisect_right(keys, sentence_index)
    return doc.times[lo:hi]


def _clause_break_between(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return any(ch in ",;:" for ch in text[lo:hi])


__all__ = ["DateRules", "TimeStage", "event_date"]
