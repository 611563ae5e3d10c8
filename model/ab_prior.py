"""The empirical ab prior of the training photos, and the class-rebalancing weights made from it.

  /usr/bin/python3 model/ab_prior.py --data-dir ../shared/data --out model/weights/ab_prior.json
      [--shards train128-00.tar,...] [--photos 4000] [--exclude-sources cats-vs-dogs-200]

The prior is the share of 8x8 blocks (the logits' cell, see train.bin_targets) whose mean ab
falls in each of the Q bins, smoothed with a Gaussian of sigma 5 ab units over the bin grid
(Zhang et al. 2016). Why rebalance: most blocks of ordinary photos are near grey or brown, so
a plain cross-entropy teaches the net that the grey bin is the safe answer wherever it is
unsure; weighting each target bin by 1 / ((1 - lambda) p + lambda / Q) makes a rare saturated
bin count as much as the common ones, and the distribution learns to commit.
"""

import argparse
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bins import bin_centres, nearest_bin_np  # noqa: E402
from data import decode_rgb, excluded_members, iter_images  # noqa: E402
from lab import rgb_to_lab_np  # noqa: E402
from net import LOGITS_STRIDE  # noqa: E402

SIGMA = 5.0  # ab units (Zhang et al. 2016)


def block_bins(rgb: np.ndarray) -> np.ndarray:
    """Bin index of each 8x8 block's mean ab (the training target of the logits)."""
    ab = rgb_to_lab_np(rgb)[..., 1:]
    h, w = (ab.shape[0] // LOGITS_STRIDE) * LOGITS_STRIDE, (ab.shape[1] // LOGITS_STRIDE) * LOGITS_STRIDE
    blocks = ab[:h, :w].reshape(h // LOGITS_STRIDE, LOGITS_STRIDE, w // LOGITS_STRIDE, LOGITS_STRIDE, 2)
    return nearest_bin_np(blocks.mean(axis=(1, 3))).ravel()


def smooth(counts: np.ndarray, centres: np.ndarray, sigma: float = SIGMA) -> np.ndarray:
    d2 = ((centres[:, None, :] - centres[None, :, :]) ** 2).sum(-1)
    kernel = np.exp(-d2 / (2 * sigma * sigma))
    p = kernel @ counts
    return p / p.sum()


def rebalance_weights(prior: np.ndarray, lam: float) -> np.ndarray:
    """w ∝ 1 / ((1 - lam) p + lam / Q), scaled so that the prior's expected weight is 1."""
    q = len(prior)
    w = 1.0 / ((1.0 - lam) * prior + lam / q)
    return w / float((prior * w).sum())


def load_prior(path: str, q: int) -> np.ndarray:
    with open(path) as f:
        doc = json.load(f)
    prior = np.asarray(doc.get("prior", []), dtype=np.float64)
    if prior.shape != (q,) or not np.all(np.isfinite(prior)) or prior.min() < 0 or prior.sum() <= 0:
        raise ValueError(f"{path}: 'prior' must be {q} finite non-negative numbers (one per bin)")
    return prior / prior.sum()


def rebalanced_cross_entropy(logits: torch.Tensor, target: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Mean over cells of w[target] x CE (Zhang et al. 2016): the weights' scale is kept, so the
    term's size does not depend on how colourful a batch happens to be."""
    per_cell = F.cross_entropy(logits, target, reduction="none")
    return (weights[target] * per_cell).mean()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--shards", default="train128-00.tar,train128-01.tar,train128-03.tar,train128-04.tar")
    ap.add_argument("--photos", type=int, default=4000)
    ap.add_argument("--exclude-sources", default="", help="comma-separated sources left out")
    args = ap.parse_args()
    centres = bin_centres()
    shards = [s for s in args.shards.split(",") if s]
    sources = [s for s in args.exclude_sources.split(",") if s]
    skip = excluded_members(args.data_dir, shards, sources)
    counts = np.zeros(len(centres))
    per_shard = -(-args.photos // len(shards))
    for shard in shards:
        n = 0
        for name, data in iter_images(os.path.join(args.data_dir, shard)):
            if name in skip:
                continue
            counts += np.bincount(block_bins(decode_rgb(data)), minlength=len(centres))
            n += 1
            if n >= per_shard:
                break
    prior = smooth(counts, centres)
    doc = {"what": "smoothed share of 8x8-block mean ab per bin (model/ab_prior.py)", "sigma": SIGMA,
           "photos": args.photos, "shards": shards, "excludedSources": sources,
           "prior": [round(float(p), 8) for p in prior]}
    with open(args.out, "w") as f:
        json.dump(doc, f)
        f.write("\n")
    grey = int(np.argmin((centres ** 2).sum(-1)))
    print(f"wrote {args.out}: grey bin {prior[grey]:.3f}, max {prior.max():.3f}, blocks {int(counts.sum())}")


if __name__ == "__main__":
    main()
