"""sRGB (IEC 61966-2-1, 8-bit) <-> CIELAB (D65) and PSNR, in numpy.

Same definitions as DEVELOPERS.md "Conventions": L* in [0, 100], a*, b* roughly [-128, 127].
"""

import numpy as np

# IEC 61966-2-1 linear-sRGB -> XYZ (D65) matrix and the D65 reference white it implies.
_RGB_TO_XYZ = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ]
)
_XYZ_TO_RGB = np.linalg.inv(_RGB_TO_XYZ)
_WHITE = _RGB_TO_XYZ.sum(axis=1)  # (0.95047, 1.0, 1.08883)
# CIE constants: epsilon = (6/29)^3, kappa = (29/3)^3.
_EPS = 216.0 / 24389.0
_KAPPA = 24389.0 / 27.0


def _decode(c: np.ndarray) -> np.ndarray:
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _encode(c: np.ndarray) -> np.ndarray:
    c = np.clip(c, 0.0, 1.0)
    return np.where(c <= 0.0031308, c * 12.92, 1.055 * c ** (1 / 2.4) - 0.055)


def srgb8_to_lab(rgb: np.ndarray) -> np.ndarray:
    """uint8 [..., 3] sRGB -> float64 [..., 3] (L*, a*, b*)."""
    if rgb.shape[-1] != 3:
        raise ValueError(f"srgb8_to_lab: expected last axis of size 3, got shape {rgb.shape}")
    xyz = _decode(rgb.astype(np.float64) / 255.0) @ _RGB_TO_XYZ.T / _WHITE
    f = np.where(xyz > _EPS, np.cbrt(xyz), (_KAPPA * xyz + 16.0) / 116.0)
    lab = np.empty_like(xyz)
    lab[..., 0] = 116.0 * f[..., 1] - 16.0
    lab[..., 1] = 500.0 * (f[..., 0] - f[..., 1])
    lab[..., 2] = 200.0 * (f[..., 1] - f[..., 2])
    return lab


def lab_to_srgb8(lab: np.ndarray) -> np.ndarray:
    """float [..., 3] (L*, a*, b*) -> uint8 [..., 3] sRGB, out-of-gamut colours clipped."""
    if lab.shape[-1] != 3:
        raise ValueError(f"lab_to_srgb8: expected last axis of size 3, got shape {lab.shape}")
    fy = (lab[..., 0] + 16.0) / 116.0
    f = np.stack([fy + lab[..., 1] / 500.0, fy, fy - lab[..., 2] / 200.0], axis=-1)
    xyz = np.where(f**3 > _EPS, f**3, (116.0 * f - 16.0) / _KAPPA) * _WHITE
    rgb = _encode(xyz @ _XYZ_TO_RGB.T)
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
