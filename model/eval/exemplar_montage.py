"""Four rows of the exemplar evaluation: grey | reference | result | truth.

  /usr/bin/python3 model/eval/exemplar_montage.py docs/eval/exemplar.json --work /tmp/tintype-eval \
      --out docs/eval/exemplar_montage.jpg

Rows, chosen by rule from exemplar.json (not by eye): the same-scene photos at the median and
the 90th percentile of the gain over no reference, and the different-photo photos at the 10th
percentile and the median of that gain, so a typical loss is shown beside the gains. The
renders and references are the ones exemplar_run.py wrote under --work.
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parent))

from colour import compose, srgb8_to_lab  # noqa: E402
from exemplar_run import REFS  # noqa: E402
from val256 import DEFAULT_DATA, iter_images  # noqa: E402

TILE = 192
LABEL_H = 18


def tile(rgb: np.ndarray, label: str) -> Image.Image:
    im = Image.fromarray(rgb).convert("RGB")
    im.thumbnail((TILE, TILE))
    out = Image.new("RGB", (TILE, TILE + LABEL_H), "white")
    out.paste(im, ((TILE - im.width) // 2, LABEL_H + (TILE - im.height) // 2))
    ImageDraw.Draw(out).text((4, 3), label, fill="black")
    return out


def pick(keys: list[str], gain: np.ndarray, quantile: float) -> str:
    order = np.argsort(gain, kind="stable")
    return keys[int(order[min(len(order) - 1, int(quantile * (len(order) - 1)))])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("results", type=Path)
    ap.add_argument("--work", type=Path, default=Path("/tmp/tintype-eval"))
    ap.add_argument("--renders", type=Path, help="the rendered PNGs (default: the newest under WORK/out)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    doc = json.loads(args.results.read_text())
    keys, psnr = doc["keys"], {k: np.asarray(v) for k, v in doc["psnr"].items()}
    renders = args.renders or max((args.work / "out").iterdir(), key=lambda p: p.stat().st_mtime)
    rows = [(pick(keys, psnr["ref-same"] - psnr["k0"], q), "same", f"ref-same-{REFS}") for q in (0.5, 0.9)]
    rows += [(pick(keys, psnr["ref-diff"] - psnr["k0"], q), "diff", "ref-diff") for q in (0.1, 0.5)]
    truth = dict(iter_images(args.data, None))
    sheet = Image.new("RGB", (4 * TILE, len(rows) * (TILE + LABEL_H)), "white")
    for r, (key, kind, variant) in enumerate(rows):
        rgb = truth[key]
        lab = srgb8_to_lab(rgb)
        ref_file = (args.work / "references" / (f"{key}_same_{REFS}.png" if kind == "same"
                                                else f"{doc['borrowed'][key]}.png"))
        with Image.open(renders / f"{key}_{variant}.png") as im:
            ab = srgb8_to_lab(np.asarray(im.convert("RGB")))[..., 1:]
        i = keys.index(key)
        gain = psnr[variant.split("-r")[0] if kind == "same" else "ref-diff"][i] - psnr["k0"][i]
        grey = np.repeat(np.asarray(compose(lab[..., 0], np.zeros_like(lab[..., 1:])))[..., :3], 1, axis=-1)
        tiles = [tile(grey, f"{key} grey"),
                 tile(np.asarray(Image.open(ref_file).convert("RGB")), "reference: " + ("same scene" if kind == "same" else "other photo")),
                 tile(compose(lab[..., 0], ab), f"result {gain:+.1f} dB"),
                 tile(rgb, "truth")]
        for c, t in enumerate(tiles):
            sheet.paste(t, (c * TILE, r * (TILE + LABEL_H)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(args.out, quality=85)
    print(f"wrote {args.out}: rows {[key for key, _, _ in rows]}")


if __name__ == "__main__":
    main()
