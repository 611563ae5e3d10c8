"""sRGB (IEC 61966-2-1, 8-bit) <-> CIELAB (D65) and PSNR, in numpy.

Same definitions as DEVELOPERS.md "Conventions": L* in [0, 100], a*, b* roughly [-128, 127].
The conversions are model/lab.py's (the one Python implementation), in float64.
"""

import os
import sys

import numpy as np

# Appended, not prepended: model/ has modules named like the evaluation's own (hints.py).
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from lab import lab_to_rgb_np, rgb_to_lab_np  # noqa: E402


def srgb8_to_lab(rgb: np.ndarray) -> np.ndarray:
    """uint8 [..., 3] sRGB -> float64 [..., 3] (L*, a*, b*)."""
    if rgb.shape[-1] != 3:
        raise ValueError(f"srgb8_to_lab: expected last axis of size 3, got shape {rgb.shape}")
    return rgb_to_lab_np(rgb.astype(np.float64) / 255.0, dtype=np.float64)


def lab_to_srgb8(lab: np.ndarray) -> np.ndarray:
    """float [..., 3] (L*, a*, b*) -> uint8 [..., 3] sRGB, out-of-gamut colours clipped."""
    if lab.shape[-1] != 3:
        raise ValueError(f"lab_to_srgb8: expected last axis of size 3, got shape {lab.shape}")
    rgb = lab_to_rgb_np(lab, dtype=np.float64)
    return np.clip(np.round(rgb * 255.0), 0, 255).astype(np.uint8)


def compose(L: np.ndarray, ab: np.ndarray) -> np.ndarray:
    """The protocol's prediction: ground-truth L* [H, W] + predicted ab [H, W, 2] -> sRGB 8-bit."""
    if L.shape != ab.shape[:2] or ab.shape[-1] != 2:
        raise ValueError(f"compose: L {L.shape} and ab {ab.shape} do not match as [H,W] / [H,W,2]")
    return lab_to_srgb8(np.concatenate([L[..., None], ab], axis=-1))


def psnr(truth: np.ndarray, pred: np.ndarray) -> float:
    """PSNR in dB over all pixels and channels of two 8-bit images (peak 255)."""
    if truth.shape != pred.shape:
        raise ValueError(f"psnr: shapes differ, truth {truth.shape} vs prediction {pred.shape}")
    mse = np.mean((truth.astype(np.float64) - pred.astype(np.float64)) ** 2)
    # Identical images: cap instead of inf so means stay finite (never happens off hinted toys).
    return float(10.0 * np.log10(255.0**2 / max(mse, 1e-10)))
