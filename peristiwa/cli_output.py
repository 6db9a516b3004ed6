"""Rendering documents for the terminal: JSON, JSON Lines, a Rich summary, an event table.

Kept apart from cli.py so the command definitions stay short and the renderers can be
tested without invoking the CLI.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table

from peristiwa.extract.events import is_resolved
from peristiwa.model import Document, Event


def render(docs: Sequence[Document], fmt: str, *, explain: bool, include_unresolved: bool, out: TextIO) -> None:
    if fmt == "json":
        payload = [d.to_dict() for d in docs]
        out.write(json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, indent=2))
        out.write("\n")
    elif fmt == "jsonl":
        for doc in docs:
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    else:
        console = Console(file=out, width=160 if not out.isatty() else None)
        for doc in docs:
            if fmt == "table":
                render_summary(doc, console)
            render_events(doc, console, include_unresolved=include_unresolved)
            if explain:
                render_explanations(doc, console, include_unresolved=include_unresolved)


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column)
    return table


def render_summary(doc: Document, console: Console) -> None:
    a = doc.article
    console.print(f"[bold]{a.id}[/]  published={a.published or 'unknown'}  language={a.language}  "
                  f"sentences={len(doc.sentences)}")
    actors = _table("Actors", "mention", "actor", "code", "country", "role", "rule")
    for m in doc.mentions:
        actor = m.actor
        if m.members:
            actors.add_row(m.span.text, " + ".join(x.name for x in m.members), "", "", "", m.rule)
        elif actor is not None:
            actors.add_row(m.span.text, actor.name, actor.code or "", actor.country or "", actor.role or "", m.rule)
        else:
            actors.add_row(m.span.text, f"[dim]unlinked {m.type}[/]", "", "", "", m.rule)
    console.print(actors)
    places = _table("Places", "place", "country", "lat", "lon", "geonames")
    for p in doc.places:
        places.add_row(p.span.text, p.country or "", _num(p.lat), _num(p.lon), str(p.geonames_id or ""))
    console.print(places)
    times = _table("Dates", "expression", "resolved", "granularity", "rule")
    for t in doc.times:
        times.add_row(t.span.text, t.value or "[dim]unresolved[/]", t.granularity, t.rule)
    console.print(times)
    quotes = _table("Quotes", "speaker", "kind", "quote", "rule")
    for q in doc.quotes:
        speaker = q.speaker.name if q.speaker else "[dim]unknown[/]"
        quotes.add_row(speaker, q.kind, _clip(q.span.text, 80), q.rule)
    console.print(quotes)


def visible_events(doc: Document, include_unresolved: bool) -> list[Event]:
    if include_unresolved:
        return [e for e in doc.events if not e.negated]
    return [e for e in doc.events if is_resolved(e)]


def render_events(doc: Document, console: Console, *, include_unresolved: bool) -> None:
    table = _table("Events", "sent", "code", "label", "source", "target", "date", "trigger", "modality")
    for e in visible_events(doc, include_unresolved):
        table.add_row(str(e.sentence), e.code, e.label, _arg(e.source), _arg(e.target), e.date or "",
                      e.trigger.text, ",".join(e.modality))
    console.print(table)


def render_explanations(doc: Document, console: Console, *, include_unresolved: bool) -> None:
    for e in visible_events(doc, include_unresolved):
        sentence = doc.sentences[e.sentence]
        marks = [(e.trigger, "bold underline yellow", "EVENT")]
        marks += [(arg.span, style, label) for arg, style, label in
                  ((e.source, "bold green", "SOURCE"), (e.target, "bold cyan", "TARGET")) if arg]
        console.print(f"[bold]{e.code}[/] {e.label}  {_arg(e.source)} → {_arg(e.target)}  "
                      f"rule={e.rule} lexicon={e.lexicon_id} confidence={e.confidence:.2f}")
        console.print("   " + _marked(sentence.text, sentence.start, marks))


def _marked(text: str, offset: int, marks) -> str:
    """The sentence with trigger, source and target bracketed and labelled (readable without colour too)."""
    from rich.markup import escape

    out, pos = [], 0
    for span, style, label in sorted(marks, key=lambda m: m[0].start):
        start, end = span.start - offset, span.end - offset
        if start < pos or start < 0 or end > len(text):
            continue
        out += [escape(text[pos:start]), f"[{style}]{escape(f'[{label} ')}{escape(text[start:end])}][/]"]
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _arg(arg) -> str:
    if arg is None:
        return "-"
    return f"{arg.actor.name} ({arg.actor.code or '?'})"


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
