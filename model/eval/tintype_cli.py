"""Tintype through its shipped artifact: sessions + manifest -> `tintype batch` -> PNGs.

Outputs are kept under <work>/out/<digest>/, the digest covering the model files, the runtime
source the CLI runs (src/core, src/colorizer, src/cli) and the extra CLI flags, so a re-run of
the same thing only renders what is missing and a changed model, runtime or flag never reuses
old pictures.
"""

import hashlib
import json
import shlex
import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image

from colour import srgb8_to_lab
from hints import PatchHint, to_point_hint

REPO = Path(__file__).resolve().parents[2]


def model_digest(model_json: Path) -> str:
    """sha256 over model.json and the weight shards it names (first 12 hex digits)."""
    digest = hashlib.sha256(model_json.read_bytes())
    manifest = json.loads(model_json.read_text()).get("weightsManifest", [])
    for group in manifest:
        for shard in group["paths"]:
            digest.update((model_json.parent / shard).read_bytes())
    return digest.hexdigest()[:12]


def run_digest(model_json: Path, extra_args: list[str]) -> str:
    """Model digest + runtime source + flags: everything that decides the rendered pixels."""
    digest = hashlib.sha256(model_digest(model_json).encode())
    for folder in ("src/core", "src/colorizer", "src/cli"):
        for path in sorted((REPO / folder).rglob("*.ts")):
            digest.update(str(path.relative_to(REPO)).encode())
            digest.update(path.read_bytes())
    digest.update(json.dumps(extra_args).encode())
    return digest.hexdigest()[:12]


def session(key: str, width: int, height: int, hints: list[PatchHint], palette: list[dict] | None,
            contain: bool = False) -> dict:
    """A session v1 document (src/core/session/types.ts); with `contain`, a v3 one whose hints
    are contained (vividness 0.35, what v1 migrates to)."""
    if contain:
        return {"format": "tintype-session", "version": 3,
                "image": {"width": width, "height": height, "name": f"{key}.png"},
                "hints": [{**to_point_hint(h), "contain": True} for h in hints],
                "global": {"saturation": None, "palette": palette}, "vividness": 0.35}
    return {
        "format": "tintype-session",
        "version": 1,
        "image": {"width": width, "height": height, "name": f"{key}.png"},
        "hints": [to_point_hint(h) for h in hints],
        "global": {"saturation": None, "palette": palette},
    }


class TintypeRun:
    """Files of one evaluation run. Variant names: "k<k>" (k hints) or "palette" (k = 0 + palette)."""

    def __init__(self, work: Path, model_json: Path, extra_args: list[str]):
        self.work = work
        self.model_json = model_json
        self.out_dir = work / "out" / run_digest(model_json, extra_args)
        self.jobs: list[dict] = []

    def output(self, key: str, variant: str) -> Path:
        return self.out_dir / f"{key}_{variant}.png"

    def add(self, key: str, rgb: np.ndarray, variant: str, doc: dict, reference: Path | None = None) -> None:
        """Queue one render unless its PNG already exists for this model; `reference` is a colour
        photo passed as the manifest line's "reference" (its matches become hints)."""
        image = self.work / "images" / f"{key}.png"
        if not image.exists():
            image.parent.mkdir(parents=True, exist_ok=True)
            # Lossless copy of the decoded JPEG: the CLI sees exactly the pixels we score against.
            Image.fromarray(rgb).save(image)
        sess = self.work / "sessions" / f"{key}_{variant}.json"
        sess.parent.mkdir(parents=True, exist_ok=True)
        sess.write_text(json.dumps(doc))
        if not self.output(key, variant).exists():
            out = self.output(key, variant)
            job = {"image": str(image), "session": str(sess), "out": str(out)}
            if reference is not None:
                job["reference"] = str(reference)
            self.jobs.append(job)

    def render(self, cli: str, extra_args: list[str], processes: int = 1) -> None:
        """Every queued job through `tintype batch`, split over `processes` concurrent CLI runs
        (each is single-threaded Node); raises naming the log of a run that failed."""
        if not self.jobs:
            print("tintype: all outputs cached", file=sys.stderr)
            return
        self.out_dir.mkdir(parents=True, exist_ok=True)
        parts = [self.jobs[i::processes] for i in range(max(1, processes))]
        parts = [part for part in parts if part]
        runs = []
        for i, part in enumerate(parts):
            manifest = self.work / f"manifest-{i}.jsonl"
            manifest.write_text("".join(json.dumps(j) + "\n" for j in part))
            log = self.work / f"batch-{i}.log"
            cmd = [*shlex.split(cli), "batch", str(manifest), "--model", str(self.model_json), *extra_args]
            print(f"tintype: {len(part)} renders: {shlex.join(cmd)} (log {log})", file=sys.stderr)
            log_file = log.open("w")
            proc = subprocess.Popen(cmd, cwd=REPO, stdout=log_file, stderr=subprocess.STDOUT)
            runs.append((proc, log, log_file))
        failed = []
        for proc, log, log_file in runs:
            proc.wait()
            log_file.close()
            if proc.returncode != 0:
                failed.append(f"exited {proc.returncode}; see {log}")
        if failed:
            raise RuntimeError("tintype batch " + "; ".join(failed))
        self.jobs = []

    def predicted_ab(self, key: str, variant: str) -> np.ndarray:
        """ab [H, W, 2] of a rendered PNG (its L is discarded: the protocol uses the truth's L)."""
        path = self.output(key, variant)
        if not path.exists():
            raise FileNotFoundError(f"{path}: tintype did not write this output")
        with Image.open(path) as im:
            return srgb8_to_lab(np.asarray(im.convert("RGB")))[..., 1:]
