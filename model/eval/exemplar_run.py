"""Exemplar evaluation: colour from a reference photo (`tintype batch` lines with "reference").

Per photo, with the references of exemplar_refs.py:
- `ref-same`: the photo's own colour version, mirrored, rescaled and cropped; compared with
  the protocol's k = 10 render (ten hints of true colour at random places).
- `ref-diff`: the nearest other val256 photo by a colour-free descriptor; compared with no
  reference at all (k = 0) and with `refpal-diff`, the global palette alone from the same
  reference (its own ab histogram over the model's bins, as `palette.own_palette`).
Paired per-photo PSNR differences with normal-approximation 95 % CIs go to <out>/exemplar.md
and exemplar.json. Called by run_eval.py (--no-exemplar skips it).
"""

import json
from pathlib import Path

import numpy as np
from PIL import Image

from colour import compose, psnr, srgb8_to_lab
from exemplar_refs import descriptor, nearest_others, same_scene_reference
from hints import make_hints
from palette import own_palette
from report import summarize
from tintype_cli import TintypeRun, session
from val256 import iter_images

VIVIDNESS = 0.35  # what a v1 session migrates to, so `k0` here is the protocol's k = 0 render
# Bump when exemplar_refs.py changes what a reference looks like: cached PNGs are keyed by name.
REFS = "r1"
COMPARISONS = [
    ("ref-same", "k10", "same scene vs k = 10 true hints"),
    ("ref-same", "k0", "same scene vs no reference"),
    ("ref-diff", "k0", "different photo vs no reference"),
    ("ref-diff", "refpal-diff", "different photo vs its palette alone"),
]


def session_v3(key: str, width: int, height: int, palette: list | None) -> dict:
    return {"format": "tintype-session", "version": 3,
            "image": {"width": width, "height": height, "name": f"{key}.png"},
            "hints": [], "global": {"saturation": None, "palette": palette}, "vividness": VIVIDNESS}


def run_exemplar(run: TintypeRun, cli: str, cli_args: list[str], jobs: int, images: list,
                 data_dir: Path, bins: np.ndarray) -> dict:
    """Per-photo PSNR {variant: [...]} in `images` order, and which photo each one borrowed."""
    candidates = list(iter_images(data_dir, None))
    pixels = dict(candidates)
    keys = [key for key, _ in candidates]
    others = nearest_others(keys, np.stack([descriptor(rgb) for _, rgb in candidates]),
                            [key for key, _ in images])
    refs = run.work / "references"
    refs.mkdir(parents=True, exist_ok=True)
    for key, rgb in images:
        lab = srgb8_to_lab(rgb)
        height, width = lab.shape[:2]
        same = refs / f"{key}_same_{REFS}.png"
        if not same.exists():
            Image.fromarray(same_scene_reference(key, rgb)).save(same)
        other = refs / f"{others[key]}.png"
        if not other.exists():
            Image.fromarray(pixels[others[key]]).save(other)
        seq = make_hints(key, lab)
        run.add(key, rgb, "k0", session(key, width, height, [], None))
        run.add(key, rgb, "k10", session(key, width, height, seq[:10], None))
        run.add(key, rgb, f"ref-same-{REFS}", session_v3(key, width, height, None), same)
        run.add(key, rgb, "ref-diff", session_v3(key, width, height, None), other)
        palette = own_palette(srgb8_to_lab(pixels[others[key]])[..., 1:], bins)
        run.add(key, rgb, "refpal-diff", session_v3(key, width, height, palette))
    try:
        run.render(cli, cli_args, jobs)
    except RuntimeError as error:
        # A refused reference (black and white: some val256 photos are nearly grey) fails its
        # line and the batch exits 1; the user keeps the render without a reference.
        print(f"exemplar: {error} (refused references are scored as no reference)")
    variants = {"k0": "k0", "k10": "k10", "ref-same": f"ref-same-{REFS}", "ref-diff": "ref-diff",
                "refpal-diff": "refpal-diff"}
    scores: dict[str, list[float]] = {name: [] for name in variants}
    refused: dict[str, list[str]] = {"ref-same": [], "ref-diff": []}
    for key, rgb in images:
        L = srgb8_to_lab(rgb)[..., 0]
        for name, variant in variants.items():
            if name in refused and not run.output(key, variant).exists():
                refused[name].append(key)
                variant = "k0"
            scores[name].append(psnr(rgb, compose(L, run.predicted_ab(key, variant))))
    return {"keys": [key for key, _ in images], "borrowed": others, "psnr": scores, "refused": refused}


def write_exemplar(out: Path, result: dict, command: str) -> str:
    """exemplar.json (per photo) and exemplar.md (means and paired differences)."""
    psnrs = result["psnr"]
    means = {name: summarize(values) for name, values in psnrs.items()}
    paired = []
    for a, b, what in COMPARISONS:
        diff = summarize(list(np.subtract(psnrs[a], psnrs[b])))
        paired.append({"a": a, "b": b, "what": what, **diff})
    out.mkdir(parents=True, exist_ok=True)
    (out / "exemplar.json").write_text(json.dumps(
        {"command": command, "means": means, "paired": paired, **result}, indent=1))
    n = len(result["keys"])
    lines = [
        "# Colour from a reference photo (model/eval/exemplar_run.py)",
        "",
        f"`{command}`, {n} photos of val256. References refused as black and white (scored as no "
        f"reference): {len(result['refused']['ref-same'])} same-scene, "
        f"{len(result['refused']['ref-diff'])} other-photo. PSNR (dB, mean ± 95 % CI):",
        "",
        "| render | PSNR |",
        "|---|---:|",
    ]
    lines += [f"| {name} | {m['mean']:.2f} ± {m['ci95']:.2f} |" for name, m in means.items()]
    lines += ["", "Paired per-photo differences (dB, mean ± 95 % CI):", "",
              "| comparison | difference |", "|---|---:|"]
    lines += [f"| {p['what']} ({p['a']} − {p['b']}) | {p['mean']:+.2f} ± {p['ci95']:.2f} |" for p in paired]
    table = "\n".join(lines) + "\n"
    (out / "exemplar.md").write_text(table)
    return table


def main(argv: list[str]) -> int:
    """Standalone: the exemplar evaluation alone (run_eval.py runs it after the main table)."""
    import argparse
    import os
    import shlex

    from palette import load_bins
    from val256 import DEFAULT_DATA

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--limit", type=int, default=None, help="first N images of val256 (default all 460)")
    p.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "docs" / "eval")
    p.add_argument("--work", type=Path, default=Path("/tmp/tintype-eval"))
    p.add_argument("--cli", default="npm run --silent tintype --")
    p.add_argument("--cli-args", default="")
    p.add_argument("--model", type=Path,
                   default=Path(__file__).resolve().parents[2] / "public" / "models" / "tintype" / "model.json")
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--jobs", type=int, default=2)
    args = p.parse_args(argv)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    run = TintypeRun(args.work.resolve(), args.model.resolve(), shlex.split(args.cli_args))
    images = list(iter_images(args.data, args.limit))
    result = run_exemplar(run, args.cli, shlex.split(args.cli_args), args.jobs, images, args.data,
                          load_bins(args.model))
    command = "/usr/bin/python3 model/eval/exemplar_run.py" + (f" --limit {args.limit}" if args.limit else "")
    print(write_exemplar(args.out, result, command))
    return 0


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
