"""Train TintypeNet from a JSON config; resumable, time/step-limited, CPU or CUDA.

  /usr/bin/python3 model/train.py --config model/configs/ci-smoke.json [--resume] [--init]
      [--data-dir DIR] [--runs-dir DIR] [--max-steps N] [--max-minutes M] [--name RUN]

Writes model/runs/<name>/{last.pt, weights.pt, log.jsonl}. weights.pt is what export_tfjs.py
reads (and what becomes model/weights/shipped.pt).
"""

import argparse
import contextlib
import copy
import json
import math
import os
import subprocess
import sys
import time

import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ab_prior import load_prior, rebalance_weights, rebalanced_cross_entropy  # noqa: E402
from bins import bin_centres, nearest_bin_torch  # noqa: E402
from data import ShardStream, validation_set  # noqa: E402
from lab import lab_to_rgb_torch  # noqa: E402
from net import AB_SCALE, L_CENTER, L_SCALE, LOGITS_STRIDE, TintypeNet  # noqa: E402
from refine_torch import refine_ab  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SHIPPED = os.path.join(HERE, "weights", "shipped.pt")
REQUIRED = ["name", "data_dir", "train_shards", "val_shard", "val_count", "crop", "batch", "lr",
            "max_steps", "max_minutes", "ce_weight", "huber_beta", "log_every", "val_every",
            "ckpt_every", "threads", "workers", "amp_bf16", "channels_last", "seed", "min_scale",
            "min_chroma", "buffer", "p_no_hints", "p_strokes", "p_hist", "p_sat", "warmup_steps",
            "weight_decay"]


def unit_fraction(cfg: dict, key: str, path: str, noun: str = "a number") -> float:
    """cfg[key] (0 when absent) if it is a number in [0, 1]; else a ValueError naming file and key."""
    v = cfg.get(key, 0.0)
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 1:
        raise ValueError(f"{path}: {key} must be {noun} in [0, 1], got {v!r}")
    return v


def load_config(path: str) -> dict:
    with open(path) as f:
        cfg = json.load(f)
    missing = [k for k in REQUIRED if k not in cfg]
    if missing:
        raise ValueError(f"{path}: missing config keys {missing}")
    weights = cfg.get("shard_weights")
    if weights is not None:
        if not isinstance(weights, dict) or sorted(weights) != sorted(cfg["train_shards"]):
            raise ValueError(f"{path}: shard_weights must name every train shard once, "
                             f"{sorted(cfg['train_shards'])}; got {weights!r}")
        bad = {k: v for k, v in weights.items() if isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0}
        if bad:
            raise ValueError(f"{path}: shard_weights must be positive numbers, got {bad}")
    gone = [k for k in ("deep", "confidence_loss", "fast_modules", "fast_lr_mult") if k in cfg]
    if gone:  # options of experiments that did not ship: refuse rather than silently ignore
        raise ValueError(f"{path}: {gone} are no longer supported")
    for key in ("context", "snapshot_every"):  # optional widths/intervals, 0 = off
        v = cfg.get(key, 0)
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise ValueError(f"{path}: {key} must be a whole number >= 0, got {v!r}")
    unit_fraction(cfg, "refine_loss", path)
    shrink = cfg.get("refine_shrink", 2)
    if not isinstance(shrink, int) or isinstance(shrink, bool) or shrink not in (1, 2):
        raise ValueError(f"{path}: refine_shrink must be 1 or 2, got {shrink!r}")
    rgb_log = cfg.get("rgb_log", False)
    if not (isinstance(rgb_log, bool) or rgb_log == "no_hints"):
        raise ValueError(f"{path}: rgb_log must be true, false or \"no_hints\", got {cfg['rgb_log']!r}")
    frozen = cfg.get("frozen_modules", [])
    if not isinstance(frozen, list) or not all(isinstance(m, str) for m in frozen):
        raise ValueError(f"{path}: frozen_modules must be a list of module names (e.g. [\"e0\"]), got {frozen!r}")
    lam = unit_fraction(cfg, "rebalance_lambda", path)
    if lam and not isinstance(cfg.get("ab_prior"), str):
        raise ValueError(f"{path}: rebalance_lambda needs ab_prior, the prior file written by model/ab_prior.py")
    excl = cfg.get("exclude_sources", [])
    if not isinstance(excl, list) or not all(isinstance(x, str) for x in excl):
        raise ValueError(f"{path}: exclude_sources must be a list of source names, got {excl!r}")
    unit_fraction(cfg, "p_degrade", path, "a probability")
    if cfg["crop"] % 16:
        raise ValueError(f"{path}: crop must be a multiple of 16 (the net's stride), got {cfg['crop']}")
    return cfg


