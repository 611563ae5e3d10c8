"""Checks for compare.py (paired run-vs-run differences).

Run: /usr/bin/python3 model/eval/test_compare.py (or with pytest where it is installed).
"""

import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare import paired  # noqa: E402
from test_levin import run_all  # noqa: E402

HERE = Path(__file__).resolve().parent


def test_paired_mean_and_ci():
    mean, ci = paired([1.0, 2.0, 3.0, 4.0], [1.5, 2.5, 3.0, 4.6])
    d = [0.5, 0.5, 0.0, 0.6]
    m = sum(d) / 4
    sd = math.sqrt(sum((v - m) ** 2 for v in d) / 3)
    assert math.isclose(mean, m) and math.isclose(ci, 1.96 * sd / 2)


def _results(path: Path, keys: list[str], tintype_k0: list[float], protocol: str = "v1-x") -> None:
    path.write_text(json.dumps({
        "protocol_key": protocol, "keys": keys, "model": {"digest": "abc"},
        "per_image": {"grey": {"0": [20.0] * len(keys)}, "tintype": {"0": tintype_k0}},
    }))


def test_cli_prints_paired_rows_and_rejects_mismatches():
    with tempfile.TemporaryDirectory() as tmp:
        a, b, c = Path(tmp, "a.json"), Path(tmp, "b.json"), Path(tmp, "c.json")
        _results(a, ["x", "y"], [24.0, 26.0])
        _results(b, ["x", "y"], [24.5, 26.5])
        _results(c, ["x", "y"], [24.5, 26.5], protocol="v1-other")
        run = lambda *files: subprocess.run([sys.executable, str(HERE / "compare.py"), *files],  # noqa: E731
                                            capture_output=True, text=True)
        ok = run(str(a), str(b))
        assert ok.returncode == 0, ok.stderr
        assert "| tintype | 0 | 25.000 | 25.500 | +0.500 ± 0.000 |" in ok.stdout
        assert "grey" not in ok.stdout.split("|---|")[-1]  # baselines are not compared
        bad = run(str(a), str(c))
        assert bad.returncode != 0 and "different protocols" in bad.stderr
        # A quick subset run pairs with the full run on the images both scored, by key.
        d, e = Path(tmp, "d.json"), Path(tmp, "e.json")
        _results(d, ["y"], [27.0])
        sub = run(str(a), str(d))
        assert sub.returncode == 0, sub.stderr
        assert "1 images in common (A scored 2, B 1)" in sub.stdout
        assert "| tintype | 0 | 26.000 | 27.000 | +1.000 ± 0.000 |" in sub.stdout
        _results(e, ["z"], [27.0])
        none = run(str(a), str(e))
        assert none.returncode != 0 and "no image in common" in none.stderr
        missing = run(str(a), str(Path(tmp, "nope.json")))
        assert missing.returncode != 0 and "cannot read" in missing.stderr


if __name__ == "__main__":
    run_all(globals())
