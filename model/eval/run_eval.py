#!/usr/bin/env python3
"""Zhang et al. 2017 evaluation on val256: grey, Levin et al. 2004 and Tintype (shipped model).

  /usr/bin/python3 model/eval/run_eval.py [--limit N] [--ks 0,1,2,5,10,20,50,100] [--out docs/eval]
      [--cli "npm run tintype --"] [--cli-args "--backend wasm"] [--jobs 2]

Prints the table and target checks; writes <out>/results.md, results.json, psnr_vs_hints.png and
caches the baselines in <out>/baselines.json. See docs/eval/results.md for the protocol.
"""

import argparse
import os
import shlex
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# One BLAS thread per process: --jobs processes already share the cores (before numpy loads).
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from baselines import BaselineCache, protocol_key  # noqa: E402
from colour_report import references  # noqa: E402
from val256 import DEFAULT_DATA, SETS, iter_images  # noqa: E402
from write_results import write_outputs  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
DEFAULT_KS = "0,1,2,5,10,20,50,100"



def parse_ks(text: str) -> list[int]:
    try:
        ks = sorted({int(part) for part in text.split(",")})
    except ValueError:
        raise argparse.ArgumentTypeError(f"--ks: expected comma-separated integers, got {text!r}") from None
    if not ks or ks[0] < 0 or ks[-1] > 100:
        raise argparse.ArgumentTypeError(f"--ks: each k must be in [0, 100], got {text!r}")
    return ks


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--limit", type=int, default=None, help="first N images of val256 (default all 460)")
    p.add_argument("--ks", type=parse_ks, default=parse_ks(DEFAULT_KS), help=f"hint counts ({DEFAULT_KS})")
    p.add_argument("--set", choices=sorted(SETS), default="val256",
                   help="val256, or heldout: 300 photos of a source training leaves out (val256.SETS)")
    p.add_argument("--out", type=Path, default=None, help="output folder (default docs/eval, docs/eval/heldout)")
    p.add_argument("--cli", default="npm run --silent tintype --",
                   help="command that runs the Tintype CLI; 'none' skips Tintype")
    p.add_argument("--cli-args", default="", help="extra flags for `tintype batch`, e.g. '--backend cpu'")
    p.add_argument("--model", type=Path, default=REPO / "public" / "models" / "tintype" / "model.json")
    p.add_argument("--no-palette", action="store_true", help="skip the k = 0 own-palette row")
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with val256.tsv and its tar")
    p.add_argument("--work", type=Path, default=Path("/tmp/tintype-eval"), help="sessions, manifest, PNGs")
    p.add_argument("--jobs", type=int, default=2, help="processes for the Levin solves and the tintype renders")
    p.add_argument("--contain", action="store_true",
                   help="protocol hints with contain: true (session v3), to measure containment's PSNR")
    p.add_argument("--no-leak", action="store_true", help="skip the leak measure (leak.py, <out>/leak.md)")
    p.add_argument("--no-exemplar", action="store_true",
                   help="skip colour from a reference photo (exemplar_run.py, <out>/exemplar.md)")
    args = p.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        p.error(f"--limit must be >= 1, got {args.limit}")
    if args.out is None:
        args.out = REPO / "docs" / "eval" / ("" if args.set == "val256" else args.set)
    return args


def run_tintype(args: argparse.Namespace, images: list, ks: list[int]) -> tuple[dict, dict, Path]:
    """Render every (image, variant) through the CLI and score it like the baselines: per-image
    PSNR and per-image colour records (colour_report.py), each {method: {k: [per image]}}, and
    the folder of the rendered PNGs (montage.py reads them)."""
    from colour import compose, psnr, srgb8_to_lab
    from colour_report import record
    from hints import make_hints
    from palette import load_bins, own_palette
    from tintype_cli import TintypeRun, session

    if not args.model.is_file():
        raise FileNotFoundError(f"{args.model}: no shipped model (pass --model or --cli none)")
    run = TintypeRun(args.work.resolve(), args.model.resolve(), shlex.split(args.cli_args))
    bins = None if args.no_palette else load_bins(args.model)
    suffix = "-contain" if args.contain else ""  # renders are cached by variant name
    truth = {}
    for key, rgb in images:
        lab = srgb8_to_lab(rgb)
        truth[key] = lab[..., 0]
        height, width = lab.shape[:2]
        seq = make_hints(key, lab)
        for k in ks:
            run.add(key, rgb, f"k{k}{suffix}", session(key, width, height, seq[:k], None, args.contain))
        if bins is not None:
            run.add(key, rgb, "palette", session(key, width, height, [], own_palette(lab[..., 1:], bins)))
    run.render(args.cli, shlex.split(args.cli_args), args.jobs)

    psnrs: dict[str, dict[int, list[float]]] = {}
    colours: dict[str, dict[int, list[dict]]] = {}
    palette = [("tintype_palette", 0, "palette")] if bins is not None else []
    variants = [("tintype", k, f"k{k}{suffix}") for k in ks] + palette
    for key, rgb in images:
        lab = srgb8_to_lab(rgb)
        for method, k, variant in variants:
            ab = run.predicted_ab(key, variant)
            psnrs.setdefault(method, {}).setdefault(k, []).append(psnr(rgb, compose(truth[key], ab)))
            colours.setdefault(method, {}).setdefault(k, []).append(record(rgb, lab, ab))
    return psnrs, colours, run.out_dir


