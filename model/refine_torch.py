"""The runtime's residual propagation (src/colorizer/refine) in PyTorch, differentiable, for training.

Tintype never shows the network's ab as it is: every colorize() and render() first pulls it to the
hints and spreads the miss edge-aware (refineAb.ts): per channel, with N the net's ab, H the hint
ab and M the hint mask,

    (L_w + mu I + beta M) e = beta M (H - N),   output = clamp(N + e),
    L_w: 4-neighbour graph Laplacian, w_rs = exp(-(L_r - L_s)^2 / (2 sigma^2)).

Training through this step (config `refine_loss`) scores what the user sees, so the net need not
spend capacity on what the propagation already does (copying a hint onto its own region) and is
pushed to get right what it cannot (colour across edges, far from hints).

The solve is Jacobi-preconditioned CG, batched, started coarse-to-fine like cascade.ts (grids of
half the side solved first, mu x 4 per level); a fixed number of steps, no early exit. Gradients
are implicit: A is symmetric, so dLoss/db = A^-1 dLoss/de, one more solve of the same system, and
dLoss/dN = -beta M A^-1 dLoss/de. Units: everything in the net's own units (L as (L* - 50)/100,
ab / 110), so sigma is given in L* and divided by 100 here.
"""

import torch
import torch.nn.functional as F

from net import L_SCALE

# EXPORT_REFINE (src/colorizer/refine/params.ts), the export's working-resolution pass: the
# shipped weights are trained through these values, so change them together.
SIGMA_LSTAR = 2.0
MU = 1e-6
BETA = 10.0
MIN_COARSE_SIDE = 8  # cascade.ts: coarsening stops before a grid's shorter side drops below this


class GridSystem:
    """A = L_w + mu I + beta M for a batch [B, 1, H, W] of L and masks; applies A to [B, C, H, W]."""

    def __init__(self, l: torch.Tensor, mask: torch.Tensor, mu: float, beta: float, sigma: float) -> None:
        inv = 1.0 / (2 * sigma * sigma)
        self.right = torch.exp(-(l[..., :, 1:] - l[..., :, :-1]) ** 2 * inv)  # [B,1,H,W-1]
        self.down = torch.exp(-(l[..., 1:, :] - l[..., :-1, :]) ** 2 * inv)  # [B,1,H-1,W]
        deg = F.pad(self.right, (0, 1)) + F.pad(self.right, (1, 0)) + F.pad(self.down, (0, 0, 0, 1)) \
            + F.pad(self.down, (0, 0, 1, 0))
        self.diag = deg + mu + beta * mask
        self.inv_diag = 1.0 / self.diag

    def apply(self, x: torch.Tensor) -> torch.Tensor:
        # (L_w x)_r = sum_s w_rs (x_r - x_s); A x = L_w x + (mu + beta M) x = diag x - sum_s w_rs x_s.
        nb = F.pad(self.right * x[..., :, 1:], (0, 1)) + F.pad(self.right * x[..., :, :-1], (1, 0)) \
            + F.pad(self.down * x[..., 1:, :], (0, 0, 0, 1)) + F.pad(self.down * x[..., :-1, :], (0, 0, 1, 0))
        return self.diag * x - nb


def pcg(system: GridSystem, rhs: torch.Tensor, x: torch.Tensor, steps: int) -> torch.Tensor:
    """`steps` Jacobi-PCG iterations from x, per batch item and channel (no early exit)."""
    dims = (2, 3)
    r = rhs - system.apply(x)
    z = r * system.inv_diag
    p = z
    rz = (r * z).sum(dims, keepdim=True)
    for _ in range(steps):
        ap = system.apply(p)
        alpha = rz / (p * ap).sum(dims, keepdim=True).clamp_min(1e-30)
        x = x + alpha * p
        r = r - alpha * ap
        z = r * system.inv_diag
        rz_new = (r * z).sum(dims, keepdim=True)
        p = z + (rz_new / rz.clamp_min(1e-30)) * p
        rz = rz_new
    return x


def _levels(l: torch.Tensor, mask: torch.Tensor, mu: float, coarse: int) -> list[tuple[torch.Tensor, torch.Tensor, float]]:
    """(L, mask, mu) per grid, finest first: box-averaged L, a block hinted if any pixel is, mu x 4."""
    out = [(l, mask, mu)]
    for _ in range(coarse):
        if min(l.shape[-2:]) // 2 < MIN_COARSE_SIDE:
            break
        l, mask, mu = F.avg_pool2d(l, 2), F.max_pool2d(mask, 2), mu * 4
        out.append((l, mask, mu))
    return out


def cascade_solve(systems: list[GridSystem], rhs: torch.Tensor, coarse_steps: int, fine_steps: int) -> torch.Tensor:
    """Solve on the coarsest grid first (rhs box-averaged), each solution upsampled as the next start."""
    rhss = [rhs]
    for _ in systems[1:]:
        rhss.append(F.avg_pool2d(rhss[-1], 2))
    x = torch.zeros_like(rhss[-1])
    for level in range(len(systems) - 1, -1, -1):
        if level < len(systems) - 1:
            x = F.interpolate(x, size=rhss[level].shape[-2:], mode="bilinear", align_corners=False)
        x = pcg(systems[level], rhss[level], x, fine_steps if level == 0 else coarse_steps)
    return x


class _Solve(torch.autograd.Function):
    """x = A^-1 rhs (cascade CG); A is symmetric, so the backward pass is the same solve."""

    @staticmethod
    def forward(ctx, rhs, systems, coarse_steps, fine_steps):  # type: ignore[override]
        ctx.systems, ctx.steps = systems, (coarse_steps, fine_steps)
        return cascade_solve(systems, rhs, coarse_steps, fine_steps)

    @staticmethod
    def backward(ctx, grad):  # type: ignore[override]
        return cascade_solve(ctx.systems, grad.contiguous(), *ctx.steps), None, None, None


def refine_ab(n: torch.Tensor, local: torch.Tensor, sigma: float = SIGMA_LSTAR, mu: float = MU,
              beta: float = BETA, coarse: int = 3, coarse_steps: int = 30, fine_steps: int = 40,
              shrink: int = 1) -> torch.Tensor:
    """clamp(N + e, -1, 1) for net output n [B, 2, H, W] (ab / 110) and the net's input `local`
    [B, 4, H, W] (L, hint a, hint b, mask); samples without hints come back unchanged.

    shrink = 2 solves on a grid of half the side (box-averaged, as refineCapped.ts does above its
    cap) and upsamples e bilinearly: a quarter of the cost, for training.
    """
    l, hint_ab, mask = local[:, :1].float(), local[:, 1:3].float(), local[:, 3:4].float()
    rhs = beta * mask * (hint_ab - n.float())
    if shrink > 1:
        hinted = F.avg_pool2d(mask, shrink)
        rhs = F.avg_pool2d(rhs, shrink) / hinted.clamp_min(1e-6) * (hinted > 0)
        l, mask = F.avg_pool2d(l, shrink), F.max_pool2d(mask, shrink)
    with torch.no_grad():
        systems = [GridSystem(lv, mv, m, beta, sigma / L_SCALE) for lv, mv, m in _levels(l, mask, mu, coarse)]
    e = _Solve.apply(rhs, systems, coarse_steps, fine_steps)
    if shrink > 1:
        e = F.interpolate(e, size=n.shape[-2:], mode="bilinear", align_corners=False)
    return torch.clamp(n.float() + e, -1.0, 1.0)
