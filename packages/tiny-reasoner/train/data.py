"""Training lines -> token ids exactly as llama.cpp tokenizes the task's prompts.

The vocabulary is one character a token with SentencePiece's space mark, and llama.cpp adds a
leading space to a prompt and BOS before it, so a line `4 4 10 : sure` is
`<s> ▁ 4 ▁ 4 ▁ 1 0 ▁ : ▁ s u r e </s>`. The loss covers only the completion and </s>: the model
learns to answer the task's prompts, not to write prompts.
"""
import json
import random

import torch

SPACE = "\u2581"


def load_vocabulary(path):
    with open(path) as f:
        vocab = json.load(f)
    ids = {piece: i for i, piece in enumerate(vocab["tokens"])}
    return vocab, ids


def encode_text(text, ids):
    return [ids[SPACE if c == " " else c] for c in text]


def encode_prompt(prompt, vocab, ids):
    """BOS, the leading space llama.cpp adds, then the prompt's characters."""
    return [vocab["bos"]] + encode_text(" " + prompt, ids)


def load_examples(path, vocab, ids, context):
    examples = []
    with open(path) as f:
        for line in f:
            row = json.loads(line)
            prompt = encode_prompt(row["prompt"], vocab, ids)
            tokens = prompt + encode_text(row["completion"], ids) + [vocab["eos"]]
            if len(tokens) <= context:
                examples.append((tokens, len(prompt)))
    return examples


def iterate_batches(examples, batch, seed):
    """Endless batches of similar lengths (little padding), in a seeded order."""
    rng = random.Random(seed)
    while True:
        order = list(range(len(examples)))
        rng.shuffle(order)
        chunk = batch * 64
        batches = []
        for start in range(0, len(order), chunk):
            part = sorted(order[start:start + chunk], key=lambda i: len(examples[i][0]))
            batches += [part[i:i + batch] for i in range(0, len(part), batch) if len(part[i:i + batch]) == batch]
        rng.shuffle(batches)
        for members in batches:
            yield collate([examples[i] for i in members])


def collate(rows):
    width = max(len(tokens) for tokens, _ in rows) - 1
    inputs = torch.zeros((len(rows), width), dtype=torch.long)
    targets = torch.full((len(rows), width), -100, dtype=torch.long)
    for r, (tokens, prompt_length) in enumerate(rows):
        n = len(tokens) - 1
        inputs[r, :n] = torch.tensor(tokens[:-1])
        learned = torch.tensor(tokens[1:])
        # Target k is token k+1; the completion starts at token prompt_length.
        learned[: prompt_length - 1] = -100
        targets[r, :n] = learned
    return inputs, targets
