"""Sanity checks for the Levin et al. 2004 baseline.

Run: /usr/bin/python3 model/eval/test_levin.py (or with pytest where it is installed).
"""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from levin import LevinAffinity, levin_colorize, nested_dissection  # noqa: E402


def _scene() -> np.ndarray:
    """24x32 L*: a dark left half and a bright right half, each flat."""
    L = np.full((24, 32), 30.0)
    L[:, 16:] = 80.0
    return L


def test_hinted_pixels_keep_their_hint():
    rng = np.random.default_rng(0)
    L = rng.uniform(0, 100, (20, 20))
    ab = np.zeros((20, 20, 2))
    mask = np.zeros((20, 20), dtype=bool)
    mask[3:6, 4:7] = True
    mask[15, 15] = True
    ab[mask] = rng.uniform(-60, 60, (int(mask.sum()), 2))
    out = levin_colorize(L, ab, mask)
    assert np.allclose(out[mask], ab[mask], atol=1e-8), "hinted pixels moved"


def test_propagates_within_a_flat_region():
    L = np.full((16, 16), 55.0)
    ab = np.zeros((16, 16, 2))
    mask = np.zeros((16, 16), dtype=bool)
    mask[7:9, 7:9] = True
    ab[mask] = (25.0, -40.0)
    out = levin_colorize(L, ab, mask)
    assert np.allclose(out, (25.0, -40.0), atol=1e-6), f"flat region not filled: {out[0, 0]}"


def test_luminance_edge_stops_propagation():
    L = _scene()
    ab = np.zeros(L.shape + (2,))
    mask = np.zeros(L.shape, dtype=bool)
    mask[10:12, 4:6] = True
    ab[10:12, 4:6] = (40.0, 10.0)
    mask[10:12, 26:28] = True
    ab[10:12, 26:28] = (-30.0, 50.0)
    out = levin_colorize(L, ab, mask)
    left, right = out[:, :15].reshape(-1, 2), out[:, 17:].reshape(-1, 2)
    assert np.abs(left - (40.0, 10.0)).max() < 1.0, f"left half leaked: {np.abs(left - (40, 10)).max()}"
    assert np.abs(right - (-30.0, 50.0)).max() < 1.0, "right half leaked"


def test_no_hints_is_grey():
    out = LevinAffinity(_scene()).solve(np.zeros((24, 32, 2)), np.zeros((24, 32), dtype=bool))
    assert out.shape == (24, 32, 2) and not out.any()


def test_affinity_is_reusable_across_hint_sets():
    aff = LevinAffinity(_scene())
    ab = np.zeros((24, 32, 2))
    mask = np.zeros((24, 32), dtype=bool)
    mask[0, 0] = True
    ab[0, 0] = (10.0, 0.0)
    first = aff.solve(ab, mask)
    ab[0, 0] = (-10.0, 0.0)
    second = aff.solve(ab, mask)
    assert np.allclose(first[:, :15], (10.0, 0.0), atol=1e-6)
    assert np.allclose(second[:, :15], (-10.0, 0.0), atol=1e-6)


def test_nested_dissection_is_a_permutation():
    for h, w in [(256, 256), (7, 300), (31, 17), (1, 5)]:
        order = nested_dissection(h, w)
        assert np.array_equal(np.sort(order), np.arange(h * w)), f"{h}x{w}: not a permutation"


def test_bad_shapes_are_named():
    aff = LevinAffinity(_scene())
    try:
        aff.solve(np.zeros((24, 31, 2)), np.zeros((24, 32), dtype=bool))
    except ValueError as e:
        assert "hint_ab" in str(e) and "(24, 31, 2)" in str(e)
    else:
        raise AssertionError("mismatched hint_ab accepted")


def run_all(namespace: dict) -> None:
    tests = [f for name, f in namespace.items() if name.startswith("test_") and callable(f)]
    for test in tests:
        test()
        print(f"ok  {test.__name__}")
    print(f"{len(tests)} passed")


if __name__ == "__main__":
    run_all(globals())
