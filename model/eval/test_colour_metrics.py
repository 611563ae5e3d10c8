"""Checks for colour_metrics.py and colour_report.py (colourfulness, colour F-score, blotches).

Run: /usr/bin/python3 model/eval/test_colour_metrics.py (or with pytest where it is installed).
"""

import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from colour_metrics import SEPIA_AB, colour_counts, colourfulness, f_score, photo_f  # noqa: E402
from colour_report import blotches  # noqa: E402
from test_levin import run_all  # noqa: E402


def _ab(h: int, w: int, a: float, b: float) -> np.ndarray:
    return np.broadcast_to(np.asarray([a, b], dtype=np.float64), (h, w, 2)).copy()


def _polar(chroma: float, hue_deg: float) -> tuple[float, float]:
    return chroma * math.cos(math.radians(hue_deg)), chroma * math.sin(math.radians(hue_deg))


def test_colourfulness_of_grey_is_zero_and_grows_with_chroma():
    grey = np.full((8, 8, 3), 128, dtype=np.uint8)
    assert colourfulness(grey) == 0.0
    red = grey.copy()
    red[..., 0] = 200
    redder = grey.copy()
    redder[..., 0] = 250
    assert 0 < colourfulness(red) < colourfulness(redder)


def test_a_perfect_answer_scores_one_and_grey_scores_zero():
    truth = _ab(4, 4, *_polar(40, 30))
    assert f_score([colour_counts(truth, truth)])["f"] == 1.0
    assert f_score([colour_counts(truth, np.zeros_like(truth))])["f"] == 0.0


def test_hue_tolerance_is_45_degrees():
    truth = _ab(2, 2, *_polar(40, 100))
    assert photo_f(colour_counts(truth, _ab(2, 2, *_polar(15, 140)))) == 1.0
    assert photo_f(colour_counts(truth, _ab(2, 2, *_polar(15, 150)))) == 0.0


def test_recall_is_balanced_over_hue_sectors():
    # 90 % of the colourful pixels are warm (hue 70°), 10 % blue (hue 250°). A constant warm
    # tint finds the warm ones only: its recall is the mean of 1 (warm sector) and 0 (blue).
    truth = np.concatenate([_ab(9, 10, *_polar(40, 70)), _ab(1, 10, *_polar(40, 250))])
    tint = _ab(10, 10, *SEPIA_AB)
    s = f_score([colour_counts(truth, tint)])
    assert math.isclose(s["recall"], 0.5)
    assert math.isclose(s["precision"], 0.9)


def test_pooling_sums_counts_over_photos():
    a = colour_counts(_ab(2, 2, *_polar(40, 10)), _ab(2, 2, *_polar(40, 10)))
    b = colour_counts(_ab(2, 2, *_polar(40, 10)), _ab(2, 2, *_polar(40, 200)))
    s = f_score([a, b])
    assert math.isclose(s["recall"], 0.5) and math.isclose(s["precision"], 0.5)


def test_blotches_are_photos_whose_own_f_falls_by_more_than_0_2():
    truth = _ab(2, 2, *_polar(40, 10))
    right = {"cf": 1.0, "counts": colour_counts(truth, truth)}
    wrong = {"cf": 1.0, "counts": colour_counts(truth, _ab(2, 2, *_polar(40, 200)))}
    assert blotches([right, right, wrong], [right, wrong, wrong]) == [(1, 1.0)]


if __name__ == "__main__":
    run_all(globals())
