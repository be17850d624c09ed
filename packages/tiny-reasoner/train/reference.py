"""Reference probabilities on fixed prompts, computed the way the llama package's `scoreOptions`
computes them (each option's token probabilities multiplied, then normalized over the options),
so a test can check that node-llama-cpp runs the exported GGUF like PyTorch ran the model.
"""
import torch

from data import encode_prompt, encode_text

VALUE_WORDS = [" sure", " likely", " impossible"]

REFERENCE_PROMPTS = [
    ("4 4 10 :", VALUE_WORDS),
    ("1 1 1 :", VALUE_WORDS),
    ("2 12 :", VALUE_WORDS),
    ("2 12 |", [" 12*2=24 | 24", " 12+2=14 | 14", " 12-2=10 | 10"]),
    ("4 9 10 13 |", [" 13-9=4 | 4 4 10", " 10-4=6 | 6 9 13", " 13+9=22 | 4 10 22"]),
    ("4 9 10 13 >", [" 13-9=4 | 4 4 10 >", " 9+4=13 | 10 13 13 >"]),
]

# Prompts that stop inside a step, scored over every one-character piece but the space: each
# option is one token, so these are next-token probabilities renormalized over 32 pieces.
NEXT_TOKEN_OPTIONS = list("0123456789+-*/=|:>()surelikympob")
NEXT_TOKEN_PROMPTS = ["4 9 10 13 | 1", "2 12 | 12*", "5 7 11 | 11-", "3 3 8 > 8*3=24 | 3 24 > 2"]


@torch.no_grad()
def score_options(model, prompt, options, vocab, ids):
    prefix = encode_prompt(prompt, vocab, ids)
    logs = []
    for option in options:
        tokens = prefix + encode_text(option, ids)
        logits = model(torch.tensor([tokens[:-1]]))[0]
        logp = torch.log_softmax(logits.double(), dim=-1)
        logs.append(sum(logp[k - 1, tokens[k]].item() for k in range(len(prefix), len(tokens))))
    weights = torch.softmax(torch.tensor(logs, dtype=torch.float64), dim=0)
    return [float(w) for w in weights]


@torch.no_grad()
def next_token_top(model, prompt, vocab, ids, top=8):
    tokens = encode_prompt(prompt, vocab, ids)
    probs = torch.softmax(model(torch.tensor([tokens]))[0, -1].double(), dim=-1)
    values, indices = probs.topk(top)
    return [[vocab["tokens"][i], float(v)] for v, i in zip(values.tolist(), indices.tolist())]


def build_reference(model, vocab, ids):
    model.eval()
    prompts = REFERENCE_PROMPTS + [(prompt, NEXT_TOKEN_OPTIONS) for prompt in NEXT_TOKEN_PROMPTS]
    return [
        {
            "prompt": prompt,
            "options": options,
            "probabilities": score_options(model, prompt, options, vocab, ids),
            "nextTokenTop": next_token_top(model, prompt, vocab, ids),
        }
        for prompt, options in prompts
    ]
