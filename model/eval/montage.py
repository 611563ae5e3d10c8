"""A montage of the automatic pass (k = 0): grey | previous release | this release | truth.

  /usr/bin/python3 model/eval/montage.py PREV/results.json NEW/results.json --out docs/eval/montage.jpg
      [--prev-renders DIR] [--rows 6] [--worst 3]

Rows: `--rows` photos spread evenly over the set (the same photos for every release), then the
`--worst` photos whose colour F-score fell most against the previous release (the blotch
check, colour_report.BLOTCH_DROP), so the failures are shown beside the successes. Both
results.json must come from run_eval.py on the same set; the PNGs are the ones it rendered
(its "renders" folder, or --prev-renders / --new-renders).
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parent))

from colour import compose, srgb8_to_lab  # noqa: E402
from colour_metrics import photo_f  # noqa: E402
from val256 import DEFAULT_DATA, SETS, iter_images  # noqa: E402

TILE = 160
LABEL_H = 18


def load(path: str) -> dict:
    doc = json.loads(Path(path).read_text())
    if "colour" not in doc or "tintype" not in doc["colour"]:
        sys.exit(f"montage: {path} has no Tintype colour records (rerun model/eval/run_eval.py)")
    return doc


def rendered(folder: Path, key: str, truth_l: np.ndarray) -> np.ndarray:
    """The k = 0 render's ab on the truth's L*, as the evaluation scores it."""
    with Image.open(folder / f"{key}_k0.png") as im:
        ab = srgb8_to_lab(np.asarray(im.convert("RGB")))[..., 1:]
    return compose(truth_l, ab)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("prev")
    ap.add_argument("new")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--prev-renders", type=Path)
    ap.add_argument("--new-renders", type=Path)
    ap.add_argument("--rows", type=int, default=6)
    ap.add_argument("--worst", type=int, default=3)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    prev, new = load(args.prev), load(args.new)
    if prev["keys"] != new["keys"]:
        sys.exit("montage: the two results.json scored different photos")
    keys = new["keys"]
    folders = [args.prev_renders or Path(prev.get("renders") or ""), args.new_renders or Path(new.get("renders") or "")]
    for f in folders:
        if not f.is_dir():
            sys.exit(f"montage: render folder {f} not found (pass --prev-renders / --new-renders)")
    step = len(keys) / args.rows
    picks = [int(i * step + step / 2) for i in range(args.rows)]
    drops = [photo_f(a["counts"]) - photo_f(b["counts"])
             for a, b in zip(prev["colour"]["tintype"]["0"], new["colour"]["tintype"]["0"])]
    worst = [i for i in np.argsort(drops)[::-1][: args.worst] if i not in picks]
    name, source, _count = SETS[new.get("set", "val256")]
    wanted = {keys[i] for i in picks + worst}
    photos = {k: rgb for k, rgb in iter_images(args.data, None, name, source) if k in wanted}
    rows = picks + worst
    sheet = Image.new("RGB", (4 * TILE, LABEL_H + len(rows) * TILE), "white")
    draw = ImageDraw.Draw(sheet)
    for c, label in enumerate(["grey", "previous release", "this release", "truth"]):
        draw.text((c * TILE + 4, 3), label, fill="black")
    for r, i in enumerate(rows):
        rgb = photos[keys[i]]
        lab = srgb8_to_lab(rgb)
        tiles = [compose(lab[..., 0], np.zeros(lab.shape[:2] + (2,))),
                 *[rendered(f, keys[i], lab[..., 0]) for f in folders], rgb]
        for c, tile in enumerate(tiles):
            sheet.paste(Image.fromarray(tile).resize((TILE, TILE), Image.BICUBIC), (c * TILE, LABEL_H + r * TILE))
        if i in worst:
            draw.text((2 * TILE + 4, LABEL_H + r * TILE + 4), f"F -{drops[i]:.2f}", fill="red")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # JPEG unless asked otherwise: a photo montage as PNG is ~1 MB, which the repository need not carry.
    sheet.save(args.out, **({"quality": 85} if args.out.suffix.lower() in (".jpg", ".jpeg") else {"optimize": True}))
    print(f"wrote {args.out}: {len(picks)} photos + {len(worst)} largest colour-F drops")


if __name__ == "__main__":
    main()
