"""Average the weights of runs that share an ancestor (a "model soup", Wortsman et al. 2022).

  /usr/bin/python3 model/soup.py OUT.pt A.pt B.pt [...]
  /usr/bin/python3 model/soup.py OUT.pt A.pt:2 B.pt:1      (weighted: 2/3 A + 1/3 B)

Two fine-tunes of the same weights (different seeds, crop scales or learning rates) sit in one
basin, so their mean is a model of its own that often beats both. Inputs are weights files
(train.py's weights.pt, snapshot.py's output) of one architecture; the result has the same
shape, and its training record names every ingredient with its full history.
"""

import argparse
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from net import TintypeNet  # noqa: E402
from train import training_record  # noqa: E402


def parse_ingredient(arg: str) -> tuple[str, float]:
    """'A.pt' → (A.pt, 1); 'A.pt:2' → (A.pt, 2). A weight is a positive number."""
    path, sep, weight = arg.rpartition(":")
    if not sep or os.path.exists(arg):
        return arg, 1.0
    try:
        w = float(weight)
    except ValueError:
        sys.exit(f"soup: '{arg}': the weight after ':' must be a number")
    if not w > 0:
        sys.exit(f"soup: '{arg}': the weight after ':' must be positive")
    return path, w


def soup(paths: list[str], weights: list[float] | None = None) -> dict:
    weights = weights or [1.0] * len(paths)
    if len(weights) != len(paths):
        sys.exit("soup: one weight per file")
    if len(set(map(os.path.realpath, paths))) != len(paths):
        sys.exit("soup: a file is named twice; give it once with a weight (A.pt:2)")
    for p in paths:
        if not os.path.isfile(p):
            sys.exit(f"soup: {p}: no such file")
    files = [torch.load(p, map_location="cpu") for p in paths]
    first = files[0]
    for path, f in zip(paths, files):
        for key in ("state_dict", "q", "arch", "training"):
            if key not in f:
                sys.exit(f"soup: {path} has no '{key}' (not a weights file)")
        if f["arch"] != first["arch"] or f["q"] != first["q"]:
            sys.exit(f"soup: {path} is arch {f['arch']}, q {f['q']}; {paths[0]} is arch {first['arch']}, q {first['q']}")
        try:  # the exporter's own check that the layers fit the architecture the file records
            TintypeNet.for_weights(f).load_state_dict(f["state_dict"])
        except RuntimeError as err:
            sys.exit(f"soup: {path} does not fit its architecture: {err}")
    share = torch.tensor(weights, dtype=torch.float64) / sum(weights)
    state = {k: sum(float(s) * f["state_dict"][k].double() for s, f in zip(share, files)).float()
             for k in first["state_dict"]}
    records = [f["training"] for f in files]
    equal = len(set(weights)) == 1
    runs = ", ".join(r["run"] if equal else f"{r['run']} × {float(s):.3f}" for r, s in zip(records, share))
    # Each record counts only its own run's steps (earlier runs sit in its history), so the sums
    # are the training the ingredients did, with nothing they share counted twice.
    cfg = {"name": f"soup({runs})", "train_shards": records[0]["sets"], "crop": records[0]["crop"]}
    training = training_record(cfg, sum(r["steps"] for r in records), sum(r["samplesSeen"] for r in records),
                               sum(r.get("minutes", 0.0) for r in records),
                               [{"init": p, "training": r} for p, r in zip(paths, records)], weights=f"{'mean' if equal else 'weighted mean'} of {runs}")
    return {"state_dict": state, "q": first["q"], "arch": first["arch"], "training": training}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("weights", nargs="+", help="two or more weights files of one architecture, each "
                    "optionally with ':<weight>' (default 1)")
    args = ap.parse_args()
    if len(args.weights) < 2:
        sys.exit("soup: give at least two weights files")
    paths, weights = zip(*(parse_ingredient(a) for a in args.weights))
    result = soup(list(paths), list(weights))
    torch.save(result, args.out)
    print(f"wrote {args.out}: {result['training']['run']}")


if __name__ == "__main__":
    main()
