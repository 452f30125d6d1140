"""The news corpus (JSONL records with a ``text`` field), read in place, never copied."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

MB = 1_000_000  # throughput is reported in MB of UTF-8 text per second, MB = 10^6 bytes


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    lang: str
    date: str | None
    nbytes: int


def load(path: Path) -> list[Article]:
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise FileNotFoundError(f"{path}: no *.jsonl files")
    out = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    r = json.loads(line)
                    text = r["text"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    raise SystemExit(f"{f}:{n}: not a JSON record with a 'text' field") from None
                out.append(Article(str(r.get("id") or f"{f.name}:{n}"), text, r.get("lang") or "en", r.get("date"), len(text.encode("utf-8"))))
    return out


def size_mb(articles: list[Article]) -> float:
    return sum(a.nbytes for a in articles) / MB


def sample(articles: list[Article], mb: float, lang: str | None = "en") -> list[Article]:
    """Every k-th article (of ``lang``) so that about ``mb`` MB are taken from across the corpus,
    not just its first file."""
    pool = [a for a in articles if lang is None or a.lang == lang]
    if not pool:
        return []
    total = size_mb(pool)
    if mb >= total:
        return pool
    stride = max(1, int(total / mb))
    out, got = [], 0
    for a in pool[::stride]:
        out.append(a)
        got += a.nbytes
        if got >= mb * MB:
            break
    return out


def head_slice(articles: list[Article], kb: float, lang: str = "en") -> list[Article]:
    """The first articles of ``lang`` adding up to at least ``kb`` kB."""
    out, got = [], 0
    for a in articles:
        if a.lang != lang:
            continue
        out.append(a)
        got += a.nbytes
        if got >= kb * 1000:
            break
    return out
