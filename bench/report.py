"""RESULTS.md: the tables, the targets (met or not), the profile."""

from __future__ import annotations

from .accuracy import SuiteResult, totals
from .speed import Timing

#: Issue 15's targets (the issue-7 ones they replace: 100× quantulum3, 5× the digit floor,
#: cold start 0.5 s, import 0.2 s).
TARGETS = {
    "amount_floor": 0.5,  # numcheck.check at least half the one-regex amount floor's throughput
    "quantulum3": 100.0,  # at least 100× quantulum3's throughput (same sample)
    "duckling": 10.0,  # at least 10× Duckling's
    "cli": 0.3,  # CLI cold start, seconds
    "import": 0.05,  # import numcheck, seconds
    "flat": 1.15,  # streamed 10× vs 1×: peak RSS and s/MB may grow by 15% at most
    "linear": 1.5,  # pathological lines: s/MB at the largest size ≤ 1.5× the smallest
}


def missing_timing(tool) -> Timing:
    return Timing(tool.name, 0.0, note=tool.status)


def _f(x, nd=3) -> str:
    if x is None or x != x:  # None or NaN
        return "–"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    return f"{x:.{nd}f}"


def _row(cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _speed_lookup(rows: list[dict], label: str) -> dict | None:
    return next((r for r in rows if r["label"] == label), None)


def _met(ok: bool) -> str:
    return "met" if ok else "not met"


def targets(R: dict) -> list[tuple[str, str, str]]:
    """(target, measured, verdict) for each target of issue 15."""
    out = []
    for key, where in (("speed_english", "English news articles"), ("speed_full", "whole corpus")):
        rows = R.get(key) or []
        nc, fl = _speed_lookup(rows, "numcheck.check"), _speed_lookup(rows, "amount floor (one regex)")
        name = f"full check ≥ 0.5× the one-regex amount floor ({where})"
        if nc and fl and fl["seconds"]:
            r = nc["mb_per_s"] / fl["mb_per_s"]
            out.append((name, f"{r:.2f}× ({nc['mb_per_s']:.2f} vs {fl['mb_per_s']:.1f} MB/s)", _met(r >= TARGETS["amount_floor"])))
        else:
            out.append((name, "not measured", "not measured"))
    smp = R.get("speed_sample") or []
    nc_s = _speed_lookup(smp, "numcheck.check")
    for peer, key in (("quantulum3", "quantulum3"), ("duckling", "duckling")):
        p = _speed_lookup(smp, peer)
        name = f"full check ≥ {TARGETS[key]:.0f}× {peer}'s throughput"
        if nc_s and p and p["seconds"]:
            ratio = nc_s["mb_per_s"] / p["mb_per_s"]
            out.append((name, f"{ratio:,.0f}× (same sample)", _met(ratio >= TARGETS[key])))
        else:
            out.append((name, p["note"] if p else "not measured", "not measured"))
    st = R.get("startup") or {}
    cli = st.get("cli")
    if cli and cli["median_s"] is not None and cli["status"] == "ok":
        out.append(("CLI cold start < 0.3 s (median)", f"{cli['median_s']:.3f} s", _met(cli["median_s"] < TARGETS["cli"])))
    else:
        out.append(("CLI cold start < 0.3 s (median)", cli["status"] if cli else "not measured", "not measured"))
    imp = st.get("import")
    if imp and imp["median_s"] is not None:
        out.append(("`import numcheck` < 0.05 s (median)", f"{imp['median_s']:.3f} s", _met(imp["median_s"] < TARGETS["import"])))
    else:
        out.append(("`import numcheck` < 0.05 s (median)", "not measured", "not measured"))
    rows = [r for r in (R.get("stream") or {}).get("rows", []) if r.get("status") == "ok"]
    if len(rows) >= 2:
        lo, hi = rows[0], rows[-1]
        mem, cost = hi["peak_rss_mb"] / lo["peak_rss_mb"], lo["mb_per_s"] / hi["mb_per_s"]
        out.append((f"scaling flat from {lo['k']}× to {hi['k']}× the corpus (one process)",
                    f"peak RSS {lo['peak_rss_mb']:.0f} → {hi['peak_rss_mb']:.0f} MB ({mem:.2f}×), "
                    f"{lo['mb_per_s']:.2f} → {hi['mb_per_s']:.2f} MB/s",
                    _met(mem <= TARGETS["flat"] and cost <= TARGETS["flat"])))
    else:
        out.append(("scaling flat from 1× to 10× the corpus", "not measured", "not measured"))
    patho = (R.get("pathological") or {}).get("rows") or []
    by_unit: dict = {}
    for r in patho:
        if r.get("status") == "ok" and r.get("seconds"):
            by_unit.setdefault(r["kind"], []).append(r)
    if by_unit:
        def growth(rs: list[dict]) -> float:
            big, small = max(rs, key=lambda r: r["mb"]), min(rs, key=lambda r: r["mb"])
            return (big["seconds"] / big["mb"]) / (small["seconds"] / small["mb"])

        worst = max(growth(rs) for rs in by_unit.values())
        out.append(("pathological 1 MB lines linear", f"s per MB at the largest size ÷ at the smallest: {worst:.2f} at worst",
                    _met(worst <= TARGETS["linear"])))
    acc: list[SuiteResult] = R.get("accuracy_results") or []
    if acc:
        compared = [r for r in acc if r.best_peer() is not None]
        ran = [r for r in compared if r.cells["numcheck"].f1 is not None]
        met = [r for r in ran if r.cells["numcheck"].f1 >= r.best_peer()[1] - 1e-12]
        outside = len(compared) - len(ran)
        out.append(("F1 on each peer suite ≥ best peer's (issue 7, kept)",
                    f"{len(met)} of {len(ran)} suites numcheck runs on; {outside} more suites with a peer figure "
                    "are in languages or kinds numcheck does not cover yet", _met(bool(compared) and len(met) == len(compared))))
    return out


REALTEXT_HEADING = "## Claim pairing on real copy (fixtures/realtext/devset.jsonl)"


def render(R: dict) -> str:
    m = R["machine"]
    L: list[str] = []
    L.append("# numcheck benchmark results")
    L.append("")
    L.append("Written by `python -m bench` (bench/run.py); every figure below was measured in one run on "
             "the machine named here. Re-run it after `pip install -e '.[bench]'` to refresh this file.")
    L.append("")
    L.append(f"- Machine: {m['nproc']} CPU(s), {m['cpu'] or 'unknown CPU'}; {m['platform']}")
    L.append(f"- Python {m['python']}; numcheck {next((t['version'] for t in R['tools'] if t['name'] == 'numcheck'), '?')}"
             f" at commit {m['commit'] or '?'}; measured {m['date']} (machine time), run took {R['elapsed_s']:.0f} s")
    L.append(f"- numcheck lexicons on this branch: {', '.join(R.get('numcheck_langs') or []) or '?'}")
    for t in R["tools"]:
        if t["name"] == "numcheck":
            if t["errors"]:
                L.append(f"- numcheck: `extract` raised on {t['errors']} suite cases (scored as no output)")
            continue
        extra = "; ".join(t["notes"])
        L.append(f"- {t['name']}: {t['status'] if t['status'] != 'ok' else 'version ' + t['version']}"
                 + (f" ({extra})" if extra else "") + (f"; raised on {t['errors']} suite cases (scored as no output)" if t["errors"] else ""))
    if R.get("corpus"):
        c = R["corpus"]
        L.append(f"- Corpus: {c['articles']:,} articles, {c['mb']:.2f} MB of UTF-8 text ({', '.join(c['langs'])}), read from `{c['path']}`")
    if R.get("load_before"):
        L.append(f"- Load average (1/5/15 min) before the speed runs {R['load_before']}, after them "
                 f"{R.get('load_after', '?')}: the machine is shared, so tools are timed in turn "
                 "(A, B, …, A, B, …) and ratios compare passes taken under the same load")
    for n in R.get("notes", []):
        L.append(f"- Note: {n}")
    L.append("")

    L.append("## Targets")
    L.append("")
    L.append("| target | measured | verdict |")
    L.append("|---|---|---|")
    for t in targets(R):
        L.append(_row(t))
    L.append("")

    if R.get("speed_full"):
        L.append("## Speed")
        L.append("")
        L.append("Throughput in MB of UTF-8 text per second, median of the passes; one process, after a warm-up "
                 "pass over 200 articles. `numcheck.check` is the whole pipeline (mentions, claims, rates, verdicts) "
                 "on each article with its own date. Two floors run over the same text with one `finditer` each: "
                 "the **amount floor**, one compiled pattern per language built from the same Language data as "
                 "numcheck (a digit figure, an optional scale word, then a currency or unit word; or a currency "
                 "sign before a figure; see `amount_floor_pattern` in bench/speed.py), and the **digit floor**, "
                 "any figure (`\\d+(?:[.,]\\d+)*`). The passes of the three are taken in turn.")
        L.append("")
        for key, title in (("speed_english", "English news articles (wikinews-en and onestopenglish-en: "
                                              f"{(R.get('english') or {}).get('articles', 0):,} articles; the issue's 2.3 MB)"),
                           ("speed_full", "Whole corpus (Reuters, wikinews, onestopenglish in English; webbnyheter in Swedish)")):
            if not R.get(key):
                continue
            L.append(title + ":")
            L.append("")
            L.append("| tool | MB | passes | median s | MB/s | numcheck ÷ tool (throughput) | found |")
            L.append("|---|---:|---:|---:|---:|---:|---:|")
            nc = R[key][0]
            for r in R[key]:
                L.append(_row([r["label"], _f(r["mb"], 2), len(r["seconds"]), _f(r["median_s"]), _f(r["mb_per_s"]),
                               _f(nc["mb_per_s"] / r["mb_per_s"], 3) + "×", f"{r['items']:,}"]))
            L.append("")
        ce = R.get("check_errors") or {}
        if ce.get("articles"):
            L.append(f"**`numcheck.check` raised on {ce['articles']} of {R['corpus']['articles']:,} articles** "
                     f"({', '.join(ce['kinds'])}); the bench caught it and went on, so those articles count "
                     "with the time spent until the exception. First cases:")
            L.append("")
            for k, v in ce["examples"].items():
                L.append(f"- `{k}`: {v}")
            L.append("")
        if R.get("speed_sample"):
            s = R["sample"]
            L.append(f"Sample (the peers are slow): every k-th English article, {s['articles']} articles, "
                     f"{s['mb']:.3f} MB; numcheck and the floor measured again on the same sample for the ratio.")
            L.append("")
            L.append("| tool | MB | passes | median s | MB/s | ÷ numcheck MB/s | numcheck is … faster | found | note |")
            L.append("|---|---:|---:|---:|---:|---:|---:|---:|---|")
            ncs = R["speed_sample"][0]
            for r in R["speed_sample"]:
                if not r["seconds"]:
                    L.append(_row([r["label"], "–", 0, "–", "–", "–", "–", "–", r["note"]]))
                    continue
                L.append(_row([r["label"], _f(r["mb"]), len(r["seconds"]), _f(r["median_s"]), _f(r["mb_per_s"]),
                               _f(r["mb_per_s"] / ncs["mb_per_s"], 4) + "×", _f(ncs["mb_per_s"] / r["mb_per_s"], 2) + "×",
                               f"{r['items']:,}", r["note"]]))
            L.append("")
        if R.get("memory"):
            mem = R["memory"]
            c = R.get("corpus", {})
            L.append(f"Peak resident memory of the bench process after the whole-corpus runs of numcheck.check "
                     f"(before any peer is imported): **{mem['peak_rss_mb']:.0f} MB** "
                     f"(of which the process with the corpus loaded took {_f(c.get('rss_after_load_mb'), 0)} MB "
                     f"and before loading it {_f(c.get('rss_before_load_mb'), 0)} MB).")
            L.append("")

    if R.get("startup"):
        L.append("## Cold start")
        L.append("")
        L.append("Each measured in a fresh interpreter, median of the runs (the verdict uses the median; the fastest "
                 "run shows the cost with the least interference from other jobs on the machine). The CLI and "
                 "`python -c pass` rows are wall time from process start to exit (subprocess); the import rows are "
                 "timed inside the child.")
        L.append("")
        L.append("| what | runs | median s | fastest s | status | last output |")
        L.append("|---|---:|---:|---:|---|---|")
        for r in R["startup"].values():
            L.append(_row([r["label"], len(r["seconds"]), _f(r["median_s"]), _f(r.get("min_s")), r["status"], (r["detail"] or "")[:90].replace("|", "\\|")]))
        L.append("")
        cb = R.get("cold_breakdown") or {}
        if cb.get("importtime"):
            L.append("Slowest imports of the CLI run (`python -X importtime -m numcheck check …`, one run):")
            L.append("")
            L.append("```")
            L.append(cb["importtime"])
            L.append("```")
            L.append("")
        if cb.get("first_check"):
            L.append("cProfile of `import numcheck` + the first `check()` of the paragraph (one run, by cumulative time):")
            L.append("")
            L.append("```")
            L.append(cb["first_check"])
            L.append("```")
            L.append("")

    if R.get("scaling"):
        sc = R["scaling"]
        L.append("## Scaling")
        L.append("")
        L.append(f"`numcheck.check` on one text made of the first {sc['slice_articles']} English articles "
                 f"({sc['slice_kb']:.0f} kB) concatenated k times. Linear cost means flat MB/s.")
        L.append("")
        L.append("| k | MB timed per run | runs | median s per run | MB/s | vs 1× | mentions per check |")
        L.append("|---|---:|---|---:|---:|---:|---:|")
        base = sc["rows"][0]["mb_per_s"] if sc["rows"] else None
        for r in sc["rows"]:
            L.append(_row([r["label"], _f(r["mb"], 2), r["note"], _f(r["median_s"]), _f(r["mb_per_s"]),
                           _f(r["mb_per_s"] / base, 2) if base and r["seconds"] else "–", f"{r['items']:,}"]))
        L.append("")
    rows = (R.get("stream") or {}).get("rows") or []
    if rows:
        L.append("The whole corpus streamed k times through `numcheck.check` in one process (`python -m bench.stream`: "
                 "each article read from its file, checked with its own date and dropped; each k in a fresh "
                 "interpreter). Flat means the same MB/s and the same peak RSS at every k.")
        L.append("")
        L.append("| k | articles | MB | seconds | MB/s | peak RSS MB | status |")
        L.append("|---:|---:|---:|---:|---:|---:|---|")
        for r in rows:
            if r.get("status") != "ok":
                L.append(_row([f"{r['k']}×", "–", "–", "–", "–", "–", r["status"]]))
                continue
            L.append(_row([f"{r['k']}×", f"{r['articles']:,}", _f(r["mb"], 1), _f(r["seconds"], 1), _f(r["mb_per_s"]),
                           _f(r["peak_rss_mb"], 0), "ok"]))
        L.append("")
    if R.get("pathological"):
        P = R["pathological"]
        L.append("Pathological input: one line (no newline) made by repeating a unit, checked in a fresh process "
                 "(cut off after the timeout). Linear cost means constant seconds per MB.")
        L.append("")
        L.append("| input | MB | median seconds | s per MB | status | result |")
        L.append("|---|---:|---:|---:|---|---|")
        for r in P["rows"]:
            unit = P["units"][r["kind"]]
            per = r["seconds"] / r["mb"] if r["seconds"] is not None else None
            L.append(_row([f"{r['kind']}: `{unit}` repeated", _f(r["mb"], 2), _f(r["seconds"]), _f(per), r["status"], r["detail"]]))
        L.append("")

    acc: list[SuiteResult] = R.get("accuracy_results") or []
    if acc:
        names = list(acc[0].cells)
        L.append("## Accuracy on the peer suites")
        L.append("")
        L.append("Precision / recall / F1 of (value, currency or unit) mentions, every tool on the same cases with "
                 "the same matching rule (bench/score.py): values equal within 1e-6 relative; money must carry the "
                 "expected ISO code when the suite gives one, else the value decides; other units must agree once "
                 "normalized (aliases, then pint). Predictions are limited to the kinds the file tests, for every "
                 "tool. Duckling's latent cases are skipped; bare-unit expectations (no value) are not scored. A peer "
                 "runs only on the languages it supports; `–` says why there is no figure.")
        scorer = {c.scorer for r in acc for n, c in r.cells.items() if n == "numcheck" and c.f1 is not None}
        if scorer - {"bench"}:
            L.append("")
            L.append(f"numcheck's figures come from the project's own scorers ({', '.join(sorted(scorer - {'bench'}))}) "
                     "on the files of their kinds (money; units), the bench matcher elsewhere. The bench matcher's F1 "
                     "for numcheck is in parentheses where it differs, \"not run\" where the bench leaves the "
                     "language out but the project's scorer reads it with a guessed language. The totals below use "
                     "the bench matcher's counts only.")
        L.append("")
        L.append("Totals (micro-average over the suites each tool ran on; bench matcher counts):")
        L.append("")
        L.append("| tool | suites | cases | TP | FP | FN | P | R | F1 |")
        L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for n in names:
            t = totals(acc, n)
            ran = sum(1 for r in acc if r.cells[n].tally)
            L.append(_row([n, ran, t.cases, t.tp, t.fp, t.fn, _f(t.precision), _f(t.recall), _f(t.f1)]))
        L.append("")
        L.append("Per suite (P / R / F1):")
        L.append("")
        L.append("| suite | lang | cases | expected | " + " | ".join(names) + " | numcheck ≥ best peer |")
        L.append("|---|---|---:|---:|" + "---|" * len(names) + "---|")
        for r in acc:
            cells = []
            for n in names:
                c = r.cells[n]
                if c.f1 is None:
                    cells.append("– " + c.status)
                else:
                    s = f"{_f(c.precision, 2)} / {_f(c.recall, 2)} / **{_f(c.f1, 2)}**"
                    if c.scorer != "bench" and c.bench_f1 is None:
                        s += " (bench: not run)"
                    elif c.bench_f1 is not None and abs(c.bench_f1 - c.f1) > 0.005:
                        s += f" ({_f(c.bench_f1, 2)})"
                    cells.append(s)
            best = r.best_peer()
            ncf = r.cells["numcheck"].f1
            if best is None:
                verdict = "no peer figure"
            elif ncf is None:
                verdict = f"not met (numcheck: {r.cells['numcheck'].status}; best {best[0]} {best[1]:.2f})"
            else:
                verdict = "met" if ncf >= best[1] - 1e-12 else f"not met ({best[0]} {best[1]:.2f})"
            L.append(_row([r.suite.name, r.suite.lang or "–", len(r.suite.cases), r.suite.expected_mentions, *cells, verdict]))
        L.append("")

    if R.get("profile"):
        p = R["profile"]
        L.append("## Where numcheck's time goes")
        L.append("")
        L.append(f"cProfile of `numcheck.check` over {p['articles']} articles ({p['mb']:.2f} MB, every k-th article "
                 "of the corpus); the profiler's own overhead inflates the totals, the proportions are what matter.")
        L.append("")
        L.append("```")
        L.append(p["text"])
        L.append("```")
        L.append("")
    if R.get("realtext_md"):
        L.append(REALTEXT_HEADING)
        L.append("")
        L.append(R["realtext_md"])
        L.append("")
    return "\n".join(L)


def summary(R: dict) -> str:
    lines = ["targets:"]
    for t in targets(R):
        lines.append(f"  {t[2]:>12}  {t[0]}: {t[1]}")
    return "\n".join(lines)


def jsonable(R: dict) -> dict:
    out = dict(R)
    out.pop("realtext_md", None)
    acc = out.pop("accuracy_results", None) or []
    out["accuracy"] = [{"suite": r.suite.name, "lang": r.suite.lang, "cases": len(r.suite.cases),
                        "cells": {n: c.to_dict() for n, c in r.cells.items()}} for r in acc]
    out["targets"] = targets(R)
    return out
