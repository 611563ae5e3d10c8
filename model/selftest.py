"""Quick checks of the Python side (run by test/model/python-selftest.test.ts; ~10 s on 1 core).

Prints "selftest ok" and exits 0, or raises with what is wrong.
"""

import json
import os
import sys
import tempfile

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bins import bin_centres, histogram_np, nearest_bin_np, nearest_bin_torch  # noqa: E402
from data import ShardStream, decode_rgb, excluded_members, iter_images  # noqa: E402
from flops import BUDGET_GFLOPS, BUDGET_PARAMS, count  # noqa: E402
from hints import DENSE_MAX, DENSE_MIN, STROKE_COLOUR_TOL, add_points, add_strokes, point_count, simulate  # noqa: E402
from lab import lab_to_rgb_np, lab_to_rgb_torch, rgb_to_lab_np  # noqa: E402
from net import TintypeNet, conv, same_conv  # noqa: E402
from pack import pack_round_robin, reencode, write_pack  # noqa: E402
from refine_torch import GridSystem, refine_ab  # noqa: E402
from selftest_heads import check, refused, test_blind_encoder, test_blind_head, test_frozen_modules  # noqa: E402
from soup import parse_ingredient, soup  # noqa: E402
from train import SHIPPED, load_config, log_mse_term, param_groups, training_record, write_weights  # noqa: E402


def check_config_error(tmp: str, key: str, bad: object, says: str) -> None:
    """ci-smoke.json with `key` set to `bad` must be refused by load_config, naming file and problem."""
    cfg = json.load(open(os.path.join(os.path.dirname(SHIPPED), "..", "configs", "ci-smoke.json")))
    path = os.path.join(tmp, "bad.json")
    json.dump({**cfg, key: bad}, open(path, "w"))
    try:
        load_config(path)
        check(False, f"{key} {bad!r} must be rejected")
    except ValueError as e:
        check(says in str(e) and "bad.json" in str(e), f"config error names the problem: {e}")


