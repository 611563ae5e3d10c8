"""Summary statistics, the markdown table, the target checks and the PSNR-vs-hints plot."""

import math

import numpy as np

LABELS = {
    "grey": "grey (ab = 0)",
    "levin": "Levin et al. 2004",
    "tintype": "Tintype",
    "tintype_palette": "Tintype + own palette",
}
# Targets from the Tintype "model" issue: (method, baseline, ks, required margin in dB).
TARGETS = [
    ("tintype", "grey", [0], 1.0),
    ("tintype", "levin", [1, 2, 5, 10, 20], 1.0),
    ("tintype", "levin", [100], 0.0),
]


def summarize(values: list[float]) -> dict:
    """Mean, sample std and the half-width of the normal-approximation 95% CI of the mean."""
    v = np.asarray(values, dtype=np.float64)
    std = float(v.std(ddof=1)) if len(v) > 1 else 0.0
    return {"mean": float(v.mean()), "std": std, "ci95": 1.96 * std / math.sqrt(len(v)), "n": len(v)}


def markdown_table(stats: dict[str, dict[int, dict]], ks: list[int]) -> str:
    """Rows = methods, columns = k; cells 'mean ± ci95' in dB."""
    head = "| method | " + " | ".join(f"k = {k}" for k in ks) + " |"
    rule = "|---|" + "---:|" * len(ks)
    rows = []
    for method, by_k in stats.items():
        cells = [f"{by_k[k]['mean']:.2f} ± {by_k[k]['ci95']:.2f}" if k in by_k else "–" for k in ks]
        rows.append(f"| {LABELS.get(method, method)} | " + " | ".join(cells) + " |")
    return "\n".join([head, rule, *rows])


def target_checks(per_image: dict[str, dict[int, list[float]]]) -> list[dict]:
    """Paired per-image differences against each target; absent methods/ks are skipped."""
    checks = []
    for method, base, ks, margin in TARGETS:
        for k in ks:
            if k not in per_image.get(method, {}) or k not in per_image.get(base, {}):
                continue
            diff = np.asarray(per_image[method][k]) - np.asarray(per_image[base][k])
            s = summarize(list(diff))
            checks.append({"method": method, "baseline": base, "k": k, "margin": margin,
                           "diff": s["mean"], "ci95": s["ci95"], "pass": s["mean"] >= margin})
    return checks


def source_table(per_image: dict[str, dict[int, list[float]]], keys: list[str], sources: dict[str, str]) -> str:
    """Tintype's margin over each target's baseline (grey at k = 0, Levin otherwise), per photo
    source (val256.tsv): which kinds of photo the gaps come from. Empty without Tintype."""
    cols = [(base, k) for _, base, ks, _ in TARGETS for k in ks
            if k in per_image.get("tintype", {}) and k in per_image.get(base, {})]
    if not cols:
        return ""
    groups: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(sources.get(key, "?"), []).append(i)
    head = "| source | n | " + " | ".join(f"k = {k} vs {base}" for base, k in cols) + " |"
    rows = [head, "|---|---:|" + "---:|" * len(cols)]
    for name, idx in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0])):
        cells = [float(np.mean([per_image["tintype"][k][i] - per_image[base][k][i] for i in idx]))
                 for base, k in cols]
        rows.append(f"| {name} | {len(idx)} | " + " | ".join(f"{c:+.2f}" for c in cells) + " |")
    return "\n".join(rows)


def check_lines(checks: list[dict]) -> list[str]:
    if not checks:
        return ["targets: not checked (no Tintype results)"]
    lines = []
    for c in checks:
        verdict = "PASS" if c["pass"] else "FAIL"
        lines.append(f"{verdict} k = {c['k']}: {LABELS[c['method']]} − {LABELS[c['baseline']]} = "
                     f"{c['diff']:+.2f} ± {c['ci95']:.2f} dB (target ≥ {c['margin']:+.1f})")
    passed = sum(c["pass"] for c in checks)
    lines.append(f"targets: {passed}/{len(checks)} met")
    return lines


def plot(stats: dict[str, dict[int, dict]], ks: list[int], path, title: str) -> None:
    """PSNR vs number of hints; symlog x so k = 0 sits on the axis next to 1, 2, 5, ..."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
    styles = {"grey": ("0.5", "s", "--"), "levin": ("tab:blue", "o", "-"),
              "tintype": ("tab:red", "D", "-"), "tintype_palette": ("tab:green", "*", "")}
    for method, by_k in stats.items():
        xs = [k for k in ks if k in by_k]
        ys = np.array([by_k[k]["mean"] for k in xs])
        err = np.array([by_k[k]["ci95"] for k in xs])
        colour, marker, line = styles.get(method, ("black", "x", "-"))
        size = 12 if marker == "*" else 5
        label = LABELS.get(method, method)
        ax.plot(xs, ys, color=colour, marker=marker, linestyle=line, markersize=size, label=label)
        if len(xs) > 1:
            ax.fill_between(xs, ys - err, ys + err, color=colour, alpha=0.12, linewidth=0)
    ax.set_xscale("symlog", linthresh=1.0)
    ax.set_xticks(ks)
    ax.set_xticklabels([str(k) for k in ks])
    ax.set_xlim(-0.2, max(ks) * 1.15)
    ax.set_xlabel("number of colour hints k (6×6 patches)")
    ax.set_ylabel("PSNR (dB), 8-bit sRGB")
    ax.set_title(title, fontsize=10)
    ax.grid(True, alpha=0.3)
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
