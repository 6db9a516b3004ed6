"""SVG for the network and map pages, laid out on the server.

Why a circular layout: it is deterministic (the same filter always draws the same picture,
which screenshots and tests rely on), costs O(nodes), and ordering nodes by CAMEO code
puts one country's actors next to each other, so national clusters are visible without
a force simulation. Each edge and point is an SVG link to a server-rendered list of its
events, so the pages work without JavaScript; app.js turns those links into a side panel.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup

from peristiwa.web.charts import goldstein_colour
from peristiwa.web.outlines import VIEW_BOX, project


def network_svg(graph: dict[str, Any], query: list[tuple[str, str]], size: int = 640,
                max_nodes: int = 60) -> Markup:
    """The actor graph: nodes on a circle, curved directed edges coloured by mean Goldstein."""
    nodes = graph["nodes"][:max_nodes]
    if not nodes:
        return Markup('<p class="empty">No actor-to-actor events match this filter.</p>')
    keep = {n["key"] for n in nodes}
    edges = [e for e in graph["edges"] if e["source"] in keep and e["target"] in keep]
    ordered = sorted(nodes, key=lambda n: ((n["code"] or "~")[:3], n["code"] or "", n["name"] or ""))
    centre, radius = size / 2, size / 2 - 110
    pos: dict[str, tuple[float, float, float]] = {}
    for i, node in enumerate(ordered):
        angle = 2 * math.pi * i / len(ordered) - math.pi / 2
        pos[node["key"]] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle), angle)
    peak = max(e["events"] for e in edges) if edges else 1
    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" role="img" '
             f'aria-label="Actor network: {len(ordered)} actors, {len(edges)} links">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" '
             'orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#555"/></marker></defs>']
    for edge in edges:
        parts.append(_edge(edge, pos, centre, peak, query))
    for node in ordered:
        x, y, angle = pos[node["key"]]
        r = 4 + min(10.0, math.sqrt(node["events"]) * 1.5)
        lx, ly = x + (r + 4) * math.cos(angle), y + (r + 4) * math.sin(angle)
        anchor = "start" if math.cos(angle) >= 0 else "end"
        label = node["name"] or node["key"]
        code = f" ({node['code']})" if node.get("code") else ""
        href = escape("/actors/" + quote(node["key"], safe=":"), quote=True)
        parts.append(f'<a href="{href}" class="node"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
                     f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}">{escape(label[:28])}</text>'
                     f'<title>{escape(label)}{escape(code)}: {node["events"]} events</title></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _edge(edge: dict[str, Any], pos: dict[str, tuple[float, float, float]], centre: float, peak: int,
          query: list[tuple[str, str]]) -> str:
    x1, y1, _ = pos[edge["source"]]
    x2, y2, _ = pos[edge["target"]]
    width = 1 + 5 * edge["events"] / peak
    colour = goldstein_colour(edge["mean_goldstein"])
    href = "/network/edge?" + urlencode([*query, ("source", edge["source"]), ("target", edge["target"])])
    title = (f'{edge["source_name"]} → {edge["target_name"]}: {edge["events"]} events, '
             f'{edge["mentions"]} mentions, mean Goldstein {edge["mean_goldstein"]}')
    if edge["source"] == edge["target"]:
        d = f"M{x1:.1f} {y1:.1f}c-30 -40 30 -40 0 0"
    else:  # bend towards the centre so A→B and B→A stay apart
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        cx, cy = mx + (centre - mx) * 0.35 + (y2 - y1) * 0.08, my + (centre - my) * 0.35 - (x2 - x1) * 0.08
        d = f"M{x1:.1f} {y1:.1f}Q{cx:.1f} {cy:.1f} {x2:.1f} {y2:.1f}"
    return (f'<a href="{escape(href, quote=True)}" class="edge" data-source="{escape(edge["source"], quote=True)}" '
            f'data-target="{escape(edge["target"], quote=True)}" aria-label="{escape(title, quote=True)}">'
            f'<path d="{d}" stroke="{colour}" stroke-width="{width:.1f}" fill="none" marker-end="url(#arrow)"/>'
            f'<path d="{d}" class="hit" stroke="transparent" stroke-width="12" fill="none"/>'
            f"<title>{escape(title)}</title></a>")


def map_svg(points: list[dict[str, Any]], query: list[tuple[str, str]], world: bool = False) -> Markup:
    """Event points over the country outlines (served at /assets/world.svg), zoomed to the points."""
    x0, y0, w, h = VIEW_BOX
    projected = [(p, *project(p["lon"], p["lat"])) for p in points]
    if projected and not world:
        xs = [x for _, x, _ in projected]
        ys = [y for _, _, y in projected]
        pad = 8.0
        vx, vy = max(x0, min(xs) - pad), max(y0, min(ys) - pad)
        vw, vh = min(w, max(xs) + pad) - vx, min(h, max(ys) + pad) - vy
        vw, vh = max(vw, 40.0), max(vh, 22.0)
    else:
        vx, vy, vw, vh = x0, y0, w, h
    scale = vw / 360.0
    peak = max((p["events"] for p in points), default=1)
    parts = [f'<svg class="map" viewBox="{vx:.1f} {vy:.1f} {vw:.1f} {vh:.1f}" role="img" '
             f'aria-label="Map of {len(points)} event places">',
             f'<image href="/assets/world.svg" x="{x0}" y="{y0}" width="{w}" height="{h}"/>']
    for p, x, y in projected:
        r = (1.2 + 4.5 * math.sqrt(p["events"] / peak)) * max(scale, 0.12)
        href = "/map/place?" + urlencode([*query, ("lat", p["lat"]), ("lon", p["lon"])])
        title = (f'{p["name"]} ({p["country"] or "?"}): {p["events"]} events, mean Goldstein '
                 f'{p["mean_goldstein"]}, {p["first"]} – {p["last"]}')
        parts.append(f'<a href="{escape(href, quote=True)}" class="point" data-lat="{p["lat"]}" '
                     f'data-lon="{p["lon"]}" aria-label="{escape(title, quote=True)}">'
                     f'<circle cx="{x:.2f}" cy="{y:.2f}" r="{r:.2f}" fill="{goldstein_colour(p["mean_goldstein"])}" '
                     f'stroke-width="{0.4 * scale:.3f}"/><title>{escape(title)}</title></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


__all__ = ["map_svg", "network_svg"]