def test_lab() -> None:
    lab = rgb_to_lab_np(np.array([[1.0, 1.0, 1.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]))
    check(np.allclose(lab[0], [100, 0, 0], atol=0.01), f"white -> {lab[0]}")
    check(np.allclose(lab[1], [53.24, 80.09, 67.20], atol=0.02), f"red -> {lab[1]}")  # published sRGB red
    rgb = np.random.default_rng(0).random((500, 3))
    check(np.abs(lab_to_rgb_np(rgb_to_lab_np(rgb)) - rgb).max() < 1e-4, "Lab round trip")


def test_unclipped_srgb() -> None:
    # In gamut, the unclipped conversion (the sRGB loss) equals the clipped one (the metric);
    # out of gamut it leaves [0, 1] and still has a gradient back toward the gamut.
    lab = torch.tensor([[50.0, 20.0, -10.0], [60.0, 110.0, 110.0]]).T.reshape(1, 3, 1, 2).requires_grad_(True)
    clipped, free = lab_to_rgb_torch(lab), lab_to_rgb_torch(lab, clip=False)
    check(torch.allclose(clipped[..., 0], free[..., 0], atol=1e-6), "in gamut: clip=False = clip=True")
    check(float(free[..., 1].max()) > 1.0 and float(free[..., 1].min()) < 0.0, f"out of gamut: {free[..., 1]}")
    (free[..., 1] - 0.5).square().sum().backward()
    check(bool(torch.isfinite(lab.grad).all()) and float(lab.grad[0, 1:, 0, 1].abs().sum()) > 0, "sRGB loss gradient")


def test_bins() -> None:
    c = bin_centres()
    check(200 < len(c) < 320 and np.all(c % 10 == 0) and np.abs(c).max() <= 110, f"bins: Q={len(c)}")
    ab = np.random.default_rng(1).uniform(-100, 100, (1000, 2)).astype(np.float32)
    d = np.linalg.norm(ab[:, None] - c[None], axis=-1)
    exact = d.argmin(1)
    lut = nearest_bin_np(ab)
    # Rounding moves a point by <= 0.71, so the table's bin is at most 2 x 0.71 farther than the exact one.
    check(np.allclose(d[np.arange(1000), lut], d[np.arange(1000), exact], atol=1.42), "lookup table")
    t = nearest_bin_torch(torch.from_numpy(ab.T.reshape(1, 2, 1000, 1).copy()), torch.from_numpy(c))
    check(np.array_equal(t.ravel().numpy(), exact), "torch nearest bin")
    check(abs(histogram_np(ab).sum() - 1) < 1e-5, "histogram sums to 1")


def test_same_padding() -> None:
    """Our explicit padding equals TF 'same' (pad_total = max((ceil(n/s)-1)s + (k-1)d + 1 - n, 0),
    the smaller half on top/left)."""
    x = torch.randn(1, 3, 16, 16)
    for stride, dil in ((2, 1), (1, 2), (1, 4), (1, 1)):
        layer = conv(3, 5, stride=stride, dilation=dil)
        n, k = 16, 3
        total = max((-(-n // stride) - 1) * stride + (k - 1) * dil + 1 - n, 0)
        lo = total // 2
        ref = F.conv2d(F.pad(x, (lo, total - lo, lo, total - lo)), layer.weight, layer.bias, stride, 0, dil)
        check(torch.allclose(same_conv(layer, x), ref), f"same padding stride={stride} dilation={dil}")


def test_hints() -> None:
    rng = np.random.default_rng(2)
    ab = np.zeros((64, 64, 2), np.float32)
    ab[:, :32] = [40, -20]
    ab[:, 32:] = [-30, 50]
    hint, mask = np.zeros_like(ab), np.zeros((64, 64), np.float32)
    add_points(rng, ab, hint, mask, 20)
    on = mask > 0
    check(on.any() and np.all(np.abs(hint[~on]) == 0), "points: hints only under the mask")
    hint, mask = np.zeros_like(ab), np.zeros((64, 64), np.float32)
    placed = add_strokes(rng, ab, hint, mask, 10)
    on = mask > 0
    err = np.linalg.norm(hint[on] - ab[on], axis=-1)
    check(placed > 0 and np.mean(err > STROKE_COLOUR_TOL) < 0.2, "strokes stay inside one colour region")
    none = sum(simulate(rng, ab, 0.3, 0.5)[1].max() == 0 for _ in range(300)) / 300
    counted = [simulate(rng, ab, 0.0, 0.0) for _ in range(50)]
    check(all(n >= 1 and m.max() == 1 for _, m, n in counted), "simulate counts the points it places")
    check(0.2 < none < 0.4, f"share of hint-free samples {none:.2f}, configured 0.3")
    paper = [point_count(rng) for _ in range(2000)]
    check(6 < np.mean(paper) < 10, f"Geometric(1/8) point count: mean {np.mean(paper):.1f}, expected ~8")
    dense = [point_count(rng, 1.0) for _ in range(2000)]
    check(min(dense) >= DENSE_MIN and max(dense) <= DENSE_MAX and np.mean(np.array(dense) >= 50) > 0.2,
          f"dense point counts in [{DENSE_MIN}, {DENSE_MAX}], {np.mean(np.array(dense) >= 50):.2f} at >= 50")


def test_pack(tmp: str) -> None:
    import io

    from PIL import Image

    blobs = []
    for i in range(5):
        buf = io.BytesIO()
        Image.fromarray(np.full((16, 16, 3), (40 * i, 20, 200), dtype=np.uint8)).save(buf, "JPEG", quality=95)
        blobs.append(reencode(buf.getvalue(), 90))
    path = os.path.join(tmp, "p.npz")
    write_pack(path, blobs)
    stored = [d for _, d in iter_images(path)]
    shuffled = [d for _, d in iter_images(path, seed=4)]
    check(stored == blobs and sorted(shuffled) == sorted(blobs) and shuffled != blobs, "pack round trip")
    check(abs(decode_rgb(stored[2])[8, 8, 0] * 255 - 80) < 4, "WebP decodes to the packed colour")
    np.savez(os.path.join(tmp, "bad.npz"), data=np.zeros(10, np.uint8), offsets=np.array([0, 4, 3, 10]))
    try:
        list(iter_images(os.path.join(tmp, "bad.npz")))
        check(False, "a corrupt pack must be rejected")
    except ValueError as e:
        check("corrupt photo pack" in str(e), f"pack error names the problem: {e}")
    # pack.py takes photos from its shards in turn and stops before the budget would be passed.
    other = os.path.join(tmp, "q.npz")
    write_pack(other, blobs[:2])
    taken = pack_round_robin([path, other], 90, budget=10**9)
    check(taken[:4] == [reencode(b, 90) for b in (blobs[0], blobs[0], blobs[1], blobs[1])] and len(taken) == 7,
          f"round robin over both packs: {len(taken)} photos")
    cap = sum(len(b) for b in taken[:3]) + 1
    check(len(pack_round_robin([path, other], 90, budget=cap)) == 3, "pack stops at its budget")
    names = [n for n, _ in iter_images(path)]
    kept = pack_round_robin([path], 90, budget=10**9, skip={names[1], names[3]})
    check(kept == [reencode(blobs[i], 90) for i in (0, 2, 4)], "photos of held-out sources stay out of a pack")
    # A pack records the sources it holds out; a config may only exclude those.
    write_pack(other, blobs[:2], held_out=["pets"])
    check(excluded_members(tmp, ["q.npz"], ["pets"]) == set(), "a pack that holds the source out")
    refused(lambda: excluded_members(tmp, ["q.npz", "p.npz"], ["pets"]), "p.npz: exclude_sources ['pets'] are not held out")


def test_shard_mix(tmp: str) -> None:
    """`shard_weights`: photos come from each shard in the configured proportion, however small
    the shard (a small one restarts, so it is drawn beyond its size), and a bad mix is named."""
    import io

    from PIL import Image

    def blob(v: int) -> bytes:
        buf = io.BytesIO()
        Image.fromarray(np.full((8, 8, 3), v, dtype=np.uint8)).save(buf, "PNG")
        return buf.getvalue()

    small, big = os.path.join(tmp, "small.npz"), os.path.join(tmp, "big.npz")
    write_pack(small, [blob(i) for i in range(3)])
    write_pack(big, [blob(100 + i) for i in range(30)])
    smalls = set(d for _, d in iter_images(small))
    mixed = ShardStream([small, big], 1, {}, seed=3, weights=[3.0, 1.0])._mixed(np.random.default_rng(0), 0, 1)
    drawn = [next(mixed) for _ in range(2000)]
    share = sum(d in smalls for d in drawn) / len(drawn)
    check(0.72 < share < 0.78, f"3:1 mix drew {share:.3f} from the 3-photo shard, expected 0.75")
    # Two loader workers split each pass over a shard between them (the order changes per pass).
    halves = [ShardStream([big], 1, {}, seed=3, weights=[1.0])._mixed(np.random.default_rng(w), w, 2) for w in (0, 1)]
    firsts = [set(next(h) for _ in range(15)) for h in halves]
    check(not (firsts[0] & firsts[1]) and len(firsts[0] | firsts[1]) == 30, "two workers split a pass")
    one = os.path.join(tmp, "one.npz")
    write_pack(one, [blob(7)])
    try:
        next(ShardStream([one], 1, {}, seed=3, weights=[1.0])._mixed(np.random.default_rng(1), 1, 2))
        check(False, "a shard with fewer photos than workers must be named, not spun on")
    except ValueError as e:
        check("one.npz" in str(e) and "workers" in str(e), f"error names the shard: {e}")
    for bad, says in (({"other.tar": 1}, "must name every train shard"), ({"clothing64-00.tar": 0}, "positive"), ({"clothing64-00.tar": True}, "positive")):
        check_config_error(tmp, "shard_weights", bad, says)


def test_arch_and_options(tmp: str) -> None:
    # The weights file records the architecture for_weights() rebuilds; older records carry
    # "deep": 0 (a block that never shipped) and still load; a block of any width is refused.
    write_weights(os.path.join(tmp, "w.pt"), {}, 1, {"context": 8}, {})
    check(torch.load(os.path.join(tmp, "w.pt"))["arch"] == {"context": 8}, "arch record")
    q = len(bin_centres())
    check(TintypeNet.for_weights({"q": q, "arch": {"context": 8, "deep": 0}}).arch() == {"context": 8}, "deep 0 loads")
    try:
        TintypeNet.for_weights({"q": q, "arch": {"context": 8, "deep": 16}})
        check(False, "a deep block must be refused")
    except ValueError as e:
        check("deep" in str(e), f"error names the block: {e}")
    plain = TintypeNet(q, context=8)
    check([len(g["params"]) for g in param_groups(plain, {})] == [len(list(plain.parameters()))], "one group")
    for key, bad in (("snapshot_every", True), ("frozen_modules", "e0"), ("deep", 16), ("confidence_loss", True),
                     ("fast_modules", ["b1"]), ("fast_lr_mult", 10)):
        check_config_error(tmp, key, bad, key)


def test_refine_torch(tmp: str) -> None:
    # The training-time propagation must solve refineAb.ts's system (checked against a dense
    # solve of the same A) and its implicit gradient must equal autograd through that dense solve.
    g = torch.Generator().manual_seed(3)
    b, h, w, mu, beta, sigma = 2, 12, 10, 1e-3, 10.0, 0.02
    local = torch.zeros(b, 4, h, w, dtype=torch.float64)
    local[:, 0] = torch.randn(b, h, w, generator=g, dtype=torch.float64) * 0.05
    mask = (torch.rand(b, h, w, generator=g) < 0.06).double()
    mask[:, 2, 3] = 1.0
    local[:, 3] = mask
    local[:, 1:3] = torch.randn(b, 2, h, w, generator=g, dtype=torch.float64) * 0.1 * mask[:, None]
    n = (torch.randn(b, 2, h, w, generator=g, dtype=torch.float64) * 0.1).requires_grad_()

    def dense(n: torch.Tensor) -> torch.Tensor:
        out = []
        for i in range(b):
            sys_i = GridSystem(local[i : i + 1, :1], local[i : i + 1, 3:4], mu, beta, sigma)
            eye = torch.eye(h * w, dtype=torch.float64).view(h * w, 1, h, w)
            a = sys_i.apply(eye).view(h * w, h * w).T
            rhs = (beta * local[i : i + 1, 3:4] * (local[i : i + 1, 1:3] - n[i : i + 1])).view(2, -1).T
            out.append(torch.linalg.solve(a, rhs).T.view(1, 2, h, w))
        return n + torch.cat(out)

    weights = torch.randn(b, 2, h, w, generator=g, dtype=torch.float64)
    got = refine_ab(n, local, sigma=sigma * 100, mu=mu, beta=beta, coarse=1, coarse_steps=100, fine_steps=200,
                    shrink=1).double()
    want = dense(n)
    check(torch.allclose(got, want, atol=1e-6), f"refine_torch solve: max diff {(got - want).abs().max():.2e}")
    (g_got,) = torch.autograd.grad((got * weights).sum(), n)
    (g_want,) = torch.autograd.grad((dense(n) * weights).sum(), n)
    check(torch.allclose(g_got, g_want, atol=1e-5), f"refine_torch gradient: max diff {(g_got - g_want).abs().max():.2e}")
    none = local.clone()
    none[:, 1:] = 0
    check(torch.equal(refine_ab(n, none, shrink=2), n.detach().float().clamp(-1, 1)), "no hints: output = net")
    for key, bad in (("refine_loss", 1.5), ("refine_loss", True), ("refine_shrink", 3), ("refine_shrink", 2.0)):
        check_config_error(tmp, key, bad, key)
    for key, bad, says in (("rebalance_lambda", -0.1, "rebalance_lambda must be a number in [0, 1]"),
                           ("p_degrade", 1.5, "p_degrade must be a probability in [0, 1], got 1.5"),
                           ("p_degrade", "0.5", "p_degrade must be a probability in [0, 1]")):
        check_config_error(tmp, key, bad, says)


def test_log_mse(tmp: str) -> None:
    # Same error everywhere: the per-photo log term's gradient is the pooled MSE's. A photo with a
    # tenth of the error gets ten times the weight per unit of error.
    def per_photo(x: torch.Tensor) -> torch.Tensor:
        return (x ** 2).mean(dim=(1, 2, 3))

    p = torch.full((2, 3, 4, 4), 0.1, requires_grad=True)
    (g_log,) = torch.autograd.grad(log_mse_term(per_photo(p)), p)
    (g_mse,) = torch.autograd.grad(F.mse_loss(p, torch.zeros_like(p)), p)
    check(torch.allclose(g_log, g_mse, rtol=1e-3), "log-MSE gradient = pooled MSE gradient at equal errors")
    q = torch.cat([torch.full((1, 3, 4, 4), 0.1), torch.full((1, 3, 4, 4), 0.1 / 10 ** 0.5)]).requires_grad_()
    (g,) = torch.autograd.grad(log_mse_term(per_photo(q)), q)
    ratio = float((g[1] / q[1]).mean() / (g[0] / q[0]).mean())
    check(9 < ratio < 10.5, f"a photo with a tenth of the MSE weighs ~10x per unit error, got {ratio:.2f}")
    # "no_hints": only the masked photos are logged; the others keep the plain MSE's gradient.
    only = torch.tensor([False, True])
    (g_only,) = torch.autograd.grad(log_mse_term(per_photo(q), only), q)
    (g_plain,) = torch.autograd.grad(per_photo(q).mean(), q)
    check(torch.allclose(g_only[0], g_plain[0]), "rgb_log no_hints: a hinted photo keeps the MSE gradient")
    check(torch.allclose(g_only[1], g[1]), "rgb_log no_hints: a photo without hints gets the log gradient")
    check_config_error(tmp, "rgb_log", "yes", "rgb_log")
    check_config_error(tmp, "rgb_log", 1, "rgb_log")


def test_soup(tmp: str) -> None:
    # A weighted soup is the weighted mean of the layers, and each ingredient's record is kept once.
    nets = [TintypeNet(len(bin_centres()), context=8) for _ in range(2)]
    paths = [os.path.join(tmp, f"s{i}.pt") for i in range(2)]
    for i, (net, path) in enumerate(zip(nets, paths)):
        cfg = {"name": f"run{i}", "train_shards": ["x.tar"], "crop": 64, "context": 8}
        write_weights(path, net.state_dict(), net.q, cfg, training_record(cfg, 10 * (i + 1), 100, 1.0, []))
    mixed = soup([p for p, _ in map(parse_ingredient, paths)], [2.0, 1.0])
    a, b = nets[0].state_dict(), nets[1].state_dict()
    check(all(torch.allclose(v, (2 * a[k] + b[k]) / 3, atol=1e-6) for k, v in mixed["state_dict"].items()),
          "weighted soup is the weighted mean")
    check(mixed["training"]["steps"] == 30 and len(mixed["training"]["history"]) == 2, "soup record")
    check("run0 × 0.667" in mixed["training"]["run"], f"soup names its shares: {mixed['training']['run']}")
    check(parse_ingredient(paths[0] + ":2") == (paths[0], 2.0) and parse_ingredient(paths[0]) == (paths[0], 1.0),
          "ingredient syntax A.pt:2")
    for bad in (paths[0] + ":x", paths[0] + ":0"):
        try:
            parse_ingredient(bad)
            check(False, f"{bad} must be rejected")
        except SystemExit as e:
            check("weight" in str(e), f"error says what is wrong: {e}")
    try:
        soup([paths[0], paths[0]])
        check(False, "a file named twice must be rejected")
    except SystemExit as e:
        check("twice" in str(e), f"error says what is wrong: {e}")


def test_budget() -> None:
    c = count(TintypeNet.for_weights(torch.load(SHIPPED, map_location="cpu")), 256)  # the shipped architecture
    check(c["gflops"] <= BUDGET_GFLOPS and c["params"] <= BUDGET_PARAMS, f"budget: {c['gflops']:.3f} GFLOP")


if __name__ == "__main__":
    torch.manual_seed(0)
    for t in (test_lab, test_unclipped_srgb, test_bins, test_same_padding, test_hints, test_budget, test_frozen_modules,
              test_blind_head, test_blind_encoder):
        t()
    with tempfile.TemporaryDirectory() as tmp:
        test_pack(tmp)
        test_shard_mix(tmp)
        test_arch_and_options(tmp)
        test_refine_torch(tmp)
        test_log_mse(tmp)
        test_soup(tmp)
    print("selftest ok")
