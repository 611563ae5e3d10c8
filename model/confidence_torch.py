"""The runtime's confidence-weighted chroma (src/colorizer/refine/confidence.ts) in PyTorch.

Before the residual propagation, colorize()/render() scale the net's ab by (1 - H)^p, H the
normalised entropy of the net's own colour distribution (the logits, 0 = sure, 1 = uniform),
bilinearly upsampled from the logits grid, and p growing with the number of hints
(confidenceSchedule.ts, DEFAULT_CONFIDENCE in params.ts). Training through it (config
`confidence_loss`) scores the colours the user is shown. H is detached: the logits keep their
own cross-entropy target and are not bent to serve the ab terms.
"""

import math

import torch
import torch.nn.functional as F

# DEFAULT_CONFIDENCE (src/colorizer/refine/params.ts): noHints, manyHints, manyAt. Its blindHead
# exponent (the blind head's, 0.1) is not mirrored: no run has trained a blind head through it.
DEFAULT_SCHEDULE = (0.5, 1.0, 10.0)


def exponent(n_hints: torch.Tensor, schedule: tuple[float, float, float] = DEFAULT_SCHEDULE) -> torch.Tensor:
    """confidenceExponent(): noHints + (manyHints - noHints) * min(1, n / manyAt), per sample."""
    none, many, at = schedule
    return none + (many - none) * torch.clamp(n_hints.float() / at, max=1.0)


def normalised_entropy(logits: torch.Tensor) -> torch.Tensor:
    """[B, Q, h, w] logits -> [B, 1, h, w] entropy / log Q (distribution.ts)."""
    logp = F.log_softmax(logits.float(), dim=1)
    return -(logp.exp() * logp).sum(1, keepdim=True) / math.log(logits.shape[1])


def shrink_by_confidence(ab: torch.Tensor, logits: torch.Tensor, n_hints: torch.Tensor,
                         schedule: tuple[float, float, float] = DEFAULT_SCHEDULE) -> torch.Tensor:
    """ab [B, 2, H, W] x (1 - H)^p; H from the logits, detached, upsampled with pixel centres
    aligned and clamped at the border (align_corners=False, as bilinearAxis in resample.ts)."""
    with torch.no_grad():
        h = F.interpolate(normalised_entropy(logits), size=ab.shape[-2:], mode="bilinear", align_corners=False)
        p = exponent(n_hints, schedule).view(-1, 1, 1, 1).to(h)
        scale = torch.clamp(1 - h, 0.0, 1.0) ** p
    return ab.float() * scale
