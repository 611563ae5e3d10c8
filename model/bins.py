"""Quantised ab bins: centres on a 10-unit grid, kept when some sRGB colour quantises to them.

A centre (a, b) (multiples of 10 in [-110, 110]) is kept when it is the nearest grid centre of
at least one 8-bit sRGB colour, i.e. its 10x10 cell meets the sRGB gamut for some L in
[0, 100]. Sampling colours instead of L: the 6 cube faces at full 8-bit resolution (the ab
extremes of the gamut lie on its surface) plus the interior every 8 levels; this gives the same
261 centres as the whole 16.7 M-colour cube (checked once, 27 s) in about a second.
The table is deterministic, so training, export metadata and the runtime share it.
"""

import functools

import numpy as np
import torch

from lab import rgb_to_lab_np

BIN_SIZE = 10  # ab grid step (Zhang et al. 2017 use 10)
AB_LIMIT = 110  # centres at multiples of 10 in [-110, 110]


def _srgb_samples() -> np.ndarray:
    levels = np.arange(256) / 255.0
    u, v = (x.ravel() for x in np.meshgrid(levels, levels, indexing="ij"))
    faces = []
    for fixed in range(3):
        free = [c for c in range(3) if c != fixed]
        for value in (0.0, 1.0):
            cols = [np.empty(0)] * 3
            cols[fixed] = np.full_like(u, value)
            cols[free[0]], cols[free[1]] = u, v
            faces.append(np.stack(cols, axis=-1))
    coarse = np.arange(0, 256, 8) / 255.0
    interior = np.stack(np.meshgrid(coarse, coarse, coarse, indexing="ij"), axis=-1).reshape(-1, 3)
    return np.concatenate(faces + [interior])


@functools.lru_cache(maxsize=1)
def bin_centres() -> np.ndarray:
    """[Q, 2] float32 (a, b) centres, sorted by a then b."""
    ab = rgb_to_lab_np(_srgb_samples())[:, 1:]
    grid = np.clip(np.round(ab / BIN_SIZE) * BIN_SIZE, -AB_LIMIT, AB_LIMIT)
    return np.unique(grid, axis=0).astype(np.float32)  # np.unique sorts rows lexicographically


@functools.lru_cache(maxsize=1)
def ab_lookup() -> np.ndarray:
    """[256, 256] int64 table: nearest bin for integer-rounded (a + 128, b + 128)."""
    grid = np.arange(-128, 128, dtype=np.float32)
    aa, bb = np.meshgrid(grid, grid, indexing="ij")
    pts = np.stack([aa.ravel(), bb.ravel()], axis=-1)
    centres = bin_centres()
    d2 = ((pts[:, None, :] - centres[None, :, :]) ** 2).sum(-1)
    return d2.argmin(axis=1).reshape(256, 256)


def nearest_bin_np(ab: np.ndarray) -> np.ndarray:
    """ab [..., 2] -> bin index [...] (nearest centre, via the rounded lookup table)."""
    idx = np.clip(np.rint(ab), -128, 127).astype(np.int64) + 128
    return ab_lookup()[idx[..., 0], idx[..., 1]]


def nearest_bin_torch(ab: torch.Tensor, centres: torch.Tensor) -> torch.Tensor:
    """ab [N, 2, h, w] -> [N, h, w] index of the nearest centre (exact Euclidean)."""
    flat = ab.permute(0, 2, 3, 1).reshape(-1, 2)
    idx = torch.cdist(flat.float(), centres.float()).argmin(dim=1)
    return idx.reshape(ab.shape[0], ab.shape[2], ab.shape[3])


def histogram_np(ab: np.ndarray) -> np.ndarray:
    """Normalised nearest-bin histogram of ab pixels [..., 2] -> [Q] float32 summing to 1."""
    q = len(bin_centres())
    counts = np.bincount(nearest_bin_np(ab).ravel(), minlength=q).astype(np.float32)
    return counts / max(counts.sum(), 1.0)


if __name__ == "__main__":
    c = bin_centres()
    print(f"Q = {len(c)} bins; a in [{c[:, 0].min()}, {c[:, 0].max()}], b in [{c[:, 1].min()}, {c[:, 1].max()}]")
