"""Trains the tiny reasoner and writes its raw weights, manifest and reference probabilities.

Usage: /usr/bin/python3 train.py --data DIR --out DIR [--steps N] [--minutes M] [--batch N] [--seed N]
With --minutes, the learning-rate schedule runs on whichever ends first, the steps or the minutes
(wall time), and training stops at its end: the run fits the time it is given on a shared machine,
at the cost of step-exact reproducibility (the steps actually run are recorded). --minutes 0 runs
exactly --steps steps.
Writes DIR/weights.bin (float32, ggml order, tensors back to back), DIR/manifest.json (config,
tensor names, shapes and offsets, training figures) and DIR/reference.json (parity prompts).
"""
import argparse
import json
import math
import os
import random
import time

import numpy as np
import torch

from data import iterate_batches, load_examples, load_vocabulary
from model import TinyLlama
from reference import build_reference

CONFIG = {
    "embedding": 128,
    "layers": 4,
    "heads": 4,
    "feed_forward": 384,
    "context": 128,
    "rms_eps": 1e-5,
    "rope_base": 10000.0,
}


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--steps", type=int, default=8000)
    parser.add_argument("--minutes", type=float, default=36.0)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--seed", type=int, default=24)
    parser.add_argument("--threads", type=int, default=1)
    return parser.parse_args()


def schedule_progress(step, elapsed, args):
    """How far through the schedule: by steps, or by wall time when --minutes is set, whichever is further."""
    by_steps = step / args.steps
    by_time = elapsed / (60 * args.minutes) if args.minutes > 0 else 0.0
    return max(by_steps, by_time)


def learning_rate(step, progress, args):
    if step < args.warmup:
        return args.lr * (step + 1) / args.warmup
    start = args.warmup / args.steps
    after = min(1.0, max(0.0, (progress - start) / max(1e-9, 1 - start)))
    return args.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * after)))


def build_optimizer(model, args):
    matrices = [p for p in model.parameters() if p.dim() >= 2]
    vectors = [p for p in model.parameters() if p.dim() < 2]
    groups = [{"params": matrices, "weight_decay": 0.05}, {"params": vectors, "weight_decay": 0.0}]
    return torch.optim.AdamW(groups, lr=args.lr, betas=(0.9, 0.98))


def write_weights(model, out, manifest):
    offset = 0
    tensors = []
    with open(os.path.join(out, "weights.bin"), "wb") as f:
        for name, values in model.ggml_tensors().items():
            data = values.astype("<f4").tobytes()
            f.write(data)
            tensors.append({"name": name, "shape": list(values.shape), "offset": offset, "count": values.size})
            offset += len(data)
    manifest["tensors"] = tensors
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)


def main():
    args = parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    os.makedirs(args.out, exist_ok=True)
    vocab, ids = load_vocabulary(os.path.join(args.data, "vocabulary.json"))
    config = dict(CONFIG, vocab=len(vocab["tokens"]))
    examples = load_examples(os.path.join(args.data, "train.jsonl"), vocab, ids, config["context"])
    model = TinyLlama(config)
    for p in model.parameters():
        if p.dim() >= 2:
            torch.nn.init.normal_(p, std=0.02)
    parameters = sum(p.numel() for p in model.parameters())
    print(json.dumps({"examples": len(examples), "parameters": parameters, "config": config}), flush=True)
    optimizer = build_optimizer(model, args)
    batches = iterate_batches(examples, args.batch, args.seed)
    started = time.time()
    recent, tokens_seen = [], 0
    model.train()
    step, progress, lr = 0, 0.0, args.lr
    while progress < 1:
        inputs, targets = next(batches)
        lr = learning_rate(step, progress, args)
        for group in optimizer.param_groups:
            group["lr"] = lr
        logits = model(inputs)
        loss = torch.nn.functional.cross_entropy(
            logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), ignore_index=-100
        )
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        tokens_seen += int((inputs != 0).sum())
        recent = (recent + [loss.item()])[-100:]
        step += 1
        progress = schedule_progress(step, time.time() - started, args)
        if step % 50 == 1 or progress >= 1:
            print(json.dumps({
                "step": step,
                "loss": round(sum(recent) / len(recent), 4),
                "lr": round(lr, 6),
                "seconds": round(time.time() - started, 1),
            }), flush=True)
    seconds = time.time() - started
    reference = build_reference(model, vocab, ids)
    with open(os.path.join(args.out, "reference.json"), "w") as f:
        json.dump(reference, f, indent=2)
    manifest = {
        "config": config,
        "training": {
            "steps": step,
            "plannedSteps": args.steps,
            "minutes": args.minutes,
            "batch": args.batch,
            "lr": args.lr,
            "seed": args.seed,
            "threads": args.threads,
            "examples": len(examples),
            "tokens": tokens_seen,
            "parameters": parameters,
            "finalLoss": round(sum(recent) / len(recent), 4),
            "seconds": round(seconds, 1),
            "torch": torch.__version__,
        },
    }
    write_weights(model, args.out, manifest)
    print(json.dumps(manifest["training"]), flush=True)


if __name__ == "__main__":
    main()
