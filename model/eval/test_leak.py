"""Checks for leak.py: the leak share, the ground-truth colour region and the wrong colour.

Run: /usr/bin/python3 model/eval/test_leak.py (or with pytest where it is installed).
"""

import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from leak import WRONG_CHROMA, colour_region, leak_hint, leak_share, wrong_colour  # noqa: E402
from test_levin import run_all  # noqa: E402


def _two_colour_photo() -> np.ndarray:
    """64x64 Lab: a green square (rows/cols 16..47) on a grey ground of the same L*."""
    lab = np.zeros((64, 64, 3))
    lab[..., 0] = 50
    lab[16:48, 16:48, 1:] = (-40, 30)
    return lab


def test_share_is_the_outside_part_of_the_summed_change():
    region = np.zeros((10, 10), dtype=bool)
    region[:, :5] = True
    without = np.zeros((10, 10, 2))
    with_hint = without.copy()
    with_hint[:, :5, 0] = 3.0  # 50 pixels inside changed by 3
    with_hint[:, 5:, 1] = -1.0  # 50 pixels outside changed by 1
    s = leak_share(with_hint, without, region)
    assert math.isclose(s["share"], 50 / (150 + 50))
    assert math.isclose(s["outside_mean"], 1.0) and math.isclose(s["inside_mean"], 3.0)


def test_no_change_has_no_share_and_a_contained_change_has_share_zero():
    region = np.zeros((4, 4), dtype=bool)
    region[1:3, 1:3] = True
    ab = np.zeros((4, 4, 2))
    assert leak_share(ab, ab, region)["share"] is None
    inside = ab.copy()
    inside[1:3, 1:3] = (5.0, 5.0)
    assert leak_share(inside, ab, region)["share"] == 0.0


def test_region_is_the_coloured_square_and_the_hint_sits_at_its_centre():
    lab = _two_colour_photo()
    found = colour_region("synthetic", lab)
    assert found is not None
    region, (row, col) = found
    # The square is 25 % of the photo; Gaussian smoothing moves its border by at most a pixel.
    assert abs(int(region.sum()) - 32 * 32) <= 4 * 32
    assert region[20:44, 20:44].all() and not region[:12].any() and not region[:, 52:].any()
    assert 28 <= row <= 35 and 28 <= col <= 35


def test_wrong_colour_is_far_from_the_region_and_the_hint_is_a_point():
    lab = _two_colour_photo()
    region = np.zeros((64, 64), dtype=bool)
    region[16:48, 16:48] = True
    a, b = wrong_colour(lab, region)
    assert math.isclose(math.hypot(a, b), WRONG_CHROMA, rel_tol=1e-4)
    assert math.hypot(a + 40, b - 30) > WRONG_CHROMA + 40  # about opposite the green
    hint = leak_hint((31, 31), (a, b), True)
    assert hint["kind"] == "point" and hint["contain"] is True and hint["x"] == 31.5
    assert "contain" not in leak_hint((31, 31), (a, b), False)


if __name__ == "__main__":
    run_all(globals())
