"""Recomputes reference.json from a training run's saved weights, without training again.

Usage: /usr/bin/python3 make_reference.py --out DIR (the directory train.py wrote)
"""
import argparse
import json
import os

import numpy as np
import torch

from data import load_vocabulary
from model import TinyLlama
from reference import build_reference


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    torch.set_num_threads(1)
    with open(os.path.join(args.out, "manifest.json")) as f:
        manifest = json.load(f)
    model = TinyLlama(manifest["config"])
    raw = np.fromfile(os.path.join(args.out, "weights.bin"), dtype="<f4")
    params = {name: p for name, p in model.ggml_parameters().items()}
    with torch.no_grad():
        for tensor in manifest["tensors"]:
            start = tensor["offset"] // 4
            values = raw[start:start + tensor["count"]].reshape(tensor["shape"])
            params[tensor["name"]].copy_(torch.from_numpy(values.copy()))
    vocab, ids = load_vocabulary(os.path.join(args.data, "vocabulary.json"))
    with open(os.path.join(args.out, "reference.json"), "w") as f:
        json.dump(build_reference(model, vocab, ids), f, indent=2)


if __name__ == "__main__":
    main()
