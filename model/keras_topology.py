"""Keras (TF.js layers-model) topology of TintypeNet, layer for layer.

Each entry maps a PyTorch module to the Keras layer that computes exactly the same thing:
Conv2D 'same' reproduces net.same_conv (TF pads stride-2 even inputs 0 top/left, 1
bottom/right; dilated stride-1 convs symmetrically), UpSampling2D is nearest x2, Add fuses
skips, and Add([N,h,w,C], [N,1,1,C]) broadcasts the global vector (tfjs-layers' Merge computes
broadcast output shapes and tf.add broadcasts at predict time; parity.test.ts checks it).

A net with a blind head (net.blind_modules) gets two more outputs, blind_ab and blind_logits,
computed by `_blind_branch`: its own copies of the head's modules (layers named blind_*), the
main path's nodes where nothing upstream differs, and a second call of a shared weighted layer
(Keras inbound node 1) where one is fed by the blind path without being copied.
"""

import copy

from net import TintypeNet

# PyTorch module name -> Keras layer name; the two outputs carry the contract's names.
KERAS_NAME = {"out": "ab", "logits": "logits"}


def keras_name(torch_name: str) -> str:
    return KERAS_NAME.get(torch_name, torch_name)


def _layer(cls: str, name: str, inbound: list[str], **config: object) -> dict:
    return {
        "class_name": cls,
        "name": name,
        "config": {"name": name, "trainable": False, "dtype": "float32", **config},
        "inbound_nodes": [[[src, 0, 0, {}] for src in inbound]] if inbound else [],
    }


def _conv(net: TintypeNet, torch_name: str, src: str, activation: str) -> dict:
    m = getattr(net, torch_name)
    spec = m.tf_spec
    return _layer(
        "Conv2D", keras_name(torch_name), [src], filters=m.out_channels, kernel_size=list(m.kernel_size),
        strides=[spec.stride, spec.stride], padding="same", data_format="channels_last",
        dilation_rate=[spec.dilation, spec.dilation], activation=activation, use_bias=True,
    )


def _up(name: str, src: str) -> dict:
    return _layer("UpSampling2D", name, [src], size=[2, 2], data_format="channels_last", interpolation="nearest")


def _context(net: TintypeNet, src: str) -> list[dict]:
    """The optional context branch (net.context > 0): mean over h, w -> Dense -> Dense -> Add."""
    if not net.context:
        return []
    c4 = net.width[4]
    return [
        _layer("GlobalAveragePooling2D", "c_pool", [src], data_format="channels_last"),
        _layer("Dense", "c1", ["c_pool"], units=net.c1.out_features, activation="relu", use_bias=True),
        _layer("Dense", "c2", ["c1"], units=net.c2.out_features, activation="linear", use_bias=True),
        _layer("Reshape", "c_broadcast", ["c2"], target_shape=[1, 1, c4]),
        _layer("Add", "add_context", [src, "c_broadcast"]),
    ]


def _blind_branch(net: TintypeNet, layers: list[dict]) -> tuple[list[dict], list[list]]:
    """The blind head's extra layers (some main layers gain a second inbound node in place) and
    its two output references, [layer, node, tensor]."""
    torch_name = {v: k for k, v in KERAS_NAME.items()}
    refs: dict[str, list] = {}  # main layer name -> [layer, node] carrying its blind-path value
    extra = []
    for layer in layers:
        name = layer["name"]
        if layer["class_name"] == "InputLayer":
            continue
        inbound = layer["inbound_nodes"][0]
        own = torch_name.get(name, name) in net.blind_modules
        if not own and not any(src[0] in refs for src in inbound):
            continue  # upstream of the head: the main node is the blind node
        node = [[*refs.get(src[0], [src[0], 0]), 0, {}] for src in inbound]
        if own or layer["class_name"] not in ("Conv2D", "Dense"):
            twin = copy.deepcopy(layer)
            twin["name"] = twin["config"]["name"] = f"blind_{name}"
            twin["inbound_nodes"] = [node]
            extra.append(twin)
            refs[name] = [twin["name"], 0]
        else:  # a shared weighted layer called again, on the blind path's tensor
            layer["inbound_nodes"].append(node)
            refs[name] = [name, len(layer["inbound_nodes"]) - 1]
    return extra, [[*refs["ab"], 0], [*refs["logits"], 0]]


def topology(net: TintypeNet) -> dict:
    c4 = net.width[4]
    layers = [
        _layer("InputLayer", "local", [], batch_input_shape=[None, None, None, 4], sparse=False),
        _layer("InputLayer", "global", [], batch_input_shape=[None, net.q + 3], sparse=False),
        _conv(net, "e0", "local", "relu"),
        _conv(net, "e1", "e0", "relu"),
        _conv(net, "e2", "e1", "relu"),
        _conv(net, "e3", "e2", "relu"),
        _conv(net, "e4", "e3", "relu"),
        _layer("Dense", "g1", ["global"], units=net.g1.out_features, activation="relu", use_bias=True),
        _layer("Dense", "g2", ["g1"], units=net.g2.out_features, activation="linear", use_bias=True),
        _layer("Reshape", "g_broadcast", ["g2"], target_shape=[1, 1, c4]),
        _layer("Add", "add_global", ["e4", "g_broadcast"]),
        *_context(net, "add_global"),
        _conv(net, "b1", "add_context" if net.context else "add_global", "relu"),
        _conv(net, "b2", "b1", "relu"),
        _conv(net, "d3_reduce", "b2", "linear"),
        _up("up3", "d3_reduce"),
        _layer("Add", "add3", ["up3", "e3"]),
        _conv(net, "d3", "add3", "relu"),
        _conv(net, "logits", "d3", "linear"),
        _up("up2", "d3"),
        _layer("Add", "add2", ["up2", "e2"]),
        _conv(net, "d2", "add2", "relu"),
        _up("up1", "d2"),
        _layer("Add", "add1", ["up1", "e1"]),
        _conv(net, "d1", "add1", "relu"),
        _up("up0", "d1"),
        _layer("Add", "add0", ["up0", "e0"]),
        _conv(net, "out", "add0", "tanh"),
    ]
    outputs = [["ab", 0, 0], ["logits", 0, 0]]
    if net.blind_modules:
        extra, blind_outputs = _blind_branch(net, layers)
        layers += extra
        outputs += blind_outputs
    return {
        "class_name": "Model",
        "config": {
            "name": "tintype",
            "layers": layers,
            "input_layers": [["local", 0, 0], ["global", 0, 0]],
            "output_layers": outputs,
        },
        "keras_version": "tfjs-layers 4.22.0",
        "backend": "tensor_flow.js",
    }
