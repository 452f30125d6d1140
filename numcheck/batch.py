"""Files → reports: read each content file, check it with its own date and language, and
mark the findings an editor suppressed. One bad file never stops the others.

Work is split into units (a file, or a chunk of a ``.jsonl`` archive's articles) that run in
order, or in parallel processes with ``jobs > 1``; the results come back in the same order
either way, so ``--jobs 2`` reports exactly what ``--jobs 1`` does. Each process builds its
rate provider once (``numcheck.rates.get_provider`` caches it per process).
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable, Union

from .documents.readers import Document, expand_paths, format_of, read_document, read_jsonl, suppression_use
from .errors import InputError
from .model import Finding, Report, Verdict
from .outputs.results import DEFAULT_SEVERITY, SEVERITY_LEVELS, FileResult, Snippet  # noqa: F401  (their old home)
from .pipeline import check

_SPACES = re.compile(r"\s+")


def normalize_path(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def fingerprint(where: str, claim_text: str, verdict: str) -> str:
    """Stable id of a finding: the file (an archive's article: file#id), the claim's words
    (white space and case folded) and the verdict — no line numbers, so an edit elsewhere
    in the file keeps it."""
    claim = _SPACES.sub(" ", unicodedata.normalize("NFKC", claim_text)).strip().lower()
    h = hashlib.sha256(f"{where}\0{claim}\0{verdict}".encode()).hexdigest()
    return h[:24]


def fingerprint_where(doc: Document) -> str:
    if doc.record_line is not None and doc.file:
        return f"{normalize_path(doc.file)}#{doc.record_id if doc.record_id else doc.record_line}"
    return normalize_path(doc.file or doc.path)


def _claim_span(f: Finding) -> tuple[int, int]:
    starts = [f.source.start, f.target.start]
    starts += [m.hedge_start for m in (f.source, f.target) if m.hedge_start is not None]
    return min(starts), max(f.source.end, f.target.end)


def check_document(doc: Document, *, date: Any = None, lang: str | None = None, tolerance: Any = None, rates: Any = None,
                   default_lang: str = "en", default_date: Any = None, currency_hints: Any = None,
                   messages: str = "article", kinds: Any = None) -> FileResult:
    """Check one document. Front matter (date, lang) applies unless the caller overrides it;
    ``default_lang``/``default_date`` (the configured ones) when neither says. Findings'
    line:column (and end, and offsets) are positions in the document's source (the file
    as written)."""
    if isinstance(rates, RateSpec):
        rates = rates.provider()
    day = date if date is not None else (doc.date if doc.date is not None else default_date)
    language = lang or doc.lang or default_lang
    hints = dict(currency_hints) if currency_hints else None
    if hints:
        hints = {k: list(v) if isinstance(v, (list, tuple)) else v for k, v in hints.items()}
    report = check(doc.text, date=day, lang=language, tolerance=tolerance, rates=rates, currency_hints=hints,
                   messages=messages, kinds=kinds)
    findings = []
    snippets: list[Snippet | None] = []
    fps: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    where = fingerprint_where(doc)
    for f in report.findings:
        s, e = doc.source_span(f.target.start, f.target.end)
        line, col = doc.source_position(s)
        end_line, end_col = doc.source_position(e)
        text = doc.source_line(line)
        snippets.append(Snippet(line, text, col, end_col if end_line == line else len(text) + 1))
        findings.append(replace(f, line=line, column=col, end_line=end_line, end_column=end_col, offset=s, end_offset=e))
        cs, ce = _claim_span(f)
        fps.append(fingerprint(where, doc.text[cs:ce], f.verdict.value))
        starts.append(doc.source_offset(cs))
        ends.append(doc.source_span(cs, ce)[1])
    notes = report.notes + (("no article date: used the latest rates",) if day is None and report.findings else ())
    report = Report(tuple(findings), report.mentions, report.date, report.lang, notes)
    suppressed, unused = suppression_use(doc, starts, ends)
    return FileResult(
        doc.path, report, None, suppressed, file=doc.file, record_line=doc.record_line,
        record_id=doc.record_id, fingerprints=tuple(fps), snippets=tuple(snippets), unused_ignores=tuple(unused),
    )


@dataclass(frozen=True)
class RateSpec:
    """Rate providers by name with their settings (a :class:`numcheck.config.Config`): what
    crosses to a worker process instead of a built provider, which each process then builds
    once (:meth:`provider`; ``numcheck.rates.get_provider`` caches the providers themselves)."""

    specs: tuple[str, ...]
    config: Any = None

    def provider(self):
        key = (self.specs, self.config)
        p = _PROVIDERS.get(key)
        if p is None:
            from .conversion.rates import resolve

            p = _PROVIDERS[key] = resolve(list(self.specs), self.config)
        return p


_PROVIDERS: dict = {}  # per process


# -- units of work ------------------------------------------------------------------------

Unit = Union[str, Document, FileResult]  # a file to read, an article, or an error already known


def plan(paths: Iterable[str], include: list[str] | None = None, exclude: list[str] | None = None) -> list[Unit]:
    """The units to check, in report order: files from ``paths`` (directories walked), and
    each article of a ``.jsonl`` archive as its own unit."""
    units: list[Unit] = []
    for path, err in expand_paths(list(paths), include, exclude):
        if err is not None:
            units.append(FileResult(path, None, str(err), file=path))
        elif format_of(path) == "jsonl":
            try:
                for item in read_jsonl(path):
                    if isinstance(item, InputError):
                        line = _error_line(str(item))
                        units.append(FileResult(f"{path}:{line}" if line else path, None, str(item), file=path, record_line=line))
                    else:
                        units.append(item)
            except InputError as e:
                units.append(FileResult(path, None, str(e), file=path))
        else:
            units.append(path)
    return units


def _error_line(msg: str) -> int | None:
    m = re.match(r".*?:(\d+): ", msg)
    return int(m.group(1)) if m else None


def run_unit(unit: Unit, options: dict) -> FileResult:
    if isinstance(unit, FileResult):
        return unit
    try:
        doc = read_document(unit) if isinstance(unit, str) else unit
        return check_document(doc, **options)
    except InputError as e:
        path = unit if isinstance(unit, str) else unit.path
        msg = str(e)
        if not msg.startswith(path):  # an error about the settings (an unknown language): name the file
            msg = f"{path}: {msg}"
        return FileResult(path, None, msg, file=path if isinstance(unit, str) else unit.file,
                          record_line=None if isinstance(unit, str) else unit.record_line)
    except Exception as e:  # a bug in a stage must not stop the other files: one line, and go on
        path = unit if isinstance(unit, str) else unit.path
        first = (str(e).splitlines() or [""])[0]
        return FileResult(path, None, f"{path}: internal error while checking ({type(e).__name__}: {first}); please report it",
                          file=path if isinstance(unit, str) else unit.file,
                          record_line=None if isinstance(unit, str) else unit.record_line)


def _run_chunk(chunk: list[Unit], options: dict) -> list[FileResult]:
    return [run_unit(u, options) for u in chunk]


def _chunks(units: list[Unit], max_units: int = 512, max_chars: int = 200_000) -> list[list[Unit]]:
    """Consecutive units grouped so that a process gets enough work per message: ~0.1 s of
    checking (200,000 characters) whatever the articles' size — a newswire archive of short
    items gave 32-article chunks of ~25 kB before, and the messages' cost showed."""
    out: list[list[Unit]] = []
    cur: list[Unit] = []
    size = 0
    for u in units:
        n = len(u.text) if isinstance(u, Document) else 20_000
        if cur and (len(cur) >= max_units or size + n > max_chars):
            out.append(cur)
            cur, size = [], 0
        cur.append(u)
        size += n
    if cur:
        out.append(cur)
    return out


