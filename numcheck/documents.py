"""Content files → documents: the text to check, its date and language, and its suppressions.

A :class:`Document` keeps offsets of the original file: everything that is not prose
(YAML front matter, HTML comments, …) is blanked with spaces — newlines kept — rather than
cut out, so a finding's offset is the file's offset and its line:column is the file's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

from .errors import InputError

#: Extensions read as content when a directory is given.
CONTENT_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_DIRECTIVE = re.compile(r"^\s*numcheck:\s*(ignore|off|on)\b[\s:,-]*(.*?)\s*$", re.S | re.I)


@dataclass(frozen=True)
class Suppression:
    """An editor's ``<!-- numcheck: ignore [reason] -->`` (the next claim) or an
    ``off`` … ``on`` region: findings inside are reported as suppressed, with the reason."""

    kind: str  # "ignore" or "off"
    start: int  # where the suppression begins to apply
    end: int  # where it stops applying ("ignore": end of text; only the next claim is hit)
    reason: str
    line: int


@dataclass(frozen=True)
class Document:
    path: str
    text: str  # same length as the file: non-prose blanked, offsets unchanged
    date: Date | None = None
    lang: str | None = None
    suppressions: tuple[Suppression, ...] = field(default=())
    meta: dict = field(default_factory=dict, compare=False, hash=False)


def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] with spaces, keeping newlines so lines and columns hold."""
    chunk = re.sub(r"[^\n]", " ", text[start:end])
    return text[:start] + chunk + text[end:]


def _front_matter(text: str, path: str) -> tuple[dict, int]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    body = m.group(1)
    try:
        import yaml

        meta = yaml.safe_load(body) or {}
    except Exception as e:  # yaml.YAMLError and friends: one line, naming the file
        first = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise InputError(f"{path}: invalid YAML front matter: {first}") from None
    if not isinstance(meta, dict):
        raise InputError(f"{path}: front matter is not a mapping of keys to values")
    return meta, m.end()


def _meta_date(meta: dict, path: str) -> Date | None:
    v = meta.get("date")
    if v is None:
        return None
    if isinstance(v, Date):
        return v if type(v) is Date else v.date()  # a datetime: its day
    s = str(v).strip()
    try:
        return Date.fromisoformat(s[:10])
    except ValueError:
        raise InputError(f"{path}: front matter: invalid date {v!r}: expected YYYY-MM-DD") from None


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def parse_document(raw: str, path: str = "<text>") -> Document:
    """Prose, date, language and suppressions of one content file's text."""
    meta, fm_end = _front_matter(raw, path)
    text = _blank(raw, 0, fm_end) if fm_end else raw
    sups: list[Suppression] = []
    off_start: tuple[int, str, int] | None = None
    for m in _COMMENT.finditer(text):
        d = _DIRECTIVE.match(m.group(1))
        if d:
            kind, reason = d.group(1).lower(), d.group(2).strip()
            line = line_of(raw, m.start())
            if kind == "ignore":
                sups.append(Suppression("ignore", m.end(), len(raw), reason or "ignored by the editor", line))
            elif kind == "off" and off_start is None:
                off_start = (m.end(), reason or "numcheck turned off here", line)
            elif kind == "on" and off_start is not None:
                sups.append(Suppression("off", off_start[0], m.start(), off_start[1], off_start[2]))
                off_start = None
        text = _blank(text, m.start(), m.end())
    if off_start is not None:
        sups.append(Suppression("off", off_start[0], len(raw), off_start[1], off_start[2]))
    lang = meta.get("lang") or meta.get("language")
    return Document(
        path=path,
        text=text,
        date=_meta_date(meta, path),
        lang=str(lang) if lang else None,
        suppressions=tuple(sups),
        meta=meta,
    )


def read_document(path: str | Path) -> Document:
    """Read and parse one file; an InputError with one line naming the problem otherwise."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror or e}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{p}: binary file, not text")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(f"{p}:{line}: invalid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None
    return parse_document(raw, str(p))


def expand_paths(paths: list[str]) -> list[tuple[str, InputError | None]]:
    """Files to check: files as given, directories walked for content files (sorted)."""
    out: list[tuple[str, InputError | None]] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(str(f) for f in path.rglob("*") if f.is_file() and f.suffix.lower() in CONTENT_SUFFIXES)
            if not found:
                out.append((p, InputError(f"{p}: directory holds no content files ({', '.join(CONTENT_SUFFIXES)})")))
            out.extend((f, None) for f in found)
        else:
            out.append((p, None))
    return out


def suppression_for(doc: Document, start: int, used: set[int]) -> Suppression | None:
    """The suppression that covers a claim starting at ``start``; an ``ignore`` covers only
    the first claim after it (``used`` records which ignores were spent)."""
    for i, s in enumerate(doc.suppressions):
        if s.kind == "off" and s.start <= start < s.end:
            return s
    best = None
    for i, s in enumerate(doc.suppressions):
        if s.kind == "ignore" and s.start <= start and i not in used:
            best = (i, s)
    if best is not None:
        used.add(best[0])
        return best[1]
    return None


__all__ = ["Document", "Suppression", "parse_document", "read_document", "expand_paths", "suppression_for", "CONTENT_SUFFIXES"]
