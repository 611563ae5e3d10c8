"""Checks for the evaluation protocol pieces: colour maths, PSNR, hint sampling, palette.

Run: /usr/bin/python3 model/eval/test_protocol.py (or with pytest where it is installed).
"""

import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from colour import compose, lab_to_srgb8, psnr, srgb8_to_lab  # noqa: E402
from hints import MAX_HINTS, PATCH, make_hints, rasterize, sample_locations, to_point_hint  # noqa: E402
from palette import ab_histogram, own_palette  # noqa: E402
from report import source_table, summarize, target_checks  # noqa: E402
from test_levin import run_all  # noqa: E402


def test_lab_reference_values():
    # Published CIELAB (D65) of sRGB white, red and mid grey.
    lab = srgb8_to_lab(np.array([[255, 255, 255], [255, 0, 0], [119, 119, 119]], dtype=np.uint8))
    assert np.allclose(lab[0], (100.0, 0.0, 0.0), atol=1e-3)
    assert np.allclose(lab[1], (53.2408, 80.0925, 67.2032), atol=2e-3)
    assert abs(lab[2, 0] - 50.0) < 0.5 and np.allclose(lab[2, 1:], 0.0, atol=1e-6)


def test_srgb_round_trip_is_exact():
    rng = np.random.default_rng(1)
    rgb = rng.integers(0, 256, (5000, 3), dtype=np.uint8)
    assert np.array_equal(lab_to_srgb8(srgb8_to_lab(rgb)), rgb)


def test_compose_with_zero_ab_is_grey():
    L = np.linspace(0, 100, 50).reshape(5, 10)
    rgb = compose(L, np.zeros((5, 10, 2)))
    assert (rgb[..., 0] == rgb[..., 1]).all() and (rgb[..., 1] == rgb[..., 2]).all()


def test_psnr_known_value():
    a = np.zeros((4, 4, 3), dtype=np.uint8)
    b = a.copy()
    b[0, 0, 0] = 48  # MSE = 48^2 / 48 = 48
    assert math.isclose(psnr(a, b), 10 * math.log10(255**2 / 48), rel_tol=1e-12)
    assert psnr(a, a) > 99


def test_hints_are_prefix_consistent_and_seeded_by_key():
    full = sample_locations("img_a", 256, 256, MAX_HINTS)
    assert sample_locations("img_a", 256, 256, 10) == full[:10]
    assert sample_locations("img_b", 256, 256, 10) != full[:10]


def test_hints_do_not_overlap_and_stay_inside():
    for h, w in [(256, 256), (40, 96)]:
        locs = sample_locations("x", h, w, 30)
        cover = np.zeros((h, w), dtype=int)
        for row, col in locs:
            assert 0 <= row <= h - PATCH and 0 <= col <= w - PATCH
            cover[row : row + PATCH, col : col + PATCH] += 1
        assert cover.max() == 1 and cover.sum() == 30 * PATCH * PATCH


def test_hint_locations_follow_the_centred_gaussian():
    locs = np.array([loc for i in range(40) for loc in sample_locations(f"k{i}", 256, 256, 20)])
    centre = locs.mean(axis=0) + PATCH / 2
    assert np.all(np.abs(centre - 128) < 6), centre
    # Non-overlap and clipping shrink the spread a little below sigma = 64.
    assert np.all((locs.std(axis=0) > 50) & (locs.std(axis=0) < 66)), locs.std(axis=0)


def test_hint_ab_is_the_patch_mean():
    rng = np.random.default_rng(2)
    lab = rng.uniform(-50, 50, (64, 64, 3))
    for h in make_hints("m", lab, 5):
        mean = lab[h.row : h.row + PATCH, h.col : h.col + PATCH, 1:].mean(axis=(0, 1))
        assert np.allclose(h.ab, mean, atol=5e-4)
    ab, mask = rasterize(make_hints("m", lab, 5), 64, 64)
    assert mask.sum() == 5 * PATCH * PATCH and not ab[~mask].any()


def test_point_hint_covers_exactly_the_patch():
    h = make_hints("p", np.zeros((32, 32, 3)), 1)[0]
    p = to_point_hint(h)
    centres = np.arange(32) + 0.5
    cols = np.flatnonzero((centres >= p["x"] - p["size"] / 2) & (centres < p["x"] + p["size"] / 2))
    rows = np.flatnonzero((centres >= p["y"] - p["size"] / 2) & (centres < p["y"] + p["size"] / 2))
    assert list(cols) == list(range(h.col, h.col + PATCH)) and list(rows) == list(range(h.row, h.row + PATCH))


def test_palette_is_the_nearest_bin_histogram():
    bins = np.array([[0.0, 0.0], [50.0, 0.0], [0.0, 50.0]])
    ab = np.array([[1, 1], [40, 0], [45, 5], [3, 60], [-10, 0], [30, 2]], dtype=float)
    assert np.allclose(ab_histogram(ab, bins), [2 / 6, 3 / 6, 1 / 6])
    entries = own_palette(ab, bins)
    assert [e["ab"] for e in entries] == [[50.0, 0.0], [0.0, 0.0], [0.0, 50.0]]
    assert math.isclose(sum(e["weight"] for e in entries), 1.0)
    assert own_palette(np.zeros((3, 2)), bins) == [{"ab": [0.0, 0.0], "weight": 1.0}]


def test_summary_and_paired_checks():
    s = summarize([1.0, 2.0, 3.0])
    assert s["mean"] == 2.0 and math.isclose(s["std"], 1.0) and math.isclose(s["ci95"], 1.96 / math.sqrt(3))
    per_image = {
        "tintype": {0: [25.0, 26.0], 5: [27.0, 27.0]},
        "grey": {0: [24.5, 25.0]},
        "levin": {5: [25.0, 26.5]},
    }
    checks = {(c["baseline"], c["k"]): c for c in target_checks(per_image)}
    assert set(checks) == {("grey", 0), ("levin", 5)}
    assert math.isclose(checks[("grey", 0)]["diff"], 0.75) and not checks[("grey", 0)]["pass"]
    assert math.isclose(checks[("levin", 5)]["diff"], 1.25) and checks[("levin", 5)]["pass"]


def test_source_table_groups_margins_by_source():
    per_image = {"grey": {0: [20.0, 20.0, 21.0]}, "levin": {5: [25.0, 24.0, 26.0]},
                 "tintype": {0: [21.0, 22.0, 20.0], 5: [26.0, 24.5, 25.0]}}
    table = source_table(per_image, ["a", "b", "c"], {"a": "scenes", "b": "scenes", "c": "faces"})
    lines = table.splitlines()
    assert lines[0] == "| source | n | k = 0 vs grey | k = 5 vs levin |"
    assert lines[2] == "| scenes | 2 | +1.50 | +0.75 |"  # the larger group first
    assert lines[3] == "| faces | 1 | -1.00 | -1.00 |"
    assert source_table({"grey": {0: [1.0]}}, ["a"], {}) == ""  # nothing to show without Tintype


if __name__ == "__main__":
    run_all(globals())
