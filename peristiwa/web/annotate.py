"""Turn an article's text and its extracted spans into annotated, escaped HTML.

Why one renderer for stored articles and "Try it": both views must show exactly the same
thing, so a `Document` fresh from the extractor is first converted to the same plain rows
the store returns (`document_view`), and `annotate` only ever sees those rows.

Spans can nest (a place inside an organisation name, a trigger inside a quote) and, rarely,
cross. Marks are opened outermost first; when a mark ends while marks opened after it are
still open, those are closed and re-opened after it, so the HTML is always well formed and
every character keeps all of its annotations. A re-opened event trigger is a plain span,
so each event has exactly one focusable link.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from markupsafe import Markup

from peristiwa.extract.events import is_resolved
from peristiwa.model import Document

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

# Nesting order at equal spans: quotes outside, then actors, places and dates, triggers innermost.
_PRIORITY = {"quote": 0, "mention": 1, "place": 2, "time": 2, "event": 3}


@dataclass(frozen=True, slots=True)
class Mark:
    """One annotation to draw: `[start, end)` plus the tag that opens it (and a continuation form)."""

    start: int
    end: int
    kind: str
    open_html: str
    close_html: str
    cont_html: str
    cont_close: str

    @property
    def order(self) -> tuple[int, int, int]:
        return self.start, -self.end, _PRIORITY[self.kind]


def _attrs(values: dict[str, Any]) -> str:
    return "".join(f' {k}="{escape(str(v), quote=True)}"' for k, v in values.items() if v not in (None, ""))


def _span(kind: str, start: int, end: int, css: str, attrs: dict[str, Any]) -> Mark:
    html = f'<span class="{css}"{_attrs(attrs)}>'
    return Mark(start, end, kind, html, "</span>", html, "</span>")


def mention_marks(mentions: Iterable[dict[str, Any]]) -> list[Mark]:
    marks = []
    for m in mentions:
        who = m.get("actor_name") or "not linked"
        code = f" ({m['actor_code']})" if m.get("actor_code") else ""
        mtype = m.get("type") or "MISC"
        title = f"{mtype} {m.get('kind') or ''}: {who}{code} · rule {m.get('rule') or '-'}"
        marks.append(_span("mention", m["start_char"], m["end_char"], f"m m-{mtype}",
                           {"data-tag": mtype, "data-s": m["start_char"], "data-e": m["end_char"],
                            "data-actor": m.get("actor_key"), "title": title}))
    return marks


def place_marks(places: Iterable[dict[str, Any]]) -> list[Mark]:
    marks = []
    for p in places:
        where = f"{p.get('name')} ({p.get('country') or '?'})"
        if p.get("lat") is not None and p.get("lon") is not None:
            where += f" {p['lat']:.3f}, {p['lon']:.3f}"
        marks.append(_span("place", p["start_char"], p["end_char"], "pl",
                           {"data-tag": "PLACE", "title": f"place: {where} · rule {p.get('rule') or '-'}"}))
    return marks


def time_marks(times: Iterable[dict[str, Any]]) -> list[Mark]:
    return [_span("time", t["start_char"], t["end_char"], "tm",
                  {"data-tag": "DATE", "title": f"date: {t.get('value') or 'unresolved'} ({t.get('granularity')})"
                                                f" · rule {t.get('rule') or '-'}"})
            for t in times]


def quote_marks(quotes: Iterable[dict[str, Any]]) -> list[Mark]:
    return [_span("quote", q["start_char"], q["end_char"], "qt",
                  {"title": f"{q.get('kind') or ''} quote, speaker: {q.get('speaker_name') or 'unknown'}"})
            for q in quotes]


def event_marks(events: Sequence[dict[str, Any]]) -> list[Mark]:
    """One link per distinct trigger span; several events on one trigger share it."""
    by_span: dict[tuple[int, int], list[int]] = {}
    for i, e in enumerate(events):
        by_span.setdefault((e["trigger_start"], e["trigger_end"]), []).append(i)
    marks = []
    for (start, end), indexes in by_span.items():
        first = events[indexes[0]]
        quad = first.get("quad_class") or 0
        labels = "; ".join(_event_title(events[i]) for i in indexes)
        ids = " ".join(str(i) for i in indexes)
        attrs = _attrs({"data-ev": ids, "data-quad": quad, "title": labels})
        marks.append(Mark(start, end, "event",
                          f'<a class="ev q{quad}" href="#ev-{indexes[0]}"{attrs}>', "</a>",
                          f'<span class="ev q{quad} ev-cont"{attrs}>', "</span>"))
    return marks


def _event_title(e: dict[str, Any]) -> str:
    """Hover text: code + label, source → target, modality, rule (the click pop-over says the same)."""
    src = f"{e.get('source_name') or '?'} ({e.get('source_code') or '?'})"
    tgt = f"{e.get('target_name')} ({e.get('target_code') or '?'})" if e.get("target_name") else "no target"
    mood = e.get("modality") or ("negated" if e.get("negated") else "asserted")
    return f"{e['event_code']} {e.get('label') or ''}: {src} → {tgt}; {mood}; rule {e.get('rule') or '-'}"


def render(text: str, marks: Sequence[Mark]) -> Markup:
    """Escaped `text` with every mark wrapped around its characters (well-formed even when spans cross)."""
    valid = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: m.order)
    starts: dict[int, list[Mark]] = {}
    for mark in valid:
        starts.setdefault(mark.start, []).append(mark)
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    out: list[str] = []
    stack: list[tuple[Mark, bool]] = []  # (mark, is continuation)
    for pos, nxt in zip(cuts, [*cuts[1:], None], strict=True):
        _close_ending(stack, pos, out)
        for mark in starts.get(pos, []):
            link_open = any(m.kind == "event" and not cont for m, cont in stack)
            as_cont = mark.kind == "event" and link_open
            out.append(mark.cont_html if as_cont else mark.open_html)
            stack.append((mark, as_cont))
        if nxt is not None:
            out.append(escape(text[pos:nxt], quote=False))
    _close_ending(stack, len(text) + 1, out)
    return Markup("".join(out))


def _close_ending(stack: list[tuple[Mark, bool]], pos: int, out: list[str]) -> None:
    ending = [i for i, (m, _) in enumerate(stack) if m.end <= pos]
    if not ending:
        return
    lowest = ending[0]
    popped = stack[lowest:]
    del stack[lowest:]
    for mark, cont in reversed(popped):
        out.append(mark.cont_close if cont else mark.close_html)
    for mark, _ in popped:
        if mark.end > pos:
            out.append(mark.cont_html)
            stack.append((mark, True))


def annotate(text: str, view: dict[str, Any]) -> Markup:
    """The whole article as HTML from a view dict (keys mentions, places, time_refs, quotes, events)."""
    marks = [*quote_marks(view.get("quotes", ())), *mention_marks(view.get("mentions", ())),
             *place_marks(view.get("places", ())), *time_marks(view.get("time_refs", ())),
             *event_marks(view.get("events", ()))]
    return render(text, marks)


def events_json(events: Sequence[dict[str, Any]]) -> Markup:
    """The events as JSON safe to embed in a <script type="application/json"> element."""
    keys = ("event_code", "label", "quad_class", "goldstein", "trigger_text", "trigger_start", "trigger_end",
            "source_name", "source_code", "source_text", "source_start", "source_end", "target_name", "target_code",
            "target_text", "target_start", "target_end", "event_date", "place_name", "modality", "negated",
            "resolved", "lexicon_id", "rule", "event_id")
    data = [{k: e.get(k) for k in keys} for e in events]
    raw = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(raw)


def document_view(doc: Document) -> dict[str, Any]:
    """A fresh `Document` as the same rows the store returns for a stored article."""
    mentions = [{"start_char": m.span.start, "end_char": m.span.end, "surface": m.span.text, "type": m.type,
                 "kind": m.kind, "rule": m.rule, "actor_name": m.actor.name if m.actor else None,
                 "actor_code": m.actor.code if m.actor else None, "kb_id": m.actor.kb_id if m.actor else None,
                 "actor_key": (m.actor.kb_id or f"name:{m.actor.name}") if m.actor else None}
                for m in doc.mentions]
    places = [{"start_char": p.span.start, "end_char": p.span.end, "surface": p.span.text, "name": p.name,
               "country": p.country, "lat": p.lat, "lon": p.lon, "feature": p.feature, "rule": p.rule}
              for p in doc.places]
    times = [{"start_char": t.span.start, "end_char": t.span.end, "surface": t.span.text, "value": t.value,
              "granularity": t.granularity, "rule": t.rule} for t in doc.times]
    quotes = [{"start_char": q.span.start, "end_char": q.span.end, "text": q.span.text, "kind": q.kind,
               "speaker_name": q.speaker.name if q.speaker else None,
               "speaker_code": q.speaker.code if q.speaker else None,
               "speaker_key": (q.speaker.kb_id or f"name:{q.speaker.name}") if q.speaker else None,
               "evidence_text": q.evidence.text if q.evidence else None, "rule": q.rule} for q in doc.quotes]
    events = []
    for i, e in enumerate(doc.events):
        src, tgt = e.source, e.target
        events.append({
            "idx": i, "event_id": None, "sentence": e.sentence, "event_code": e.code, "label": e.label,
            "quad_class": e.quad_class, "goldstein": e.goldstein, "plover_type": e.plover_type,
            "trigger_start": e.trigger.start, "trigger_end": e.trigger.end, "trigger_text": e.trigger.text,
            "source_name": src.actor.name if src else None, "source_code": src.actor.code if src else None,
            "source_text": src.span.text if src else None, "source_start": src.span.start if src else None,
            "source_end": src.span.end if src else None,
            "target_name": tgt.actor.name if tgt else None, "target_code": tgt.actor.code if tgt else None,
            "target_text": tgt.span.text if tgt else None, "target_start": tgt.span.start if tgt else None,
            "target_end": tgt.span.end if tgt else None,
            "event_date": e.date, "place_name": e.place.name if e.place else None,
            "modality": ",".join(e.modality) or None, "negated": int(e.negated), "resolved": int(is_resolved(e)),
            "lexicon_id": e.lexicon_id, "rule": e.rule, "confidence": e.confidence,
        })
    return {"mentions": mentions, "places": places, "time_refs": times, "quotes": quotes, "events": events}


__all__ = ["QUAD_NAMES", "Mark", "annotate", "document_view", "events_json", "render"]
