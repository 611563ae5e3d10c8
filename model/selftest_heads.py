"""Selftest checks of the blind head (net.py, blind_head.py, keras_topology.py) and of
train.py's `frozen_modules`, which trains one; run from selftest.py."""

import torch

from bins import bin_centres
from blind_head import extract, merge
from keras_topology import topology
from net import TintypeNet
from train import param_groups

HEAD = ["c1", "c2", "b2", "d3_reduce", "d3", "logits", "d2", "d1", "out"]


def check(cond: bool, what: str) -> None:  # selftest.py's too (it imports this one)
    if not cond:
        raise AssertionError(what)


def refused(fn, says: str, exc: type = ValueError) -> None:
    try:
        fn()
    except exc as e:
        check(says in str(e), f"error should say {says!r}: {e}")
        return
    raise AssertionError(f"expected an error saying {says!r}")


def weights_file(net: TintypeNet, run: str) -> dict:
    training = {"run": run, "sets": ["x.tar"], "crop": 128, "steps": 10, "samplesSeen": 480, "minutes": 1.0}
    return {"state_dict": {k: v.clone() for k, v in net.state_dict().items()}, "q": net.q,
            "arch": net.arch(), "training": training}


def test_frozen_modules() -> None:
    net = TintypeNet(len(bin_centres()), context=8)
    frozen = ["e0", "e1", "e2", "e3", "e4", "g1", "g2", "b1"]
    groups = param_groups(net, {"frozen_modules": frozen})
    trained = {id(p) for g in groups for p in g["params"]}
    for name, p in net.named_parameters():
        shut = name.split(".")[0] in frozen
        check((id(p) in trained) != shut and p.requires_grad != shut, f"frozen_modules: {name}")
    refused(lambda: param_groups(TintypeNet(net.q), {"frozen_modules": ["r9"]}), "r9")


def merged_pair(own: list[str], what: str) -> tuple[TintypeNet, TintypeNet, dict, TintypeNet, tuple]:
    """A main net, a copy of it whose `own` modules were "trained" (as frozen_modules would leave
    the rest), their merge, the merged net, and inputs on which the merged net must answer as
    the main net without blind=True and as the head with it."""
    q = len(bin_centres())
    main, head = TintypeNet(q, context=8).eval(), TintypeNet(q, context=8).eval()
    head.load_state_dict(main.state_dict())
    with torch.no_grad():
        for m in own:
            for p in getattr(head, m).parameters():
                p.add_(torch.randn_like(p) * 0.05)
    merged = merge(weights_file(main, "main"), weights_file(head, "head"), None, ("main.pt", "head.pt"))
    check(merged["arch"]["blind"] == own, f"{what}: merge finds the trained modules: {merged['arch']}")
    net = TintypeNet.for_weights(merged).eval()
    net.load_state_dict(merged["state_dict"])
    inputs = (torch.randn(2, 4, 32, 48), torch.rand(2, q + 3))
    with torch.no_grad():
        same_main = all(torch.equal(a, b) for a, b in zip(net(*inputs), main(*inputs)))
        same_head = all(torch.equal(a, b) for a, b in zip(net(*inputs, blind=True), head(*inputs)))
    check(same_main and same_head, f"{what}: main head {same_main}, blind head {same_head}")
    return main, head, merged, net, inputs


def test_blind_head() -> None:
    main, head, merged, net, (local, glob) = merged_pair(HEAD, "blind head")
    q = main.q
    back = extract(merged)
    check(all(torch.equal(back["state_dict"][k], v) for k, v in head.state_dict().items())
          and "blind" not in back["arch"], "extract gives the head back as a plain net")
    first = extract(merged, main=True)
    check(first["state_dict"].keys() == main.state_dict().keys() and "blind" not in first["arch"]
          and all(torch.equal(first["state_dict"][k], v) for k, v in main.state_dict().items()),
          "extract --main gives the main net back as a plain net")
    # A head trained over another global branch must not be merged: it stays shared.
    other = weights_file(head, "head")
    other["state_dict"]["g2.bias"] += 1e-3
    refused(lambda: merge(weights_file(main, "main"), other, None, ("main.pt", "head.pt")), "['g2']", SystemExit)
    refused(lambda: merge(weights_file(main, "main"), weights_file(head, "head"), HEAD[:3], ("main.pt", "head.pt")),
            "also differs", SystemExit)
    refused(lambda: TintypeNet(q, blind=("g1",)), "not head modules")
    refused(lambda: main(local, glob, blind=True), "no blind head")
    # The Keras graph: blind_* copies, b1 shared (called a second time, node 1), four outputs.
    cfg = topology(net)["config"]
    layers = {layer["name"]: layer for layer in cfg["layers"]}
    check(cfg["output_layers"][2:] == [["blind_ab", 0, 0], ["blind_logits", 0, 0]], f"outputs {cfg['output_layers']}")
    check(len(layers["b1"]["inbound_nodes"]) == 2 and layers["blind_b2"]["inbound_nodes"] == [[["b1", 1, 0, {}]]],
          "b1 is shared and feeds blind_b2 from its second node")
    check("blind_e4" not in layers and "blind_b1" not in layers, "shared modules are not copied")
    check(layers["blind_add3"]["inbound_nodes"] == [[["blind_up3", 0, 0, {}], ["e3", 0, 0, {}]]],
          "the blind decoder reads the shared encoder's skips")


def test_blind_encoder() -> None:
    """A blind head with its own encoder: the merged net, the graph and the skips it reads."""
    net = merged_pair(["e2", "e4", *HEAD], "blind encoder")[3]
    layers = {layer["name"]: layer for layer in topology(net)["config"]["layers"]}
    check(layers["blind_e2"]["inbound_nodes"] == [[["e1", 0, 0, {}]]]
          and layers["e3"]["inbound_nodes"][1] == [["blind_e2", 0, 0, {}]]
          and layers["blind_e4"]["inbound_nodes"] == [[["e3", 1, 0, {}]]], "the blind encoder's own and shared convs")
    check(layers["blind_add3"]["inbound_nodes"] == [[["blind_up3", 0, 0, {}], ["e3", 1, 0, {}]]]
          and layers["blind_add2"]["inbound_nodes"] == [[["blind_up2", 0, 0, {}], ["blind_e2", 0, 0, {}]]],
          "the blind decoder reads its own encoder's skips")