def code_revision() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=HERE, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def losses(net: TintypeNet, batch: dict, bins: torch.Tensor, cfg: dict,
           ce_weights: torch.Tensor | None = None) -> tuple[torch.Tensor, dict]:
    """ab_weight * Huber on ab/110 + rgb_weight * MSE in sRGB + ce_weight * CE over bins at 1/8 res.

    `bins` is bin_targets(): the bin nearest to each 8x8 block's mean ab. CE starts at
    ln(Q) ~ 5.6 and settles near 2.9 while the Huber term is 0.05-0.08, so ce_weight 0.01
    keeps classification at about a third of the loss: it trains the logits used for
    suggestions/uncertainty and shapes multimodal features without pulling ab to bin centres.
    The optional sRGB term (config `rgb_weight`, default 0) scores the colour the user sees and
    the eval measures: true L + predicted ab through Lab -> sRGB (unclipped, see lab.py), so ab
    errors count less where they barely change the pixel (dark, near-white) and more where they
    do. Its scale: an sRGB MSE of 0.004 is 24 dB PSNR, the same order as the Huber term.
    With `refine_loss` r > 0 (0..1), the ab and sRGB terms score r x (the net's ab after the
    runtime's residual propagation, refine_torch.py) + (1 - r) x (the raw ab): what the user sees.
    """
    pred_ab, logits = net(batch["local"], batch["global"])
    target = batch["ab"]
    r = cfg.get("refine_loss", 0.0)
    if r > 0:
        refined = refine_ab(pred_ab, batch["local"], shrink=cfg.get("refine_shrink", 2))
        pred_ab = r * refined + (1 - r) * pred_ab.float()
    huber = F.smooth_l1_loss(pred_ab.float(), target / AB_SCALE, beta=cfg["huber_beta"])
    # ce_weights (config `rebalance_lambda`, ab_prior.py): class-rebalanced, so the distribution
    # commits to rare saturated bins instead of settling on grey wherever it is unsure.
    ce = (F.cross_entropy(logits.float(), bins) if ce_weights is None
          else rebalanced_cross_entropy(logits.float(), bins, ce_weights))
    total = cfg.get("ab_weight", 1.0) * huber + cfg["ce_weight"] * ce
    parts = {"huber": huber.detach(), "ce": ce.detach()}
    if cfg.get("rgb_weight", 0.0) > 0:
        L = batch["local"][:, :1].float() * L_SCALE + L_CENTER
        rgb_p = lab_to_rgb_torch(torch.cat([L, pred_ab.float() * AB_SCALE], 1), clip=False)
        rgb_t = lab_to_rgb_torch(torch.cat([L, target], 1))
        per_photo = ((rgb_p - rgb_t) ** 2).mean(dim=(1, 2, 3))
        rgb = per_photo.mean()  # the pooled MSE: every crop has the same size
        mode = cfg.get("rgb_log", False)
        if mode == "no_hints":
            term = log_mse_term(per_photo, only=batch["n_hints"] == 0)
        elif mode:
            term = log_mse_term(per_photo)
        else:
            term = rgb
        total = total + cfg["rgb_weight"] * term
        parts["rgb"] = rgb.detach()
    # Detached tensors, not floats: converting every step would sync the GPU every step.
    return total, parts


# 1e-5 is 50 dB: errors below it are near 8-bit rounding ((1/255)^2/12 ~ 1.3e-6), so a photo's
# weight stops growing there instead of exploding on a photo the net already gets right.
LOG_MSE_FLOOR = 1e-5


def log_mse_term(per_photo: torch.Tensor, only: torch.Tensor | None = None) -> torch.Tensor:
    """The eval's own measure as a loss: it averages PSNR, i.e. -10 log10(MSE), over photos, so
    halving a near-grey photo's small error counts as much as halving a colourful photo's large
    one, where a pooled MSE hardly notices the first. Per photo m_i, the term is
    mean_i(m_bar * ln(m_i + floor)) with m_bar the batch's pooled MSE (detached): its gradient
    is m_bar / m_i times the pooled MSE's, so rgb_weight keeps its scale and only the weighting
    across photos changes. per_photo: [B] sRGB MSE of each photo. `only` ([B] bool, config
    rgb_log "no_hints"): the log applies to those photos and the rest keep the plain MSE, aiming
    the reweighting at the k = 0 case (the hinted cases still move through the shared weights)."""
    logged = per_photo.mean().detach() * torch.log(per_photo + LOG_MSE_FLOOR)
    if only is None:
        return logged.mean()
    return torch.where(only, logged, per_photo).mean()


