"""The parts of ``numcheck check`` around the checking: severities, the exit status, the
progress bar, colour and the choice of output format. Kept out of cli.py so the command
stays a short list of steps and these can be tested (and reused by a config file) alone."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import Callable, Iterator, TextIO

from .batch import DEFAULT_SEVERITY, SEVERITY_LEVELS, FileResult
from .errors import InputError
from .model import Verdict

EXIT_OK, EXIT_INCONSISTENT, EXIT_ERROR = 0, 1, 2
FORMATS = ("text", "json", "sarif", "github")


def parse_severity(specs: list[str] | str | dict | None) -> dict[str, str]:
    """``["ambiguous=error", "unverifiable=none,consistent=note"]`` (or a mapping, as a config
    file gives it) → the full verdict → level map, defaults filled in."""
    out = dict(DEFAULT_SEVERITY)
    if not specs:
        return out
    if isinstance(specs, dict):
        items = [(str(k), str(v)) for k, v in specs.items()]
    else:
        items = []
        for spec in [specs] if isinstance(specs, str) else specs:
            for part in str(spec).split(","):
                if not part.strip():
                    continue
                if "=" not in part:
                    raise InputError(f"invalid severity {part.strip()!r}: expected VERDICT=LEVEL, such as ambiguous=error")
                k, v = part.split("=", 1)
                items.append((k, v))
    verdicts = [v.value for v in Verdict]
    for k, v in items:
        k, v = k.strip().lower(), v.strip().lower()
        if k not in verdicts:
            raise InputError(f"invalid severity for {k!r}: expected one of {', '.join(verdicts)}")
        if v == "notice":
            v = "note"
        if v not in SEVERITY_LEVELS:
            raise InputError(f"invalid severity level {v!r} for {k}: expected one of {', '.join(SEVERITY_LEVELS)}")
        out[k] = v
    return out


def exit_status(results: list[FileResult], severity: dict[str, str] | None = None, *, unused_ignores: bool = False) -> int:
    """2 when a file could not be checked; 1 when a finding of severity "error" is neither
    suppressed nor in the baseline (or, with ``unused_ignores``, when an ignore comment
    silenced nothing); 0 otherwise."""
    sev = severity or DEFAULT_SEVERITY
    if any(r.error for r in results):
        return EXIT_ERROR
    if unused_ignores and any(r.unused_ignores for r in results):
        return EXIT_INCONSISTENT
    for r in results:
        for _, f in r.active():
            if sev.get(f.verdict.value) == "error":
                return EXIT_INCONSISTENT
    return EXIT_OK


def color_wanted(choice: str, stream: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)()) and os.environ.get("TERM") != "dumb"


def render(results: list[FileResult], fmt: str, *, severity: dict[str, str] | None = None, color: bool = False,
           show: str = "all", unused_ignores: bool = False) -> str:
    """The report in ``fmt``. For text, ``show`` is "problems" (the findings whose severity
    is not "none", then one summary line), "all" (every claim and a summary per file),
    "quiet" (the summary line) or "statistics" (counts by verdict and kind)."""
    from .outputs.report import render_github, render_json, render_text

    if fmt == "json":
        return render_json(results, severity=severity)
    if fmt == "sarif":
        from .outputs.sarif import render_sarif

        return render_sarif(results, severity=severity)
    if fmt == "github":
        return render_github(results, severity=severity)
    return render_text(results, color=color, show=show, severity=severity, unused_ignores=unused_ignores)


class ProgressBar:
    """``[#######·········]  1234/19041  6%  12s`` on one stderr line, redrawn at most ten
    times a second, erased at the end so the report that follows starts clean."""

    def __init__(self, total: int, stream: TextIO, width: int = 30):
        self.total, self.stream, self.width = total, stream, width
        self.t0 = time.monotonic()
        self.last = 0.0

    def __call__(self, done: int, total: int | None = None) -> None:
        now = time.monotonic()
        if done < self.total and now - self.last < 0.1:
            return
        self.last = now
        total = total or self.total
        frac = done / total if total else 1.0
        fill = int(frac * self.width)
        bar = "#" * fill + "·" * (self.width - fill)
        self.stream.write(f"\r[{bar}] {done}/{total} {frac:4.0%} {now - self.t0:5.0f}s")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\033[K")
        self.stream.flush()


@contextlib.contextmanager
def progress_bar(total: int, choice: str = "auto", stream: TextIO | None = None, minimum: int = 20) -> Iterator[Callable[[int, int], None] | None]:
    """A progress callback for :func:`numcheck.batch.run_units`, or None when no bar is
    wanted: "auto" draws one on a terminal for runs of ``minimum`` units or more."""
    stream = stream or sys.stderr
    on = choice == "always" or (choice == "auto" and total >= minimum and bool(getattr(stream, "isatty", lambda: False)()))
    if not on:
        yield None
        return
    bar = ProgressBar(total, stream)
    try:
        yield bar
    finally:
        bar.close()


__all__ = ["parse_severity", "exit_status", "color_wanted", "render", "progress_bar", "ProgressBar", "FORMATS"]
