"""Colour as users see it: colourfulness and a colour F-score (beside PSNR, which rewards a safe
brownish grey wherever the colour is uncertain).

- Colourfulness: Hasler & Süsstrunk 2003 on 8-bit sRGB (M = sigma_rgyb + 0.3 mu_rgyb); a photo's
  ratio is M(output) / M(ground truth), averaged over photos (1 = as colourful as the truth).
- Colour F-score, pooled over a photo set. Recall: for each 60° sector of the true hue, the share
  of pixels with true chroma >= 20 where the output has chroma >= 10 and a hue within 45° of the
  truth, averaged over the sectors that occur — so a warm cast cannot win on the abundance of
  warm pixels in ordinary photos. Precision: among output pixels with chroma >= 10, the share
  whose true colour has chroma >= 10 and a hue within 45°. F = their harmonic mean.
Per photo we keep the counts, so sets pool exactly and a per-photo F exists for the check that
counts photos whose colour got clearly worse (blotches of a wrong hue).
"""

import numpy as np

SECTORS = 6
TRUE_CHROMA = 20.0  # a colour the user would name
OUT_CHROMA = 10.0  # a visibly coloured output pixel
HUE_TOLERANCE = 45.0  # degrees
# A constant sepia tint (a*, b*) = (7, 20), chroma 21 at hue 71°: the reference row an
# automatic pass must clearly beat (most colourful pixels of ordinary photos are warm).
SEPIA_AB = (7.0, 20.0)


def colourfulness(rgb: np.ndarray) -> float:
    """Hasler–Süsstrunk colourfulness of an 8-bit sRGB image [H, W, 3]."""
    c = rgb.astype(np.float64)
    rg = c[..., 0] - c[..., 1]
    yb = 0.5 * (c[..., 0] + c[..., 1]) - c[..., 2]
    return float(np.hypot(rg.std(), yb.std()) + 0.3 * np.hypot(rg.mean(), yb.mean()))


def colourfulness_ratio(truth_rgb: np.ndarray, out_rgb: np.ndarray) -> float:
    # The floor keeps a near-neutral truth from turning the ratio into noise (every photo in the
    # sets passed a colour check, so it rarely binds).
    return colourfulness(out_rgb) / max(colourfulness(truth_rgb), 1.0)


def colour_counts(true_ab: np.ndarray, out_ab: np.ndarray) -> list[int]:
    """[hit_0, n_0, …, hit_5, n_5, precision hits, output pixels with chroma >= 10] for one photo."""
    tc = np.hypot(true_ab[..., 0], true_ab[..., 1])
    oc = np.hypot(out_ab[..., 0], out_ab[..., 1])
    th = np.degrees(np.arctan2(true_ab[..., 1], true_ab[..., 0])) % 360.0
    oh = np.degrees(np.arctan2(out_ab[..., 1], out_ab[..., 0])) % 360.0
    d = np.abs(th - oh)
    close = np.minimum(d, 360.0 - d) <= HUE_TOLERANCE
    sector = np.minimum((th // (360.0 / SECTORS)).astype(np.int64), SECTORS - 1)
    named = tc >= TRUE_CHROMA
    hit = named & (oc >= OUT_CHROMA) & close
    out: list[int] = []
    for s in range(SECTORS):
        in_s = named & (sector == s)
        out += [int((hit & in_s).sum()), int(in_s.sum())]
    coloured = oc >= OUT_CHROMA
    out += [int((coloured & (tc >= OUT_CHROMA) & close).sum()), int(coloured.sum())]
    return out


def f_score(counts: list[list[int]]) -> dict:
    """Pooled recall, precision and F over photos' colour_counts."""
    total = np.asarray(counts, dtype=np.float64).sum(axis=0) if counts else np.zeros(2 * SECTORS + 2)
    rates = [total[2 * s] / total[2 * s + 1] for s in range(SECTORS) if total[2 * s + 1] > 0]
    recall = float(np.mean(rates)) if rates else 0.0
    precision = float(total[-2] / total[-1]) if total[-1] > 0 else 0.0
    f = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return {"f": f, "recall": recall, "precision": precision}


def photo_f(counts: list[int]) -> float:
    return f_score([counts])["f"]
