"""Stream the val256 photographs (plain tar of JPEGs, WebDataset-style) in tsv order."""

import csv
import io
import tarfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
# Evaluation sets: (manifest in --data, source filter, photo count; None = all). `heldout` is
# the pets source (cats-vs-dogs-200), which training configs leave out (`exclude_sources`), so
# it measures photos of a collection the colorizer has never seen; its photos are 128².
SETS = {"val256": ("val256", None, 460), "heldout": ("train128", "cats-vs-dogs-200", 300)}


def read_keys(data_dir: Path, name: str = "val256", source: str | None = None) -> list[tuple[str, str]]:
    """(key, shard) rows of <name>.tsv, in file order; only `source`'s photos when given."""
    tsv = data_dir / f"{name}.tsv"
    if not tsv.is_file():
        raise FileNotFoundError(f"{tsv}: missing (point --data at the folder with {name}.tsv)")
    with tsv.open(newline="") as f:
        rows = [(r["key"], r["shard"]) for r in csv.DictReader(f, delimiter="\t")
                if source is None or r.get("source") == source]
    if not rows:
        raise ValueError(f"{tsv}: no rows" + (f" of source {source}" if source else ""))
    return rows


def read_sources(data_dir: Path, name: str = "val256") -> dict[str, str]:
    """key -> source dataset (the tsv's `source` column); empty if the tsv has none."""
    with (data_dir / f"{name}.tsv").open(newline="") as f:
        return {r["key"]: r.get("source") or "?" for r in csv.DictReader(f, delimiter="\t")}


def iter_images(
    data_dir: Path, limit: int | None = None, name: str = "val256", source: str | None = None
) -> Iterator[tuple[str, np.ndarray]]:
    """Yield (key, uint8 RGB [H, W, 3]) for the first `limit` images of the tsv (of `source`)."""
    rows = read_keys(data_dir, name, source)[:limit]
    wanted = {key for key, _ in rows}
    by_key: dict[str, np.ndarray] = {}
    for shard in dict.fromkeys(s for _, s in rows):
        with tarfile.open(data_dir / shard) as tar:
            for member in tar:
                key = member.name.rsplit("/", 1)[-1].removesuffix(".jpg")
                if key not in wanted:
                    continue
                data = tar.extractfile(member)
                if data is None:
                    raise ValueError(f"{shard}:{member.name}: not a regular file")
                with Image.open(io.BytesIO(data.read())) as im:
                    by_key[key] = np.asarray(im.convert("RGB"))
    for key, shard in rows:
        if key not in by_key:
            raise KeyError(f"{shard}: image {key} listed in {name}.tsv is not in the tar")
        yield key, by_key[key]
