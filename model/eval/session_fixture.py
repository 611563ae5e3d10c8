"""Prints eval sessions and the hint raster this package scores with, as JSON, for
test/model/eval-sessions.test.ts: it checks that src/core's rasterizeHints covers exactly the
same pixels with the same ab (the contract between this evaluation and the shipped CLI).

  /usr/bin/python3 model/eval/session_fixture.py
"""

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hints import make_hints, rasterize  # noqa: E402
from palette import own_palette  # noqa: E402
from tintype_cli import session  # noqa: E402

# Toy 10-colour bin grid: the real bins come from model.json, the session shape is the same.
_BINS = np.array([[a, b] for a in (-40, 0, 40) for b in (-40, 0, 40)] + [[80, 80]], dtype=float)


def fixtures() -> list[dict]:
    out = []
    rng = np.random.default_rng(7)
    for key, (height, width) in [("square", (64, 64)), ("wide", (40, 96)), ("val256-like", (256, 256))]:
        L = rng.uniform(0, 100, (height, width))
        lab = np.stack([L, *rng.uniform(-60, 60, (2, height, width))], axis=-1)
        seq = make_hints(key, lab, 30 if height < 256 else 100)
        ab, mask = rasterize(seq, height, width)
        idx = np.flatnonzero(mask.reshape(-1))
        out.append({
            "session": session(key, width, height, seq, own_palette(lab[..., 1:], _BINS)),
            "width": width, "height": height, "masked": idx.tolist(),
            "ab": ab.reshape(-1, 2)[idx].reshape(-1).tolist(),
        })
    return out


if __name__ == "__main__":
    json.dump(fixtures(), sys.stdout)
