"""Paired comparison of two evaluation runs (e.g. candidate weights vs the shipped ones, or a
runtime change), image by image: the way to decide whether to ship, since the ± of each table
row is dominated by how photos differ, not by how the two runs differ.

  /usr/bin/python3 model/eval/compare.py docs/eval/results.json /tmp/cand-eval/results.json

Both files must come from run_eval.py with the same protocol. Images are paired by key, so a
quick candidate run (`--limit 120 --ks 0,5,10,20`) can be compared with the full shipped run:
only the images both scored count, and the header says how many. Prints, per method and k, the
mean of run A, of run B (over those images), and B − A with its 95% CI (1.96 · sd / √n).
"""

import argparse
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def paired(a: list[float], b: list[float]) -> tuple[float, float]:
    d = [y - x for x, y in zip(a, b)]
    n = len(d)
    mean = sum(d) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in d) / (n - 1)) if n > 1 else 0.0
    return mean, 1.96 * sd / math.sqrt(n)


def load(path: str) -> dict:
    try:
        with open(path) as f:
            r = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        sys.exit(f"compare: cannot read {path}: {e}")
    for key in ("protocol_key", "keys", "per_image"):
        if key not in r:
            sys.exit(f"compare: {path} has no '{key}' (not a run_eval.py results.json)")
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a", help="results.json of run A (the reference)")
    ap.add_argument("b", help="results.json of run B (the candidate)")
    args = ap.parse_args()
    a, b = load(args.a), load(args.b)
    if a["protocol_key"] != b["protocol_key"]:
        sys.exit(f"compare: different protocols ({a['protocol_key']} vs {b['protocol_key']})")
    at_a = {key: i for i, key in enumerate(a["keys"])}
    at_b = {key: i for i, key in enumerate(b["keys"])}
    common = [key for key in a["keys"] if key in at_b]
    if not common:
        sys.exit("compare: the two runs scored no image in common")
    sub = "" if len(common) == len(a["keys"]) == len(b["keys"]) else \
        f" in common (A scored {len(a['keys'])}, B {len(b['keys'])})"
    print(f"A = {args.a} (model {a.get('model', {}).get('digest', '?')}), "
          f"B = {args.b} (model {b.get('model', {}).get('digest', '?')}), {len(common)} images{sub}\n")
    pick_a = [at_a[key] for key in common]
    pick_b = [at_b[key] for key in common]
    print("| method | k | A | B | B − A |")
    print("|---|---:|---:|---:|---:|")
    for method in sorted(set(a["per_image"]) & set(b["per_image"])):
        if method in ("grey", "levin"):
            continue  # baselines do not depend on the model or runtime
        for k in a["per_image"][method]:
            if k not in b["per_image"][method]:
                continue
            x = [a["per_image"][method][k][i] for i in pick_a]
            y = [b["per_image"][method][k][i] for i in pick_b]
            mean, ci = paired(x, y)
            print(f"| {method} | {k} | {sum(x) / len(x):.3f} | {sum(y) / len(y):.3f} | {mean:+.3f} ± {ci:.3f} |")
    colour_rows(a, b, pick_a, pick_b)


def colour_rows(a: dict, b: dict, pick_a: list[int], pick_b: list[int]) -> None:
    """Colour of the paired photos (runs whose results.json has colour records): pooled colour F,
    mean colourfulness ratio (paired difference ± 95% CI), and how many photos' own colour F fell
    by more than BLOTCH_DROP from A to B (a blotch of a wrong hue)."""
    from colour_report import BLOTCH_DROP, blotches, summary

    ca, cb = a.get("colour", {}), b.get("colour", {})
    methods = sorted(m for m in set(ca) & set(cb) if m not in ("grey", "sepia"))
    if not methods:
        return
    print(f"\n| method | k | F: A | F: B | colourfulness: A | B | B − A | photos whose F falls > {BLOTCH_DROP} |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for method in methods:
        for k in ca[method]:
            if k not in cb[method]:
                continue
            ra = [ca[method][k][i] for i in pick_a]
            rb = [cb[method][k][i] for i in pick_b]
            sa, sb = summary(ra), summary(rb)
            mean, ci = paired([r["cf"] for r in ra], [r["cf"] for r in rb])
            print(f"| {method} | {k} | {sa['f']:.3f} | {sb['f']:.3f} | {sa['colourfulness']:.2f} | "
                  f"{sb['colourfulness']:.2f} | {mean:+.2f} ± {ci:.2f} | {len(blotches(ra, rb))} |")


if __name__ == "__main__":
    main()
