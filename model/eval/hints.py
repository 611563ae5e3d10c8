"""Hint sampling for the Zhang et al. 2017 evaluation protocol.

Each hint is a PATCH x PATCH square whose centre is drawn from N(image centre, (side/4)^2) per
axis (the paper's training/eval distribution, sigma = 64 px at 256), clipped so the patch lies
inside the image, carrying the mean ground-truth ab of the patch.

Choices (documented in docs/eval/results.md):
- Prefix-consistent: one sequence of MAX_HINTS hints per image; "k hints" are its first k, so
  the curves over k are not confounded by resampling.
- Non-overlapping: a location whose patch would overlap an earlier one is redrawn. Overlaps
  would make the result depend on each method's rule for which hint wins.
- Seeded per image from (SEED, crc32(key)), so a subset (--limit) sees the same hints.
"""

import zlib
from dataclasses import dataclass

import numpy as np

PATCH = 6  # side of a hint patch in pixels (the paper's evaluation patch)
SEED = 2017
MAX_HINTS = 100
_MAX_DRAWS = 100_000


@dataclass(frozen=True)
class PatchHint:
    row: int  # top-left pixel row of the patch
    col: int  # top-left pixel column
    ab: tuple[float, float]  # mean ground-truth (a*, b*) over the patch, rounded to 1e-3


def sample_locations(key: str, height: int, width: int, count: int = MAX_HINTS) -> list[tuple[int, int]]:
    """Top-left (row, col) of `count` non-overlapping patches for image `key`."""
    if height < PATCH or width < PATCH:
        raise ValueError(f"{key}: image {width}x{height} is smaller than a {PATCH}x{PATCH} hint patch")
    rng = np.random.default_rng([SEED, zlib.crc32(key.encode())])
    taken = np.zeros((height, width), dtype=bool)
    out: list[tuple[int, int]] = []
    for _ in range(_MAX_DRAWS):
        if len(out) == count:
            return out
        cy, cx = rng.normal((height / 2, width / 2), (height / 4, width / 4))
        row = int(np.clip(round(cy - PATCH / 2), 0, height - PATCH))
        col = int(np.clip(round(cx - PATCH / 2), 0, width - PATCH))
        if taken[row : row + PATCH, col : col + PATCH].any():
            continue
        taken[row : row + PATCH, col : col + PATCH] = True
        out.append((row, col))
    raise RuntimeError(f"{key}: could not place {count} non-overlapping hint patches")


def make_hints(key: str, lab: np.ndarray, count: int = MAX_HINTS) -> list[PatchHint]:
    """The image's hint sequence; `lab` is its ground truth [H, W, 3] in CIELAB."""
    height, width = lab.shape[:2]
    hints = []
    for row, col in sample_locations(key, height, width, count):
        patch = lab[row : row + PATCH, col : col + PATCH, 1:3].reshape(-1, 2).mean(axis=0)
        hints.append(PatchHint(row, col, (round(float(patch[0]), 3), round(float(patch[1]), 3))))
    return hints


def rasterize(hints: list[PatchHint], height: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Dense hint ab [H, W, 2] (0 where unhinted) and boolean mask [H, W]."""
    ab = np.zeros((height, width, 2))
    mask = np.zeros((height, width), dtype=bool)
    for h in hints:
        ab[h.row : h.row + PATCH, h.col : h.col + PATCH] = h.ab
        mask[h.row : h.row + PATCH, h.col : h.col + PATCH] = True
    return ab, mask


def to_point_hint(h: PatchHint) -> dict:
    """Session point hint covering exactly the patch: a point covers the pixels whose centres lie
    in [x - size/2, x + size/2) x [y - size/2, y + size/2), so x = col + PATCH/2 selects the
    centres col + 0.5 ... col + PATCH - 0.5."""
    x, y = h.col + PATCH // 2, h.row + PATCH // 2
    return {"kind": "point", "x": x, "y": y, "size": PATCH, "ab": list(h.ab)}
