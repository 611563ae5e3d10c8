"""Packs training photos small enough to travel to a lent GPU machine.

A device call carries at most 64 MiB with the working tree, and the train128 tar shards are
~6.7 KB a photo (JPEG q87 plus 512-byte tar headers and padding): two shards fit. Re-encoded
as WebP (q70, ~2.7 KB at 128², no per-member padding) in one .npz, ~13.5k photos — three
shards — fit in 36 MB. Photos are taken round-robin over the shards (each shard mixes
all sources) until the budget is spent. train256 (1,750 photos kept at 256 px; 38 % of crops
from it gave +0.03 to +0.06 dB at every k on val256) goes whole into a second pack at its own size (~8.3 KB a
photo as WebP q70, 14.1 MB), so a config can weigh the two packs with `shard_weights`. The
validation head (the first `val_count` photos that `validate()` reads) keeps its original
bytes: numbers on it stay comparable with CPU runs. 36 + 14.1 + 1.2 MB plus the ~10 MB
tracked tree stays under the 64 MiB a device call carries. Photos of held-out sources
(default: the evaluation's held-out pets) stay out of the training packs, which record them.

  /usr/bin/python3 model/pack.py --out .gpu/pack [--shards train128-00.tar ...] [--budget-mb 36]
                                 [--hires-shards train256-00.tar] [--hires-budget-mb 16]
                                 [--exclude-sources cats-vs-dogs-200 ...]

Format (read by data.iter_images): an .npz with `data` (uint8, encoded images back to back)
and `offsets` (int64, n + 1 boundaries), and `held_out` (the sources left out); PIL decodes
both JPEG and WebP.
"""

import argparse
import io
import os
import sys

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from data import excluded_members, iter_images  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(HERE, "..", "..", "shared", "data")
# train128-02 is left out on purpose: it stays unseen, for tuning runtime constants on photos
# the network never trained on (tools/tuning/).
# The source the evaluation reports as its held-out set (model/eval/val256.py SETS["heldout"]).
HELD_OUT = ["cats-vs-dogs-200"]
DEFAULT_SHARDS = ["train128-00.tar", "train128-01.tar", "train128-03.tar", "train128-04.tar",
                  "train128-05.tar"]


def write_pack(path: str, blobs: list[bytes], held_out: list[str] = ()) -> int:
    """held_out: the sources left out of the pack, which a config's `exclude_sources` checks."""
    offsets = np.zeros(len(blobs) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(b) for b in blobs])
    data = np.frombuffer(b"".join(blobs), dtype=np.uint8)
    # uncompressed: WebP does not deflate further
    np.savez(path, data=data, offsets=offsets, held_out=np.array(sorted(held_out), dtype=str))
    return os.path.getsize(path)


def reencode(data: bytes, quality: int) -> bytes:
    with Image.open(io.BytesIO(data)) as im:
        out = io.BytesIO()
        im.convert("RGB").save(out, "WEBP", quality=quality, method=6)
        return out.getvalue()


def pack_round_robin(paths: list[str], quality: int, budget: int, skip: set[str] = frozenset()) -> list[bytes]:
    """Re-encoded photos taken in turn from each shard until the shards or the budget run out;
    members named in `skip` (photos of held-out sources) are left out."""
    streams = [iter_images(p) for p in paths]
    blobs: list[bytes] = []
    size = 0
    while streams:
        for stream in list(streams):
            item = next(stream, None)
            if item is None:
                streams.remove(stream)
                continue
            if item[0] in skip:
                continue
            blob = reencode(item[1], quality)
            if size + len(blob) > budget:
                return blobs
            blobs.append(blob)
            size += len(blob)
    return blobs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", default=DEFAULT_DATA)
    ap.add_argument("--out", required=True, help="folder for train128-pack.npz and val256-head.npz")
    ap.add_argument("--shards", nargs="+", default=DEFAULT_SHARDS)
    ap.add_argument("--quality", type=int, default=70, help="WebP quality (1-100)")
    ap.add_argument("--budget-mb", type=float, default=36.0, help="size cap of the train128 pack")
    ap.add_argument("--hires-shards", nargs="*", default=["train256-00.tar"],
                    help="shards packed at their own size into train256-pack.npz (none: skip it)")
    ap.add_argument("--hires-budget-mb", type=float, default=16.0, help="size cap of the train256 pack")
    ap.add_argument("--exclude-sources", nargs="*", default=HELD_OUT,
                    help="sources left out of the training packs (default: the evaluation's held-out set)")
    ap.add_argument("--val-shard", default="val256-00.tar")
    ap.add_argument("--val-count", type=int, default=64)
    args = ap.parse_args()
    if not 1 <= args.quality <= 100:
        ap.error(f"--quality must be in 1..100, got {args.quality}")
    os.makedirs(args.out, exist_ok=True)

    def shard_paths(names: list[str]) -> list[str]:
        return [os.path.join(args.data_dir, n) for n in names]

    held = args.exclude_sources
    skip = excluded_members(args.data_dir, args.shards + args.hires_shards, held)
    blobs = pack_round_robin(shard_paths(args.shards), args.quality, int(args.budget_mb * 1e6), skip)
    train_path = os.path.join(args.out, "train128-pack.npz")
    print(f"{train_path}: {len(blobs)} photos, {write_pack(train_path, blobs, held) / 1e6:.1f} MB")
    if args.hires_shards:
        blobs = pack_round_robin(shard_paths(args.hires_shards), args.quality, int(args.hires_budget_mb * 1e6), skip)
        hires_path = os.path.join(args.out, "train256-pack.npz")
        print(f"{hires_path}: {len(blobs)} photos, {write_pack(hires_path, blobs, held) / 1e6:.1f} MB")

    val_stream = iter_images(os.path.join(args.data_dir, args.val_shard))
    val = [blob for _, (_, blob) in zip(range(args.val_count), val_stream)]
    val_path = os.path.join(args.out, "val256-head.npz")
    print(f"{val_path}: {len(val)} photos, {write_pack(val_path, val) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
