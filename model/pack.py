"""Packs training photos small enough to travel to a lent GPU machine.

A device call carries at most 64 MiB with the working tree, and the train128 tar shards are
~6.7 KB a photo (JPEG q87 plus 512-byte tar headers and padding): two shards fit. Re-encoded
as WebP (q70, ~2.7 KB at 128², no per-member padding) in one .npz, 17.4k photos — nearly
four shards — fit in 46 MB. Photos are taken round-robin over the shards (each shard mixes
all sources) until the budget is spent. The validation head (the first `val_count` photos that `validate()`
reads) keeps its original bytes: numbers on it stay comparable with CPU runs.

  /usr/bin/python3 model/pack.py --out .gpu/pack [--shards train128-00.tar ...] [--budget-mb 46]

Format (read by data.iter_images): an .npz with `data` (uint8, encoded images back to back)
and `offsets` (int64, n + 1 boundaries); PIL decodes both JPEG and WebP.
"""

import argparse
import io
import os
import sys

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from data import iter_images  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(HERE, "..", "..", "shared", "data")
# train128-02 is left out on purpose: it stays unseen, for tuning runtime constants on photos
# the network never trained on (src/cli/bench/tune*.ts).
DEFAULT_SHARDS = ["train128-00.tar", "train128-01.tar", "train128-03.tar", "train128-04.tar",
                  "train128-05.tar"]


def write_pack(path: str, blobs: list[bytes]) -> int:
    offsets = np.zeros(len(blobs) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(b) for b in blobs])
    data = np.frombuffer(b"".join(blobs), dtype=np.uint8)
    np.savez(path, data=data, offsets=offsets)  # uncompressed: WebP does not deflate further
    return os.path.getsize(path)


def reencode(data: bytes, quality: int) -> bytes:
    with Image.open(io.BytesIO(data)) as im:
        out = io.BytesIO()
        im.convert("RGB").save(out, "WEBP", quality=quality, method=6)
        return out.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", default=DEFAULT_DATA)
    ap.add_argument("--out", required=True, help="folder for train128-pack.npz and val256-head.npz")
    ap.add_argument("--shards", nargs="+", default=DEFAULT_SHARDS)
    ap.add_argument("--quality", type=int, default=70, help="WebP quality (1-100)")
    ap.add_argument("--budget-mb", type=float, default=46.0, help="size cap of the training pack")
    ap.add_argument("--val-shard", default="val256-00.tar")
    ap.add_argument("--val-count", type=int, default=64)
    args = ap.parse_args()
    if not 1 <= args.quality <= 100:
        ap.error(f"--quality must be in 1..100, got {args.quality}")
    os.makedirs(args.out, exist_ok=True)

    streams = [iter_images(os.path.join(args.data_dir, s)) for s in args.shards]
    budget = int(args.budget_mb * 1e6)
    blobs: list[bytes] = []
    size = 0
    while streams and size < budget:
        for stream in list(streams):
            item = next(stream, None)
            if item is None:
                streams.remove(stream)
                continue
            blob = reencode(item[1], args.quality)
            if size + len(blob) > budget:
                streams = []
                break
            blobs.append(blob)
            size += len(blob)
    train_path = os.path.join(args.out, "train128-pack.npz")
    print(f"{train_path}: {len(blobs)} photos, {write_pack(train_path, blobs) / 1e6:.1f} MB")

    val_stream = iter_images(os.path.join(args.data_dir, args.val_shard))
    val = [blob for _, (_, blob) in zip(range(args.val_count), val_stream)]
    val_path = os.path.join(args.out, "val256-head.npz")
    print(f"{val_path}: {len(val)} photos, {write_pack(val_path, val) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
