"""Live rates through forex-python (optional extra ``live``), cached on disk.

forex-python asks ``<source>/<YYYY-MM-DD or latest>?base=USD&rtype=fpy`` of theratesapi.com
and answers ``{"base": "USD", "date": "2024-11-19", "rates": {"SEK": 10.95, …}}``. Its
``CurrencyRates.get_rates`` calls ``requests.get`` with no timeout, through no session, and
drops the answer's ``date`` (its own wrong-day check is commented out), so we make the same
request through forex-python's URL scheme (``_source_url``/``_get_date_string``) ourselves,
with an injectable session, a timeout and the whole answer kept.

Each way the source can fail becomes :class:`RateUnavailable` — never a crash — so a chain
moves on to its next provider and the finding says why:

* forex-python's ``RatesNotAvailableError`` ("Currency Rates Source Not Ready"): any answer
  other than HTTP 200;
* ``requests`` ``Timeout`` / ``ConnectionError`` / other request errors;
* an answer that is not JSON, or JSON without a date or a rates table, or a rate that is not
  a positive number;
* rates for the wrong day: theratesapi answers a day it has no rates for with the latest
  ones. An answer dated a few days *before* the day asked for is the last publication day
  (a weekend, a holiday) and is used with a note; anything else is refused.

Answers are cached on disk per (source, day, base) — a repeated check makes no request —
and, for a source that just failed, in memory for a short while, so one unreachable source
costs one timeout per check rather than one per claim.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
import threading
import time
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ...settings import DEFAULT_LIVE_URL, cache_dir
from ... import jsonfile
from ...errors import RateUnavailable
from ...model import Rate

DEFAULT_TIMEOUT = 5.0
#: An answer dated at most this many days before the day asked for is that day's last
#: publication (Good Friday to Easter Monday is 4 days); older is the wrong day.
MAX_GAP_DAYS = 4
#: After a failure, the same (day, base) — or, for timeouts and connection errors, the whole
#: source — is not asked again for this long in this process.
RETRY_AFTER_S = 60.0


class _Unavailable(Exception):
    """A failed answer; ``source_down`` when no further request should be tried for now."""

    def __init__(self, why: str, source_down: bool = False):
        super().__init__(why)
        self.source_down = source_down


class _Deadline(Exception):
    """The request took longer than the timeout in all."""


def _within(timeout: float | None, fn):
    """``fn()``, or _Deadline once ``timeout`` seconds have passed in all. requests' timeout
    bounds each socket read, so a server that sends a byte a second held a check for minutes
    with ``live_timeout = 2`` (issue 18); the request runs in a daemon thread instead, and
    one that outlives its deadline is abandoned (the source is then marked down, so no
    second request follows it for RETRY_AFTER_S)."""
    if not timeout or timeout <= 0:
        return fn()
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # handed to the caller's thread as it is
            box["error"] = e

    t = threading.Thread(target=run, name="numcheck-live-request", daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        raise _Deadline()
    if "error" in box:
        raise box["error"]
    return box["value"]


def _forex():
    """forex-python's converter module, or RateUnavailable naming the extra to install."""
    try:
        from forex_python import converter
    except ImportError:
        raise RateUnavailable("live rates need forex-python: pip install 'numcheck[live]'") from None
    return converter


def _json_errors() -> tuple[type[BaseException], ...]:
    """The JSONDecodeError classes response.json() may raise: requests' (which wraps
    simplejson's or json's, depending on what is installed) and the two underlying ones."""
    import requests

    errors: list[type[BaseException]] = [json.JSONDecodeError]
    if hasattr(requests, "JSONDecodeError"):
        errors.append(requests.JSONDecodeError)
    try:
        import simplejson

        errors.append(simplejson.JSONDecodeError)
    except ImportError:
        pass
    return tuple(errors)