def training_record(cfg: dict, step: int, samples: int, minutes: float, history: list, **extra) -> dict:
    """What a weights file says about how it was made (export copies it into model.json)."""
    mix = {"shardWeights": cfg["shard_weights"]} if "shard_weights" in cfg else {}
    return {"run": cfg["name"], "sets": cfg["train_shards"], **mix, "steps": step, "samplesSeen": samples,
            "crop": cfg["crop"], "minutes": round(minutes, 1), **extra, "history": history,
            "data": "../shared/data (see model/README.md for sources and licences)",
            "codeRevision": code_revision()}


def write_weights(path: str, state: dict, q: int, cfg: dict, training: dict) -> None:
    """The weights file export_tfjs.py reads (and model/weights/shipped.pt): float32 state dict,
    bin count, architecture (the config's context width) and the training record."""
    arch = {"context": cfg.get("context", 0)}
    torch.save({"state_dict": {k: v.float().cpu() for k, v in state.items()}, "q": q,
                "arch": arch, "training": training}, path)


def bin_targets(ab: torch.Tensor, centres: torch.Tensor) -> torch.Tensor:
    """Nearest bin of each 8x8 block's mean ab; computed outside autocast so bf16 cannot flip it."""
    return nearest_bin_torch(F.avg_pool2d(ab, LOGITS_STRIDE), centres)


@torch.no_grad()
def validate(net: TintypeNet, val: dict, device: torch.device) -> dict:
    """PSNR (dB, sRGB 8-bit scale) of (true L + predicted ab) vs (true L + true ab), per k; raw
    net output."""
    net.eval()
    out = {}
    for k, b in val.items():
        local, glob, ab = b["local"].to(device), b["global"].to(device), b["ab"].to(device)
        psnrs = []
        for i in range(0, len(local), 16):
            pred, _ = net(local[i : i + 16], glob[i : i + 16])
            L = local[i : i + 16, :1] * L_SCALE + L_CENTER
            rgb_p = lab_to_rgb_torch(torch.cat([L, pred.float() * AB_SCALE], 1))
            rgb_t = lab_to_rgb_torch(torch.cat([L, ab[i : i + 16]], 1))
            mse = ((rgb_p - rgb_t) ** 2).mean(dim=(1, 2, 3)).clamp(min=1e-10)
            psnrs.append(10 * torch.log10(1.0 / mse))
        out[f"psnr_k{k}"] = round(float(torch.cat(psnrs).mean()), 3)
    net.train()
    return out


def lr_at(cfg: dict, step: int, elapsed_min: float) -> float:
    """Linear warm-up, then cosine to 0 over whichever of steps / minutes runs out first."""
    if step < cfg["warmup_steps"]:
        return cfg["lr"] * (step + 1) / cfg["warmup_steps"]
    progress = min(1.0, max(step / cfg["max_steps"], elapsed_min / cfg["max_minutes"]))
    return cfg["lr"] * (0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * progress)))


def module_prefixes(cfg: dict, key: str) -> tuple[str, ...]:
    """Parameter-name prefixes of the modules a config lists under `key` (e.g. "frozen_modules")."""
    return tuple(f"{m}." for m in cfg.get(key, []))


