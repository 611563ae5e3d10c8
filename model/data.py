"""Streams the WebDataset-style tar shards in place and turns photos into training samples.

Nothing is extracted: members are read in order from each shard. With several DataLoader
workers, every worker walks the same (epoch-seeded) order and decodes only the members whose
running index falls to it, so each pass is split disjointly even when there is a single shard
(with `shard_weights`, the split is per pass over each shard).
"""

import io
import itertools
import math
import os
import re
import tarfile
from collections.abc import Iterator

import numpy as np
import torch
from PIL import Image, ImageFilter
from torch.utils.data import IterableDataset, get_worker_info

from bins import histogram_np
from hints import fixed_points, simulate
from lab import mean_hsv_saturation_np, rgb_to_lab_np
from net import AB_SCALE, L_CENTER, L_SCALE


def iter_images(path: str, seed: int | None = None) -> Iterator[tuple[str, bytes]]:
    """Encoded photos of a shard: a WebDataset-style tar of .jpg members (../shared/data), or
    an .npz pack written by pack.py (for a GPU machine), read in a seeded random order when
    `seed` is given (a tar streams in its stored order)."""
    if not os.path.isfile(path):
        raise FileNotFoundError(f"shard not found: {path} (check data_dir / shards in the config)")
    if path.endswith(".npz"):
        yield from _iter_pack(path, seed)
        return
    with tarfile.open(path, mode="r|") as tar:  # stream mode: sequential, no index
        for member in tar:
            if member.isfile() and member.name.endswith(".jpg"):
                f = tar.extractfile(member)
                if f is not None:
                    yield member.name, f.read()


def _iter_pack(path: str, seed: int | None) -> Iterator[tuple[str, bytes]]:
    with np.load(path) as z:
        if "data" not in z or "offsets" not in z:
            raise ValueError(f"{path}: not a photo pack (expected arrays 'data' and 'offsets'; see pack.py)")
        data, offsets = z["data"], z["offsets"]
    n = len(offsets) - 1
    if n < 0 or offsets[0] != 0 or offsets[-1] != len(data) or np.any(np.diff(offsets) <= 0):
        raise ValueError(f"{path}: corrupt photo pack (offsets do not partition the data)")
    order = np.arange(n) if seed is None else np.random.default_rng(seed).permutation(n)
    for i in order:
        yield f"{os.path.basename(path)}#{i}", data[offsets[i]:offsets[i + 1]].tobytes()


def excluded_members(data_dir: str, shards: list[str], sources: list[str]) -> set[str]:
    """Member names (`<key>.jpg`) of the given shards whose photo comes from one of `sources`,
    read from the shards' TSV manifests (`train128-00.tar` -> `train128.tsv`): whole sources
    held out of training, so a validation set drawn from them is photos of a collection the
    net has never seen."""
    if not sources:
        return set()
    out: set[str] = set()
    known: set[str] = set()
    for pack in (s for s in shards if s.endswith(".npz")):
        # A pack carries no manifest: pack.py leaves held-out sources out and records which.
        path = os.path.join(data_dir, pack)
        if not os.path.isfile(path):
            raise FileNotFoundError(f"shard not found: {path} (check data_dir / shards in the config)")
        with np.load(path) as z:
            held = set(z["held_out"].tolist()) if "held_out" in z else set()
        if set(sources) - held:
            raise ValueError(f"{path}: exclude_sources {sorted(set(sources) - held)} are not held out of this pack "
                             f"(it holds out {sorted(held)}); rebuild it with pack.py --exclude-sources")
        known |= held
    for tsv in sorted({re.sub(r"-\d+\.tar$", ".tsv", s) for s in shards if s.endswith(".tar")}):
        path = os.path.join(data_dir, tsv)
        if not os.path.isfile(path):
            raise FileNotFoundError(f"{path}: manifest not found (needed to hold out sources {sources})")
        with open(path) as f:
            header = f.readline().rstrip("\n").split("\t")
            key, source = header.index("key"), header.index("source")
            for line in f:
                cols = line.rstrip("\n").split("\t")
                known.add(cols[source])
                if cols[source] in sources:
                    out.add(cols[key] + ".jpg")
    unknown = sorted(set(sources) - known)
    if unknown:
        raise ValueError(f"exclude_sources: {unknown} are not sources of {shards} (known: {sorted(known)})")
    return out


