"""Write a weights file from a run's checkpoint while it is still training, to evaluate it.

  /usr/bin/python3 model/snapshot.py model/runs/<name>/last.pt /tmp/cand/weights.pt

Takes the EMA weights when the run keeps an average (what train.py would ship at the end), else
the raw weights. The output has the shape of train.py's weights.pt, so export_tfjs.py --weights
reads it; its training record says which step it was taken at. A CPU run is judged mid-way by
the shipped path (export, then `npm run eval -- --limit N`), since validate() is a poor proxy.
"""

import argparse
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from train import training_record, write_weights  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("checkpoint", help="runs/<name>/last.pt")
    ap.add_argument("out", help="weights file to write")
    args = ap.parse_args()
    ck = torch.load(args.checkpoint, map_location="cpu")
    for key in ("model", "step", "samples", "config"):
        if key not in ck:
            sys.exit(f"snapshot: {args.checkpoint} has no '{key}' (not a train.py last.pt)")
    cfg = ck["config"]
    state = ck.get("ema", ck["model"])
    training = training_record(cfg, ck["step"], ck["samples"], ck["elapsed_s"] / 60, ck.get("history", []),
                               snapshot=True, weights="ema" if "ema" in ck else "raw")
    q = state["logits.weight"].shape[0]
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    write_weights(args.out, state, q, cfg, training)
    print(f"wrote {args.out} ({training['weights']} weights, step {ck['step']}, {ck['samples']} photos)")


if __name__ == "__main__":
    main()
