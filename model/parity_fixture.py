"""Inputs of the TF.js parity fixture: a real photo (val256 #0) at 64x48 with hints, and 32x32
without. Values are rounded to 4 decimals so that PyTorch and TF.js parse the same float32s."""

import numpy as np
from PIL import Image

from bins import histogram_np
from data import decode_rgb, iter_images
from hints import fixed_points
from lab import rgb_to_lab_np
from net import AB_SCALE, L_CENTER, L_SCALE


def _local(rgb: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    lab = rgb_to_lab_np(rgb)
    hint, mask = fixed_points(lab[..., 1:], k, seed=7)
    local = np.concatenate([(lab[..., :1] - L_CENTER) / L_SCALE, hint / AB_SCALE, mask[..., None]], axis=-1)
    return np.round(local, 4).astype(np.float32)[None], lab[..., 1:]


def _resize(rgb: np.ndarray, w: int, h: int) -> np.ndarray:
    im = Image.fromarray(np.uint8(np.rint(rgb * 255))).resize((w, h), Image.BICUBIC)
    return np.asarray(im, dtype=np.float32) / 255.0


def build_cases(val_shard: str, q: int) -> list[dict]:
    _name, data = next(iter_images(val_shard))
    rgb = decode_rgb(data)
    local1, ab1 = _local(_resize(rgb, 48, 64), k=6)
    glob1 = np.zeros((1, q + 3), dtype=np.float32)
    glob1[0, :q] = histogram_np(ab1)
    glob1[0, q], glob1[0, q + 1], glob1[0, q + 2] = 0.0, 1.0, 0.0
    local2, _ = _local(_resize(rgb, 32, 32), k=0)
    glob2 = np.zeros((1, q + 3), dtype=np.float32)
    return [
        {"name": "hints-64x48", "local": local1, "global": np.round(glob1, 4).astype(np.float32)},
        {"name": "no-hints-32x32", "local": local2, "global": glob2},
    ]
