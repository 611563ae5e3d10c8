"""docs/eval/results.{md,json} and psnr_vs_hints.png from per-image scores."""

import json
import shlex
import sys
from argparse import Namespace
from pathlib import Path

from baselines import PROTOCOL, protocol_key
from colour_report import colour_table, summary
from report import LABELS, check_lines, markdown_table, plot, source_table, summarize, target_checks
from val256 import SETS, read_sources

NOTES = """\
Protocol (after Zhang et al. 2017, "Real-Time User-Guided Image Colorization with Learned Deep
Priors", §4): each hint is a 6×6 patch whose centre is drawn from N(side/2, (side/4)²) per axis
(σ = 64 px at 256), clipped inside the image, and carries the mean ground-truth ab of the patch.
Hints are one prefix-consistent sequence per image (k hints = its first k; seed 2017 and the
image key), with overlapping patches redrawn, so every method sees the same non-overlapping
pixels and no rule for "which hint wins" matters. PSNR is over the whole 256×256 image in 8-bit
sRGB: truth = the JPEG's decoded RGB, prediction = truth L* + predicted ab → sRGB (D65,
IEC 61966-2-1, clipped), averaged over images; ± is the 95% CI of the mean (1.96·std/√n).

- grey: ab = 0 everywhere (the same number for every k).
- Levin et al. 2004: the authors' getColorExact.m weights (3×3 window, σ² from the window
  variance) on Y = L*/100, hinted pixels pinned, one exact sparse LU solve per (image, k) for
  both channels; k = 0 → grey.
- Tintype: the shipped TF.js model through `tintype batch` (sessions with one point hint per
  patch, size 6, at the patch centre); the PNG's ab is scored with the truth's L*.
- Tintype + own palette: k = 0 with `global.palette` = every non-empty bin of the image's own
  ab histogram over the model's bins (nearest bin centre), weighted by pixel share.
"""


COLOUR_NOTES = """\
Colour (model/eval/colour_metrics.py): colourfulness ratio = Hasler–Süsstrunk colourfulness of
the output over the truth's, mean per photo (1 = as colourful as the real photo; grey is 0).
Colour F-score, pooled over the photos: recall = per 60° sector of the true hue, the share of
pixels with true chroma ≥ 20 where the output has chroma ≥ 10 and a hue within 45°, averaged
over the sectors; precision = among output pixels with chroma ≥ 10, the share whose true colour
has chroma ≥ 10 within 45°; F = their harmonic mean. Sepia is a constant tint (a*, b*) = (7, 20).
"""


def write_outputs(args: Namespace, keys: list[str], per_image: dict, timings: dict, colour: dict,
                  renders: Path | None = None) -> str:
    """Writes the three files; returns the text printed on the console."""
    stats = {m: {k: summarize(v) for k, v in by_k.items()} for m, by_k in per_image.items()}
    table = markdown_table(stats, args.ks)
    colours = colour_table(colour, {**LABELS, "sepia": "constant sepia tint"})
    checks = target_checks(per_image)
    lines = check_lines(checks)
    model = _model_info(args.model) if "tintype" in per_image else None
    title = f"PSNR vs hints, {args.set} ({len(keys)} images)" + (f", model {model['run']}" if model else "")
    args.out.mkdir(parents=True, exist_ok=True)
    plot(stats, args.ks, args.out / "psnr_vs_hints.png", title)

    command = "/usr/bin/python3 model/eval/run_eval.py " + shlex.join(sys.argv[1:])
    doc = {
        "protocol_key": protocol_key(), "protocol": PROTOCOL, "images": len(keys), "ks": args.ks,
        "model": model, "command": command.strip(), "timings": timings,
        "methods": {m: {str(k): s for k, s in by_k.items()} for m, by_k in stats.items()},
        "checks": checks, "keys": keys,
        "per_image": {m: {str(k): [round(x, 4) for x in v] for k, v in by_k.items()}
                      for m, by_k in per_image.items()},
        "colour_summary": {m: {str(k): summary(v) for k, v in by_k.items()} for m, by_k in colour.items()},
        "colour": {m: {str(k): v for k, v in by_k.items()} for m, by_k in colour.items()},
        "set": args.set, "renders": None if renders is None else str(renders),
    }
    (args.out / "results.json").write_text(json.dumps(doc, indent=1) + "\n")

    full = SETS[args.set][2]
    subset = "" if len(keys) == full else f" — quick run on the first {len(keys)} of {full} images"
    model_line = (f"Model: `{args.model.name}` run `{model['run']}`, digest {model['digest']}, "
                  f"code {model['codeRevision']}." if model else "Tintype not run (`--cli none`).")
    md = [
        f"# Tintype evaluation: PSNR and colour vs number of colour hints ({args.set}){subset}", "",
        f"Protocol `{protocol_key()}`, {len(keys)} images. {model_line}", "",
        table, "", "Targets (paired per-image differences, ± 95% CI):", "",
        *[f"- {line}" for line in lines], "", "![PSNR vs hints](psnr_vs_hints.png)", "",
        "## Colour", "", colours, "", COLOUR_NOTES,
        *(_by_source(per_image, keys, args.data) if args.set == "val256" else []),
        NOTES, f"Reproduce: `{command.strip()}` or `npm run eval`.",
        f"Timings: {json.dumps(timings)}.", "",
    ]
    (args.out / "results.md").write_text("\n".join(md))
    legend = ", ".join(f"{m} = {LABELS[m]}" for m in per_image if m in LABELS)
    wrote = f"wrote {args.out}/results.md, results.json, psnr_vs_hints.png"
    return "\n".join(["", table, "", *lines, "", colours, "", legend, wrote])


def _by_source(per_image: dict, keys: list[str], data_dir: Path) -> list[str]:
    table = source_table(per_image, keys, read_sources(data_dir))
    if not table:
        return []
    return ["## Margins by photo source", "",
            "Tintype minus the target's baseline (dB, mean over the source's photos; grey at k = 0, Levin "
            "otherwise), sources from val256.tsv: which kinds of photograph the gaps come from.", "",
            table, ""]


def _model_info(model_json: Path) -> dict:
    from tintype_cli import model_digest

    meta = json.loads(model_json.read_text()).get("userDefinedMetadata", {}).get("tintype", {})
    return {"path": str(model_json), "digest": model_digest(model_json),
            "run": meta.get("training", {}).get("run", "?"), "codeRevision": meta.get("codeRevision", "?")}
