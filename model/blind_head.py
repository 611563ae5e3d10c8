"""Give a net a blind head (used when the photo has no point or stroke hints), or take it out.

  /usr/bin/python3 model/blind_head.py merge OUT.pt --main MAIN.pt --head HEAD.pt [--modules b2,d3,...]
  /usr/bin/python3 model/blind_head.py extract OUT.pt --weights MERGED.pt [--main]

`merge`: HEAD.pt is a plain net trained from MAIN.pt with config `frozen_modules` (the global
branch and whatever else stays shared) and `p_no_hints` 1. The modules it trained, the encoder
among them if it was not frozen, become MAIN's blind head; by default they are found as the
head modules whose weights differ from MAIN's. Every module outside the head must be
bit-identical in both files: a head trained over another global branch would read features
the shared one never computes.

`extract`: the blind head put back into a plain net (its own modules in place of the main
ones), to continue training it with train.py --init and the same `frozen_modules`; with
`--main`, the main net alone (the blind head dropped), the MAIN of a later merge.
"""

import argparse
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from net import TintypeNet  # noqa: E402
from train import training_record  # noqa: E402


def load(path: str, what: str) -> dict:
    if not os.path.isfile(path):
        sys.exit(f"blind_head: {what} {path}: no such file")
    f = torch.load(path, map_location="cpu")
    for key in ("state_dict", "q", "arch", "training"):
        if key not in f:
            sys.exit(f"blind_head: {what} {path} has no '{key}' (not a weights file)")
    return f


def module_of(key: str) -> str:
    return key.split(".")[0]


def merge(main: dict, head: dict, modules: list[str] | None, names: tuple[str, str]) -> dict:
    if main["arch"].get("blind") or head["arch"].get("blind"):
        sys.exit("blind_head: merge takes two plain nets (extract a blind head first)")
    if main["arch"] != head["arch"] or main["q"] != head["q"]:
        sys.exit(f"blind_head: {names[1]} is arch {head['arch']}, q {head['q']}; "
                 f"{names[0]} is arch {main['arch']}, q {main['q']}")
    a, b = main["state_dict"], head["state_dict"]
    changed = sorted({module_of(k) for k in a if not torch.equal(a[k], b[k])})
    if modules is None:
        modules = [m for m in TintypeNet.HEAD_MODULES if m in changed]
        if not modules:
            sys.exit(f"blind_head: {names[1]} equals {names[0]} in every head module: nothing to merge")
    stray = [m for m in changed if m not in modules]
    if stray:
        sys.exit(f"blind_head: {names[1]} also differs from {names[0]} in {stray}, which the head does "
                 f"not copy: it was not trained over {names[0]}'s shared layers")
    net = TintypeNet.for_weights({**main, "arch": {**main["arch"], "blind": modules}})  # checks the names
    state = dict(a)
    state.update({f"blind.{k}": v for k, v in b.items() if module_of(k) in modules})
    net.load_state_dict(state)
    cfg = {"name": f"{main['training']['run']} + blind head {head['training']['run']}",
           "train_shards": main["training"]["sets"], "crop": main["training"]["crop"]}
    training = training_record(cfg, main["training"]["steps"] + head["training"]["steps"],
                               main["training"]["samplesSeen"] + head["training"]["samplesSeen"],
                               main["training"].get("minutes", 0.0) + head["training"].get("minutes", 0.0),
                               [{"init": names[0], "training": main["training"]},
                                {"blindHead": names[1], "modules": modules, "training": head["training"]}])
    return {"state_dict": state, "q": main["q"], "arch": net.arch(), "training": training}


def extract(merged: dict, main: bool = False) -> dict:
    """The blind head as a plain net, or with `main` the main net alone."""
    if not merged["arch"].get("blind"):
        sys.exit(f"blind_head: extract{' --main' if main else ''} needs weights with a blind head")
    s = merged["state_dict"]
    state = {k: v for k, v in s.items() if not k.startswith("blind.")}
    if not main:
        state.update({k[len("blind."):]: v for k, v in s.items() if k.startswith("blind.")})
    arch = {k: v for k, v in merged["arch"].items() if k != "blind"}
    # Each half's own record (merge keeps the main net's, then the head's, as its history): a
    # later merge adds the main net's again.
    history = merged["training"].get("history", [])
    own = merged["training"]
    if len(history) == 2 and "blindHead" in history[1]:
        own = history[0 if main else 1]["training"]
    return {"state_dict": state, "q": merged["q"], "arch": arch, "training": own}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("merge")
    m.add_argument("out")
    m.add_argument("--main", required=True)
    m.add_argument("--head", required=True)
    m.add_argument("--modules", help="comma-separated head modules (default: those that differ)")
    e = sub.add_parser("extract")
    e.add_argument("out")
    e.add_argument("--weights", required=True)
    e.add_argument("--main", action="store_true", help="the main net instead of the blind head")
    args = ap.parse_args()
    if args.cmd == "merge":
        modules = args.modules.split(",") if args.modules else None
        result = merge(load(args.main, "--main"), load(args.head, "--head"), modules, (args.main, args.head))
    else:
        result = extract(load(args.weights, "--weights"), main=args.main)
    torch.save(result, args.out)
    print(f"wrote {args.out}: arch {result['arch']}")


if __name__ == "__main__":
    main()