def decode_rgb(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as im:
        return np.asarray(im.convert("RGB"), dtype=np.float32) / 255.0


def random_resized_crop(rng: np.random.Generator, rgb: np.ndarray, size: int, min_scale: float) -> np.ndarray:
    h, w = rgb.shape[:2]
    for _ in range(10):
        area = h * w * rng.uniform(min_scale, 1.0)
        ratio = math.exp(rng.uniform(math.log(3 / 4), math.log(4 / 3)))
        ch, cw = int(round(math.sqrt(area / ratio))), int(round(math.sqrt(area * ratio)))
        if 0 < ch <= h and 0 < cw <= w:
            break
    else:
        ch, cw = min(h, w), min(h, w)
    y0, x0 = int(rng.integers(0, h - ch + 1)), int(rng.integers(0, w - cw + 1))
    crop = Image.fromarray(np.uint8(np.rint(rgb[y0 : y0 + ch, x0 : x0 + cw] * 255)))
    out = np.asarray(crop.resize((size, size), Image.BICUBIC), dtype=np.float32) / 255.0
    return out[:, ::-1].copy() if rng.random() < 0.5 else out


def global_vector(rng: np.random.Generator | None, rgb: np.ndarray, ab: np.ndarray, q: int,
                  p_hist: float, p_sat: float) -> np.ndarray:
    """[Q+3]: histogram of the crop (nearest bin), mean HSV saturation, histFlag, satFlag."""
    g = np.zeros(q + 3, dtype=np.float32)
    if rng is not None and rng.random() < p_hist:
        g[:q] = histogram_np(ab[::2, ::2])  # every 2nd pixel: same histogram to ~1e-3, 4x cheaper
        g[q + 1] = 1.0
    if rng is not None and rng.random() < p_sat:
        g[q] = mean_hsv_saturation_np(rgb)
        g[q + 2] = 1.0
    return g


def degrade_l(rng: np.random.Generator, L: np.ndarray) -> np.ndarray:
    """What old photographs and their scans do to lightness, applied to the net's input only
    (the target colour stays the clean photo's): a print's tone curve and contrast, blur, film
    grain and JPEG artefacts, each drawn independently. L: [H, W] in [0, 100]."""
    out = 100.0 * np.clip(L / 100.0, 0, 1) ** math.exp(rng.uniform(-0.35, 0.35))
    out = 50.0 + rng.uniform(0.7, 1.15) * (out - 50.0) + rng.uniform(-8, 8)
    if rng.random() < 0.5:
        im = Image.fromarray(np.uint8(np.clip(np.rint(out * 2.55), 0, 255)))
        if rng.random() < 0.5:
            im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.4)))
        else:
            buf = io.BytesIO()
            im.save(buf, format="JPEG", quality=int(rng.integers(25, 80)))
            im = Image.open(io.BytesIO(buf.getvalue()))
        out = np.asarray(im, dtype=np.float32) / 2.55
    if rng.random() < 0.4:
        out = out + rng.normal(0, rng.uniform(1, 4), out.shape)
    return np.clip(out, 0, 100).astype(np.float32)


def make_sample(lab: np.ndarray, hint: np.ndarray, mask: np.ndarray, glob: np.ndarray, n_hints: int = 0) -> dict:
    """lab: the crop in CIELAB [H, W, 3] (the caller has it already: converting twice cost ~18%
    of the data pipeline's time); n_hints: how many points and strokes made the mask (the
    runtime's confidence schedule depends on it, src/colorizer/refine/confidenceSchedule.ts;
    config rgb_log "no_hints" reads it)."""
    local = np.concatenate(
        [(lab[..., :1] - L_CENTER) / L_SCALE, hint / AB_SCALE, mask[..., None]], axis=-1
    ).transpose(2, 0, 1)
    return {
        "local": torch.from_numpy(np.ascontiguousarray(local, dtype=np.float32)),
        "global": torch.from_numpy(glob),
        "ab": torch.from_numpy(np.ascontiguousarray(lab[..., 1:].transpose(2, 0, 1))),
        "n_hints": torch.tensor(float(n_hints)),
    }


