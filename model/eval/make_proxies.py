"""Unseen tuning photos for the runtime constants (confidence schedule, propagation), so they
are never tuned on val256 (which is for reporting) nor on train256 (seen dozens of times: the
net looks surer there than on new photos).

  /usr/bin/python3 model/eval/make_proxies.py [--count 120] [--out /tmp]

writes OUT/u128.tar: the first COUNT photos of train128-02 — the shard no shipped run trained
on — whose source image is not also in train256, as they are (128 px); and OUT/up256.tar: the
same photos upscaled to 256 (bicubic, JPEG q87), so the protocol's 6-px hints fall on them at
val256's density. Plain ustar archives of JPEGs, as the tuning scripts in src/cli/bench read.
"""

import argparse
import csv
import io
import os
import tarfile

from PIL import Image

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data")


def rows(tsv: str) -> list[dict]:
    with open(tsv, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--count", type=int, default=120)
    ap.add_argument("--out", default="/tmp")
    args = ap.parse_args()
    seen = {(r["source"], r["path"]) for r in rows(os.path.join(args.data, "train256.tsv"))}
    wanted = [r["key"] for r in rows(os.path.join(args.data, "train128.tsv"))
              if r["shard"] == "train128-02.tar" and (r["source"], r["path"]) not in seen][: args.count]
    if len(wanted) < args.count:
        raise SystemExit(f"make_proxies: train128-02 has only {len(wanted)} photos not in train256")
    fmt = tarfile.USTAR_FORMAT
    with tarfile.open(os.path.join(args.data, "train128-02.tar")) as src, \
            tarfile.open(os.path.join(args.out, "u128.tar"), "w", format=fmt) as u128, \
            tarfile.open(os.path.join(args.out, "up256.tar"), "w", format=fmt) as up256:
        members = {os.path.splitext(os.path.basename(m.name))[0]: m for m in src.getmembers() if m.isfile()}
        missing = [k for k in wanted if k not in members]
        if missing:
            raise SystemExit(f"make_proxies: train128-02.tar lacks {missing[:3]} (listed in train128.tsv)")
        for key in wanted:
            data = src.extractfile(members[key]).read()
            add(u128, f"{key}.jpg", data)
            img = Image.open(io.BytesIO(data)).convert("RGB")
            big = img.resize((img.width * 2, img.height * 2), Image.BICUBIC)
            buf = io.BytesIO()
            big.save(buf, "JPEG", quality=87)
            add(up256, f"{key}.jpg", buf.getvalue())
    print(f"wrote {args.out}/u128.tar and {args.out}/up256.tar: {len(wanted)} photos, {wanted[0]} … {wanted[-1]}")


if __name__ == "__main__":
    main()
