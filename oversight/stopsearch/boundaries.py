"""Area boundaries and point-in-polygon assignment.

A boundary file is GeoJSON in WGS84 (longitude, latitude), one feature per area, the
area's name in a property. A point belongs to the first area, in file order, whose
polygon covers it (inside or on the edge), so a point on a shared edge is counted once.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import shapely

DEFAULT_BOUNDARIES = Path(__file__).resolve().parent / "data" / "london-boroughs.geojson"
DEFAULT_NAME_PROPERTY = "BOROUGH"
_WGS84_NAMES = {
    "urn:ogc:def:crs:OGC:1.3:CRS84",
    "urn:ogc:def:crs:OGC::CRS84",
    "urn:ogc:def:crs:EPSG::4326",
    "EPSG:4326",
}


class BoundaryError(ValueError):
    """The boundary file cannot be used; the message says why."""


@dataclass(frozen=True, eq=False)
class Boundaries:
    """Named area polygons. `sha256` identifies the content (the file's exact bytes);
    `name_property` is the GeoJSON property the names were read from."""

    name_property: str
    names: tuple[str, ...]
    geometries: tuple[shapely.Geometry, ...]
    sha256: str
    text: str = field(repr=False)
    bounds: np.ndarray = field(repr=False)  # (n, 4): xmin, ymin, xmax, ymax per geometry

    @classmethod
    def load(cls, path: str | Path | None = None, name_property: str | None = None) -> Boundaries:
        """Read a GeoJSON file (default: the shipped London boroughs)."""
        path = Path(path) if path is not None else DEFAULT_BOUNDARIES
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise BoundaryError(f"cannot read boundary file {path}: {exc}") from exc
        return cls.from_text(text, name_property, source=str(path))

    @classmethod
    def from_text(
        cls, text: str, name_property: str | None = None, *, source: str = "boundaries"
    ) -> Boundaries:
        """Parse GeoJSON text. Without `name_property`, use `BOROUGH` if every feature has
        it, else the first property whose values are distinct non-empty strings."""
        return _parse(text, name_property, source)

    @property
    def areas(self) -> list[str]:
        """Distinct area names, in file order."""
        return list(dict.fromkeys(self.names))

    def assign(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """Index into `names` of the area covering each point, -1 for none (or NaN)."""
        x = np.asarray(lon, dtype=np.float64)
        y = np.asarray(lat, dtype=np.float64)
        result = np.full(x.shape, -1, dtype=np.int32)
        for index, geometry in enumerate(self.geometries):
            xmin, ymin, xmax, ymax = self.bounds[index]
            # The bounding-box test is cheap and leaves only a few candidates per polygon
            # for the exact (prepared) test. NaN fails every comparison.
            candidates = np.flatnonzero(
                (result < 0) & (x >= xmin) & (x <= xmax) & (y >= ymin) & (y <= ymax)
            )
            if candidates.size:
                hit = shapely.intersects_xy(geometry, x[candidates], y[candidates])
                result[candidates[hit]] = index
        return result


# Parsing and preparing detailed polygons takes a noticeable fraction of a second, and
# the same file is parsed again on every import and summary: keep the last few.
@lru_cache(maxsize=4)
def _parse(text: str, name_property: str | None, source: str) -> Boundaries:
    # The default file parses into some 50,000 small lists, enough to set off a full
    # collection of the process's garbage, which took a third as long again as the
    # parse; parsed JSON holds no reference cycles, so there is nothing to collect.
    with _collector_paused():
        return _parse_now(text, name_property, source)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection in the block (then as before)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse_now(text: str, name_property: str | None, source: str) -> Boundaries:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BoundaryError(f"{source}: not valid JSON ({exc})") from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise BoundaryError(f"{source}: expected a GeoJSON FeatureCollection")
    crs = (data.get("crs") or {}).get("properties", {}).get("name")
    if crs is not None and crs not in _WGS84_NAMES:
        raise BoundaryError(f"{source}: coordinates must be WGS84 longitude/latitude, not {crs}")
    features = data.get("features") or []
    if not features:
        raise BoundaryError(f"{source}: no features")
    prop = name_property or _guess_name_property(features, source)
    names, geometries = [], []
    for number, feature in enumerate(features, start=1):
        name = (feature.get("properties") or {}).get(prop)
        if not isinstance(name, str) or not name.strip():
            raise BoundaryError(f"{source}: feature {number} has no name in property {prop!r}")
        geometry = _polygonal(feature.get("geometry"))
        if geometry is None or geometry.is_empty:
            raise BoundaryError(f"{source}: feature {number} ({name}) is not a polygon")
        xmin, ymin, xmax, ymax = geometry.bounds
        if not (-180 <= xmin <= xmax <= 180 and -90 <= ymin <= ymax <= 90):
            raise BoundaryError(
                f"{source}: feature {number} ({name}) is outside longitude/latitude ranges; "
                "the file must be in WGS84"
            )
        shapely.prepare(geometry)
        names.append(name.strip())
        geometries.append(geometry)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    bounds = shapely.bounds(np.array(geometries, dtype=object))
    return Boundaries(prop, tuple(names), tuple(geometries), sha, text, bounds)


def _polygonal(geometry: object) -> shapely.Geometry | None:
    """A GeoJSON Polygon or MultiPolygon as a shapely geometry; None for anything else.
    Built from numpy arrays: several times faster than shapely.geometry.shape here."""
    if not isinstance(geometry, dict):
        return None
    coordinates = geometry.get("coordinates")
    try:
        if geometry.get("type") == "Polygon":
            return _polygon(coordinates)
        if geometry.get("type") == "MultiPolygon":
            return shapely.multipolygons([_polygon(rings) for rings in coordinates])
    except (TypeError, ValueError, IndexError, shapely.errors.GEOSException):
        return None
    return None


def _polygon(rings: list) -> shapely.Polygon:
    shell, *holes = (np.asarray(ring, dtype=np.float64)[:, :2] for ring in rings)
    return shapely.polygons(shell, holes=holes or None)


def _guess_name_property(features: list[dict], source: str) -> str:
    properties = [f.get("properties") or {} for f in features]
    if all(DEFAULT_NAME_PROPERTY in p for p in properties):
        return DEFAULT_NAME_PROPERTY
    for key in properties[0]:
        values = [p.get(key) for p in properties]
        if all(isinstance(v, str) and v.strip() for v in values) and len(set(values)) == len(
            values
        ):
            return key
    raise BoundaryError(
        f"{source}: cannot tell which property holds the area name; name it explicitly"
    )
