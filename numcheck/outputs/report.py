"""Reports → text an editor or a program reads: compiler-style lines, JSON, SARIF, GitHub.

Each format is a contract (README, "Input and output formats"): change it only compatibly.

* text: ``path:line:col: verdict: message`` per finding, the source line and a caret line
  under the stated figure, a summary per file and a total.
* json: ``{"files": [...], "summary": {...}}`` (see :func:`render_json`).
* sarif: SARIF 2.1.0 (numcheck/sarif.py).
* github: workflow commands (``::error file=…,line=…,col=…,title=…::message``).
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from .results import DEFAULT_SEVERITY, FileResult, Snippet
from ..errors import one_line
from ..model import Verdict, strict_json

ORDER = [v.value for v in Verdict]
STATES = ["suppressed", "baseline"]


def severity_of(verdict: Verdict | str, severity: dict[str, str] | None = None) -> str:
    v = verdict.value if isinstance(verdict, Verdict) else str(verdict)
    return (severity or DEFAULT_SEVERITY).get(v, DEFAULT_SEVERITY.get(v, "warning"))


def summary_counts(results: Iterable[FileResult]) -> Counter:
    """Claims by verdict; suppressed and baseline findings are counted as such instead."""
    c: Counter = Counter()
    for r in results:
        if r.report is None:
            continue
        for i, f in enumerate(r.report.findings):
            c[r.status(i) or f.verdict.value] += 1
    return c


def _summary_text(counts: Counter) -> str:
    total = sum(counts.values())
    parts = [f"{counts[k]} {k}" for k in ORDER + STATES if counts.get(k)]
    return f"{total} claim{'s' if total != 1 else ''}" + (": " + ", ".join(parts) if parts else "")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def totals(results: list[FileResult]) -> dict:
    """Files (an archive counts once), articles (an archive's lines), unreadable units."""
    archives = {r.file for r in results if r.is_record}
    files = sum(1 for r in results if not r.is_record and r.report is not None) + len(archives)
    articles = sum(1 for r in results if r.is_record and r.report is not None)
    errors = sum(1 for r in results if r.error)
    return {"files": files, "articles": articles, "errors": errors}


def summary_line(results: list[FileResult]) -> str:
    t = totals(results)
    parts = [_plural(t["files"], "file")]
    if t["articles"]:
        parts.append(_plural(t["articles"], "article"))
    if t["errors"]:
        parts.append(f"{t['errors']} unreadable")
    return f"total: {', '.join(parts)}, {_summary_text(summary_counts(results))}"


# -- text -----------------------------------------------------------------------------------

_COLORS = {"inconsistent": "1;31", "ambiguous": "1;33", "unverifiable": "1;33", "consistent": "1;32"}


class _Paint:
    def __init__(self, on: bool):
        self.on = on

    def __call__(self, code: str, s: str) -> str:
        return f"\033[{code}m{s}\033[0m" if self.on and s else s


def caret_lines(snip: Snippet, width: int = 100) -> tuple[str, str]:
    """The source line (a window of it when long) and a caret line under the figure."""
    text = snip.text.replace("\r", "")
    start, end = snip.start - 1, max(snip.end - 1, snip.start)
    lo, hi = 0, len(text)
    if len(text) > width:
        lo = max(0, min(start - width // 3, len(text) - width))
        hi = min(len(text), lo + width)
    shown = text[lo:hi]
    pre, post = ("…" if lo > 0 else ""), ("…" if hi < len(text) else "")
    pad = "".join("\t" if ch == "\t" else " " for ch in text[lo:start])
    span = max(1, min(end, hi) - start)
    return f"{pre}{shown}{post}", " " * len(pre) + pad + "^" + "~" * (span - 1)


SHOW_MODES = ("problems", "all", "quiet", "statistics")


def render_text(results: list[FileResult], *, color: bool = False, carets: bool = True, show: str = "all",
                severity: dict[str, str] | None = None, unused_ignores: bool = False) -> str:
    """The text report. ``show="all"``: every finding (suppressed ones marked) and a summary
    line per file and archive; ``"problems"`` (the CLI's default, as ruff and eslint do):
    only findings whose severity is not "none" and that are neither suppressed nor in the
    baseline, then a single summary line; ``"quiet"``: the summary line; ``"statistics"``:
    counts by verdict and kind, then the summary line."""
    paint = _Paint(color)
    lines: list[str] = []
    archives: dict[str, list[FileResult]] = {}
    everything = show == "all"
    listing = show in ("all", "problems")
    stats: Counter = Counter()
    for r in results:
        if r.is_record and r.file:
            archives.setdefault(r.file, []).append(r)
        if r.error or r.report is None:
            continue  # errors go to stderr (see cli.cmd_check), one line each
        for i, f in enumerate(r.report.findings):
            state = r.status(i)
            if state == "baseline":
                continue
            verdict = f.verdict.value
            if not everything and (state or severity_of(verdict, severity) == "none"):
                continue
            stats[(verdict, f.kind)] += 1
            if not listing:
                continue
            suffix = one_line(f" [suppressed: {r.suppressed[i]}]") if state == "suppressed" else ""
            where = paint("1", f"{one_line(r.path)}:{f.line}:{f.column}:")
            word = paint("2" if state else _COLORS[verdict], f"{verdict}:")
            lines.append(f"{where} {word} {one_line(f.message)}{suffix}")
            snip = r.snippets[i] if i < len(r.snippets) else None
            if carets and snip is not None and snip.text.strip():
                src, caret = caret_lines(snip)
                lines.append(f"    {one_line(src)}")
                lines.append(f"    {paint('2' if state else _COLORS[verdict], caret)}")
        if unused_ignores and listing:
            for sup in r.unused_ignores:
                where = paint("1", f"{one_line(r.path)}:{sup.line}:{sup.column}:")
                what = "off … on region" if sup.kind == "off" else "ignore comment"
                lines.append(f"{where} {paint('1;33', 'unused-ignore:')} this numcheck {what} silenced no claim; remove it")
        if everything and not r.is_record:
            # the report's notes ("language guessed: sv", "no article date: …") end the
            # summary line, so a run with no findings still says how it read the file
            notes = "".join(f"; {n}" for n in r.report.notes)
            lines.append(one_line(f"{r.path}: {_summary_text(summary_counts([r]))}{notes}"))
    if show == "statistics":
        for (verdict, kind), n in sorted(stats.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"{n:>6}  {verdict:<13} {kind}")
    if everything:
        for file, rs in archives.items():
            checked = sum(1 for r in rs if r.report is not None)
            bad = len(rs) - checked
            tail = f", {bad} unreadable" if bad else ""
            lines.append(one_line(f"{file}: {_plural(checked, 'article')}{tail}, {_summary_text(summary_counts(rs))}"))
    if len(results) > 1:
        lines.append(summary_line(results))
    elif not everything and results and results[0].report is not None:
        r = results[0]
        notes = "".join(f"; {n}" for n in r.report.notes)
        lines.append(one_line(f"{r.path}: {_summary_text(summary_counts([r]))}{notes}"))
    if unused_ignores and not listing:
        n = sum(len(r.unused_ignores) for r in results)
        if n:
            lines.append(f"{n} unused ignore comment{'s' if n != 1 else ''}")
    return "\n".join(lines) + "\n" if lines else ""


# -- JSON -----------------------------------------------------------------------------------


def result_dict(r: FileResult, severity: dict[str, str] | None = None) -> dict:
    d: dict = {"path": r.path}
    if r.is_record:
        d.update({"file": r.file, "line": r.record_line, "id": r.record_id})
    if r.error:
        d["error"] = r.error
        return d
    assert r.report is not None
    d.update(r.report.to_dict())
    for i, f in enumerate(d["findings"]):
        f["suppressed"] = r.suppressed.get(i)
        f["baseline"] = i in r.baselined
        f["severity"] = severity_of(f["verdict"], severity)
        f["fingerprint"] = r.fingerprints[i] if i < len(r.fingerprints) else None
    return d


def render_json(results: list[FileResult], *, severity: dict[str, str] | None = None) -> str:
    counts = summary_counts(results)
    t = totals(results)
    doc = {
        "files": [result_dict(r, severity) for r in results],
        "summary": {
            "files": t["files"], "articles": t["articles"], "errors": t["errors"], "claims": sum(counts.values()),
            **{k: counts.get(k, 0) for k in ORDER + STATES},
        },
    }
    return strict_json(doc, ensure_ascii=False, indent=2) + "\n"


# -- GitHub workflow commands ---------------------------------------------------------------

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "note": "notice"}


def github_escape_data(s: str) -> str:
    """Escape a workflow command's message (GitHub's rules: %, CR, LF)."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_escape_property(s: str) -> str:
    """Escape a workflow command's property value (also ':' and ',')."""
    return github_escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(results: list[FileResult], *, severity: dict[str, str] | None = None) -> str:
    """One ``::error``/``::warning``/``::notice`` annotation per finding whose severity is
    not "none" (suppressed and baseline findings are left out), one ``::error`` per
    unreadable file, and the summary as a plain log line."""
    lines: list[str] = []
    for r in results:
        if r.error:
            props = {"file": r.file or r.path}
            if r.record_line:
                props["line"] = str(r.record_line)
            props["title"] = "numcheck: input error"
            lines.append(_command("error", props, r.error))
            continue
        for i, f in r.active():
            level = _GITHUB_LEVEL.get(severity_of(f.verdict, severity))
            if level is None:
                continue
            if r.is_record:  # the position inside the article goes into the message
                props = {"file": r.file or r.path, "line": str(r.record_line)}
                msg = f"{r.record_id or 'article'} {f.line}:{f.column}: {f.message}"
            else:
                snip = r.snippets[i] if i < len(r.snippets) else None
                props = {"file": r.path, "line": str(f.line), "col": str(f.column)}
                if snip is not None and snip.end > snip.start:
                    props["endColumn"] = str(snip.end)
                msg = f.message
            props["title"] = f"numcheck: {f.verdict.value} {f.kind}" + (" conversion" if f.kind in ("money", "unit") else "")
            lines.append(_command(level, props, msg))
    lines.append(summary_line(results) if len(results) != 1 or results[0].report is None else
                 one_line(f"{results[0].path}: {_summary_text(summary_counts(results))}"))
    return "\n".join(lines) + "\n"


def _command(level: str, props: dict[str, str], message: str) -> str:
    p = ",".join(f"{k}={github_escape_property(v)}" for k, v in props.items())
    return f"::{level} {p}::{github_escape_data(message)}"


__all__ = [
    "render_text", "render_json", "render_github", "summary_counts", "summary_line", "severity_of",
    "github_escape_data", "github_escape_property", "caret_lines", "one_line",
]
