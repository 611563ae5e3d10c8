"""Per-photo colour records (colourfulness ratio, colour-F counts) and their table.

A record is {"cf": ratio, "counts": colour_counts(...)}; results.json keeps one per photo,
method and k under "colour", so two runs pool and pair exactly (compare.py).
"""

import numpy as np

from colour import compose, srgb8_to_lab
from colour_metrics import SEPIA_AB, colour_counts, colourfulness_ratio, f_score, photo_f

# Photos whose own colour F-score falls by more than this against a reference run: a blotch
# of a wrong hue where the reference had the right one or none (the "no blotches" check).
BLOTCH_DROP = 0.2


def record(truth_rgb: np.ndarray, truth_lab: np.ndarray, out_ab: np.ndarray) -> dict:
    """One photo's colour record; the output is composed with the truth's L*, as PSNR is."""
    out_rgb = compose(truth_lab[..., 0], out_ab)
    return {"cf": round(colourfulness_ratio(truth_rgb, out_rgb), 4),
            "counts": colour_counts(truth_lab[..., 1:], srgb8_to_lab(out_rgb)[..., 1:])}


def references(images: list) -> dict[str, dict[int, list[dict]]]:
    """grey (ab = 0) and a constant sepia tint, at k = 0: the rows an automatic pass must beat."""
    grey, sepia = [], []
    for _key, rgb in images:
        lab = srgb8_to_lab(rgb)
        grey.append(record(rgb, lab, np.zeros(lab.shape[:2] + (2,))))
        sepia.append(record(rgb, lab, np.broadcast_to(np.asarray(SEPIA_AB), lab.shape[:2] + (2,))))
    return {"grey": {0: grey}, "sepia": {0: sepia}}


def summary(records: list[dict]) -> dict:
    cf = np.asarray([r["cf"] for r in records])
    return {"colourfulness": float(cf.mean()), "colourfulness_ci95": float(1.96 * cf.std(ddof=1) / np.sqrt(len(cf)))
            if len(cf) > 1 else 0.0, **f_score([r["counts"] for r in records])}


def colour_table(colour: dict[str, dict[int, list[dict]]], labels: dict[str, str]) -> str:
    """Rows = (method, k): colourfulness ratio (mean per photo, ± 95% CI) and pooled F, R, P."""
    rows = ["| method | k | colourfulness ratio | colour F | recall | precision |",
            "|---|---:|---:|---:|---:|---:|"]
    for method, by_k in colour.items():
        for k, records in sorted(by_k.items()):
            s = summary(records)
            rows.append(f"| {labels.get(method, method)} | {k} | {s['colourfulness']:.2f} ± "
                        f"{s['colourfulness_ci95']:.2f} | {s['f']:.3f} | {s['recall']:.3f} | {s['precision']:.3f} |")
    return "\n".join(rows)


def blotches(ref: list[dict], cand: list[dict]) -> list[tuple[int, float]]:
    """(photo index, F drop) of photos whose per-photo F falls by more than BLOTCH_DROP, worst first."""
    drops = [(i, photo_f(a["counts"]) - photo_f(b["counts"])) for i, (a, b) in enumerate(zip(ref, cand))]
    return sorted([d for d in drops if d[1] > BLOTCH_DROP], key=lambda d: -d[1])
