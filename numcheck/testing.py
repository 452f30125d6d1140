"""numcheck in tests: claim names, failure text an editor can act on, and the ``numcheck``
fixture's helper.

The pytest plugin (numcheck/pytest_plugin.py) imports this module only when it needs it, so
that collecting a project's ordinary tests never pays for it. pytest rewrites the asserts of
this module (the plugin registers it), so ``assert_consistent`` fails like a plain assert in
the caller's test, with the explanation below instead of a traceback into numcheck.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date as Date
from typing import Any, Iterable

from .model import Finding, Mention, Report, Verdict

# ----------------------------------------------------------------------------- claim names

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k"))


def _compact(value: float) -> str:
    """275e6 → "275m", 1.5e9 → "1.5bn", 12 → "12": short enough for a test id."""
    if value is None or not math.isfinite(value):
        return "x"
    sign = "minus" if value < 0 else ""
    a = abs(value)
    for power, suffix in _SCALES:
        if a >= power:
            return f"{sign}{a / power:.4g}{suffix}"
    return f"{sign}{a:.4g}"


def _amount(m: Mention) -> str:
    if m.is_range:
        return f"{_compact(m.low)}-{_compact(m.high)}"
    return _compact(m.value)


def _unit(m: Mention) -> str:
    return m.unit or m.unit_text or m.kind


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", s.lower()).strip("-") or "x"


def claim_name(finding: Finding) -> str:
    """The test name of a claim: "$275 million … 3 billion kronor" → "usd-275m-to-sek"."""
    s, t = finding.source, finding.target
    return f"{_slug(_unit(s))}-{_slug(_amount(s))}-to-{_slug(_unit(t))}"


def unique_names(names: Iterable[str]) -> list[str]:
    """Names made unique within one file: the second "usd-1m-to-eur" becomes "usd-1m-to-eur-2"."""
    seen: dict[str, int] = {}
    taken = set()
    out = []
    for n in names:
        k = seen.get(n, 0) + 1
        seen[n] = k
        name = n if k == 1 else f"{n}-{k}"
        while name in taken:  # "a-2" written out by the article itself: keep counting
            k += 1
            seen[n] = k
            name = f"{n}-{k}"
        taken.add(name)
        out.append(name)
    return out


# ----------------------------------------------------------------------------- failure text

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n[ \t]*\n|\n(?=[ \t]*(?:[#>*+-]|\d+\.)\s)")
_WS = re.compile(r"\s+")
MAX_SENTENCE = 320


def marked_sentence(text: str, finding: Finding) -> str:
    """The sentence that holds the claim, on one line, with the stated figure marked:
    "… equivalent to approximately »3 million kronor«, from the US …"."""
    first = min(finding.source.start, finding.target.hedge_start if finding.target.hedge_start is not None else finding.target.start)
    last = max(finding.source.end, finding.target.end)
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, first):
        start = m.end()
    m = _SENTENCE_END.search(text, last)
    end = m.start() + 1 if m and text[m.start()] in ".!?" else (m.start() if m else len(text))
    ts, te = finding.target.start, finding.target.end
    before = _WS.sub(" ", text[start:ts]).lstrip()
    figure = _WS.sub(" ", text[ts:te])
    after = _WS.sub(" ", text[te:end]).rstrip()
    # a very long sentence: keep the claim and some context either side
    room = max(40, (MAX_SENTENCE - len(figure)) // 2)
    if len(before) > room:
        before = "…" + before[-room:]
    if len(after) > room:
        after = after[:room] + "…"
    return f"{before}»{figure}«{after}"


def _figure(m: Mention) -> str:
    from .judging.verdicts import figure_text

    return figure_text(m)


def _stated(t: Mention) -> str:
    from .judging.verdicts import figure_span

    hedge = f"{t.hedge_text} " if t.hedge_text else ""
    span = figure_span(t.low, t.high, t.unit) if t.is_range else figure_span(t.value, None, t.unit)
    return f"{hedge}{span}  (“{t.text}”)"


def _pct(x: float, sign: bool = False) -> str:
    """0.19667 → "19.7%", 0.03 → "3%"; with ``sign``: −0.999 → "−99.9%"."""
    s = f"{abs(x) * 100:.3g}%"
    return ("−" if x < 0 else "+" if sign else "") + s


def explain(
    finding: Finding,
    text: str,
    *,
    path: str = "<text>",
    date_used: str | None = None,
    drift: float | None = None,
    suppressed: str | None = None,
    source: str | None = None,
) -> str:
    """The failure of one claim, for an editor: where, the sentence with the stated figure
    marked, stated vs expected, the rate (day, provider), the tolerance and the correction;
    with ``source`` (the file as written), the correction as a diff of its line."""
    from .language.formatting import rate_text

    f = finding
    lines = [f"{path}:{f.line}:{f.column}: {f.verdict.value}: {f.source.text} → {f.target.text}"]
    lines.append(f"    {marked_sentence(text, f)}")
    rows: list[tuple[str, str]] = [("stated", _stated(f.target))]
    if f.expected is not None:
        from .judging.verdicts import figure_span

        exp = figure_span(f.expected, f.expected_max, f.target.unit)
        exp += f"  from {f.source.text}"
        if f.deviation is not None and math.isfinite(f.deviation):
            exp += f"  (the stated figure is off by {_pct(f.deviation, sign=True)})"
        rows.append(("expected", exp))
    if f.rate is not None:
        r = f.rate
        day = r.date.isoformat() if r.date else "latest"
        rate = f"1 {r.base} = {rate_text(r.value)} {r.quote}  ({r.provider}, {day})"
        if r.note:
            rate += f"; {r.note}"
        rows.append(("rate", rate))
    if date_used:
        rows.append(("date", date_used))
    if f.tolerance is not None:
        tol = f"±{_pct(f.tolerance)}"
        if drift is not None and f.tolerance >= drift:
            rounding = f.tolerance - drift
            slack = "rate drift" if f.kind == "money" else "conversion slack"
            tol += f"  (rounding of “{_figure(f.target)}” ±{_pct(rounding)} + {slack} ±{_pct(drift)})"
        rows.append(("tolerance", tol))
    if f.suggestion:
        rows.append(("suggestion", f.suggestion))
    if suppressed:
        rows.append(("suppressed", suppressed))
    rows.append(("numcheck", f.message))
    width = max(len(k) for k, _ in rows) + 1
    lines.extend(f"  {(k + ':').ljust(width)} {v}" for k, v in rows)
    diff = fix_diff(f, source) if source is not None else None
    if diff:
        lines.append(f"  {'fix:'.ljust(width)} (numcheck check --fix {path})")
        lines.extend(f"    {d}" for d in diff)
    return "\n".join(lines)


def fix_diff(f: Finding, source: str) -> list[str] | None:
    """The line of ``source`` that holds the stated figure, before and after ``--fix``."""
    from .outputs.fixes import edits_for

    edits = edits_for(source, [f]) if f.verdict is Verdict.INCONSISTENT and f.suggestion else []
    if not edits:
        return None
    e = edits[0]
    start = source.rfind("\n", 0, e.start) + 1
    end = source.find("\n", e.end)
    end = len(source) if end < 0 else end
    old = source[start:end].rstrip("\r")
    new = (source[start:e.start] + e.new + source[e.end:end]).rstrip("\r")
    return [f"- {old}", f"+ {new}"]


# ----------------------------------------------------------------------------- the fixture


@dataclass(frozen=True)
class Problem:
    """One claim that made ``assert_consistent`` fail; its repr is what pytest prints under
    the assertion, so it is short."""

    name: str
    verdict: Verdict
    line: int
    column: int

    def __repr__(self) -> str:
        return f"<{self.verdict.value} {self.name} at {self.line}:{self.column}>"


class NumcheckHelper:
    """What the ``numcheck`` fixture gives a test.

    ``check(text, **kw)`` is :func:`numcheck.check` with the session's defaults (``date``,
    ``lang``, ``tolerance`` from ``--numcheck-date`` … or the ini); ``assert_consistent``
    fails the test when a stated conversion does not hold, with the same explanation as a
    failing content item. Front matter and ``<!-- numcheck: ignore -->`` comments in the text
    are honoured by ``assert_consistent``.
    """

    def __init__(self, *, date: Any = None, lang: str | None = None, tolerance: Any = None, strict: bool = False, rates: Any = None):
        self.date = date
        self.lang = lang
        self.tolerance = tolerance
        self.strict = strict
        self.rates = rates

    def __repr__(self) -> str:
        return f"<numcheck fixture: date={self.date} lang={self.lang or 'en'} tolerance={self.tolerance} strict={self.strict}>"

    def check(self, text: str, **kw: Any) -> Report:
        from . import check

        opts = {"date": self.date, "lang": self.lang or "en", "tolerance": self.tolerance, "rates": self.rates}
        opts.update(kw)
        return check(text, **opts)

    def assert_consistent(self, text: str, date: Any = None, *, strict: bool | None = None, **kw: Any) -> Report:
        """Fail the calling test when a conversion in ``text`` is inconsistent (under
        ``strict``, also when one is unverifiable or ambiguous). Returns the report."""
        __tracebackhide__ = True
        from .batch import check_document
        from .documents.readers import parse_document
        from .pipeline import _tolerance
        from .judging.verdicts import DEFAULT_TOLERANCE

        doc = parse_document(text, kw.pop("path", "<text>"))
        day, date_used = _pick_date(date, doc.date, self.date, "given as date=", "front matter", "session default")
        lang = kw.pop("lang", None) or doc.lang or self.lang
        tolerance = kw.pop("tolerance", self.tolerance)
        rates = kw.pop("rates", self.rates)
        if kw:
            raise TypeError(f"assert_consistent() got unexpected keyword arguments: {', '.join(sorted(kw))}")
        result = check_document(doc, date=day, lang=lang, tolerance=tolerance, rates=rates)
        assert result.report is not None
        strict = self.strict if strict is None else strict
        failing = (Verdict.INCONSISTENT, Verdict.UNVERIFIABLE, Verdict.AMBIGUOUS) if strict else (Verdict.INCONSISTENT,)
        drift = _tolerance(tolerance) if tolerance is not None else DEFAULT_TOLERANCE
        names = unique_names(claim_name(f) for f in result.report.findings)
        bad = [(n, f) for n, (f, s) in zip(names, result.counted()) if f.verdict in failing and s is None]
        problems = tuple(Problem(n, f.verdict, f.line, f.column) for n, f in bad)
        if problems:
            used = date_used if day is not None else _latest(result.report)
            detail = "\n\n".join(explain(f, doc.text, path=doc.path, date_used=used, drift=drift) for _, f in bad)
            head = f"numcheck: {len(problems)} stated conversion{'s' if len(problems) != 1 else ''} {'do' if len(problems) != 1 else 'does'} not hold"
            assert not problems, f"{head}\n{detail}"
        return result.report


def _pick_date(explicit: Any, front: Date | None, default: Any, explicit_name: str, front_name: str, default_name: str) -> tuple[Date | None, str | None]:
    """The day to check against and the words that say where it came from."""
    from .conversion.rates.ecb import parse_date

    for value, origin in ((explicit, explicit_name), (front, front_name), (default, default_name)):
        if value is not None:
            day = parse_date(value)
            return day, f"{day.isoformat()} ({origin})"
    return None, None


def _latest(report: Report) -> str:
    days = sorted({f.rate.date for f in report.findings if f.rate is not None and f.rate.date})
    if days:
        return f"none given: used the latest rates ({', '.join(d.isoformat() for d in days)})"
    return "none given: used the latest rates"


__all__ = ["claim_name", "unique_names", "marked_sentence", "explain", "NumcheckHelper", "Problem"]
