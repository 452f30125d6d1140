"""Load run of ``numcheck serve``: N concurrent clients for S seconds on corpus articles.

The server runs as its own process (``numcheck serve`` on 127.0.0.1 and a free port, as an
editor's desk would run it), so the clients' work does not share its interpreter. Each client
posts one article after another to ``/api/check`` (with the article's date and language) and
the run reports requests per second, latency percentiles and every error — there should be none.

    python -m bench.serve_load [--clients 50] [--seconds 30] [--corpus ../shared/corpus]

updates the "Serving over HTTP" section of bench/RESULTS.md (``python -m bench`` writes the
same section when its ``serve`` section runs). Localhost only; bounded by ``--seconds``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from . import corpus as corpus_mod

ROOT = Path(__file__).resolve().parent.parent
TITLE = "## Serving over HTTP"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _percentile(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, round(q * (len(xs) - 1))))
    return xs[k]


class Server:
    """``numcheck serve`` in a child process, stopped (by its own pid) when the block ends."""

    def __init__(self, workers: int = 2, timeout: float = 30.0):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.args = [sys.executable, "-m", "numcheck", "serve", "--port", str(self.port), "--regions", "none",
                     "--workers", str(workers), "--timeout", str(timeout)]

    def __enter__(self) -> "Server":
        import httpx

        self.proc = subprocess.Popen(self.args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     env={**os.environ, "NO_PROXY": "*"})
        t0 = time.monotonic()
        while True:
            try:
                if httpx.get(self.url + "/healthz", timeout=2, trust_env=False).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None or time.monotonic() - t0 > 120:
                self.__exit__()
                raise RuntimeError("numcheck serve did not start")
            time.sleep(0.2)
        self.startup_s = time.monotonic() - t0
        return self

    def rss_mb(self) -> float | None:
        try:
            import psutil

            return psutil.Process(self.proc.pid).memory_info().rss / 1e6
        except Exception:
            return None

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


async def _clients(url: str, articles: list, clients: int, seconds: float) -> dict:
    import httpx

    latencies: list[float] = []
    statuses: Counter = Counter()
    errors: Counter = Counter()
    sent_bytes = 0
    claims = 0
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits, trust_env=False) as http:

        async def client(n: int) -> None:
            nonlocal sent_bytes, claims
            i = n
            while time.monotonic() < deadline:
                a = articles[i % len(articles)]
                i += clients
                body = {"text": a.text, "lang": a.lang, "date": a.date}
                t0 = time.perf_counter()
                try:
                    r = await http.post("/api/check", json=body)
                except httpx.HTTPError as e:
                    errors[type(e).__name__] += 1
                    continue
                latencies.append(time.perf_counter() - t0)
                statuses[r.status_code] += 1
                if r.status_code == 200:
                    sent_bytes += a.nbytes
                    claims += r.json()["summary"]["claims"]
                else:
                    errors[f"HTTP {r.status_code}: {r.json().get('error', '')[:80]}"] += 1

        t0 = time.perf_counter()
        await asyncio.gather(*(client(n) for n in range(clients)))
        elapsed = time.perf_counter() - t0
    n = len(latencies)
    return {
        "requests": n, "elapsed_s": elapsed, "rps": n / elapsed if elapsed else 0.0,
        "p50_ms": _percentile(latencies, 0.50) * 1000, "p95_ms": _percentile(latencies, 0.95) * 1000,
        "p99_ms": _percentile(latencies, 0.99) * 1000, "max_ms": max(latencies, default=float("nan")) * 1000,
        "statuses": dict(statuses), "errors": dict(errors), "mb": sent_bytes / corpus_mod.MB, "claims": claims,
    }


def run_load(articles: list, *, clients: int = 50, seconds: float = 30.0, workers: int = 2, log=None,
             url: str | None = None) -> dict:
    """Start a server, run the clients, stop the server; every figure of the run. ``url``: a
    server already running (a test's) instead of a new process."""
    if not articles:
        raise ValueError("no articles to send")
    say = log or (lambda m: None)
    if url is not None:
        out = asyncio.run(_clients(url, articles, clients, seconds))
        out.update({"server_rss_mb": None, "startup_s": 0.0})
    else:
        with Server(workers=workers) as srv:
            say(f"serve: server up in {srv.startup_s:.1f} s at {srv.url}; {clients} clients for {seconds:g} s")
            out = asyncio.run(_clients(srv.url, articles, clients, seconds))
            out["server_rss_mb"] = srv.rss_mb()
            out["startup_s"] = srv.startup_s
    out.update({"clients": clients, "seconds": seconds, "workers": workers, "articles": len(articles),
                "articles_mb": corpus_mod.size_mb(articles), "load": os.getloadavg() if hasattr(os, "getloadavg") else None})
    say(f"serve: {out['requests']} requests, {out['rps']:.1f}/s, p50 {out['p50_ms']:.0f} ms, p95 {out['p95_ms']:.0f} ms, "
        f"{sum(out['errors'].values())} errors")
    return out


def render(r: dict) -> str:
    errs = sum(r["errors"].values())
    lines = [
        TITLE, "",
        f"`numcheck serve` in its own process (`--workers {r['workers']}`, rates and language data loaded at start, "
        f"up in {r['startup_s']:.1f} s); {r['clients']} concurrent clients on 127.0.0.1 for {r['seconds']:g} s, each "
        f"posting corpus articles in turn to `/api/check` with the article's language and date "
        f"({r['articles']} articles, {r['articles_mb']:.2f} MB, every k-th of the corpus). Latency is per request, "
        "as the client saw it, queueing included.", "",
        "| clients | requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors | MB checked | claims found | server RSS MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {r['clients']} | {r['requests']:,} | {r['rps']:.1f} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['p99_ms']:.0f} | "
        f"{r['max_ms']:.0f} | {errs} | {r['mb']:.2f} | {r['claims']:,} | "
        f"{'' if r.get('server_rss_mb') is None else format(r['server_rss_mb'], '.0f')} |", "",
        "HTTP statuses: " + ", ".join(f"{k}: {v:,}" for k, v in sorted(r["statuses"].items())) + ".",
    ]
    if errs:
        lines.append("Errors: " + "; ".join(f"{k} ×{v}" for k, v in r["errors"].items()) + ".")
    if r.get("load"):
        lines.append("Load average after the run: " + " / ".join(f"{x:.2f}" for x in r["load"])
                     + " (the machine is shared; throughput is the server's on what it was given).")
    return "\n".join(lines) + "\n"


def replace_section(text: str, section: str) -> str:
    """``text`` with its "Serving over HTTP" section replaced by ``section`` (or it appended)."""
    start = text.find("\n" + TITLE)
    if start < 0:
        return text.rstrip("\n") + "\n\n" + section
    nxt = text.find("\n## ", start + 1)
    return text[:start + 1] + section + ("" if nxt < 0 else "\n" + text[nxt + 1:])


def update_results(path: Path, section: str) -> None:
    """Put ``section`` in place of the file's "Serving over HTTP" section (or at its end)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# numcheck benchmark results\n"
    path.write_text(replace_section(text, section), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.serve_load", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sample-mb", type=float, default=2.0, help="articles taken from across the corpus")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args(argv)
    articles = corpus_mod.sample(corpus_mod.load(a.corpus), a.sample_mb, None)
    r = run_load(articles, clients=a.clients, seconds=a.seconds, workers=a.workers,
                 log=lambda m: print(m, file=sys.stderr, flush=True))
    update_results(a.out, render(r))
    if a.json:
        a.json.write_text(json.dumps(r, indent=1), encoding="utf-8")
    print(render(r))
    return 1 if r["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