def run_leak_measure(args: argparse.Namespace, images: list) -> str:
    """The leak of a wrong colour hint with and without containment (leak.py): <out>/leak.md."""
    from leak_run import run_leak, write_leak
    from tintype_cli import TintypeRun

    run = TintypeRun(args.work.resolve(), args.model.resolve(), shlex.split(args.cli_args))
    result = run_leak(run, args.cli, shlex.split(args.cli_args), args.jobs, images)
    command = shlex.join(["/usr/bin/python3", "model/eval/run_eval.py", *sys.argv[1:]])
    return write_leak(args.out, result, command)


def run_exemplar_eval(args: argparse.Namespace, images: list) -> str:
    """Colour from a reference photo, same scene and another photo (exemplar_run.py)."""
    from exemplar_run import run_exemplar, write_exemplar
    from palette import load_bins
    from tintype_cli import TintypeRun

    run = TintypeRun(args.work.resolve(), args.model.resolve(), shlex.split(args.cli_args))
    result = run_exemplar(run, args.cli, shlex.split(args.cli_args), args.jobs, images, args.data,
                          load_bins(args.model))
    command = "npm run eval" + (f" -- --limit {args.limit}" if args.limit else "")
    return write_exemplar(args.out, result, command)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if not (args.data / "val256.tsv").is_file():
        print(f"run_eval: the evaluation needs the val256 photos (val256.tsv and its tar), which the "
              f"repository does not carry; {args.data} has no val256.tsv. Point --data at their folder.",
              file=sys.stderr)
        return 2
    name, source, count = SETS[args.set]
    images = list(iter_images(args.data, args.limit or count, name, source))
    keys = [key for key, _ in images]
    print(f"{args.set}: {len(images)} images, k = {args.ks}, protocol {protocol_key()}", flush=True)

    cache = BaselineCache(args.out / "baselines.json")
    started = time.perf_counter()
    work = cache.fill(images, args.ks, args.jobs)
    baseline_s = time.perf_counter() - started
    per_solve = f", {work['cpu_s'] / work['solves']:.2f} CPU-s per Levin solve" if work["solves"] else ""
    print(f"baselines: {work['images']} images ({work['solves']} Levin solves) in {baseline_s:.1f} s wall, "
          f"{work['cpu_s']:.1f} CPU-s, {args.jobs} processes{per_solve}; rest cached", flush=True)
    per_image = cache.scores(keys, args.ks)

    tintype_s = None
    renders = None
    colour = references(images)
    if args.cli.strip().lower() != "none":
        started = time.perf_counter()
        psnrs, colours, renders = run_tintype(args, images, args.ks)
        per_image.update(psnrs)
        colour.update(colours)
        tintype_s = time.perf_counter() - started
        print(f"tintype: {tintype_s:.1f} s", flush=True)

    if args.cli.strip().lower() != "none" and not args.no_leak:
        print(run_leak_measure(args, images), flush=True)
    if args.cli.strip().lower() != "none" and not args.no_exemplar and args.set == "val256":
        print(run_exemplar_eval(args, images), flush=True)

    timings = {"baselines_wall_s": round(baseline_s, 1), "baselines_work": work, "jobs": args.jobs,
               "tintype_s": None if tintype_s is None else round(tintype_s, 1)}
    print(write_outputs(args, keys, per_image, timings, colour, renders))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
