"""grey and Levin et al. 2004 scores, cached in docs/eval/baselines.json per protocol version.

The cache key hashes everything that changes a baseline number (hint sampling, colour maths,
Levin's constants), so editing any of them invalidates the cache instead of mixing protocols.
"""

import hashlib
import json
import time
from multiprocessing import Pool
from pathlib import Path

import numpy as np

import hints as hint_mod
from colour import compose, psnr, srgb8_to_lab
from levin import LevinAffinity

PROTOCOL = {
    "name": "zhang2017-val256",
    "version": 1,
    "hints": {
        "patch": hint_mod.PATCH,
        "seed": hint_mod.SEED,
        "max": hint_mod.MAX_HINTS,
        "centre": "N(side/2, (side/4)^2) per axis, patch clipped inside",
        "sequence": "prefix-consistent per image, overlapping patches redrawn",
        "ab": "mean ground-truth ab of the patch, rounded to 1e-3",
    },
    "score": "PSNR, 8-bit sRGB, truth L* + predicted ab, mean over images",
    "levin": "getColorExact.m weights, 3x3 window, Y = L*/100, exact sparse LU",
}


def protocol_key() -> str:
    blob = json.dumps(PROTOCOL, sort_keys=True).encode()
    return f"v{PROTOCOL['version']}-{hashlib.sha256(blob).hexdigest()[:10]}"


def score_image(job: tuple[str, np.ndarray, list[int]]) -> tuple[str, dict]:
    """grey and Levin PSNR of one image for the requested k values."""
    key, rgb, ks = job
    started = time.process_time()
    lab = srgb8_to_lab(rgb)
    height, width = lab.shape[:2]
    seq = hint_mod.make_hints(key, lab)
    grey = psnr(rgb, compose(lab[..., 0], np.zeros((height, width, 2))))
    affinity = LevinAffinity(lab[..., 0])
    levin = {}
    for k in ks:
        ab, mask = hint_mod.rasterize(seq[:k], height, width)
        levin[str(k)] = psnr(rgb, compose(lab[..., 0], affinity.solve(ab, mask)))
    return key, {"grey": grey, "levin": levin, "cpu_s": time.process_time() - started}


class BaselineCache:
    def __init__(self, path: Path):
        self.path = path
        self.key = protocol_key()
        all_versions = json.loads(path.read_text()) if path.exists() else {}
        # Only the current protocol is kept: old versions' numbers can no longer be reproduced.
        self.images: dict[str, dict] = all_versions.get(self.key, {}).get("images", {})

    def missing(self, key: str, ks: list[int]) -> list[int]:
        have = self.images.get(key, {}).get("levin", {})
        return [k for k in ks if str(k) not in have] if key in self.images else list(ks)

    def fill(self, images: list[tuple[str, np.ndarray]], ks: list[int], jobs: int) -> dict:
        """Compute what is missing for these images in `jobs` processes; returns work counts and
        the workers' CPU seconds (the honest speed figure on a shared machine)."""
        todo = [(key, rgb, self.missing(key, ks)) for key, rgb in images if self.missing(key, ks)]
        solves = sum(1 for _, _, missing in todo for k in missing if k > 0)
        work = {"images": len(todo), "solves": solves, "cpu_s": 0.0}
        if not todo:
            return work
        with Pool(jobs) as pool:
            for n, (key, scores) in enumerate(pool.imap_unordered(score_image, todo), 1):
                work["cpu_s"] += scores["cpu_s"]
                entry = self.images.setdefault(key, {"grey": scores["grey"], "levin": {}})
                entry["levin"].update(scores["levin"])
                if n % 50 == 0:
                    print(f"  baselines: {n}/{len(todo)} images", flush=True)
                    self.save()
        self.save()
        work["cpu_s"] = round(work["cpu_s"], 1)
        return work

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        doc = {self.key: {"protocol": PROTOCOL, "images": dict(sorted(self.images.items()))}}
        self.path.write_text(json.dumps(doc, indent=1) + "\n")

    def scores(self, keys: list[str], ks: list[int]) -> dict[str, dict[int, list[float]]]:
        """method -> k -> per-image PSNR, in the order of `keys`."""
        return {
            "grey": {k: [self.images[key]["grey"] for key in keys] for k in ks},
            "levin": {k: [self.images[key]["levin"][str(k)] for key in keys] for k in ks},
        }
