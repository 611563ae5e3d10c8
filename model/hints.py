"""Simulated users: colour points and strokes drawn from the ground-truth ab channels.

Points follow Zhang et al. 2017: count ~ Geometric(p = 1/8), square patches of side 1..9 px,
centres ~ N(image centre, (size/4)^2) clipped to the image, value = the patch's mean ab.
Strokes imitate the editor's scribbles: short smooth polylines, 2..16 px wide, that stop where
the ground-truth colour changes, value = mean ab under the stroke.
"""

import math

import numpy as np

POINT_P = 1.0 / 8.0  # geometric parameter from the paper
MAX_PATCH = 9  # patch side 1..9 px (paper)
STROKE_COLOUR_TOL = 12.0  # ab distance at which a stroke stops (a visible colour edge)
STROKE_OUTLIER_SHARE = 0.2  # reject a stroke when more of it than this lies off its mean colour


def _point_centres(rng: np.random.Generator, n: int, h: int, w: int) -> np.ndarray:
    ys = np.clip(np.rint(rng.normal(h / 2, h / 4, n)), 0, h - 1).astype(int)
    xs = np.clip(np.rint(rng.normal(w / 2, w / 4, n)), 0, w - 1).astype(int)
    return np.stack([ys, xs], axis=-1)


def add_points(rng: np.random.Generator, ab: np.ndarray, hint: np.ndarray, mask: np.ndarray, n: int) -> None:
    """Paint n square colour points into hint/mask in place."""
    h, w = mask.shape
    for y, x in _point_centres(rng, n, h, w):
        s = int(rng.integers(1, MAX_PATCH + 1))
        y0, x0 = max(0, y - s // 2), max(0, x - s // 2)
        y1, x1 = min(h, y0 + s), min(w, x0 + s)
        hint[y0:y1, x0:x1] = ab[y0:y1, x0:x1].reshape(-1, 2).mean(axis=0)
        mask[y0:y1, x0:x1] = 1.0


def _stamp_disc(mask: np.ndarray, y: float, x: float, r2: float) -> None:
    """Sets the pixels whose centres lie within sqrt(r2) of (y, x), touching only the disc's
    bounding box (a full-image grid per stamp made strokes the data pipeline's costliest step)."""
    h, w = mask.shape
    r = math.sqrt(r2)
    y0, y1 = max(0, math.floor(y - r)), min(h, math.ceil(y + r) + 1)
    x0, x1 = max(0, math.floor(x - r)), min(w, math.ceil(x + r) + 1)
    if y0 >= y1 or x0 >= x1:
        return
    dy = np.arange(y0, y1)[:, None] + 0.5 - y
    dx = np.arange(x0, x1)[None, :] + 0.5 - x
    mask[y0:y1, x0:x1] |= dy * dy + dx * dx <= r2


def _stroke_mask(rng: np.random.Generator, ab: np.ndarray, width: int) -> np.ndarray | None:
    h, w = ab.shape[:2]
    y, x = rng.uniform(0, h), rng.uniform(0, w)
    start = ab[int(y), int(x)]
    angle = rng.uniform(0, 2 * np.pi)
    length = rng.uniform(8, 0.5 * min(h, w))
    step = max(1.0, width / 3)  # stamps overlap so the stroke has no gaps
    mask = np.zeros((h, w), dtype=bool)
    r2 = max((width / 2) ** 2, 0.5)
    travelled = 0.0
    while True:
        _stamp_disc(mask, y, x, r2)
        if travelled >= length:
            break
        angle += rng.normal(0, 0.25)  # smooth turning: a hand-drawn curve, not a zigzag
        ny, nx = y + step * np.sin(angle), x + step * np.cos(angle)
        if not (0 <= ny < h and 0 <= nx < w):
            break
        if np.linalg.norm(ab[int(ny), int(nx)] - start) > STROKE_COLOUR_TOL:
            break
        y, x, travelled = ny, nx, travelled + step
    vals = ab[mask]
    off = np.linalg.norm(vals - vals.mean(axis=0), axis=-1) > STROKE_COLOUR_TOL
    return None if off.mean() > STROKE_OUTLIER_SHARE else mask


def add_strokes(rng: np.random.Generator, ab: np.ndarray, hint: np.ndarray, mask: np.ndarray, n: int) -> int:
    """Paint up to n strokes (a few retries each); returns how many were placed."""
    placed = 0
    for _ in range(n):
        for _try in range(4):
            sm = _stroke_mask(rng, ab, int(rng.integers(2, 17)))
            if sm is not None:
                hint[sm] = ab[sm].mean(axis=0)
                mask[sm] = 1.0
                placed += 1
                break
    return placed


def point_count(rng: np.random.Generator, p_dense: float = 0.0) -> int:
    """Geometric(1/8) as in the paper; with probability p_dense instead log-uniform in
    [DENSE_MIN, DENSE_MAX], because Geometric(1/8) almost never gives the 20-100 points of a
    patient user (P(n >= 50) = 0.1%) and the net then under-uses dense hints."""
    if p_dense > 0 and rng.random() < p_dense:
        return int(np.exp(rng.uniform(np.log(DENSE_MIN), np.log(DENSE_MAX + 1))))
    return int(rng.geometric(POINT_P))


DENSE_MIN, DENSE_MAX = 8, 128


def simulate(rng: np.random.Generator, ab: np.ndarray, p_none: float, p_strokes: float,
             p_dense: float = 0.0) -> tuple[np.ndarray, np.ndarray, int]:
    """ab [H, W, 2] ground truth -> (hint ab [H, W, 2], mask [H, W]) float32, ab 0 off-mask, and
    the number of hints placed (points + strokes: what the runtime counts as session.hints)."""
    h, w = ab.shape[:2]
    hint = np.zeros((h, w, 2), dtype=np.float32)
    mask = np.zeros((h, w), dtype=np.float32)
    if rng.random() < p_none:
        return hint, mask, 0
    count, points = 0, True
    if rng.random() < p_strokes:
        count += add_strokes(rng, ab, hint, mask, int(rng.geometric(0.5)))
        points = rng.random() < 0.5  # half the stroke samples get points as well
    if points:
        n = point_count(rng, p_dense)
        add_points(rng, ab, hint, mask, n)
        count += n
    return hint, mask, count


def fixed_points(ab: np.ndarray, k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """k paper-style points with a fixed seed: the validation protocol (k = 0 and k = 10)."""
    rng = np.random.default_rng(seed)
    h, w = ab.shape[:2]
    hint = np.zeros((h, w, 2), dtype=np.float32)
    mask = np.zeros((h, w), dtype=np.float32)
    add_points(rng, ab, hint, mask, k)
    return hint, mask
