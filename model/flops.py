"""FLOP (2 x multiply-adds) and parameter counter for TintypeNet at a given input size.

Counts convolutions and dense layers (the multiply-adds); ReLU, Add, upsampling and tanh are
elementwise and add < 1 % so they are left out, as is conventional.
"""

import argparse

import torch
from torch import nn

from bins import bin_centres
from net import TintypeNet
from train import SHIPPED

BUDGET_GFLOPS = 1.5  # per 256x256 inference (issue "model")
BUDGET_PARAMS = 2_000_000


def count(net: TintypeNet, size: int = 256) -> dict:
    rows: list[tuple[str, int, int]] = []
    hooks = []
    for name, mod in net.named_modules():
        if isinstance(mod, (nn.Conv2d, nn.Linear)):

            def hook(m: nn.Module, _inp: tuple, out: torch.Tensor, name: str = name) -> None:
                if isinstance(m, nn.Conv2d):
                    k = m.kernel_size[0] * m.kernel_size[1] * m.in_channels // m.groups
                else:
                    k = m.in_features
                macs = out.numel() // out.shape[0] * k
                params = sum(p.numel() for p in m.parameters())
                rows.append((name, macs, params))

            hooks.append(mod.register_forward_hook(hook))
    with torch.no_grad():
        net(torch.zeros(1, 4, size, size), torch.zeros(1, net.q + 3))
    for h in hooks:
        h.remove()
    total_macs = sum(r[1] for r in rows)
    params = sum(p.numel() for p in net.parameters())
    return {"rows": rows, "gflops": 2 * total_macs / 1e9, "params": params}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--size", type=int, default=256)
    ap.add_argument("--context", type=int, default=None,
                    help="context branch width (default: the shipped weights' architecture)")
    args = ap.parse_args()
    if args.context is None:
        net = TintypeNet.for_weights(torch.load(SHIPPED, map_location="cpu"))
    else:
        net = TintypeNet(len(bin_centres()), context=args.context)
    c = count(net, args.size)
    print(f"{'layer':<12}{'MFLOP':>10}{'params':>10}")
    for name, macs, params in c["rows"]:
        print(f"{name:<12}{2 * macs / 1e6:>10.1f}{params:>10d}")
    print(f"total: {c['gflops']:.3f} GFLOP at {args.size}x{args.size}, {c['params']:,} params, "
          f"{c['params'] * 2 / 1e6:.2f} MB as float16")
    ok = c["gflops"] <= BUDGET_GFLOPS * (args.size / 256) ** 2 and c["params"] <= BUDGET_PARAMS
    print("within budget" if ok else "OVER BUDGET")


if __name__ == "__main__":
    main()
