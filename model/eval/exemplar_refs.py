"""Reference photos for the exemplar evaluation (`tintype colorize --reference`).

- Same scene: the photo's own colour version, mirrored, rescaled by s ~ U(0.8, 1.25) and
  cropped to a random window 85 % of the rescaled side each way, so no pixel position lines up
  with the target. Seeded per photo from crc32(key), like the hints.
- Different photo: the nearest *other* photo of the candidate set under a colour-free
  descriptor (`descriptor`): the L* histogram (16 bins), the mean L* of a 4×4 grid, the
  gradient-magnitude histogram (8 bins) and the mean gradient magnitude of a 4×4 grid (each
  part scaled to unit total weight), compared by Euclidean distance. Only lightness goes in:
  choosing a reference by colour would peek at the answer.
"""

import zlib

import numpy as np
from PIL import Image

from colour import srgb8_to_lab

SEED = 22


def same_scene_reference(key: str, rgb: np.ndarray) -> np.ndarray:
    """Mirrored, rescaled and cropped copy of `rgb` (uint8 [H, W, 3])."""
    rng = np.random.default_rng([SEED, zlib.crc32(key.encode())])
    scale = rng.uniform(0.8, 1.25)
    height, width = rgb.shape[:2]
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    im = Image.fromarray(rgb[:, ::-1]).resize(size, Image.BICUBIC)
    crop_w, crop_h = round(size[0] * 0.85), round(size[1] * 0.85)
    left = int(rng.integers(0, size[0] - crop_w + 1))
    top = int(rng.integers(0, size[1] - crop_h + 1))
    return np.asarray(im.crop((left, top, left + crop_w, top + crop_h)))


def _grid_means(values: np.ndarray, cells: int = 4) -> np.ndarray:
    h, w = values.shape
    return np.array([values[i * h // cells:(i + 1) * h // cells, j * w // cells:(j + 1) * w // cells].mean()
                     for i in range(cells) for j in range(cells)])


def descriptor(rgb: np.ndarray) -> np.ndarray:
    """Colour-free description of a photo's look: lightness and texture, coarse layout."""
    L = srgb8_to_lab(rgb)[..., 0]
    gy, gx = np.gradient(L)
    grad = np.hypot(gx, gy)
    parts = [
        np.histogram(L, bins=16, range=(0, 100))[0] / L.size,
        _grid_means(L) / 100 / 4,
        np.histogram(np.clip(grad, 0, 39.9), bins=8, range=(0, 40))[0] / L.size,
        _grid_means(grad) / 10 / 4,
    ]
    return np.concatenate(parts)


def nearest_others(keys: list[str], descriptors: np.ndarray, wanted: list[str]) -> dict[str, str]:
    """For each key in `wanted`, the other key whose descriptor is nearest."""
    index = {key: i for i, key in enumerate(keys)}
    out = {}
    for key in wanted:
        d = np.linalg.norm(descriptors - descriptors[index[key]], axis=1)
        d[index[key]] = np.inf
        out[key] = keys[int(np.argmin(d))]
    return out
