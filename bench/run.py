"""`python -m bench`: measure numcheck and its peers on the same text in one run, write RESULTS.md.

Sections (all by default; pick with --sections):
  speed     numcheck.check over every corpus article, the single-regex floor, and the peers
            next to numcheck on a sample of the corpus (the peers are ~100× slower)
  startup   CLI cold start, `import numcheck`, the first check
  scaling   1×/10×/100× a corpus slice as one text; pathological 0.25/0.5/1 MB lines
  profile   cProfile of numcheck.check over a corpus sample
  accuracy  precision/recall/F1 on every peer suite, numcheck and each peer on the same cases
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from . import corpus as corpus_mod
from .startup import ROOT

SECTIONS = ("speed", "startup", "scaling", "profile", "accuracy")


def _floats(s: str) -> list[float]:
    return [float(x) for x in s.split(",") if x.strip()]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus",
                    help="news corpus: a directory of *.jsonl (default ../shared/corpus from the repo root)")
    ap.add_argument("--suites", type=Path, default=ROOT.parent / "shared" / "peer-suites",
                    help="peer suites: a directory of *.jsonl (default ../shared/peer-suites)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md", help="Markdown output")
    ap.add_argument("--json", type=Path, default=None, help="also write every figure as JSON here")
    ap.add_argument("--sections", default=",".join(SECTIONS), help="comma-separated subset of " + ", ".join(SECTIONS))
    ap.add_argument("--peers", default="quantulum3,recognizers-text,price-parser",
                    help="comma-separated peers, or 'none'")
    ap.add_argument("--reps", type=int, default=3, help="repetitions of each full-corpus pass (median)")
    ap.add_argument("--peer-reps", type=int, default=3, help="repetitions of each pass over the sample")
    ap.add_argument("--sample-mb", type=float, default=0.1,
                    help="size of the English sample the peers (and numcheck, for the ratio) run on")
    ap.add_argument("--min-pass-s", type=float, default=1.0,
                    help="numcheck and the floor repeat the sample so that each timed pass lasts this long")
    ap.add_argument("--slice-kb", type=float, default=50, help="corpus slice for the scaling runs")
    ap.add_argument("--scales", default="1,10,100", help="concatenation factors for the scaling runs")
    ap.add_argument("--patho-sizes", default="0.25,0.5,1", help="pathological line sizes in MB")
    ap.add_argument("--patho-runs", type=int, default=3, help="runs of each pathological input (median)")
    ap.add_argument("--patho-timeout", type=float, default=120, help="seconds before a pathological run is cut off")
    ap.add_argument("--cold-runs", type=int, default=11, help="runs of each cold-start measurement (median)")
    ap.add_argument("--profile-mb", type=float, default=2.0, help="corpus sample profiled with cProfile")
    ap.add_argument("--paragraph", type=Path, default=ROOT / "fixtures" / "bench" / "paragraph.txt",
                    help="the one-paragraph file for the cold start")
    ap.add_argument("--paragraph-date", default="2024-11-19")
    a = ap.parse_args(argv)
    a.sections = [s.strip() for s in a.sections.split(",") if s.strip()]
    for s in a.sections:
        if s not in SECTIONS:
            ap.error(f"unknown section {s!r}: expected some of {', '.join(SECTIONS)}")
    a.peers = [] if a.peers.strip() in ("", "none") else [p.strip() for p in a.peers.split(",")]
    return a


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, timeout=10).stdout.strip()
    except Exception:
        commit = ""
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "platform": platform.platform(), "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
            "commit": commit}


def _loadavg() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    t_start = time.perf_counter()

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - t_start:7.1f}s] {msg}", file=sys.stderr, flush=True)

    from . import report
    from .peers import load_peers, numcheck_tool
    from .startup import current_rss_mb, peak_rss_mb

    R: dict = {"machine": machine(), "args": {k: str(v) for k, v in vars(a).items()}, "notes": []}
    nc = numcheck_tool()
    nc_langs = frozenset(x for x in (nc.langs or ()) if x)
    R["numcheck_langs"] = sorted(nc_langs)
    peers = None

    articles = None
    if any(s in a.sections for s in ("speed", "scaling", "profile")):
        if not a.corpus.exists():
            msg = f"corpus not found at {a.corpus}: speed, scaling and profile skipped (pass --corpus)"
            log(msg)
            R["notes"].append(msg)
        else:
            rss0 = current_rss_mb()
            articles = corpus_mod.load(a.corpus)
            R["corpus"] = {"path": str(a.corpus), "articles": len(articles), "mb": corpus_mod.size_mb(articles),
                           "langs": sorted({x.lang for x in articles}), "rss_before_load_mb": rss0,
                           "rss_after_load_mb": current_rss_mb()}
            log(f"corpus: {len(articles)} articles, {R['corpus']['mb']:.2f} MB")
            other = sorted({x.lang for x in articles} - nc_langs)
            if other:
                R["notes"].append(f"corpus articles in {', '.join(other)} are checked with lang='en': "
                                  f"numcheck on this branch has lexicons for {', '.join(sorted(nc_langs))} only")

    if "speed" in a.sections and articles:
        from .speed import CheckErrors, floor_fn, interleaved, numcheck_check_fn

        log("speed: numcheck.check and the regex floor over the whole corpus, passes in turn")
        R["load_before"] = _loadavg()
        errors = CheckErrors()
        check = numcheck_check_fn(nc_langs, errors)
        for art in articles[:200]:  # warm-up: lexicons, compiled patterns, the rate table
            check(art)
        full, floor = interleaved([("numcheck.check", check, "", 0.0), ("single-regex floor", floor_fn, "", 0.0)],
                                  articles, a.reps, log)
        R["memory"] = {"peak_rss_mb": peak_rss_mb(), "rss_after_mb": current_rss_mb()}
        R["speed_full"] = [full.to_dict(), floor.to_dict()]
        R["check_errors"] = errors.to_dict()
        if errors.failed:
            log(f"  numcheck.check raised on {len(errors.failed)} articles, e.g. {next(iter(errors.failed.items()))}")

        smp = corpus_mod.sample(articles, a.sample_mb, "en")
        R["sample"] = {"articles": len(smp), "mb": corpus_mod.size_mb(smp)}
        log(f"speed: sample of {len(smp)} English articles, {R['sample']['mb']:.3f} MB, passes in turn")
        specs = [("numcheck.check", check, "", a.min_pass_s), ("single-regex floor", floor_fn, "", a.min_pass_s)]
        peers = load_peers(a.peers)
        missing = []
        for p in peers:
            if not p.ok:
                missing.append(report.missing_timing(p))
                continue
            if p.speed is None:
                continue
            p.speed(smp[0].text)  # warm-up: models, compiled patterns
            specs.append((p.name, lambda art, _f=p.speed: _f(art.text), p.speed_note, 0.0))
        rows = interleaved(specs, smp, a.peer_reps, log) + missing
        R["load_after"] = _loadavg()
        R["speed_sample"] = [r.to_dict() for r in rows]

    if "startup" in a.sections:
        from .startup import cold_breakdown, cold_start

        log("startup: cold start and import")
        if not a.paragraph.exists():
            raise SystemExit(f"{a.paragraph}: paragraph file not found (pass --paragraph)")
        R["startup"] = {k: v.to_dict() for k, v in cold_start(a.paragraph, a.paragraph_date, a.cold_runs, log).items()}
        R["cold_breakdown"] = cold_breakdown(a.paragraph, a.paragraph_date)

    if "scaling" in a.sections and articles:
        from .probe import PATHOLOGICAL
        from .speed import scaling
        from .startup import pathological

        log("scaling")
        sl = corpus_mod.head_slice(articles, a.slice_kb)
        R["scaling"] = {"slice_articles": len(sl), "slice_kb": corpus_mod.size_mb(sl) * 1000,
                        "rows": [t.to_dict() for t in scaling(sl, [int(x) for x in _floats(a.scales)], a.reps, log)]}
        R["pathological"] = {"units": PATHOLOGICAL,
                             "rows": pathological(list(PATHOLOGICAL), _floats(a.patho_sizes), a.patho_timeout, log,
                                                     runs=a.patho_runs)}

    if "profile" in a.sections and articles:
        from .speed import profile

        smp = corpus_mod.sample(articles, a.profile_mb, None)
        log(f"profile: cProfile over {len(smp)} articles, {corpus_mod.size_mb(smp):.2f} MB")
        R["profile"] = {"articles": len(smp), "mb": corpus_mod.size_mb(smp), "text": profile(smp, nc_langs)}

    if "accuracy" in a.sections:
        from .accuracy import run_accuracy

        if not a.suites.exists():
            msg = f"peer suites not found at {a.suites}: accuracy skipped (pass --suites)"
            log(msg)
            R["notes"].append(msg)
        else:
            if peers is None:
                peers = load_peers(a.peers)
            paths = sorted(a.suites.glob("*.jsonl"))
            log(f"accuracy: {len(paths)} suites")
            R["accuracy_results"] = run_accuracy(paths, nc, peers, log)

    if peers is None:
        peers = load_peers(a.peers) if a.peers else []
    R["tools"] = [{"name": t.name, "status": t.status, "version": t.version, "notes": t.notes,
                   "errors": t.errors} for t in [nc, *peers]]
    R["elapsed_s"] = time.perf_counter() - t_start
    md = report.render(R)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    from .audit import keep_block  # the archive-audit section is measured by `python -m bench.audit`

    a.out.write_text(keep_block(md, a.out), encoding="utf-8")
    log(f"wrote {a.out}")
    if a.json:
        a.json.write_text(json.dumps(report.jsonable(R), indent=1, default=str), encoding="utf-8")
    print(report.summary(R))
    return 0
