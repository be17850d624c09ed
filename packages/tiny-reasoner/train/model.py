"""The llama architecture exactly as llama.cpp runs it, so the export is a plain copy of weights.

RMSNorm (eps 1e-5) -> q, k, v without biases -> rotary embedding on ADJACENT pairs
(x[2i], x[2i+1]) by pos * base^(-2i/head_dim), llama.cpp's mode for this architecture, positions
from 0 at BOS -> causal attention scaled by 1/sqrt(head_dim) -> o; RMSNorm -> SwiGLU
down(silu(gate(x)) * up(x)); final RMSNorm; untied output matrix.
"""
import math

import torch
import torch.nn.functional as F
from torch import nn


class RMSNorm(nn.Module):
    def __init__(self, dim, eps):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rope_tables(length, head_dim, base):
    inv = base ** (-torch.arange(0, head_dim, 2, dtype=torch.float64) / head_dim)
    angles = torch.arange(length, dtype=torch.float64)[:, None] * inv[None, :]
    return torch.cos(angles).float(), torch.sin(angles).float()


def apply_rope(x, cos, sin):
    # x: [batch, heads, time, head_dim]; pairs are neighbours, not halves (llama.cpp's NORM mode).
    even, odd = x[..., 0::2], x[..., 1::2]
    rotated = torch.stack((even * cos - odd * sin, even * sin + odd * cos), dim=-1)
    return rotated.flatten(-2)


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d, f = cfg["embedding"], cfg["feed_forward"]
        self.heads = cfg["heads"]
        self.attn_norm = RMSNorm(d, cfg["rms_eps"])
        self.q = nn.Linear(d, d, bias=False)
        self.k = nn.Linear(d, d, bias=False)
        self.v = nn.Linear(d, d, bias=False)
        self.o = nn.Linear(d, d, bias=False)
        self.ffn_norm = RMSNorm(d, cfg["rms_eps"])
        self.gate = nn.Linear(d, f, bias=False)
        self.up = nn.Linear(d, f, bias=False)
        self.down = nn.Linear(f, d, bias=False)

    def forward(self, x, cos, sin, mask):
        b, t, d = x.shape
        hd = d // self.heads
        h = self.attn_norm(x)
        split = lambda y: y.view(b, t, self.heads, hd).transpose(1, 2)
        q = apply_rope(split(self.q(h)), cos, sin)
        k = apply_rope(split(self.k(h)), cos, sin)
        v = split(self.v(h))
        scores = (q @ k.transpose(-1, -2)) / math.sqrt(hd) + mask
        att = torch.softmax(scores, dim=-1) @ v
        x = x + self.o(att.transpose(1, 2).reshape(b, t, d))
        h = self.ffn_norm(x)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))


class TinyLlama(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.embed = nn.Embedding(cfg["vocab"], cfg["embedding"])
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg["layers"]))
        self.norm = RMSNorm(cfg["embedding"], cfg["rms_eps"])
        self.output = nn.Linear(cfg["embedding"], cfg["vocab"], bias=False)
        cos, sin = rope_tables(cfg["context"], cfg["embedding"] // cfg["heads"], cfg["rope_base"])
        self.register_buffer("cos", cos, persistent=False)
        self.register_buffer("sin", sin, persistent=False)

    def forward(self, tokens):
        t = tokens.shape[1]
        mask = torch.full((t, t), float("-inf")).triu(1)
        x = self.embed(tokens)
        cos, sin = self.cos[:t], self.sin[:t]
        for block in self.blocks:
            x = block(x, cos, sin, mask)
        return self.output(self.norm(x))

    def ggml_tensors(self):
        """Tensor name -> float32 array in ggml order (torch's row-major [out, in] is ggml's [in, out])."""
        return {k: v.detach().float().contiguous().numpy() for k, v in self.ggml_parameters().items()}

    def ggml_parameters(self):
        """Tensor name -> the parameter it is written from."""
        out = {"token_embd.weight": self.embed.weight}
        for i, blk in enumerate(self.blocks):
            p = f"blk.{i}."
            out[p + "attn_norm.weight"] = blk.attn_norm.weight
            out[p + "attn_q.weight"] = blk.q.weight
            out[p + "attn_k.weight"] = blk.k.weight
            out[p + "attn_v.weight"] = blk.v.weight
            out[p + "attn_output.weight"] = blk.o.weight
            out[p + "ffn_norm.weight"] = blk.ffn_norm.weight
            out[p + "ffn_gate.weight"] = blk.gate.weight
            out[p + "ffn_up.weight"] = blk.up.weight
            out[p + "ffn_down.weight"] = blk.down.weight
        out["output_norm.weight"] = self.norm.weight
        out["output.weight"] = self.output.weight
        return out
