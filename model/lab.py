"""sRGB (IEC 61966-2-1) <-> CIELAB (D65) in numpy and torch, exact textbook formulas.

The one Python implementation: training, validation, the bin table and the evaluation
(model/eval/colour.py) use it, and it matches the TypeScript side (src/core/color), which
implements the same formulas with the same constants.
"""

import numpy as np
import torch

# sRGB primaries -> XYZ, D65 (IEC 61966-2-1).
RGB_TO_XYZ = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ],
    dtype=np.float64,
)
XYZ_TO_RGB = np.linalg.inv(RGB_TO_XYZ)
# The reference white is the matrix applied to linear (1, 1, 1), i.e. the published D65 white
# (0.95047, 1.0, 1.08883) to the matrix's own 7 digits, as in src/core/color/constants.ts: sRGB
# white is then exactly L* = 100 and every grey has a* = b* = 0 ("no colour" to the colorizer).
WHITE_D65 = RGB_TO_XYZ.sum(axis=1)
EPS = 216.0 / 24389.0  # CIE epsilon (6/29)^3
KAPPA = 24389.0 / 27.0  # CIE kappa


def srgb_to_linear_np(c: np.ndarray) -> np.ndarray:
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def linear_to_srgb_np(c: np.ndarray) -> np.ndarray:
    c = np.clip(c, 0.0, None)
    return np.where(c <= 0.0031308, c * 12.92, 1.055 * c ** (1.0 / 2.4) - 0.055)


def rgb_to_lab_np(rgb: np.ndarray, dtype: type = np.float32) -> np.ndarray:
    """rgb: [..., 3] in [0, 1] -> Lab [..., 3] (float32, or `dtype`; computed in float64)."""
    xyz = srgb_to_linear_np(rgb.astype(np.float64)) @ RGB_TO_XYZ.T / WHITE_D65
    f = np.where(xyz > EPS, np.cbrt(xyz), (KAPPA * xyz + 16.0) / 116.0)
    lab = np.stack(
        [116.0 * f[..., 1] - 16.0, 500.0 * (f[..., 0] - f[..., 1]), 200.0 * (f[..., 1] - f[..., 2])],
        axis=-1,
    )
    return lab.astype(dtype)


def lab_to_linear_rgb_np(lab: np.ndarray) -> np.ndarray:
    """Lab [..., 3] -> linear RGB [..., 3], unclipped (used for gamut tests)."""
    lab = lab.astype(np.float64)
    fy = (lab[..., 0] + 16.0) / 116.0
    fx = fy + lab[..., 1] / 500.0
    fz = fy - lab[..., 2] / 200.0
    f = np.stack([fx, fy, fz], axis=-1)
    xyz = np.where(f**3 > EPS, f**3, (116.0 * f - 16.0) / KAPPA)
    # The L channel uses the exact inverse of L = 116 fy - 16 (piecewise on L, not on fy^3).
    y = np.where(lab[..., 0] > KAPPA * EPS, fy**3, lab[..., 0] / KAPPA)
    xyz[..., 1] = y
    return (xyz * WHITE_D65) @ XYZ_TO_RGB.T


def lab_to_rgb_np(lab: np.ndarray, dtype: type = np.float32) -> np.ndarray:
    """Lab [..., 3] -> sRGB [..., 3] in [0, 1], out-of-gamut colours clipped (float32, or `dtype`)."""
    return np.clip(linear_to_srgb_np(lab_to_linear_rgb_np(lab)), 0.0, 1.0).astype(dtype)


def lab_to_rgb_torch(lab: torch.Tensor, clip: bool = True) -> torch.Tensor:
    """lab: [N, 3, H, W] -> sRGB [N, 3, H, W] in [0, 1] (clipped), float32.

    clip=False keeps out-of-gamut values (negative linear light goes through the OETF's linear
    segment) so a loss on them still has a gradient that pulls an out-of-gamut prediction back;
    its squared error to an in-gamut target bounds the clipped one from above.
    """
    lab = lab.float()
    L, a, b = lab[:, 0], lab[:, 1], lab[:, 2]
    fy = (L + 16.0) / 116.0
    fx = fy + a / 500.0
    fz = fy - b / 200.0
    white = torch.tensor(WHITE_D65, dtype=torch.float32, device=lab.device)

    def finv(f: torch.Tensor) -> torch.Tensor:
        return torch.where(f**3 > EPS, f**3, (116.0 * f - 16.0) / KAPPA)

    y = torch.where(L > KAPPA * EPS, fy**3, L / KAPPA)
    xyz = torch.stack([finv(fx) * white[0], y * white[1], finv(fz) * white[2]], dim=1)
    m = torch.tensor(XYZ_TO_RGB, dtype=torch.float32, device=lab.device)
    lin = torch.einsum("ij,njhw->nihw", m, xyz)
    if clip:
        lin = lin.clamp(min=0.0)
    srgb = torch.where(lin <= 0.0031308, lin * 12.92, 1.055 * lin.clamp(min=1e-12) ** (1.0 / 2.4) - 0.055)
    return srgb.clamp(0.0, 1.0) if clip else srgb


def mean_hsv_saturation_np(rgb: np.ndarray) -> float:
    """Mean HSV saturation (max-min)/max of an sRGB image [..., 3] in [0, 1]; 0 for black."""
    mx = rgb.max(axis=-1)
    mn = rgb.min(axis=-1)
    sat = np.where(mx > 0, (mx - mn) / np.maximum(mx, 1e-12), 0.0)
    return float(sat.mean())
