"""``numcheck check --fix`` and ``--diff``: the suggested corrections, applied to the files.

Only what a desk editor would accept without a second look is changed: an ``inconsistent``
finding (not suppressed, not in the baseline) with its one suggestion ("≈ 3 billion
kronor"), whose stated figure stands in the file exactly as numcheck read it (no markup
inside it). The figure's own characters are replaced and nothing else; the "≈" of the
suggestion is numcheck's, not the writer's, and is left out. A file is written whole or not
at all: to a temporary file next to it, then moved over it (``os.replace``), keeping its
mode and its byte-order mark. Archives (``.jsonl``) and standard input are never rewritten.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .results import FileResult
from ..atomicfile import replace_atomically
from ..errors import InputError
from ..model import Finding, Verdict


@dataclass(frozen=True)
class Edit:
    start: int  # offsets in the file's text (code points, after a byte-order mark)
    end: int
    old: str
    new: str
    line: int


def replacement(f: Finding) -> str | None:
    """What the stated figure becomes: the suggestion without numcheck's "≈ "."""
    if f.suggestion is None:
        return None
    s = f.suggestion
    return s[2:] if s.startswith("≈ ") else s


def fixable(r: FileResult) -> list[tuple[int, Finding]]:
    """The findings of ``r`` --fix may apply."""
    if r.report is None or r.is_record or r.path == "-" or not r.file:
        return []
    return [(i, f) for i, f in r.active()
            if f.verdict is Verdict.INCONSISTENT and replacement(f) is not None and f.end_offset > f.offset]


def edits_for(text: str, findings: list[Finding]) -> list[Edit]:
    """Non-overlapping edits, in file order; a figure that does not stand in the file as it
    was read (markup inside it, or the file changed since) is left alone."""
    out: list[Edit] = []
    for f in sorted(findings, key=lambda f: f.offset):
        old = text[f.offset:f.end_offset]
        if old != f.target.text:
            continue
        if out and f.offset < out[-1].end:
            continue
        out.append(Edit(f.offset, f.end_offset, old, replacement(f) or old, f.line))
    return out


def apply_edits(text: str, edits: list[Edit]) -> str:
    parts, pos = [], 0
    for e in edits:
        parts.append(text[pos:e.start])
        parts.append(e.new)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def _read(path: str) -> tuple[str, bool]:
    data = Path(path).read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    return data.decode("utf-8-sig"), bom


def write_atomically(path: str, text: str, bom: bool = False) -> None:
    """Replace ``path`` with ``text`` in one step: a failure leaves the old file whole."""
    p = Path(path)
    mode = p.stat().st_mode
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")

    def write(fd: int, tmp: str) -> None:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode & 0o7777)

    replace_atomically(p, write, suffix=".numcheck-fix")


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))


def apply_fixes(results: list[FileResult], *, write: bool, out: TextIO | None = None) -> dict[str, int]:
    """Fix (``write``) and/or print the diff of (``out``) every file with fixable findings.
    Returns path → number of figures changed."""
    changed: dict[str, int] = {}
    for r in results:
        found = fixable(r)
        if not found:
            continue
        try:
            text, bom = _read(r.file or r.path)
        except OSError as e:
            raise InputError(f"{r.path}: cannot read for --fix: {e.strerror or e}") from None
        edits = edits_for(text, [f for _, f in found])
        if not edits:
            continue
        new = apply_edits(text, edits)
        if out is not None:
            out.write(unified_diff(r.path, text, new))
        if write:
            write_atomically(r.file or r.path, new, bom)
        changed[r.path] = len(edits)
    return changed


def fix_text(text: str, findings: list[Finding]) -> str:
    """``text`` with the fixable findings corrected (offsets of ``text``): the library's
    way to get what ``--fix`` would write."""
    return apply_edits(text, edits_for(text, [f for f in findings if f.verdict is Verdict.INCONSISTENT
                                              and replacement(f) is not None]))


__all__ = ["apply_fixes", "fix_text", "fixable", "edits_for", "apply_edits", "unified_diff", "write_atomically", "replacement"]
