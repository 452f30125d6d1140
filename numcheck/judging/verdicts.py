"""claims + conversions → verdicts: does the stated figure hold?

The tolerance respects how the stated figure is written and hedged:

* rounding: "3.0 billion" stands for 2.95–3.05 billion (half the last written digit, at
  the figure's scale), but never more than ±10%: "3 billion" is 2.7–3.3 billion;
* rate drift: on top of that a relative tolerance (default 3%) for the rate the writer may
  have used (another day's, a bank's rather than the ECB's);
* hedges have direction: "more than / at least Y" holds when the converted value is ≥ Y,
  "up to / under Y" when it is ≤ Y, "nearly / almost Y" when it is just under Y.

When a figure holds only if the *source* figure was itself rounded ("$3 billion" may be
anything from 2.5 to 3.5 billion), the verdict is ``ambiguous`` rather than a false alarm.
Money and units share this module: a :class:`Conversion` is a factor (and an offset for
temperatures) with a description, whatever produced it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Sequence

from ..language.formatting import human, percent, quote, round_significant, suggest, writer_digits
from ..language import Lexicon
from ..model import Claim, Conversion, Finding, Hedge, Mention, Rate, Verdict

DEFAULT_TOLERANCE = 0.03
#: An open bound ("more than 3 billion") this many times off is a wrong figure, not a hedge:
#: "más de 32 millones de euros" for €65 million is true as a bound but half the figure, and
#: a writer who converted would have written "more than 60". Below 2, so that a figure half
#: or double the converted value is always caught, as for rounding (ROUNDING_CAP).
OPEN_BOUND_LIMIT = 1.5
#: The most rounding read into any written figure, source or stated: "1 billion" stands for
#: 0.9–1.1 billion, never 0.5–1.5, so a figure half or double the converted value is always
#: caught ("NOK 1 billion ($48 million)", true ≈ $95 million).
ROUNDING_CAP = 0.10


def rounding_half(m: Mention, value: float) -> float:
    """Half the rounding step of ``m`` at ``value`` (one end of a range), at most ±10% when
    the rounding is read into the figure by a scale word ("1 billion", "7 mln"). A plain
    small figure keeps its last digit's half unit ("3 mph" is 2.5–3.5 mph): writers cannot
    round it more finely, and trailing zeros are capped where they are read (mentions.py)."""
    if m.scale == 1.0:
        return m.step / 2
    return min(m.step / 2, ROUNDING_CAP * abs(value))
#: "nearly / almost Y": the value lies within this fraction below Y (just over, above).
NEAR_BAND = 0.15


@dataclass(frozen=True)
class Outcome:
    verdict: Verdict
    expected: float
    expected_max: float | None
    deviation: float | None  # None: the expected figure is 0 and the stated one is not
    tolerance: float
    reason: str


def _interval_ok(lo_e: float, hi_e: float, lo_t: float, hi_t: float, hedge: Hedge | None, t_lo: float, t_hi: float) -> bool:
    """Does the expected interval [lo_e, hi_e] fit the stated figure [lo_t, hi_t] (its
    rounding interval), read with the hedge's direction? ``t_lo``/``t_hi`` are the stated
    figure itself, without rounding."""
    if hedge in (None, Hedge.APPROX):
        return hi_e >= lo_t and lo_e <= hi_t
    if hedge is Hedge.AT_LEAST:
        return hi_e >= lo_t and lo_e <= t_lo * OPEN_BOUND_LIMIT
    if hedge is Hedge.AT_MOST:
        return lo_e <= hi_t and hi_e >= t_hi / OPEN_BOUND_LIMIT
    # "knappt/nearly 3 billion" is at most 3 billion, "drygt/just over 3 billion" at least:
    # the hedge, not the rounding of "3", bounds the side it points to.
    if hedge is Hedge.NEAR_BELOW:
        return lo_e <= t_hi and hi_e >= lo_t - t_lo * NEAR_BAND
    if hedge is Hedge.NEAR_ABOVE:
        return hi_e >= t_lo and lo_e <= hi_t + t_hi * NEAR_BAND
    return hi_e >= lo_t and lo_e <= hi_t


def evaluate(claim: Claim, conv: Conversion, drift: float) -> Outcome:
    """Judge one claim under one conversion."""
    s, t = claim.source, claim.target
    e_lo, e_hi = min(conv.span(s.low) + conv.span(s.high)), max(conv.span(s.low) + conv.span(s.high))
    half = rounding_half(t, t.high)
    half_lo = rounding_half(t, t.low)
    # relative slack for the rate (or for a unit factor: rounding of published constants)
    def band(lo: float, hi: float, rel: float) -> tuple[float, float]:
        return lo - abs(lo) * rel, hi + abs(hi) * rel

    def fits(lo: float, hi: float) -> bool:
        if s.is_range and t.is_range:  # both ends, each on its own
            return _interval_ok(*band(*conv.span(s.low), drift), t.low - half_lo, t.low + half_lo, None, t.low, t.low) and _interval_ok(
                *band(*conv.span(s.high), drift), t.high - half, t.high + half, None, t.high, t.high
            )
        return _interval_ok(*band(lo, hi, drift), t.low - half_lo, t.high + half, t.hedge, t.low, t.high)

    stated = (t.low + t.high) / 2
    expected_mid = (e_lo + e_hi) / 2
    # a relative deviation from 0 is no number ("off by inf%", a bare Infinity in JSON)
    deviation = (stated - expected_mid) / expected_mid if expected_mid else (0.0 if stated == 0 else None)
    tolerance = (half / abs(stated) if stated else 0.0) + drift
    if fits(e_lo, e_hi):
        return Outcome(Verdict.CONSISTENT, e_lo, e_hi if s.is_range or conv.factor_max is not None else None, deviation, tolerance, "")
    # The source figure is rounded too: "$3 billion" may stand for $2.7–3.3 billion.
    s_half, s_half_hi = rounding_half(s, s.low), rounding_half(s, s.high)
    ends = conv.span(s.low - s_half) + conv.span(s.high + s_half_hi)
    w_lo, w_hi = min(ends), max(ends)
    if s_half and _interval_ok(*band(w_lo, w_hi, drift), t.low - half_lo, t.high + half, t.hedge, t.low, t.high):
        from ..language.messages import Num, Phrase

        low, high = s.low - s_half, s.high + s_half_hi
        digits = _distinct_digits(low, high)
        reason = Phrase("source_rounded", source=("quote", s.text), low=Num(low, digits=digits), high=Num(high, digits=digits))
        return Outcome(Verdict.AMBIGUOUS, e_lo, e_hi if s.is_range or conv.factor_max is not None else None, deviation, tolerance, reason)
    return Outcome(Verdict.INCONSISTENT, e_lo, e_hi if s.is_range or conv.factor_max is not None else None, deviation, tolerance, "")


def _distinct_digits(low: float, high: float, digits: int = 3) -> int:
    """Significant digits that write ``low`` and ``high`` as two figures: "1.495 and 1.505",
    never "1.5 and 1.5"."""
    def sig(x: float, n: int) -> float:
        return float(f"{x:.{n}g}")
    while digits < 9 and sig(low, digits) == sig(high, digits):
        digits += 1
    return digits


def figure_text(m: Mention) -> str:
    """The figure as written, with its scale word: "3 billion" of "approximately 3 billion kronor"."""
    rel = m.number_start - m.start
    end = rel + len(m.number_text)
    if m.scale_text:
        i = m.text.find(m.scale_text, end)
        if i >= 0:
            end = i + len(m.scale_text)
    return m.text[rel:end] if rel >= 0 else m.text


def figure_span(low: float, high: float | None, unit: str | None, lang: str = "en") -> str:
    """A figure, or a range "low–high" with the unit written once at the end, as messages
    (and :func:`numcheck.testing.explain`) write them."""
    from ..language.messages import amount, number

    if high is not None:
        return f"{number(low, lang)}–{amount(high, unit, lang)}"
    return amount(low, unit, lang)


def _stated(t: Mention, lang: str = "en") -> str:
    if t.is_range:
        return figure_span(t.low, t.high, t.unit, lang)
    hedge = f"{t.hedge_text} " if t.hedge_text else ""
    return f"{hedge}{figure_span(t.value, None, t.unit, lang)}"


def _expected(o: Outcome, unit: str | None, lang: str = "en") -> str:
    return figure_span(o.expected, o.expected_max, unit, lang)


def describe(claim: Claim, conv: Conversion, o: Outcome, lex: Lexicon, hints: Sequence[str] = (), lang: str = "en") -> tuple[str, str | None]:
    """The finding's message and, for an inconsistency, the suggested correction. ``lang``:
    the language the message is written in (numcheck.messages; English for any part a
    language's templates lack)."""
    from ..language.messages import Phrase, quote as q, render

    s, t = claim.source, claim.target
    head = _head(claim, conv, o, lex, lang)
    hint_text = [h.localized(lang) if isinstance(h, Phrase) else h for h in hints]
    if o.verdict is Verdict.CONSISTENT:
        if t.hedge in (Hedge.AT_LEAST, Hedge.AT_MOST, Hedge.NEAR_ABOVE, Hedge.NEAR_BELOW):
            return render("consistent_hedge", {"head": head, "hedge": q(t.hedge_text or "", lang)}, lang), None
        return render("consistent", {"head": head, "figure": q(figure_text(t), lang)}, lang), None
    if o.verdict is Verdict.AMBIGUOUS:
        reason = o.reason.localized(lang) if isinstance(o.reason, Phrase) else o.reason
        if hint_text:
            reason += "; " + render("otherwise", {"hints": "; ".join(hint_text)}, lang)
        return render("ambiguous", {"head": head, "reason": reason}, lang), None
    why = _why(t, o)
    why = why.localized(lang) if isinstance(why, Phrase) else why
    sugg = None
    if not t.is_range and not s.is_range and o.expected > 0:
        sugg = suggest(t, o.expected if o.expected_max is None else (o.expected + o.expected_max) / 2, lex)
    text = render("inconsistent", {"head": head, "why": why}, lang)
    if hint_text:
        text += "; " + "; ".join(hint_text)
    if sugg:
        text += "; " + render("suggest", {"suggestion": q(sugg, lang)}, lang)
    return text, sugg


def _head(claim: Claim, conv: Conversion, o: Outcome, lex: Lexicon, lang: str = "en") -> str:
    """The fact part of a message: what is stated and what the conversion gives."""
    from ..language.messages import localize_label, render

    s, t = claim.source, claim.target
    shown = o
    digits = writer_digits(t.number_text, lex) if not t.is_range and t.number_text else 0
    if digits and not t.scale_text and o.expected_max is None and o.expected >= 1000 and t.value >= 1000 \
            and digits < len(str(int(t.value))):
        # "about 475 000 kronor" is rounded to thousands: so is the figure it is compared with
        # (47 500, never 47 494)
        shown = replace(o, expected=round_significant(o.expected, max(3, digits)))
    return render("head", {"stated": _stated(t, lang), "source": s.text, "rate": localize_label(conv.label, lang),
                           "expected": _expected(shown, t.unit, lang)}, lang)


def _why(t: Mention, o: Outcome) -> str:
    from ..language.messages import Num, Phrase

    e = o.expected if o.expected_max is None else (o.expected + o.expected_max) / 2
    stated = (t.low + t.high) / 2
    if t.hedge is Hedge.AT_LEAST and e < stated:
        return Phrase("needs_at_least", hedge=("quote", t.hedge_text or ""), stated=Num(stated))
    if t.hedge in (Hedge.AT_MOST, Hedge.NEAR_BELOW) and e > stated:
        return Phrase("needs_at_most", hedge=("quote", t.hedge_text or ""), stated=Num(stated))
    if e and stated:
        ratio = stated / e
        if ratio >= 2 or ratio <= 0.5:
            times = ratio if ratio >= 1 else 1 / ratio
            return Phrase("too_large" if ratio > 1 else "too_small", times=Num(times, kind="times"))
    if o.deviation is None:
        return Phrase("no_other_figure", expected=Num(e))
    return Phrase("off_by", deviation=Num(o.deviation, kind="percent"), tolerance=Num(o.tolerance, kind="percent"))


def judge(
    claim: Claim,
    conversions: Sequence[Conversion],
    lex: Lexicon,
    drift: float = DEFAULT_TOLERANCE,
    hints: Callable[[Claim, Conversion, Outcome], list[str]] | None = None,
    lang: str = "en",
    undated: Callable[[Claim, Conversion], str | None] | None = None,
) -> Finding:
    """The finding for a claim, given one conversion per reading of its units.

    Several conversions mean the units are ambiguous ("kroner": DKK or NOK). When every
    reading gives the same verdict, that verdict stands, with a note; otherwise the
    verdict is ambiguous and lists the readings.

    ``undated`` (given when the article has no date): for an inconsistency, the reason it may
    still be right at the rate of another day, or None. With a reason the verdict is
    ambiguous, the message is the fact and that reason, and nothing is suggested.
    """
    outcomes = [(c, evaluate(claim, c, drift)) for c in conversions]
    verdicts = {o.verdict for _, o in outcomes}
    conv, o = outcomes[0]
    notes: list[str] = []
    if conv.rate is not None and conv.rate.note:
        notes.append(conv.rate.note)
    if len(verdicts) > 1:
        readings = ", ".join(f"{c.source_unit}→{c.target_unit}: {oc.verdict}" for c, oc in outcomes)
        what = "currency" if claim.kind == "money" else "unit"
        message = f"stated {_stated(claim.target)}; the {what} is ambiguous ({readings})"
        return _finding(claim, Verdict.AMBIGUOUS, conv, o, message, None, notes)
    if len(outcomes) > 1:
        notes.append("several readings of the units, all with this verdict: " + ", ".join(f"{c.source_unit}→{c.target_unit}" for c, _ in outcomes))
    verdict = o.verdict
    extra = hints(claim, conv, o) if hints and verdict is not Verdict.CONSISTENT else []
    message, sugg = describe(claim, conv, o, lex, extra, lang)
    if verdict is Verdict.INCONSISTENT and claim.strength == "weak":
        verdict = Verdict.AMBIGUOUS
        from ..language.messages import render

        message += " \u2014 " + render("weak_pairing", {"cue": ("quote", claim.cue.strip())}, lang)
    if verdict is Verdict.INCONSISTENT and undated is not None:
        why_not = undated(claim, conv)
        if why_not is not None:
            # the notes stay on the finding; the message is the fact and the reason alone
            f = _finding(claim, Verdict.AMBIGUOUS, conv, o, f"{_head(claim, conv, o, lex, lang)} \u2014 {why_not}", None, [])
            return replace(f, notes=tuple(notes))
    return _finding(claim, verdict, conv, o, message, sugg, notes)


def _finding(claim: Claim, verdict: Verdict, conv: Conversion, o: Outcome, message: str, sugg: str | None, notes: list[str]) -> Finding:
    if notes:
        message += " (" + "; ".join(notes) + ")"
    return Finding(
        kind=claim.kind,
        verdict=verdict,
        source=claim.source,
        target=claim.target,
        expected=o.expected,
        expected_max=o.expected_max,
        deviation=o.deviation,
        tolerance=o.tolerance,
        rate=conv.rate,
        message=message,
        suggestion=sugg,
        cue=claim.cue,
        notes=tuple(notes),
    )


def unverifiable(claim: Claim, reason: str, lang: str = "en") -> Finding:
    """A claim no rate (or unit) can check: the reason is the message."""
    from ..language.messages import render

    t = claim.target
    return Finding(
        kind=claim.kind,
        verdict=Verdict.UNVERIFIABLE,
        source=claim.source,
        target=t,
        expected=None,
        expected_max=None,
        deviation=None,
        tolerance=None,
        rate=None,
        message=render("unverifiable", {"stated": _stated(t, lang), "source": claim.source.text, "reason": reason}, lang),
        cue=claim.cue,
    )


__all__ = ["Conversion", "Outcome", "evaluate", "judge", "unverifiable", "DEFAULT_TOLERANCE"]
