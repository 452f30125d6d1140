"""The frozen records that flow through the pipeline.

text → :class:`Mention` (mentions.py) → :class:`Claim` (claims.py) → :class:`Rate`
(rates/) → :class:`Finding` (verdicts.py) → :class:`Report` (this module, rendered by
report.py). Every stage takes frozen dataclasses and returns frozen dataclasses, so a
stage can be tested, cached or run in another process on its own.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


#: Every kind of finding, as `--kinds` and the `kinds` setting name them: conversions of
#: money and units, percent changes/points/multiples ("change"), shares ("share").
ALL_KINDS = ("money", "unit", "change", "share")


class ArticleYear(date):
    """An article date known only to the year (``date="2012"``, ``date: 2012`` in front
    matter): a ``date`` (1 January) that prints as the year, so every stage that passes dates
    along keeps working, and the money stage judges with the range of that year's rates."""

    def __new__(cls, year, *rest):
        if isinstance(year, (bytes, str)) and rest == ():  # unpickling: date's own state
            return date.__new__(cls, year)
        return date.__new__(cls, int(year), 1, 1)

    def isoformat(self) -> str:  # type: ignore[override]
        return f"{self.year:04d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"ArticleYear({self.year})"


class Verdict(str, enum.Enum):
    """What numcheck concludes about one stated conversion."""

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    UNVERIFIABLE = "unverifiable"
    AMBIGUOUS = "ambiguous"

    def __str__(self) -> str:  # "consistent", not "Verdict.CONSISTENT", in messages
        return self.value


class Hedge(str, enum.Enum):
    """The direction of the words in front of an amount.

    APPROX: "about 3 billion" – the true value is near 3 billion, either side.
    AT_LEAST: "more than / over / at least 3 billion" – the true value is ≥ 3 billion.
    AT_MOST: "up to / under / less than 3 billion" – the true value is ≤ 3 billion.
    NEAR_BELOW: "nearly / almost 3 billion" – just under 3 billion.
    NEAR_ABOVE: "just over / drygt 3 billion" – just over 3 billion.
    """

    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    NEAR_BELOW = "near_below"
    NEAR_ABOVE = "near_above"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Mention:
    """One amount found in the text: "$275 million", "approximately 3 billion kronor".

    ``start``/``end`` delimit the amount itself (``text == source[start:end]``); a hedge in
    front of it is reported separately in ``hedge``/``hedge_text``/``hedge_start`` so that the
    span always slices to the figure an editor would correct.
    """

    text: str
    start: int
    end: int
    value: float
    unit: str | None  # ISO 4217 code for money; a pint unit name for quantities
    kind: str = "money"  # "money" or "unit"
    hedge: Hedge | None = None
    hedge_text: str | None = None
    hedge_start: int | None = None
    value_max: float | None = None  # the upper end of a range ("$2–3 million"); else None
    step: float = 1.0  # the rounding unit the writing implies: "3 billion" → 1e9, "3.0 billion" → 1e8
    candidates: tuple[str, ...] = ()  # every unit the surface form can mean, most likely first
    unit_text: str = ""  # the currency or unit as written: "$", "kronor", "USD", "km"
    number_text: str = ""  # the figure as written: "275", "3", "1,5", "three"
    number_start: int = -1  # offset of number_text in the source text
    scale_text: str = ""  # the scale word as written: "million", "bn", "" if none
    scale: float = 1.0  # the multiplier of the scale word
    difference: bool = False  # a change ("rose by 2C") rather than a level; units only

    @property
    def low(self) -> float:
        return self.value

    @property
    def high(self) -> float:
        return self.value if self.value_max is None else self.value_max

    @property
    def is_range(self) -> bool:
        return self.value_max is not None

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["hedge"] = self.hedge.value if self.hedge else None
        d["candidates"] = list(self.candidates)
        return d


@dataclass(frozen=True)
class Conversion:
    """Source unit → target unit: ``target = source × factor + offset``."""

    source_unit: str
    target_unit: str
    factor: float
    offset: float = 0.0
    rate: Rate | None = None
    label: str = ""  # "10.951 SEK/USD (ECB, 2024-11-19)"
    #: the highest factor when only the year is known ("date=2012"): the figure holds when
    #: some day's rate of the year fits, so the conversion spans factor … factor_max
    factor_max: float | None = None

    def apply(self, x: float) -> float:
        return x * self.factor + self.offset

    def span(self, x: float) -> tuple[float, float]:
        """Where ``x`` lands, lowest and highest over the factors."""
        a = self.apply(x)
        if self.factor_max is None:
            return a, a
        b = x * self.factor_max + self.offset
        return min(a, b), max(a, b)


