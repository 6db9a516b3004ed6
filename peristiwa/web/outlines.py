"""Country outlines for the map page, drawn offline from a registry package's bundled GeoJSON.

Why `countryinfo`: it is an MIT-licensed PyPI package that ships one JSON file per country,
each with a GeoJSON outline derived from Natural Earth (public domain) via world.geo.json.
Nothing is downloaded at run time and nothing third-party is committed here: the files are
read from the installed package once, simplified (points closer than `tolerance` degrees
dropped, one decimal kept) and turned into SVG paths in a plain equirectangular projection
(x = lon + 180, y = 90 - lat), so the map's points need no projection library either.

When the package is missing the map still works, just without outlines (`WorldOutlines.empty`).
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

# Antarctica and the far north carry no events worth the space.
VIEW_BOX = (0.0, 0.0, 360.0, 150.0)  # lat 90 .. -60


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    path: str  # SVG path data in map coordinates


@dataclass(frozen=True, slots=True)
class WorldOutlines:
    countries: tuple[Country, ...] = field(default_factory=tuple)
    source: str = ""

    @classmethod
    def empty(cls) -> WorldOutlines:
        return cls((), "no outline package installed (pip install countryinfo)")

    @classmethod
    def load(cls, tolerance: float = 0.25) -> WorldOutlines:
        """Read every country outline from the installed `countryinfo` package (or none)."""
        data_dir = _package_data_dir("countryinfo")
        if data_dir is None:
            return cls.empty()
        countries = []
        for path in sorted(data_dir.glob("*.json")):
            country = _read_country(path, tolerance)
            if country is not None:
                countries.append(country)
        return cls(tuple(countries), "Natural Earth (public domain) via the countryinfo package (MIT)")

    def svg_group(self) -> str:
        """The outlines as one SVG <g> (each path titled with the country name)."""
        return "".join(f'<path class="land" data-iso="{escape(c.iso3)}" d="{c.path}"><title>{escape(c.name)}'
                       "</title></path>" for c in self.countries)

    def svg_document(self) -> str:
        x, y, w, h = VIEW_BOX
        return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x:g} {y:g} {w:g} {h:g}">'
                f'<g fill="#e6e2d8" stroke="#9a9382" stroke-width="0.15">{self.svg_group()}</g></svg>')


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular map coordinates used by outlines and event points alike."""
    return lon + 180.0, 90.0 - lat


def _package_data_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data"
    return path if path.is_dir() else None


def _read_country(path: Path, tolerance: float) -> Country | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    geo = data.get("geoJSON") or {}
    iso3 = ((data.get("ISO") or {}).get("alpha3") or "").upper()
    rings: list[Sequence[Sequence[float]]] = []
    for feature in geo.get("features") or []:
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Polygon":
            rings.extend(geometry.get("coordinates") or [])
        elif geometry.get("type") == "MultiPolygon":
            for polygon in geometry.get("coordinates") or []:
                rings.extend(polygon)
    path_data = "".join(_ring_path(ring, tolerance) for ring in rings)
    if not path_data or not iso3:
        return None
    return Country(iso3, str(data.get("name") or iso3), path_data)


def _ring_path(ring: Iterable[Sequence[float]], tolerance: float) -> str:
    points: list[tuple[float, float]] = []
    for coord in ring:
        if len(coord) < 2:
            continue
        x, y = project(float(coord[0]), float(coord[1]))
        if points and abs(points[-1][0] - x) < tolerance and abs(points[-1][1] - y) < tolerance:
            continue
        points.append((x, y))
    if len(points) < 3:
        return ""
    return "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points) + "Z"


__all__ = ["VIEW_BOX", "Country", "WorldOutlines", "project"]