def run_units(units: list[Unit], *, jobs: int = 1, progress: Callable[[int, int], None] | None = None, **options: Any) -> list[FileResult]:
    """Check every unit; the results are in the units' order whatever ``jobs`` is."""
    results: list[FileResult] = []
    total = len(units)
    chunks = _chunks(units)
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            results.extend(_run_chunk(chunk, options))
            if progress:
                progress(len(results), total)
        return results
    from concurrent.futures import ProcessPoolExecutor
    from itertools import repeat

    # The first chunk is checked here, before the workers start: it loads what every check
    # needs (lexicons, rates, pint's registry), which forked workers then inherit instead
    # of each loading it again — that start-up made --jobs 2 slower than --jobs 1 (issue 18).
    results.extend(_run_chunk(chunks[0], options))
    if progress:
        progress(len(results), total)
    # fork where the platform has it: the workers start with the parent's warm state (the
    # default on Linux already; spawn elsewhere, where each worker loads its own)
    import multiprocessing

    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        for part in pool.map(_run_chunk, chunks[1:], repeat(options)):  # map keeps the order
            results.extend(part)
            if progress:
                progress(len(results), total)
    return results


def check_paths(paths: Iterable[str], *, include: list[str] | None = None, exclude: list[str] | None = None,
                jobs: int = 1, progress: Callable[[int, int], None] | None = None, **options: Any) -> list[FileResult]:
    """Check files and directories (walked recursively); one result per file or article."""
    return run_units(plan(paths, include, exclude), jobs=jobs, progress=progress, **options)


__all__ = [
    "FileResult", "Snippet", "RateSpec", "check_document", "check_paths", "plan", "run_units", "fingerprint",
    "SEVERITY_LEVELS", "DEFAULT_SEVERITY",
]