def param_groups(net: TintypeNet, cfg: dict) -> list[dict]:
    """Optimiser groups: every parameter, except that with config `frozen_modules` those modules'
    parameters get no gradient and no group: a run that trains only the rest (e.g. a no-hints
    head over the shipped encoder, whose shared layers must stay bit-identical to the shipped net's).
    """
    frozen = module_prefixes(cfg, "frozen_modules")
    if frozen:
        hit = [p for n, p in net.named_parameters() if n.startswith(frozen)]
        if not hit:
            raise ValueError(f"frozen_modules {cfg['frozen_modules']} name no parameters of this net")
        for p in hit:
            p.requires_grad_(False)
    return [{"params": [p for n, p in net.named_parameters() if not n.startswith(frozen)]}]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", required=True)
    ap.add_argument("--data-dir")
    ap.add_argument("--runs-dir", default=os.path.join(HERE, "runs"))
    ap.add_argument("--resume", action="store_true", help="continue from runs/<name>/last.pt")
    ap.add_argument("--init", nargs="?", const=SHIPPED, default=None, metavar="WEIGHTS",
                    help=f"start from these weights (a weights.pt; default {SHIPPED})")
    ap.add_argument("--max-steps", type=int)
    ap.add_argument("--max-minutes", type=float)
    ap.add_argument("--name", help="run name (overrides the config's; picks runs/<name>/)")
    args = ap.parse_args()
    cfg = load_config(args.config)
    for key, val in (("data_dir", args.data_dir), ("max_steps", args.max_steps), ("max_minutes", args.max_minutes),
                     ("name", args.name)):
        if val is not None:
            cfg[key] = val
    torch.set_num_threads(cfg["threads"])
    cuda = torch.cuda.is_available()
    device = torch.device("cuda" if cuda else "cpu")
    run_dir = os.path.join(args.runs_dir, cfg["name"])
    os.makedirs(run_dir, exist_ok=True)
    centres_np = bin_centres()
    q = len(centres_np)
    centres = torch.from_numpy(centres_np).to(device)
    net = TintypeNet(q, context=cfg.get("context", 0)).to(device)
    opt = torch.optim.AdamW(param_groups(net, cfg), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    step, samples, elapsed0, history = 0, 0, 0.0, []
    last = os.path.join(run_dir, "last.pt")
    if args.resume and os.path.exists(last):
        ck = torch.load(last, map_location=device)
        net.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        step, samples, elapsed0, history = ck["step"], ck["samples"], ck["elapsed_s"], ck.get("history", [])
        print(f"resumed {last} at step {step}", flush=True)
    elif args.init:
        shipped = torch.load(args.init, map_location=device)
        state = shipped["state_dict"]
        if shipped.get("arch", {}).get("blind"):
            # train.py trains plain nets: a file with a blind head starts the run from its main
            # net (`blind_head.py extract` gives the blind head instead).
            state = {k: v for k, v in state.items() if not k.startswith("blind.")}
            print(f"{args.init} has a blind head: starting from its main net", flush=True)
        # A context branch new to these weights starts at its zero-initialised
        # output (net.py), so the run begins at exactly the initial weights' predictions.
        missing, unexpected = net.load_state_dict(state, strict=False)
        if unexpected or any(k.split(".")[0] not in TintypeNet.ZERO_START for k in missing):
            raise ValueError(f"{args.init}: does not fit this net (missing {missing}, unexpected {unexpected})")
        history = [{"init": os.path.relpath(args.init, os.path.dirname(HERE)), "training": shipped["training"]}]
        print(f"initialised from {args.init}", flush=True)
    # Optional exponential moving average of the weights (config `ema`, e.g. 0.995): small-batch
    # CPU steps are noisy, and the average is what gets validated and shipped.
    ema = None
    if cfg.get("ema"):
        ema = copy.deepcopy(net).eval()
        if args.resume and os.path.exists(last) and "ema" in ck:
            ema.load_state_dict(ck["ema"])
        for p in ema.parameters():
            p.requires_grad_(False)
    if cfg["channels_last"]:
        net = net.to(memory_format=torch.channels_last)
    shards = [os.path.join(cfg["data_dir"], s) for s in cfg["train_shards"]]
    weights = [cfg["shard_weights"][s] for s in cfg["train_shards"]] if "shard_weights" in cfg else None
    ds = ShardStream(shards, q, cfg, seed=cfg["seed"] + step, weights=weights)
    loader = DataLoader(ds, batch_size=cfg["batch"], num_workers=cfg["workers"], pin_memory=cuda,
                        persistent_workers=cfg["workers"] > 0)
    ce_weights = None
    if cfg.get("rebalance_lambda"):
        prior = load_prior(os.path.join(os.path.dirname(HERE), cfg["ab_prior"]), q)
        ce_weights = torch.tensor(rebalance_weights(prior, cfg["rebalance_lambda"]), dtype=torch.float32,
                                  device=device)
    val = validation_set(os.path.join(cfg["data_dir"], cfg["val_shard"]), cfg["val_count"], q)
    # autocast(cuda) probes the GPU even when disabled, so build it only on CUDA.
    amp = (torch.autocast(device_type="cuda", dtype=torch.bfloat16) if cuda and cfg["amp_bf16"]
           else contextlib.nullcontext())
    log = open(os.path.join(run_dir, "log.jsonl"), "a")

    def emit(rec: dict) -> None:
        print(json.dumps(rec), flush=True)
        log.write(json.dumps(rec) + "\n")
        log.flush()

    def save(path: str) -> None:
        elapsed = elapsed0 + time.time() - t0
        extra = {"ema": ema.state_dict()} if ema is not None else {}
        torch.save({"model": net.state_dict(), "opt": opt.state_dict(), "step": step, "samples": samples, **extra,
                    "elapsed_s": elapsed, "history": history, "config": cfg}, path)

    def minutes() -> float:
        """Training minutes of this run, earlier resumed legs included (the LR schedule's clock)."""
        return (elapsed0 + time.time() - t0) / 60

    # What a snapshot and the end of the run write: the EMA when the run keeps one.
    shipped_net = ema if ema is not None else net
    frozen = module_prefixes(cfg, "frozen_modules")
    t0 = tw = time.time()
    seen_window = 0
    emit({"event": "start", "step": step, "device": str(device), "q": q, "config": cfg})
    if args.init or args.resume:
        # The starting point's score on the same photos, so a continuation is judged against it.
        emit({"step": step, "samples": samples, "start": True, **validate(net, val, device)})
    it = iter(loader)
    while step < cfg["max_steps"] and minutes() < cfg["max_minutes"]:
        batch = {k: v.to(device, non_blocking=True) for k, v in next(it).items()}
        if cfg["channels_last"]:
            batch["local"] = batch["local"].contiguous(memory_format=torch.channels_last)
        for g in opt.param_groups:
            g["lr"] = lr_at(cfg, step, minutes())
        bins = bin_targets(batch["ab"], centres)
        with amp:
            loss, parts = losses(net, batch, bins, cfg, ce_weights)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if ema is not None:
            with torch.no_grad():
                for (name, pe), pn in zip(ema.state_dict().items(), net.state_dict().values()):
                    if name.startswith(frozen):
                        continue  # frozen: the average would only add rounding to a constant
                    if pe.dtype.is_floating_point:
                        pe.mul_(cfg["ema"]).add_(pn.detach(), alpha=1 - cfg["ema"])
                    else:
                        pe.copy_(pn)
        step += 1
        samples += len(batch["ab"])
        seen_window += len(batch["ab"])
        if step % cfg["log_every"] == 0:
            now = time.time()
            emit({"step": step, "loss": round(float(loss.detach()), 5), **{k: round(float(v), 5) for k, v in parts.items()}, "lr": opt.param_groups[0]["lr"],
                  "photos_per_s": round(seen_window / (now - tw), 1), "minutes": round((elapsed0 + now - t0) / 60, 2)})
            tw, seen_window = now, 0
        if step % cfg["val_every"] == 0:
            emit({"step": step, "samples": samples, **validate(net, val, device)})
            if ema is not None:
                emit({"step": step, "ema": True, **validate(ema, val, device)})
        if step % cfg["ckpt_every"] == 0:
            save(last)
        if cfg.get("snapshot_every") and step % cfg["snapshot_every"] == 0:
            # The best point of a CPU run can come mid-cosine (one scored best at 67k of its 173k
            # crops, then faded at k = 0), and last.pt keeps only the latest: keep what would ship
            # at this step, to judge later.
            snap = os.path.join(run_dir, "snaps", f"step-{step}.pt")
            os.makedirs(os.path.dirname(snap), exist_ok=True)
            write_weights(snap, shipped_net.state_dict(), q, cfg,
                          training_record(cfg, step, samples, minutes(), history, snapshot=True,
                                          weights="ema" if ema is not None else "raw"))
    final_val = validate(shipped_net, val, device)
    emit({"event": "end", "step": step, "samples": samples, **final_val})
    save(last)
    training = training_record(cfg, step, samples, minutes(), history, device=str(device),
                               valShard=cfg["val_shard"], valCount=cfg["val_count"], **final_val)
    write_weights(os.path.join(run_dir, "weights.pt"), shipped_net.state_dict(), q, cfg, training)
    print(f"wrote {os.path.join(run_dir, 'weights.pt')}", flush=True)


if __name__ == "__main__":
    main()
