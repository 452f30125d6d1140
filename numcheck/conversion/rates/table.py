"""Desk rate tables: the "house rate" a newsroom agreed on, from a CSV or JSON file.

CSV, with a header (column order free; ``#`` lines and blank lines are skipped)::

    date,base,quote,rate
    2024-11-19,USD,SEK,10.95
    2024-11-18/2024-11-22,EUR,SEK,11.55

A range (``2024-11-18/2024-11-22`` or ``2024-11-18..2024-11-22``) includes both days; instead
of ``date`` a file may have ``start`` and ``end`` columns, and an optional ``note`` column.

JSON: a list of objects with the same keys (or ``{"rates": [...]}``); ``rate`` may be a
number or a string. ``rate`` is how many ``quote`` one ``base`` buys. The inverse pair is
derived (1/rate) unless the file gives it too.

The file is validated whole when the provider is built: any bad row rejects the file with
one line naming the file, the line and the value (``house.csv:7: invalid rate 'abc'``), so
a check never runs on half a table.
"""

from __future__ import annotations

import csv
import json
import math
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from ... import jsonfile
from ...errors import InputError, RateUnavailable
from ...model import Rate

#: The rates a table may give: far beyond any currency pair (a hyperinflated currency
#: against gold is within 10^12), and narrow enough that 1/rate and an amount times the
#: rate stay finite numbers.
RATE_MIN, RATE_MAX = 1e-15, 1e15

COLUMNS = ("date", "start", "end", "base", "quote", "rate", "note")


@dataclass(frozen=True)
class TableRow:
    base: str
    quote: str
    start: date
    end: date
    value: float
    line: int
    derived: bool = False  # the inverse of the row on ``line``
    note: str = ""

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end

    def span(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start} to {self.end}"


class _RowError(Exception):
    pass


