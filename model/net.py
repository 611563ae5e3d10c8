"""User-guided colorization network (after Zhang et al., SIGGRAPH 2017), budget-scaled.

Every op has a bit-compatible TF.js/Keras layer (see export_tfjs.py), so:
- stride-2 3x3 convs use TF 'same' padding for even inputs: 0 top/left, 1 bottom/right;
- dilated 3x3 convs use 'same' = symmetric padding equal to the dilation;
- upsampling is nearest x2 (UpSampling2D), skips are fused by Add;
- the global branch is Dense -> Dense -> Reshape [1,1,C] -> Add (broadcast over h, w);
- the optional context branch (context > 0) is GlobalAveragePooling2D -> Dense -> Dense ->
  Reshape -> Add on the bottleneck, its last Dense zero-initialised so that adding it to
  trained weights leaves their output unchanged until it learns something;
- the optional blind head (blind = names of modules after the encoder): a second copy of those
  modules, used when the photo has no point or stroke hints (`forward(..., blind=True)`); the
  encoder and every module not named stay shared, so the head costs only its own weights;
- no BatchNorm (nothing to fold at export).
Layout is NCHW here; the exporter transposes weights to Keras NHWC.
"""

import copy

import torch
import torch.nn.functional as F
from torch import nn

L_CENTER = 50.0  # (L - 50) / 100: input normalisation the net is trained with
L_SCALE = 100.0
AB_SCALE = 110.0  # ab / 110: hint and output scale the net is trained with
STRIDE = 16  # four stride-2 convs
LOGITS_STRIDE = 8


class ConvSpec:
    """Which TF 'same' variant a conv uses; read by the exporter."""

    def __init__(self, stride: int = 1, dilation: int = 1) -> None:
        self.stride = stride
        self.dilation = dilation


def conv(cin: int, cout: int, k: int = 3, stride: int = 1, dilation: int = 1) -> nn.Conv2d:
    # Padding is applied in forward() so that it matches TF 'same' exactly.
    c = nn.Conv2d(cin, cout, k, stride=stride, padding=0, dilation=dilation)
    c.tf_spec = ConvSpec(stride, dilation)  # type: ignore[attr-defined]
    return c


def same_conv(layer: nn.Conv2d, x: torch.Tensor) -> torch.Tensor:
    k = layer.kernel_size[0]
    if k == 1:
        return layer(x)
    spec: ConvSpec = layer.tf_spec  # type: ignore[attr-defined]
    if spec.stride == 2:
        if x.shape[-1] % 2 or x.shape[-2] % 2:
            raise ValueError(f"stride-2 conv needs even H, W; got {tuple(x.shape[-2:])}")
        return layer(F.pad(x, (0, 1, 0, 1)))  # TF 'same', stride 2, even size, k=3
    p = spec.dilation * (k - 1) // 2
    return layer(F.pad(x, (p, p, p, p)))