@dataclass(frozen=True)
class Claim:
    """A writer's statement that ``target`` is the equivalent of ``source``.

    ``cue`` is the text that joins them (", equivalent to", " (") and ``strength`` says how
    sure the pairing is: "strong" cues state an equivalence; "weak" ones (", or") can also
    join alternatives, so an inconsistency under a weak cue is reported as ambiguous.
    """

    source: Mention
    target: Mention
    cue: str
    strength: str = "strong"

    @property
    def kind(self) -> str:
        return self.source.kind

    @property
    def start(self) -> int:
        return min(self.source.start, self.target.hedge_start or self.target.start)

    @property
    def end(self) -> int:
        return max(self.source.end, self.target.end)


@dataclass(frozen=True)
class Rate:
    """How many ``quote`` one ``base`` buys, on ``date``, according to ``provider``.

    ``requested`` is the article date that was asked for (None: no date given); ``date`` is
    the day whose published rate was used, which differs on weekends, holidays and after
    the end of the data. ``note`` says why, in words an editor reads in the finding.
    """

    base: str
    quote: str
    value: float
    date: date | None
    provider: str
    requested: date | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "quote": self.quote,
            "value": self.value,
            "date": self.date.isoformat() if self.date else None,
            "provider": self.provider,
            "requested": self.requested.isoformat() if self.requested else None,
            "note": self.note,
        }


@dataclass(frozen=True)
class Finding:
    """The verdict on one claim, with everything an editor needs to act on it."""

    kind: str
    verdict: Verdict
    source: Mention
    target: Mention
    expected: float | None  # source converted into the target's unit (low end for ranges)
    expected_max: float | None  # the converted upper end of a ranged source; else None
    deviation: float | None  # (stated − expected) / expected, the worst end for ranges
    tolerance: float | None  # the relative deviation that still counts as consistent
    rate: Rate | None
    message: str
    suggestion: str | None = None  # a corrected target, written like the original
    cue: str = ""
    notes: tuple[str, ...] = ()
    line: int = 0  # 1-based position of the stated figure, filled by check()
    column: int = 0
    end_line: int = 0  # 1-based position just past the stated figure (end exclusive)
    end_column: int = 0
    offset: int = 0  # 0-based offsets of the stated figure in the text or file checked
    end_offset: int = 0
    suppressed: str | None = None  # the editor's reason (numcheck.check_file), else None

    @property
    def start(self) -> int:
        return self.target.start

    @property
    def end(self) -> int:
        return self.target.end

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "verdict": self.verdict.value,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "end_offset": self.end_offset,
            "source": self.source.to_dict(),
            "target": self.target.to_dict(),
            "expected": self.expected,
            "expected_max": self.expected_max,
            "deviation": self.deviation,
            "tolerance": self.tolerance,
            "rate": self.rate.to_dict() if self.rate else None,
            "message": self.message,
            "suggestion": self.suggestion,
            "cue": self.cue,
            "notes": list(self.notes),
            "suppressed": self.suppressed,
        }


@dataclass(frozen=True)
class Report:
    """Everything numcheck found in one text."""

    findings: tuple[Finding, ...]
    mentions: tuple[Mention, ...]
    date: date | None
    lang: str
    notes: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when nothing is inconsistent (an editor's suppressed finding does not count)."""
        return not any(f.verdict is Verdict.INCONSISTENT and f.suppressed is None for f in self.findings)

    def by_verdict(self, verdict: Verdict | str) -> list[Finding]:
        v = Verdict(verdict)
        return [f for f in self.findings if f.verdict is v]

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat() if self.date else None,
            "lang": self.lang,
            "ok": self.ok,
            "findings": [f.to_dict() for f in self.findings],
            "notes": list(self.notes),
        }


def strict_json(doc: Any, **kwargs: Any) -> str:
    """``json.dumps`` that always writes JSON: a non-finite float (which the standard
    library writes as a bare ``Infinity``/``NaN``, no JSON at all) becomes null."""
    import json
    import math

    def clean(x: Any) -> Any:
        if isinstance(x, float) and not math.isfinite(x):
            return None
        if isinstance(x, dict):
            return {k: clean(v) for k, v in x.items()}
        if isinstance(x, (list, tuple)):
            return [clean(v) for v in x]
        return x

    return json.dumps(clean(doc), allow_nan=False, **kwargs)
