#!/usr/bin/env bash
# The prepared training runs for a lent GPU machine (see model/README.md "On a lent GPU").
# Run one through the device tool from the repo root, carrying the photo pack:
#   /usr/bin/python3 model/pack.py --out .gpu/pack            # here, once: ~52 MB (train128 + train256 packs)
#   device run: bash model/gpu_train.sh [config] [main|blind]   carry: [".gpu/pack"]   timeout_s: 600
# `main` (the default) continues the shipped main net (model/weights/shipped.pt --init);
# `blind` continues the shipped blind head as a plain net (blind_head.py extract), for a config
# that trains it alone (configs/gpu-blind.json), to be merged back here with blind_head.py merge.
# It runs for the config's max_minutes and leaves $OUT/<run>/{weights.pt,last.pt,log.jsonl},
# $OUT/<run>/snaps/step-*.pt (gpu-pack: every 800 steps, ~3 in 7 minutes at ~380 steps/min
# measured on an H200; gpu-blind: every 1,200, as its loader has no hints to simulate and may
# run faster) and $OUT/train.log to come back: 7 files, within the device's 8 per call.
set -euo pipefail
: "${OUT:?OUT is unset: run this through the device tool, which collects \$OUT}"
export PYTHONUNBUFFERED=1
config=${1:-model/configs/gpu-pack.json}
start=${2:-main}
nvidia-smi -L || echo "nvidia-smi failed: training falls back to whatever torch finds"
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.cuda.is_available())'
case "$start" in
  main) init=model/weights/shipped.pt ;;
  blind) init=/tmp/blind-head-init.pt  # outside $OUT: it need not come back
         python3 model/blind_head.py extract "$init" --weights model/weights/shipped.pt ;;
  *) echo "gpu_train.sh: start must be main or blind, got '$start'" >&2; exit 2 ;;
esac
python3 model/train.py --config "$config" --init "$init" --runs-dir "$OUT" 2>&1 | tee "$OUT/train.log"
