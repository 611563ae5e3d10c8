#!/usr/bin/env bash
# The one prepared training run for a lent GPU machine (see model/README.md "On a lent GPU").
# Run it through the device tool from the repo root, carrying the photo pack:
#   /usr/bin/python3 model/pack.py --out .gpu/pack            # here, once: ~52 MB (train128 + train256 packs)
#   device run: bash model/gpu_train.sh [config]   carry: [".gpu/pack"]   timeout_s: 600
# It continues from model/weights/shipped.pt (--init) for the config's max_minutes and leaves
# $OUT/<run>/{weights.pt,last.pt,log.jsonl}, $OUT/<run>/snaps/step-*.pt (gpu-pack: every 800
# steps, ~3 in 7 minutes at ~380 steps/min measured on an H200) and $OUT/train.log to come back:
# 7 files, within the device's 8 files per call.
set -euo pipefail
: "${OUT:?OUT is unset: run this through the device tool, which collects \$OUT}"
export PYTHONUNBUFFERED=1
config=${1:-model/configs/gpu-pack.json}
nvidia-smi -L || echo "nvidia-smi failed: training falls back to whatever torch finds"
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.cuda.is_available())'
python3 model/train.py --config "$config" --init --runs-dir "$OUT" 2>&1 | tee "$OUT/train.log"
