"""Runs the leak measure (leak.py) through the Tintype CLI: per photo the protocol's first
BASE_HINTS hints alone, plus the wrong hint, plus the wrong hint contained; writes
<out>/leak.md and leak.json. Called by run_eval.py (--no-leak skips it)."""

import json
from pathlib import Path

import numpy as np

from colour import srgb8_to_lab
from hints import make_hints, to_point_hint
from leak import BASE_HINTS, colour_region, leak_hint, leak_share, wrong_colour
from tintype_cli import TintypeRun

# The v1 files' migrated default (src/core/session/types.ts DEFAULT_VIVIDNESS): the base render
# is then the protocol's k = BASE_HINTS render. With hints it does not act anyway.
VIVIDNESS = 0.35
VARIANTS = {"free": False, "contain": True}


def session_v3(key: str, width: int, height: int, hints: list[dict]) -> dict:
    return {"format": "tintype-session", "version": 3,
            "image": {"width": width, "height": height, "name": f"{key}.png"},
            "hints": hints, "global": {"saturation": None, "palette": None}, "vividness": VIVIDNESS}


def run_leak(run: TintypeRun, cli: str, cli_args: list[str], jobs: int, images: list) -> dict:
    """Per-photo leak shares {variant: [...]}, the regions' mean share of the photo, skips."""
    placed = {}
    for key, rgb in images:
        lab = srgb8_to_lab(rgb)
        found = colour_region(key, lab)
        if found is None:
            continue
        region, centre = found
        height, width = lab.shape[:2]
        base = [to_point_hint(h) for h in make_hints(key, lab, BASE_HINTS)]
        wrong = wrong_colour(lab, region)
        run.add(key, rgb, "leak-base", session_v3(key, width, height, base))
        for variant, contain in VARIANTS.items():
            hint = leak_hint(centre, wrong, contain)
            run.add(key, rgb, f"leak-{variant}", session_v3(key, width, height, [*base, hint]))
        placed[key] = region
    run.render(cli, cli_args, jobs)
    per_photo: dict[str, list] = {v: [] for v in VARIANTS}
    for key, region in placed.items():
        base_ab = run.predicted_ab(key, "leak-base")
        for variant in VARIANTS:
            scores = leak_share(run.predicted_ab(key, f"leak-{variant}"), base_ab, region)
            per_photo[variant].append({"key": key, **scores})
    return {"photos": len(images), "placed": len(placed),
            "region_share": float(np.mean([r.mean() for r in placed.values()])) if placed else None,
            "per_photo": per_photo}


def summarise(result: dict) -> dict:
    """Mean and median share (photos where the hint changed something), mean |delta ab| outside."""
    out = {}
    for variant, rows in result["per_photo"].items():
        shares = [r["share"] for r in rows if r["share"] is not None]
        out[variant] = {
            "mean_share": float(np.mean(shares)) if shares else None,
            "median_share": float(np.median(shares)) if shares else None,
            "outside_mean_dab": float(np.mean([r["outside_mean"] for r in rows])) if rows else None,
            "inside_mean_dab": float(np.mean([r["inside_mean"] for r in rows])) if rows else None,
        }
    return out


def write_leak(out: Path, result: dict, command: str) -> str:
    """leak.json (summary + per photo) and leak.md (the table); returns the table."""
    summary = summarise(result)
    out.mkdir(parents=True, exist_ok=True)
    (out / "leak.json").write_text(json.dumps({"command": command, "summary": summary, **result}, indent=1))
    lines = [
        "# Leak of a wrong colour hint (model/eval/leak.py)",
        "",
        f"`{command}`",
        "",
        f"{result['placed']} of {result['photos']} photos had a region (mean "
        f"{100 * (result['region_share'] or 0):.1f} % of the photo); one {4}-px wrong-colour point at its "
        f"deepest pixel on top of the protocol's first 5 hints.",
        "",
        "| hint | leak share (mean) | median | mean abs. Δab outside | mean abs. Δab inside |",
        "|---|---|---|---|---|",
    ]
    names = {"free": "plain (no contain)", "contain": "contain: true"}
    for variant, s in summary.items():
        lines.append(f"| {names[variant]} | {s['mean_share']:.3f} | {s['median_share']:.3f} | "
                     f"{s['outside_mean_dab']:.2f} | {s['inside_mean_dab']:.2f} |")
    table = "\n".join(lines) + "\n"
    (out / "leak.md").write_text(table)
    return table
