"""Leak measure: how far a wrong colour hint travels beyond the region it was placed in.

For each photo: a region is segmented from the ground truth's colour (`colour_region`), one
small point hint of a deliberately wrong colour (`wrong_colour`) is put at the region's
deepest pixel, on top of the protocol's first BASE_HINTS hints (so both renders use the hinted
head and differ only by that hint). The leak is the share of the chroma change the hint causes
(|delta ab| per pixel against the render without it, summed) that lands outside the region.

Region (documented choice, no scikit-image): ground-truth CIELAB smoothed by a Gaussian
(sigma SMOOTH px); pixels within SIMILAR (delta E 1976) of a seed's smoothed colour; the
4-connected component holding the seed, opened by a 3x3 square so one-pixel bridges do not
join regions, holes filled. Seeds are tried in a per-photo seeded random order; the first
region covering MIN_SHARE to MAX_SHARE of the photo whose deepest pixel is at least DEPTH px
from its border wins. Photos without such a region are skipped (and counted).
"""

import zlib

import numpy as np
from scipy import ndimage

SEED = 23
BASE_HINTS = 5
HINT_SIZE = 4  # source px, the "4-px point" users put on an iris
SMOOTH = 1.0
SIMILAR = 10.0
MIN_SHARE, MAX_SHARE = 0.02, 0.30
DEPTH = 4.0
TRIES = 60
WRONG_CHROMA = 50.0
WRONG_HUES = 12


def colour_region(key: str, lab: np.ndarray) -> tuple[np.ndarray, tuple[int, int]] | None:
    """(boolean region [H, W], (row, col) of the hint centre) or None when no region fits."""
    smooth = np.stack([ndimage.gaussian_filter(lab[..., c], SMOOTH) for c in range(3)], axis=-1)
    height, width = lab.shape[:2]
    rng = np.random.default_rng([SEED, zlib.crc32(key.encode())])
    for _ in range(TRIES):
        row, col = int(rng.integers(height)), int(rng.integers(width))
        close = np.linalg.norm(smooth - smooth[row, col], axis=-1) < SIMILAR
        close = ndimage.binary_opening(close, structure=np.ones((3, 3), bool))
        if not close[row, col]:
            continue
        labels, _ = ndimage.label(close)
        region = ndimage.binary_fill_holes(labels == labels[row, col])
        share = region.mean()
        if not MIN_SHARE <= share <= MAX_SHARE:
            continue
        # Padded so the photo's border counts as the region's edge: the hint sits inside.
        depth = ndimage.distance_transform_edt(np.pad(region, 1))[1:-1, 1:-1]
        if depth.max() < DEPTH:
            continue
        r, c = np.unravel_index(int(np.argmax(depth)), depth.shape)
        return region, (int(r), int(c))
    return None


def wrong_colour(lab: np.ndarray, region: np.ndarray) -> tuple[float, float]:
    """Of WRONG_HUES hues at chroma WRONG_CHROMA, the farthest from the region's mean ab."""
    mean = lab[region][:, 1:].mean(axis=0)
    angles = np.arange(WRONG_HUES) * (2 * np.pi / WRONG_HUES)
    candidates = WRONG_CHROMA * np.stack([np.cos(angles), np.sin(angles)], axis=-1)
    best = candidates[int(np.argmax(np.linalg.norm(candidates - mean, axis=-1)))]
    return round(float(best[0]), 3), round(float(best[1]), 3)


def leak_hint(centre: tuple[int, int], ab: tuple[float, float], contain: bool) -> dict:
    """Session point hint of HINT_SIZE px centred on pixel `centre` (row, col)."""
    row, col = centre
    hint = {"kind": "point", "x": col + 0.5, "y": row + 0.5, "size": HINT_SIZE, "ab": list(ab)}
    if contain:
        hint["contain"] = True
    return hint


def leak_share(ab_with: np.ndarray, ab_without: np.ndarray, region: np.ndarray) -> dict:
    """Share of sum |delta ab| outside `region` (None when the hint changed nothing), and the
    mean |delta ab| outside and inside it."""
    change = np.linalg.norm(ab_with - ab_without, axis=-1)
    total = float(change.sum())
    outside = float(change[~region].sum())
    return {
        "share": outside / total if total > 0 else None,
        "outside_mean": float(change[~region].mean()) if (~region).any() else 0.0,
        "inside_mean": float(change[region].mean()),
    }