class TintypeNet(nn.Module):
    # Optional modules whose last layer starts at zero (the context branch): weights trained
    # without them load with these missing and compute exactly what they did.
    ZERO_START = ("c1", "c2")
    # Modules a blind head may copy. The global branch (g1, g2) always stays shared, so both heads
    # read one encoding of the palette; the encoder may be copied, because features trained for
    # spreading the user's colours are not the ones that guess colour from the photo alone.
    HEAD_MODULES = ("e0", "e1", "e2", "e3", "e4", "c1", "c2", "b1", "b2", "d3_reduce", "d3", "logits",
                    "d2", "d1", "out")

    def __init__(self, q: int, width: tuple[int, ...] = (16, 32, 64, 128, 160), global_hidden: int = 128,
                 context: int = 0, blind: tuple[str, ...] = ()) -> None:
        super().__init__()
        c0, c1, c2, c3, c4 = width
        self.q = q
        self.width = width
        self.context = context
        self.e0 = conv(4, c0)
        self.e1 = conv(c0, c1, stride=2)
        self.e2 = conv(c1, c2, stride=2)
        self.e3 = conv(c2, c3, stride=2)
        self.e4 = conv(c3, c4, stride=2)
        self.g1 = nn.Linear(q + 3, global_hidden)
        self.g2 = nn.Linear(global_hidden, c4)
        if context:
            # Image-wide context: the mean bottleneck feature (scene, overall cast, what the hints
            # say on average) broadcast back, position-independent, which the dilated convs'
            # fixed windows cannot compute.
            self.c1 = nn.Linear(c4, context)
            self.c2 = nn.Linear(context, c4)
            nn.init.zeros_(self.c2.weight)
            nn.init.zeros_(self.c2.bias)
        self.b1 = conv(c4, c4, dilation=2)
        self.b2 = conv(c4, c4, dilation=4)
        self.d3_reduce = conv(c4, c3, k=1)
        self.d3 = conv(c3, c2)
        self.logits = conv(c2, q, k=1)
        self.d2 = conv(c2, c1)
        self.d1 = conv(c1, c0)
        self.out = conv(c0, 2)
        self.blind_modules = tuple(blind)
        if blind:
            bad = [m for m in blind if m not in self.HEAD_MODULES or not hasattr(self, m)]
            if bad:
                raise ValueError(f"blind head: {bad} are not head modules of this net "
                                 f"(choose from {[m for m in self.HEAD_MODULES if hasattr(self, m)]})")
            # Why a second head: every CPU fine-tune that raised the no-hints score (k = 0-heavy
            # sampling, a per-photo log loss) lowered the hinted scores through the shared weights.
            self.blind = nn.ModuleDict({m: copy.deepcopy(getattr(self, m)) for m in blind})

    @classmethod
    def for_weights(cls, weights: dict) -> "TintypeNet":
        """The (untrained) net a train.py weights file fits: its bin count and `arch` record
        (files from before the context branch have none: context 0). Older records carry
        `"deep": 0`: an experimental block that never shipped (it added nothing measurable)."""
        arch = weights.get("arch", {})
        if arch.get("deep", 0):
            raise ValueError(f"weights arch {arch}: the deep block (deep > 0) is not supported")
        return cls(weights["q"], context=arch.get("context", 0), blind=tuple(arch.get("blind", ())))

    def arch(self) -> dict:
        """The `arch` record a weights file keeps for for_weights()."""
        blind = {"blind": list(self.blind_modules)} if self.blind_modules else {}
        return {"context": self.context, **blind}

    def _m(self, name: str, blind: bool) -> nn.Module:
        return self.blind[name] if blind and name in self.blind_modules else getattr(self, name)

    def forward(self, local: torch.Tensor, glob: torch.Tensor, blind: bool = False) -> tuple[torch.Tensor, torch.Tensor]:
        """local [N, 4, H, W] (normalised L, a, b, mask), glob [N, Q+3] -> (ab tanh [N,2,H,W], logits [N,Q,H/8,W/8]).

        blind=True runs the blind head (the net's own modules where it has none)."""
        if blind and not self.blind_modules:
            raise ValueError("forward(blind=True): this net has no blind head")

        def m(name: str) -> nn.Module:
            return self._m(name, blind)

        if local.shape[1] != 4 or local.shape[-1] % STRIDE or local.shape[-2] % STRIDE:
            raise ValueError(f"local must be [N, 4, H, W] with H, W multiples of {STRIDE}; got {tuple(local.shape)}")
        if glob.shape != (local.shape[0], self.q + 3):
            raise ValueError(f"global must be [N, {self.q + 3}]; got {tuple(glob.shape)}")
        x0 = F.relu(same_conv(m("e0"), local))
        x1 = F.relu(same_conv(m("e1"), x0))
        x2 = F.relu(same_conv(m("e2"), x1))
        x3 = F.relu(same_conv(m("e3"), x2))
        x4 = F.relu(same_conv(m("e4"), x3))
        g = self.g2(F.relu(self.g1(glob)))
        x = x4 + g[:, :, None, None]
        if self.context:
            x = x + m("c2")(F.relu(m("c1")(x.mean(dim=(2, 3)))))[:, :, None, None]
        x = F.relu(same_conv(m("b1"), x))
        x = F.relu(same_conv(m("b2"), x))
        x = m("d3_reduce")(x)
        x = F.interpolate(x, scale_factor=2, mode="nearest") + x3
        x = F.relu(same_conv(m("d3"), x))
        logits = m("logits")(x)
        x = F.interpolate(x, scale_factor=2, mode="nearest") + x2
        x = F.relu(same_conv(m("d2"), x))
        x = F.interpolate(x, scale_factor=2, mode="nearest") + x1
        x = F.relu(same_conv(m("d1"), x))
        x = F.interpolate(x, scale_factor=2, mode="nearest") + x0
        ab = torch.tanh(same_conv(m("out"), x))
        return ab, logits
