"""Precision, recall and F1 of every tool on every peer suite, with the same matching rule.

numcheck's row comes from ``bench.peerscore.score_file`` when the project has it (the
languages helper writes it), else from ``bench.units_peerscore.score_file``, else from
this bench's own matcher (``score.py``); the bench matcher's figure is always kept alongside
so the two can be compared.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .peers import Tool
from .score import Suite, Tally, load_suite, score_suite


@dataclass
class Cell:
    """One tool on one suite."""

    status: str  # "ok", or why there is no figure ("language not supported", …)
    tally: Tally | None = None
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    scorer: str = "bench"
    bench_f1: float | None = None  # numcheck only: the bench matcher's F1, when another scorer ran
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {"status": self.status, "precision": self.precision, "recall": self.recall, "f1": self.f1,
                "scorer": self.scorer, "bench_f1": self.bench_f1, "seconds": self.seconds,
                "tally": self.tally.to_dict() if self.tally else None}


@dataclass
class SuiteResult:
    suite: Suite
    cells: dict[str, Cell] = field(default_factory=dict)

    def best_peer(self) -> tuple[str, float] | None:
        peers = [(n, c.f1) for n, c in self.cells.items() if n != "numcheck" and c.f1 is not None]
        return max(peers, key=lambda x: x[1]) if peers else None


#: The project's own scorers and the kinds of file each is written for: the languages helper's
#: scores money mentions only, the units helper's physical quantities and temperatures only.
PROJECT_SCORERS = (("bench.peerscore", frozenset({"money"})),
                   ("bench.units_peerscore", frozenset({"quantity", "temperature"})))


def project_scorers() -> list[tuple[str, frozenset[str], Any]]:
    """The project's own score_file functions that exist on this branch (import guarded)."""
    out = []
    for mod, kinds in PROJECT_SCORERS:
        try:
            fn = getattr(importlib.import_module(mod), "score_file", None)
        except Exception:
            fn = None
        if callable(fn):
            out.append((mod, kinds, fn))
    return out


def _pick(d: dict, *keys: str) -> float | None:
    for k in keys:
        if isinstance(d.get(k), (int, float)):
            return float(d[k])
    return None


def _read_score(d: Any) -> tuple[float, float, float] | None:
    """Precision, recall, F1 out of a score_file result, whatever its exact keys."""
    if not isinstance(d, dict):
        d = getattr(d, "__dict__", {}) or {}
    for sub in (d, d.get("total") or {}, d.get("overall") or {}, d.get("summary") or {}):
        if not isinstance(sub, dict):
            continue
        p, r, f = _pick(sub, "precision", "p"), _pick(sub, "recall", "r"), _pick(sub, "f1", "f")
        if f is not None:
            return p or 0.0, r or 0.0, f
    return None


def _cell(t: Tally, seconds: float) -> Cell:
    return Cell("ok", t, t.precision, t.recall, t.f1, seconds=seconds)


def run_accuracy(suite_paths: list[Path], numcheck: Tool, peers: list[Tool], log=print) -> list[SuiteResult]:
    scorers = project_scorers()
    if scorers:
        log("  numcheck scored with " + ", ".join(m for m, _, _ in scorers)
            + " on the files of their kinds (bench matcher kept alongside)")
    results = []
    for path in suite_paths:
        try:
            suite = load_suite(path)
        except OSError as e:  # a dangling link, an unreadable file: one line, then the next suite
            log(f"  {path}: cannot read ({e.strerror or e}); suite left out")
            continue
        res = SuiteResult(suite)
        # a speed-only peer (Duckling: its suites are its own cases) has no column here
        for tool in [numcheck, *(p for p in peers if p.extract is not None)]:
            if not tool.ok:
                cell = Cell(tool.status)
            elif not tool.supports(suite.lang):
                cell = Cell(f"language {suite.lang or 'none'} not supported")
            elif not (suite.kinds & tool.kinds):
                cell = Cell("kind not covered")
            else:
                t0 = time.perf_counter()
                tally = score_suite(suite, lambda text, lang, _t=tool, _k=suite.kinds: _t.safe_extract(text, lang, _k))
                cell = _cell(tally, time.perf_counter() - t0)
            if tool.name == "numcheck" and tool.ok:
                cell = _project_score(path, suite, cell, scorers, log)
            res.cells[tool.name] = cell
        results.append(res)
        log("  " + path.name + ": " + ", ".join(
            f"{n} {c.f1:.2f}" if c.f1 is not None else f"{n} –" for n, c in res.cells.items()))
    return results


def _project_score(path: Path, suite: Suite, cell: Cell, scorers, log) -> Cell:
    """numcheck's figure from the project's scorer for this kind of file, when there is one.
    It decides itself what to do with languages numcheck lacks (the languages helper's reads
    them with a guessed language), so it may give a figure where the bench matcher gives none."""
    for mod, kinds, fn in scorers:
        if not suite.kinds <= kinds:
            continue  # a mixed file (quantulum3's) or another kind: not this scorer's
        try:
            got = _read_score(fn(str(path)))
        except Exception as e:  # the project scorer cannot read this file: keep ours
            log(f"  {mod}.score_file({path.name}) failed: {type(e).__name__}: {e}")
            continue
        if got is not None:
            bench_f1 = cell.f1
            cell = Cell("ok", cell.tally, *got, scorer=mod, bench_f1=bench_f1, seconds=cell.seconds)
            return cell
    return cell


def totals(results: list[SuiteResult], tool: str) -> Tally:
    """Micro-averaged over the suites where ``tool`` ran (bench matcher counts)."""
    t = Tally()
    for r in results:
        c = r.cells.get(tool)
        if c and c.tally:
            t.add(c.tally)
    return t
