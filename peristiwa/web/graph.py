"""SVG for the network and map pages, laid out on the server.

Why a force-directed layout computed here: actors that deal with each other end up close
together, so clusters (one country's politics, one conflict) are visible, and the browser
needs no graph library. `networkx.spring_layout` with a fixed seed over nodes in a fixed order
is deterministic: the same filter always draws the same picture, which screenshots and tests
rely on. A few passes then push apart circles that still overlap. Each edge and point is an
SVG link to a server-rendered list of its events, so the pages work without JavaScript;
app.js turns those links into a side panel.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup

from peristiwa.web.charts import goldstein_colour
from peristiwa.web.outlines import VIEW_BOX, project

LAYOUT_SEED = 11
NETWORK_WIDTH, NETWORK_HEIGHT, NETWORK_MARGIN = 960, 640, 40
Point = tuple[float, float]


def node_radius(events: int) -> float:
    return 4 + min(10.0, math.sqrt(events) * 1.5)


def force_layout(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], width: float = NETWORK_WIDTH,
                 height: float = NETWORK_HEIGHT, margin: float = NETWORK_MARGIN) -> dict[str, Point]:
    """Node centres from a seeded spring layout, scaled into the box, with overlapping circles pushed apart."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(sorted(n["key"] for n in nodes))
    for edge in sorted(edges, key=lambda e: (e["source"], e["target"])):
        if edge["source"] != edge["target"]:
            weight = graph.get_edge_data(edge["source"], edge["target"], {"weight": 0.0})["weight"]
            graph.add_edge(edge["source"], edge["target"], weight=weight + 1 + math.log(edge["events"]))
    raw = _packed_components(graph)
    xs = [float(p[0]) for p in raw.values()]
    ys = [float(p[1]) for p in raw.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    pos = {key: (margin + (float(p[0]) - min(xs)) / span_x * (width - 2 * margin - 120),
                 margin + (float(p[1]) - min(ys)) / span_y * (height - 2 * margin)) for key, p in raw.items()}
    radii = {n["key"]: node_radius(n["events"]) for n in nodes}
    return separate(pos, radii, gap=6.0)


def _packed_components(graph: Any) -> dict[str, tuple[float, float]]:
    """Spring layout per connected component, components packed on shelves (biggest first).

    One layout over a disconnected graph pushes the components to the corners and squeezes each
    into a dot; laying them out apart, each in a square of side ~ sqrt(its size), keeps them legible.
    """
    import networkx as nx

    parts = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    sides = [math.sqrt(len(c)) for c in parts]
    shelf_width = max(max(sides), 1.6 * math.sqrt(sum(side * side for side in sides)))
    out: dict[str, tuple[float, float]] = {}
    x = y = shelf = 0.0
    for members, side in zip(parts, sides, strict=True):
        if x > 0 and x + side > shelf_width:
            x, y, shelf = 0.0, y + shelf, 0.0
        sub = graph.subgraph(members)
        layout = nx.spring_layout(sub, seed=LAYOUT_SEED, iterations=200, k=1.8 / math.sqrt(len(members))) \
            if len(members) > 1 else {members[0]: (0.0, 0.0)}
        for key, (px, py) in layout.items():  # spring_layout centres on 0 within [-1, 1]
            out[key] = (x + side * (0.5 + 0.4 * float(px)), y + side * (0.5 + 0.4 * float(py)))
        x, shelf = x + side, max(shelf, side)
    return out


def separate(pos: dict[str, Point], radii: dict[str, float], gap: float, passes: int = 60) -> dict[str, Point]:
    """Push apart every pair of circles closer than the sum of their radii plus `gap` (deterministic:
    pairs in key order). Spring layouts leave near-coincident nodes in dense clusters and for
    actors linked to the same hub only; without this their labels print over each other."""
    keys = sorted(pos)
    out = {k: list(pos[k]) for k in keys}
    for _ in range(passes):
        moved = False
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                dx, dy = out[b][0] - out[a][0], out[b][1] - out[a][1]
                dist = math.hypot(dx, dy)
                need = radii[a] + radii[b] + gap
                if dist >= need:
                    continue
                if dist < 1e-6:
                    dx, dy, dist = 1.0, 0.0, 1.0
                push = (need - dist) / 2
                out[a][0] -= dx / dist * push
                out[a][1] -= dy / dist * push
                out[b][0] += dx / dist * push
                out[b][1] += dy / dist * push
                moved = True
        if not moved:
            break
    return {k: (v[0], v[1]) for k, v in out.items()}


def network_svg(graph: dict[str, Any], query: list[tuple[str, str]]) -> Markup:
    """The actor graph, force-directed: curved directed edges coloured by mean Goldstein, sized by events."""
    nodes, edges = graph["nodes"], graph["edges"]
    if not nodes:
        return Markup('<p class="empty">No actor-to-actor events match this filter.</p>')
    pos = force_layout(nodes, edges)
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    x0, y0 = min(0.0, min(xs) - NETWORK_MARGIN), min(0.0, min(ys) - NETWORK_MARGIN)
    width = max(NETWORK_WIDTH, max(xs) + 160) - x0
    height = max(NETWORK_HEIGHT, max(ys) + NETWORK_MARGIN) - y0
    peak = max(e["events"] for e in edges) if edges else 1
    parts = [f'<svg class="network" viewBox="{x0:.0f} {y0:.0f} {width:.0f} {height:.0f}" role="img" '
             f'aria-label="Actor network: {len(nodes)} actors, {len(edges)} links">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" '
             'orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#555"/></marker></defs>']
    radii = {n["key"]: node_radius(n["events"]) for n in nodes}
    parts.extend(_edge(edge, pos, radii, peak, query) for edge in edges)
    for node in sorted(nodes, key=lambda n: n["key"]):
        x, y = pos[node["key"]]
        r = radii[node["key"]]
        label = node["name"] or node["key"]
        code = f" ({node['code']})" if node.get("code") else ""
        href = escape("/actors/" + quote(node["key"], safe=":"), quote=True)
        parts.append(f'<a href="{href}" class="node" data-key="{escape(node["key"], quote=True)}">'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
                     f'<text x="{x + r + 3:.1f}" y="{y + 4:.1f}">{escape(label[:28])}</text>'
                     f'<title>{escape(label)}{escape(code)}: {node["events"]} events</title></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _edge(edge: dict[str, Any], pos: dict[str, Point], radii: dict[str, float], peak: int,
          query: list[tuple[str, str]]) -> str:
    x1, y1 = pos[edge["source"]]
    x2, y2 = pos[edge["target"]]
    width = 1 + 5 * edge["events"] / peak
    colour = goldstein_colour(edge["mean_goldstein"])
    href = "/network/edge?" + urlencode([*query, ("source", edge["source"]), ("target", edge["target"])])
    title = (f'{edge["source_name"]} → {edge["target_name"]}: {edge["events"]} events, '
             f'{edge["mentions"]} mentions, mean Goldstein {edge["mean_goldstein"]}')
    if edge["source"] == edge["target"]:
        d = f"M{x1:.1f} {y1:.1f}c-30 -40 30 -40 0 0"
    else:  # bend to the left of the direction of travel, so A→B and B→A stay apart; stop at the circle
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        ex, ey = x2 - ux * (radii[edge["target"]] + 2), y2 - uy * (radii[edge["target"]] + 2)
        cx, cy = (x1 + x2) / 2 + uy * length * 0.12, (y1 + y2) / 2 - ux * length * 0.12
        d = f"M{x1:.1f} {y1:.1f}Q{cx:.1f} {cy:.1f} {ex:.1f} {ey:.1f}"
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


__all__ = ["force_layout", "map_svg", "network_svg", "node_radius", "separate"]
