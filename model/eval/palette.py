"""The image's own palette as a global hint: its ab histogram over the model's bins.

DEVELOPERS.md: "each palette entry adds its weight to the nearest bin centre"; training builds
the histogram the same way from the crop's pixels. So giving every non-empty bin centre as an
entry, weighted by its pixel share, hands the network exactly the histogram it was trained on.
"""

import json
from pathlib import Path

import numpy as np
from scipy.spatial import cKDTree


def load_bins(model_json: Path) -> np.ndarray:
    """Bin centres [Q, 2] from model.json -> userDefinedMetadata.tintype.bins."""
    try:
        meta = json.loads(model_json.read_text())["userDefinedMetadata"]["tintype"]
        bins = np.asarray(meta["bins"], dtype=np.float64)
    except (OSError, KeyError, TypeError, ValueError) as e:
        raise ValueError(f"{model_json}: cannot read userDefinedMetadata.tintype.bins ({e})") from e
    if bins.ndim != 2 or bins.shape[1] != 2 or len(bins) == 0:
        raise ValueError(f"{model_json}: tintype.bins must be [[a, b], ...], got shape {bins.shape}")
    return bins


def ab_histogram(ab: np.ndarray, bins: np.ndarray) -> np.ndarray:
    """Share of pixels [Q] whose ab (any [..., 2]) is nearest (Euclidean) to each bin centre."""
    # A k-d tree: the dense [pixels x Q] distance table would be ~270 MB at 256x256.
    _, nearest = cKDTree(bins).query(ab.reshape(-1, 2))
    counts = np.bincount(nearest, minlength=len(bins))
    return counts / counts.sum()


def own_palette(ab: np.ndarray, bins: np.ndarray) -> list[dict]:
    """Session palette entries { ab, weight } for every non-empty bin, heaviest first."""
    hist = ab_histogram(ab, bins)
    order = np.argsort(-hist, kind="stable")
    return [
        {"ab": [float(bins[q, 0]), float(bins[q, 1])], "weight": float(hist[q])}
        for q in order
        if hist[q] > 0
    ]