class ShardStream(IterableDataset):
    def __init__(self, shards: list[str], q: int, cfg: dict, seed: int,
                 weights: list[float] | None = None) -> None:
        """weights: one per shard to draw photos from all shards at once in those proportions
        (`shard_weights` in a config); None walks whole shards in turn."""
        super().__init__()
        if weights is not None and (len(weights) != len(shards) or min(weights) <= 0):
            raise ValueError(f"shard weights {weights}: need one positive weight per shard ({len(shards)})")
        self.shards, self.q, self.cfg, self.seed, self.weights = shards, q, cfg, seed, weights
        # Photos of held-out sources (config `exclude_sources`) never reach training.
        self.skip = excluded_members(cfg.get("data_dir", ""), [os.path.basename(s) for s in shards],
                                     cfg.get("exclude_sources", []))

    def __iter__(self) -> Iterator[dict]:
        info = get_worker_info()
        wid, nw = (info.id, info.num_workers) if info else (0, 1)
        rng = np.random.default_rng([self.seed, wid])
        buffer: list[dict] = []
        size = self.cfg["buffer"]
        for sample in self._samples(rng, wid, nw):
            if len(buffer) < size:
                buffer.append(sample)
                continue
            i = int(rng.integers(0, size))
            yield buffer[i]
            buffer[i] = sample

    def _samples(self, rng: np.random.Generator, wid: int, nw: int) -> Iterator[dict]:
        c = self.cfg
        photos = self._mixed(rng, wid, nw) if self.weights is not None else self._in_turn(wid, nw)
        for data in photos:
            rgb = random_resized_crop(rng, decode_rgb(data), c["crop"], c["min_scale"])
            lab = rgb_to_lab_np(rgb)
            ab = lab[..., 1:]
            if np.hypot(ab[..., 0], ab[..., 1]).mean() < c["min_chroma"]:
                continue  # near-grey crop: nothing to learn about colour
            if rng.random() < c.get("p_degrade", 0.0):
                lab[..., 0] = degrade_l(rng, lab[..., 0])
            hint, mask, n_hints = simulate(rng, ab, c["p_no_hints"], c["p_strokes"], c.get("p_dense", 0.0))
            glob = global_vector(rng, rgb, ab, self.q, c["p_hist"], c["p_sat"])
            yield make_sample(lab, hint, mask, glob, n_hints)

    def _in_turn(self, wid: int, nw: int) -> Iterator[bytes]:
        """Whole shards one after another, in an epoch-seeded order: each photo once per epoch."""
        epoch = 0
        while True:  # endless; the trainer stops by steps / minutes
            order = np.random.default_rng([self.seed, epoch]).permutation(len(self.shards))
            index = 0
            for s in order:
                for name, data in iter_images(self.shards[s], seed=self.seed * 7919 + epoch):
                    index += 1
                    if index % nw == wid and name not in self.skip:
                        yield data
            epoch += 1

    def _mixed(self, rng: np.random.Generator, wid: int, nw: int) -> Iterator[bytes]:
        """Every shard streams at once; each photo comes from shard i with probability w_i / sum(w),
        so a small shard can be drawn more often than its size (it restarts, next epoch, when it
        runs out) without waiting for its turn."""
        p = np.asarray(self.weights, dtype=np.float64)
        p /= p.sum()

        def stream(i: int) -> Iterator[bytes]:
            for epoch in itertools.count():
                mine = 0
                for index, (name, data) in enumerate(iter_images(self.shards[i], seed=self.seed * 7919 + epoch)):
                    if index % nw == wid and name not in self.skip:
                        mine += 1
                        yield data
                if not mine:  # else this worker would re-read the shard forever
                    raise ValueError(f"{self.shards[i]}: fewer photos than loader workers ({nw})")

        streams = [stream(i) for i in range(len(self.shards))]
        while True:
            yield next(streams[int(rng.choice(len(streams), p=p))])


def validation_set(shard: str, count: int, q: int, ks: tuple[int, ...] = (0, 10, 50)) -> dict[int, dict]:
    """First `count` val photos at full size with fixed-seed point hints, one batch per k."""
    photos = []
    for _name, data in iter_images(shard):
        photos.append(decode_rgb(data))
        if len(photos) >= count:
            break
    out = {}
    for k in ks:
        samples = []
        for i, rgb in enumerate(photos):
            lab = rgb_to_lab_np(rgb)
            hint, mask = fixed_points(lab[..., 1:], k, seed=1000 + i)
            samples.append(make_sample(lab, hint, mask, np.zeros(q + 3, dtype=np.float32), k))
        out[k] = {key: torch.stack([s[key] for s in samples]) for key in samples[0]}
    return out