class _FileError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def _date(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise _RowError(f"invalid {what} {value!r}: expected YYYY-MM-DD") from None


def _code(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _RowError(f"missing {what}")
    code = value.strip().upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise _RowError(f"invalid {what} {value!r}: expected an ISO 4217 code such as USD")
    return code


def _rate(value: Any) -> float:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _RowError("missing rate")
    if isinstance(value, bool):
        raise _RowError(f"invalid rate {value!r}")
    if isinstance(value, (int, float)):
        f = float(value)
    elif isinstance(value, str):
        try:
            f = float(value.strip())
        except ValueError:
            raise _RowError(f"invalid rate {value!r}") from None
    else:
        raise _RowError(f"invalid rate {value!r}")
    if not math.isfinite(f):
        raise _RowError(f"invalid rate {value!r}")
    if f <= 0:
        raise _RowError(f"rate must be positive, got {value!r}")
    if not RATE_MIN <= f <= RATE_MAX:
        # 1e308 or 1e-310: its inverse (or a conversion with it) is no finite number
        raise _RowError(f"rate {value!r} is out of range (expected {RATE_MIN:g} to {RATE_MAX:g})")
    return f


def _span(fields: dict[str, Any]) -> tuple[date, date]:
    d, s, e = (fields.get(k) for k in ("date", "start", "end"))
    if d not in (None, "") and (s not in (None, "") or e not in (None, "")):
        raise _RowError("give either date or start/end, not both")
    if d not in (None, ""):
        if not isinstance(d, str):
            raise _RowError(f"invalid date {d!r}: expected YYYY-MM-DD")
        for sep in ("/", ".."):  # an ISO 8601 interval "2024-11-18/2024-11-22", or "a..b"
            if sep in d:
                a, b = d.split(sep, 1)
                try:
                    start = date.fromisoformat(a.strip())
                except ValueError:  # "19/11/2024" is a wrongly written date, not a range
                    raise _RowError(f"invalid date {d!r}: expected YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD") from None
                end = _date(b, "end date")
                break
        else:
            start = end = _date(d, "date")
    elif s not in (None, "") and e not in (None, ""):
        if not isinstance(s, str) or not isinstance(e, str):
            raise _RowError(f"invalid range {s!r}–{e!r}: expected YYYY-MM-DD")
        start, end = _date(s, "start date"), _date(e, "end date")
    elif s not in (None, "") or e not in (None, ""):
        raise _RowError("missing " + ("end" if e in (None, "") else "start") + " date")
    else:
        raise _RowError("missing date")
    if end < start:
        raise _RowError(f"the range ends ({end}) before it starts ({start})")
    return start, end


def parse_row(fields: dict[str, Any], line: int) -> TableRow:
    start, end = _span(fields)
    base, quote = _code(fields.get("base"), "base currency"), _code(fields.get("quote"), "quote currency")
    if base == quote:
        raise _RowError(f"base and quote are both {base}")
    value = _rate(fields.get("rate"))
    note = fields.get("note") or ""
    return TableRow(base, quote, start, end, value, line, False, str(note).strip())


def _csv_rows(text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    lines = [(i, ln) for i, ln in enumerate(text.splitlines(), start=1) if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        return
    header_line, header_text = lines[0]
    header = [h.strip().lower() for h in next(csv.reader([header_text]))]
    for h in header:
        if h not in COLUMNS:
            raise _FileError(header_line, f"unknown column {h!r} (known: {', '.join(COLUMNS)})")
    if len(set(header)) != len(header):
        raise _FileError(header_line, "a column is named twice")
    for need in ("base", "quote", "rate"):
        if need not in header:
            raise _FileError(header_line, f"missing column {need!r}")
    if "date" not in header and not ("start" in header and "end" in header):
        raise _FileError(header_line, "missing column 'date' (or 'start' and 'end')")
    for lineno, ln in lines[1:]:
        cells = next(csv.reader([ln]))
        if len(cells) != len(header):
            yield lineno, _RowError(f"expected {len(header)} cells ({','.join(header)}), got {len(cells)}")  # type: ignore[misc]
            continue
        yield lineno, dict(zip(header, cells))


def _json_items(text: str) -> Iterator[tuple[int, Any]]:
    """The items of the rates array, each with the line it starts on (json.loads keeps no
    positions, so the array is walked with raw_decode)."""
    try:
        data = jsonfile.loads(text)
    except json.JSONDecodeError as e:
        raise _FileError(e.lineno, f"invalid JSON: {e.msg}") from None
    except jsonfile.JSONShapeError as e:
        raise _FileError(e.lineno, f"invalid JSON: {e.msg}") from None
    dec = json.JSONDecoder()

    def ws(i: int) -> int:
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        return i

    i = ws(0)
    if isinstance(data, dict):
        if set(data) != {"rates"} or not isinstance(data["rates"], list):
            raise _FileError(1, 'expected a list of rates, or {"rates": [...]}')
        # find the array that is the value of "rates": walk the object's members
        i = ws(i + 1)
        while True:
            key, i = dec.raw_decode(text, i)
            i = ws(ws(i) + 1)  # past ':'
            if key == "rates":
                break
            _, i = dec.raw_decode(text, i)
            i = ws(ws(i) + 1)  # past ','
    elif not isinstance(data, list):
        raise _FileError(1, 'expected a list of rates, or {"rates": [...]}')
    i = ws(i + 1)  # past '['
    while i < len(text) and text[i] != "]":
        line = text.count("\n", 0, i) + 1
        item, i = dec.raw_decode(text, i)
        yield line, item
        i = ws(i)
        if i < len(text) and text[i] == ",":
            i = ws(i + 1)


def load_table(path: str | os.PathLike) -> list[TableRow]:
    """Every row of a desk rate file, or InputError naming the first bad one."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: rate table not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read rate table: {getattr(e, 'strerror', None) or e}") from None
    is_json = path.suffix.lower() == ".json" or text.lstrip()[:1] in ("[", "{")
    rows: list[TableRow] = []
    errors: list[str] = []
    try:
        items = list(_json_items(text)) if is_json else list(_csv_rows(text))
    except _FileError as e:
        raise InputError(f"{path}:{e.line}: {e}") from None
    except csv.Error as e:
        raise InputError(f"{path}: invalid CSV: {e}") from None
    seen: dict[tuple[str, str], list[TableRow]] = {}
    for line, item in items:
        try:
            if isinstance(item, _RowError):
                raise item
            if not isinstance(item, dict):
                raise _RowError(f"expected an object with date, base, quote and rate, got {item!r}")
            if is_json:
                unknown = sorted(set(item) - set(COLUMNS))
                if unknown:
                    raise _RowError(f"unknown key {unknown[0]!r} (known: {', '.join(COLUMNS)})")
            row = parse_row(item, line)
            for other in seen.get((row.base, row.quote), []):
                if row.start <= other.end and other.start <= row.end:
                    raise _RowError(f"{row.base}/{row.quote} for {row.span()} overlaps line {other.line} ({other.span()})")
            seen.setdefault((row.base, row.quote), []).append(row)
            rows.append(row)
        except _RowError as e:
            errors.append(f"{path}:{line}: {e}")
    if errors:
        more = f" (and {len(errors) - 1} more bad row{'s' if len(errors) > 2 else ''})" if len(errors) > 1 else ""
        raise InputError(errors[0] + more)
    if not rows:
        raise InputError(f"{path}: no rates in the table")
    return rows


class TableProvider:
    """Rates from a desk table; a day the table does not cover is unavailable, so a chain
    (``["table:house.csv", "ecb"]``) falls through to the next provider."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.name = f"table:{self.path.name}"
        rows = load_table(self.path)
        self._pairs: dict[tuple[str, str], list[TableRow]] = {}
        for r in rows:
            self._pairs.setdefault((r.base, r.quote), []).append(r)
        for r in rows:  # the inverse, where the file does not give it itself
            inverse = TableRow(r.quote, r.base, r.start, r.end, 1.0 / r.value, r.line, True, r.note)
            given = self._pairs.get((r.quote, r.base), [])
            if not any(g.start <= r.end and r.start <= g.end for g in given if not g.derived):
                self._pairs.setdefault((r.quote, r.base), []).append(inverse)

    def currencies(self, day: date | None = None) -> frozenset[str]:
        return frozenset(c for (b, q), rows in self._pairs.items() for r in rows if day is None or r.covers(day) for c in (b, q))

    def rate(self, base: str, quote: str, day: date | None) -> Rate:
        rows = self._pairs.get((base, quote))
        if not rows:
            raise RateUnavailable(f"{self.path.name} has no {base}/{quote} rate")
        if day is None:
            row = max(rows, key=lambda r: r.end)
            why = f"no article date given: used the latest {self.path.name} rate, for {row.span()}"
        else:
            hits = [r for r in rows if r.covers(day)]
            if not hits:
                spans = ", ".join(sorted(r.span() for r in rows)[:3])
                raise RateUnavailable(f"{self.path.name} has no {base}/{quote} rate for {day} (it covers {spans})")
            row = hits[0]
            why = None
        where = f"{self.path.name} line {row.line}"
        src = f"inverse of {quote}/{base}, {where}" if row.derived else where
        parts = [p for p in (why, f"house rate for {row.span()} ({src})", row.note) if p]
        used = day if day is not None else row.end
        return Rate(base, quote, row.value, used, self.name, day, "; ".join(parts))


__all__ = ["TableProvider", "TableRow", "load_table"]
