"""Reports → text an editor or a program reads: compiler-style lines, or JSON.

Both formats are contracts (README, "Output formats"): change them only compatibly.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Iterable

from .batch import FileResult
from .model import Verdict

ORDER = [v.value for v in Verdict]


def summary_counts(results: Iterable[FileResult]) -> Counter:
    c: Counter = Counter()
    for r in results:
        for f, sup in r.counted():
            c["suppressed" if sup else f.verdict.value] += 1
    return c


def _summary_text(counts: Counter) -> str:
    total = sum(counts.values())
    parts = [f"{counts[k]} {k}" for k in ORDER + ["suppressed"] if counts.get(k)]
    return f"{total} claim{'s' if total != 1 else ''}" + (": " + ", ".join(parts) if parts else "")


def render_text(results: list[FileResult]) -> str:
    lines: list[str] = []
    for r in results:
        if r.error:
            continue  # errors go to stderr (see cli.cmd_check), one line each
        for f, sup in r.counted():
            suffix = f" [suppressed: {sup}]" if sup else ""
            lines.append(f"{r.path}:{f.line}:{f.column}: {f.verdict.value}: {f.message}{suffix}")
        if r.report is not None:
            lines.append(f"{r.path}: {_summary_text(summary_counts([r]))}")
    checked = [r for r in results if r.report is not None]
    if len(results) > 1:
        errors = sum(1 for r in results if r.error)
        tail = f", {errors} unreadable" if errors else ""
        lines.append(f"total: {len(checked)} files{tail}, {_summary_text(summary_counts(results))}")
    return "\n".join(lines) + "\n"


def result_dict(r: FileResult) -> dict:
    d: dict = {"path": r.path}
    if r.error:
        d["error"] = r.error
        return d
    assert r.report is not None
    d.update(r.report.to_dict())
    for i, f in enumerate(d["findings"]):
        f["suppressed"] = r.suppressed.get(i)
    return d


def render_json(results: list[FileResult]) -> str:
    counts = summary_counts(results)
    doc = {
        "files": [result_dict(r) for r in results],
        "summary": {"files": len(results), "errors": sum(1 for r in results if r.error), "claims": sum(counts.values()), **{k: counts.get(k, 0) for k in ORDER + ["suppressed"]}},
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


__all__ = ["render_text", "render_json", "summary_counts"]
