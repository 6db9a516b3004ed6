"""Small server-side SVG charts: no chart library, no JavaScript needed to see them.

Why server-side SVG: the dashboard and actor pages must render fast and offline, and a few
dozen rectangles or a polyline are cheaper to build in Python than to ship a plotting
library. Every chart carries a <title> per mark and a text summary for screen readers;
QuadClass colours are paired with hatch patterns so colour is not the only signal.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from markupsafe import Markup

QUAD_COLOURS = {1: "#4f86c6", 2: "#2e8b57", 3: "#e0a030", 4: "#c0392b"}
QUAD_LABELS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

_PATTERNS = (
    '<defs>'
    '<pattern id="hatch2" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<rect width="4" height="4" fill="#2e8b57"/><line x1="0" y1="0" x2="0" y2="4" stroke="#fff" stroke-width="1"/>'
    '</pattern>'
    '<pattern id="hatch4" width="4" height="4" patternUnits="userSpaceOnUse">'
    '<rect width="4" height="4" fill="#c0392b"/><circle cx="2" cy="2" r="0.8" fill="#fff"/></pattern>'
    '</defs>')
QUAD_FILLS = {1: QUAD_COLOURS[1], 2: "url(#hatch2)", 3: QUAD_COLOURS[3], 4: "url(#hatch4)"}


def quad_bars(rows: Sequence[dict[str, Any]], width: int = 760, height: int = 220) -> Markup:
    """Stacked bars of events per period, one band per QuadClass (rows from `WebQueries.stats`)."""
    if not rows:
        return Markup('<p class="empty">No dated events yet.</p>')
    left, bottom, top = 36, 34, 8
    plot_w, plot_h = width - left - 8, height - bottom - top
    peak = max(r["events"] for r in rows) or 1
    step = plot_w / len(rows)
    bar_w = max(1.0, step * 0.8)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Events per period by QuadClass, {len(rows)} periods, peak {peak}">', _PATTERNS]
    for frac in (0.0, 0.5, 1.0):
        y = top + plot_h * (1 - frac)
        parts.append(f'<line x1="{left}" x2="{width - 8}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" class="tick">{round(peak * frac)}</text>')
    label_every = max(1, len(rows) // 8)
    for i, row in enumerate(rows):
        x = left + i * step + (step - bar_w) / 2
        y = top + plot_h
        parts.append(f'<g class="period" data-period="{escape(row["period"])}" data-events="{row["events"]}">')
        for quad in (1, 2, 3, 4):
            n = row.get(f"q{quad}", 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                         f'fill="{QUAD_FILLS[quad]}"><title>{escape(row["period"])}: {n} '
                         f'{QUAD_LABELS[quad]}</title></rect>')
        parts.append("</g>")
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle" '
                         f'class="tick">{escape(row["period"])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def quad_legend() -> Markup:
    items = "".join(
        f'<li><svg width="14" height="14" aria-hidden="true">{_PATTERNS if q == 1 else ""}'
        f'<rect width="14" height="14" fill="{QUAD_FILLS[q]}"/></svg> Q{q} {QUAD_LABELS[q]}</li>'
        for q in (1, 2, 3, 4))
    return Markup(f'<ul class="legend">{items}</ul>')


def goldstein_line(rows: Sequence[dict[str, Any]], width: int = 560, height: int = 180) -> Markup:
    """Mean Goldstein (-10 … +10) per month as a line with labelled points."""
    if not rows:
        return Markup('<p class="empty">No dated events between these two actors.</p>')
    left, bottom, top = 30, 30, 8
    plot_w, plot_h = width - left - 10, height - bottom - top
    step = plot_w / max(1, len(rows) - 1) if len(rows) > 1 else 0

    def y_of(value: float) -> float:
        return top + plot_h * (10 - value) / 20

    points = [(left + (i * step if len(rows) > 1 else plot_w / 2), y_of(r["goldstein"] or 0.0))
              for i, r in enumerate(rows)]
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Mean Goldstein per month over {len(rows)} months">']
    for value in (10, 0, -10):
        y = y_of(value)
        tick = f"{value:+d}" if value else "0"
        parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" class="tick">{tick}</text>')
    parts.append('<polyline class="gline" fill="none" points="'
                 + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
    for (x, y), row in zip(points, rows, strict=True):
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" class="gpoint"><title>{escape(row["month"])}: '
                     f'{row["goldstein"]} over {row["events"]} events</title></circle>'
                     f'<text x="{x:.1f}" y="{height - 10}" text-anchor="middle" class="tick">'
                     f'{escape(row["month"])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def goldstein_colour(value: float | None) -> str:
    """Red (conflict, -10) through grey (0) to green (cooperation, +10), for edges and points."""
    if value is None:
        return "#888888"
    t = max(-1.0, min(1.0, value / 10.0))
    grey = (136, 136, 136)
    end = (46, 139, 87) if t >= 0 else (192, 57, 43)
    mix = [round(g + (e - g) * abs(t) ** 0.6) for g, e in zip(grey, end, strict=True)]
    return "#{:02x}{:02x}{:02x}".format(*mix)


__all__ = ["QUAD_COLOURS", "QUAD_LABELS", "goldstein_colour", "goldstein_line", "quad_bars", "quad_legend"]
