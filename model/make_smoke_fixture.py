"""Build the model smoke test's photo fixture (test/fixtures/smoke/) from the training shards.

  /usr/bin/python3 model/make_smoke_fixture.py DATA_DIR [--out test/fixtures/smoke]

DATA_DIR holds train128.tsv and train128-0*.tar (plain tars of JPEGs named <key>.jpg). Takes
the first 64 photos of the `clothing` source, the only CC0 1.0 source there, centre-cropped
to a square and scaled to 64x64 (every validation photo must have one size), JPEG quality 85.
Writes them in the shards' own format: clothing64-00.tar (56 photos, training),
clothing64-01.tar (8, validation and the exporter's parity photo) and the manifest
clothing64.tsv (key, source, path, shard; `path` is the photo's path in its original set).
Deterministic: the same inputs give the same bytes.
"""

import argparse
import csv
import io
import os
import tarfile

from PIL import Image

SOURCE = "clothing"  # CC0 1.0: the one source a public repository may carry
COUNT, VAL, SIDE, QUALITY = 64, 8, 64, 85


def square64(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as im:
        im = im.convert("RGB")
        w, h = im.size
        s = min(w, h)
        im = im.crop(((w - s) // 2, (h - s) // 2, (w - s) // 2 + s, (h - s) // 2 + s))
        out = io.BytesIO()
        im.resize((SIDE, SIDE), Image.BICUBIC).save(out, format="JPEG", quality=QUALITY)
        return out.getvalue()


def write_tar(path: str, members: list[tuple[str, bytes]]) -> None:
    with tarfile.open(path, "w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            tar.addfile(info, io.BytesIO(data))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir")
    ap.add_argument("--out", default=os.path.join("test", "fixtures", "smoke"))
    args = ap.parse_args()
    with open(os.path.join(args.data_dir, "train128.tsv")) as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["source"] == SOURCE][:COUNT]
    if len(rows) < COUNT:
        raise SystemExit(f"{args.data_dir}: only {len(rows)} {SOURCE} photos in train128.tsv")
    wanted = {r["key"]: r for r in rows}
    photos: dict[str, bytes] = {}
    for shard in sorted({r["shard"] for r in rows}):
        with tarfile.open(os.path.join(args.data_dir, shard)) as tar:
            for m in tar:
                key = os.path.splitext(m.name)[0]
                if key in wanted:
                    photos[key] = square64(tar.extractfile(m).read())
    os.makedirs(args.out, exist_ok=True)
    manifest, shards = [], {"clothing64-00.tar": [], "clothing64-01.tar": []}
    for i, r in enumerate(rows):
        key = f"clothing64_{i:06d}"
        shard = "clothing64-00.tar" if i < COUNT - VAL else "clothing64-01.tar"
        shards[shard].append((f"{key}.jpg", photos[r["key"]]))
        manifest.append((key, SOURCE, r["path"], shard))
    for shard, members in shards.items():
        write_tar(os.path.join(args.out, shard), members)
    with open(os.path.join(args.out, "clothing64.tsv"), "w", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["key", "source", "path", "shard"])
        w.writerows(manifest)
    total = sum(os.path.getsize(os.path.join(args.out, s)) for s in shards)
    print(f"wrote {args.out}: {len(rows)} photos, {total / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
