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

from train import code_revision  # noqa: E402


def soup(paths: list[str]) -> dict:
    files = [torch.load(p, map_location="cpu") for p in paths]
    first = files[0]
    for path, f in zip(paths, files):
        for key in ("state_dict", "q", "arch", "training"):
            if key not in f:
                sys.exit(f"soup: {path} has no '{key}' (not a weights file)")
        if f["arch"] != first["arch"] or f["q"] != first["q"]:
            sys.exit(f"soup: {path} is arch {f['arch']}, q {f['q']}; {paths[0]} is arch {first['arch']}, q {first['q']}")
        if f["state_dict"].keys() != first["state_dict"].keys():
            sys.exit(f"soup: {path} has other layers than {paths[0]}")
        for k, v in f["state_dict"].items():
            if v.shape != first["state_dict"][k].shape:
                sys.exit(f"soup: {path} {k} is {tuple(v.shape)}, {paths[0]} has {tuple(first['state_dict'][k].shape)}")
    state = {k: torch.stack([f["state_dict"][k].float() for f in files]).mean(0) for k in first["state_dict"]}
    runs = [f["training"]["run"] for f in files]
    # Each record counts only its own run's steps (earlier runs sit in its history), so the sums
    # are the training the ingredients did, with nothing they share counted twice.
    training = {"run": "soup(" + ", ".join(runs) + ")", "sets": first["training"]["sets"],
                "steps": sum(f["training"]["steps"] for f in files),
                "samplesSeen": sum(f["training"]["samplesSeen"] for f in files),
                "crop": first["training"]["crop"], "weights": "mean of " + ", ".join(runs),
                "history": [{"init": p, "training": f["training"]} for p, f in zip(paths, files)],
                "data": first["training"]["data"], "codeRevision": code_revision()}
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