class LiveProvider:
    """forex-python rates for a day (or the latest), with provenance and a disk cache.

    ``session``: anything with ``get(url, params=, timeout=)`` returning a response with
    ``status_code`` and ``json()`` (a ``requests.Session`` by default; tests inject their own
    or point ``base_url`` at a local server). ``cache_dir``: default the user cache directory
    (``NUMCHECK_CACHE_DIR`` overrides it); ``None`` there and ``cache=False`` disables it.
    """

    name = "live"

    def __init__(
        self,
        base_url: str = DEFAULT_LIVE_URL,
        timeout: float = DEFAULT_TIMEOUT,
        session: Any = None,
        cache_dir: str | os.PathLike | None = None,
        cache: bool = True,
        max_gap_days: int = MAX_GAP_DAYS,
    ):
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.timeout = timeout
        self._session = session
        self._cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._use_cache = cache
        self.max_gap_days = max_gap_days
        self.host = urlparse(self.base_url).netloc or self.base_url
        self._memory: dict[tuple[str, str], dict[str, Any]] = {}
        self._failed: dict[tuple[str, str], tuple[float, str]] = {}
        self._down: tuple[float, str] | None = None
        self._lock = threading.Lock()
        self._forex_source = None

    # -- the request -------------------------------------------------------------------

    def _source(self):
        if self._forex_source is None:
            self._forex_source = self._make_source()
        return self._forex_source

    def _make_source(self):
        conv = _forex()
        url, session, timeout = self.base_url, self.session, self.timeout

        class Source(conv.CurrencyRates):
            """forex-python's CurrencyRates, on our URL, session and timeout."""

            def _source_url(self) -> str:
                return url

            def fetch(self, base: str, day: date | None) -> Any:
                date_str = self._get_date_string(day)

                def get() -> Any:
                    response = session.get(self._source_url() + date_str, params={"base": base, "rtype": "fpy"}, timeout=timeout)
                    if response.status_code != 200:
                        raise conv.RatesNotAvailableError(f"Currency Rates Source Not Ready (HTTP {response.status_code})")
                    return response.json()

                return _within(timeout, get)

        return conv, Source()

    @property
    def session(self):
        if self._session is None:
            import requests

            self._session = requests.Session()
        return self._session

    def _request(self, base: str, day: date | None) -> dict[str, Any]:
        conv, source = self._source()
        import requests

        try:
            payload = source.fetch(base, day)
        except conv.RatesNotAvailableError as e:
            raise _Unavailable(f"the source is not ready: {e}") from None
        except (requests.Timeout, _Deadline):
            raise _Unavailable(f"no answer within {self.timeout:g} s", source_down=True) from None
        except requests.ConnectionError as e:
            raise _Unavailable(f"cannot connect ({type(e).__name__})", source_down=True) from None
        except _json_errors():  # before RequestException: requests' JSONDecodeError is both
            raise _Unavailable("malformed answer: not JSON") from None
        except requests.RequestException as e:
            raise _Unavailable(f"the request failed ({type(e).__name__})", source_down=True) from None
        except (ValueError, TypeError, AttributeError) as e:  # an injected session's odd response
            raise _Unavailable(f"malformed answer ({type(e).__name__})") from None
        return self._validate(payload, base, day)

    def _validate(self, payload: Any, base: str, day: date | None) -> dict[str, Any]:
        if not isinstance(payload, dict):
            raise _Unavailable("malformed answer: not a JSON object")
        rates = payload.get("rates")
        if not isinstance(rates, dict) or not rates:
            raise _Unavailable("malformed answer: no rates")
        got_base = payload.get("base", base)
        if not isinstance(got_base, str) or got_base.upper() != base:
            raise _Unavailable(f"the answer is for base {got_base!r}, not {base}")
        try:
            answered = date.fromisoformat(str(payload.get("date")))
        except ValueError:
            raise _Unavailable(f"malformed answer: invalid date {payload.get('date')!r}") from None
        if day is not None:
            gap = (day - answered).days
            if gap < 0 or gap > self.max_gap_days:
                raise _Unavailable(f"it answered with the rates of {answered} when asked for {day}")
        clean: dict[str, float] = {}
        for code, v in rates.items():
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v <= 0:
                raise _Unavailable(f"malformed answer: rate {code}={v!r}")
            clean[str(code).upper()] = float(v)
        return {"base": base, "date": answered.isoformat(), "rates": clean, "url": self.base_url}

    # -- the cache ------------------------------------------------------------------------

    def _cache_path(self, base: str, key_day: str) -> Path | None:
        if not self._use_cache:
            return None
        root = self._cache_dir if self._cache_dir is not None else cache_dir()
        source = hashlib.sha256(self.base_url.encode()).hexdigest()[:12]
        return root / "live" / source / f"{key_day}-{base}.json"

    def _read_cache(self, path: Path | None, base: str, day: date | None) -> dict[str, Any] | None:
        if path is None:
            return None
        try:
            data = jsonfile.loads(path.read_text(encoding="utf-8"))
            return self._validate(data, base, day)  # a damaged cache entry is refetched
        except (OSError, ValueError, _Unavailable):
            return None

    def _write_cache(self, path: Path | None, answer: dict[str, Any]) -> None:
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            data = dict(answer, fetched=datetime.now(timezone.utc).isoformat(timespec="seconds"))
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)
            os.replace(tmp, path)
        except OSError:  # a cache we cannot write costs a request next time, not the check
            pass

    def answer(self, base: str, day: date | None) -> dict[str, Any]:
        """The source's rates for ``base`` on ``day``: memory, then disk, then one request."""
        # "latest" is cached for the day it was fetched: a check repeated today asks nothing
        key_day = day.isoformat() if day else f"latest-{date.today().isoformat()}"
        key = (key_day, base)
        with self._lock:
            if key in self._memory:
                return self._memory[key]
            now = time.monotonic()
            if self._down and self._down[0] > now:
                raise RateUnavailable(self._why(self._down[1]))
            if key in self._failed and self._failed[key][0] > now:
                raise RateUnavailable(self._why(self._failed[key][1]))
            path = self._cache_path(base, key_day)
            got = self._read_cache(path, base, day)
            if got is None:
                try:
                    got = self._request(base, day)
                except _Unavailable as e:
                    self._failed[key] = (now + RETRY_AFTER_S, str(e))
                    if e.source_down:
                        self._down = (now + RETRY_AFTER_S, str(e))
                    raise RateUnavailable(self._why(str(e))) from None
                self._write_cache(path, got)
            self._memory[key] = got
            return got

    def _why(self, detail: str) -> str:
        return f"the live rate source ({self.host}) was unavailable: {detail}"

    # -- the provider interface -------------------------------------------------------------

    def rate(self, base: str, quote: str, day: date | None) -> Rate:
        got = self.answer(base, day)
        value = got["rates"].get(quote)
        if value is None:
            raise RateUnavailable(f"the live rate source ({self.host}) has no {base}/{quote} rate for {got['date']}")
        answered = date.fromisoformat(got["date"])
        if day is None:
            note = f"no article date given: used the latest live rates, of {answered}"
        elif answered != day:
            note = f"{day} has no live rates: used those of {answered}"
        else:
            note = None
        return Rate(base, quote, value, answered, f"live ({self.host})", day, note)

    def currencies(self, day: date | None = None) -> frozenset[str]:
        # Asking would cost a request; the live source is consulted only for a real rate.
        return frozenset()


__all__ = ["LiveProvider", "DEFAULT_TIMEOUT", "MAX_GAP_DAYS"]
