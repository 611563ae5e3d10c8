"""Average the weights of runs that share an ancestor (a "model soup", Wortsman et al. 2022).

  /usr/bin/python3 model/soup.py OUT.pt A.pt B.pt [...]

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


def soup(paths: list[str]) -> dict:
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
    state = {k: torch.stack([f["state_dict"][k].float() for f in files]).mean(0) for k in first["state_dict"]}
    records = [f["training"] for f in files]
    runs = ", ".join(r["run"] for r in records)
    # Each record counts only its own run's steps (earlier runs sit in its history), so the sums
    # are the training the ingredients did, with nothing they share counted twice.
    cfg = {"name": f"soup({runs})", "train_shards": records[0]["sets"], "crop": records[0]["crop"]}
    training = training_record(cfg, sum(r["steps"] for r in records), sum(r["samplesSeen"] for r in records),
                               sum(r.get("minutes", 0.0) for r in records),
                               [{"init": p, "training": r} for p, r in zip(paths, records)], weights=f"mean of {runs}")
    return {"state_dict": state, "q": first["q"], "arch": first["arch"], "training": training}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("weights", nargs="+", help="two or more weights files of one architecture")
    args = ap.parse_args()
    if len(args.weights) < 2:
        sys.exit("soup: give at least two weights files")
    result = soup(args.weights)
    torch.save(result, args.out)
    print(f"wrote {args.out}: {result['training']['run']}")


if __name__ == "__main__":
    main()
