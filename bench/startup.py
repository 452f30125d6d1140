"""Timings that need a fresh interpreter: CLI cold start, import time, pathological inputs."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Runs:
    label: str
    seconds: list[float] = field(default_factory=list)
    status: str = "ok"  # or why it could not be measured
    detail: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def fastest(self) -> float | None:
        return min(self.seconds) if self.seconds else None

    def to_dict(self) -> dict:
        return {"label": self.label, "seconds": self.seconds, "median_s": self.median, "min_s": self.fastest,
                "status": self.status, "detail": self.detail}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def cli_command(path: Path, date: str | None) -> tuple[list[str] | None, str]:
    """The command a user would type, and how it was found; None when there is no CLI yet."""
    if importlib.util.find_spec("numcheck.cli") is None:
        return None, "CLI missing (numcheck/cli.py not on this branch)"
    args = ["check", str(path)] + (["--date", date] if date else [])
    script = shutil.which("numcheck", path=str(Path(sys.executable).parent))
    if script:
        return [script, *args], "`numcheck` console script"
    if importlib.util.find_spec("numcheck.__main__") is not None:
        return [sys.executable, "-m", "numcheck", *args], "`python -m numcheck`"
    return None, "CLI missing (no console script, no numcheck/__main__.py)"


def wall(cmd: list[str], runs: int, label: str, timeout: float = 60) -> Runs:
    """Process start to exit, ``runs`` times."""
    r = Runs(label)
    for _ in range(runs):
        t = time.perf_counter()
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=_env())
        except subprocess.TimeoutExpired:
            r.status = f"timed out after {timeout:.0f} s"
            return r
        r.seconds.append(time.perf_counter() - t)
        if p.returncode not in (0, 1):  # 1: the check found an inconsistency, still a clean run
            r.status = f"exit {p.returncode}: {(p.stderr or p.stdout).strip().splitlines()[-1:] or ''}"
            return r
        r.detail = (p.stdout.strip().splitlines() or [""])[-1]
    return r


def probe(args: list[str], runs: int, label: str, timeout: float = 60) -> Runs:
    """Time measured inside a fresh interpreter by bench/probe.py (excludes interpreter start)."""
    r = Runs(label)
    for _ in range(runs):
        try:
            p = subprocess.run([sys.executable, "-m", "bench.probe", *args], capture_output=True, text=True,
                               timeout=timeout, cwd=ROOT, env=_env())
        except subprocess.TimeoutExpired:
            r.status = f"did not finish within {timeout:.0f} s"
            return r
        if p.returncode != 0:
            r.status = f"failed: {(p.stderr.strip().splitlines() or ['?'])[-1]}"
            return r
        out = json.loads(p.stdout.strip().splitlines()[-1])
        r.seconds.append(out["seconds"])
        r.detail = ", ".join(f"{k} {v}" for k, v in out.items() if k != "seconds")
    return r


def _relative(path: Path) -> Path:
    """The path as a user in the repository root would type it (the children run there)."""
    try:
        return path.resolve().relative_to(ROOT)
    except ValueError:
        return path.resolve()


def cold_start(paragraph: Path, date: str | None, runs: int, log=print) -> dict[str, Runs]:
    paragraph = _relative(paragraph)
    out: dict[str, Runs] = {}
    out["python"] = wall([sys.executable, "-c", "pass"], runs, "bare `python -c pass` (for reference)")
    cmd, how = cli_command(paragraph, date)
    if cmd is None:
        out["cli"] = Runs("`numcheck check` on a one-paragraph file", status=how)
    else:
        out["cli"] = wall(cmd, runs, f"`numcheck check` on a one-paragraph file ({how})")
    out["import"] = probe(["import"], runs, "`import numcheck` (in a fresh interpreter)")
    out["first"] = probe(["first-check", str(paragraph)] + ([date] if date else []), runs,
                         "`import numcheck` + first `check()` of the paragraph")
    for k, r in out.items():
        log(f"  {r.label}: {r.status}, median {r.median if r.median is None else round(r.median, 3)} s")
    return out


def cold_breakdown(paragraph: Path, date: str | None) -> dict[str, str]:
    """Where the cold start goes: the slowest imports of the CLI (-X importtime) and a
    cProfile of `import numcheck` + the first check."""
    paragraph = _relative(paragraph)
    out: dict[str, str] = {}
    if importlib.util.find_spec("numcheck.__main__") is not None:
        cmd = [sys.executable, "-X", "importtime", "-m", "numcheck", "check", str(paragraph)] + (["--date", date] if date else [])
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd=ROOT, env=_env())
        rows = []
        for line in p.stderr.splitlines():
            if not line.startswith("import time:") or "cumulative" in line:
                continue
            self_us, cum_us, name = line[len("import time:"):].split("|", 2)
            rows.append((int(cum_us), int(self_us), name.rstrip()[1:]))
        rows.sort(reverse=True)
        out["importtime"] = "cumulative µs | self µs | module (indent = imported by the line above it)\n" + "\n".join(
            f"{c:>10} | {s_:>8} | {n}" for c, s_, n in rows[:15])
    r = subprocess.run([sys.executable, "-m", "bench.probe", "first-check-profile", str(paragraph)] + ([date] if date else []),
                       capture_output=True, text=True, timeout=60, cwd=ROOT, env=_env())
    if r.returncode == 0:
        text = json.loads(r.stdout.strip().splitlines()[-1])["profile"]
        body = [ln for ln in text.splitlines() if ln.strip()]
        start = next((i for i, ln in enumerate(body) if ln.strip().startswith("ncalls")), 0)
        head = next((ln.strip() for ln in body if "function calls" in ln), "")
        from .speed import _short

        out["first_check"] = head + "\n" + "\n".join(_short(ln) for ln in body[start:])
    return out


def pathological(kinds: list[str], sizes_mb: list[float], timeout: float, log=print, runs: int = 3) -> list[dict]:
    rows = []
    for kind in kinds:
        for mb in sizes_mb:
            nbytes = int(mb * 1_000_000)
            r = probe(["patho", kind, str(nbytes)], runs, f"{kind} {mb} MB", timeout=timeout)
            rows.append({"kind": kind, "mb": mb, "seconds": r.median, "status": r.status, "detail": r.detail})
            log(f"  pathological {kind} {mb} MB: {r.status} {r.median}")
            if r.median is None:
                break  # a larger size of the same input will not do better
    return rows


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss is in kB on Linux)."""
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / (1024 if sys.platform == "darwin" else 1)


def current_rss_mb() -> float | None:
    try:
        import psutil

        return psutil.Process().memory_info().rss / 1024 / 1024
    except Exception:  # psutil is in the bench extra only
        try:
            with open("/proc/self/statm") as f:
                return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024
        except Exception:
            return None
