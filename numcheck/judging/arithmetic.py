"""arithmetic claims → findings: does the stated change or share follow from its figures?

Every figure is an interval: half its last written digit (a round figure up to ±10%, as
for money: ``round_figure_step``), widened by its hedge ("more than 50,000", "nearly
doubled"); a multiple or fraction in words ("doubled", "a third") stands for ±10%. The
computed value is the interval the formula takes over those intervals, with 2% slack for
the writer's unrounded inputs; it holds when it meets the stated figure read with its hedge.

Not holding only when every figure is read twice as coarsely is ``ambiguous``; so is a
stated figure so far from the computed one (over 6×) that nothing says the figures are the
ones it was computed from. Otherwise ``inconsistent``, with the usual slip named when the
stated figure matches it: points stated as percent, the ratio stated as the change ("200%"
for a doubling), the change taken as a share of the new figure, the direction reversed.
"""

from __future__ import annotations

import math

from ..language import Lexicon
from ..model import Finding, Hedge, Mention, Verdict
from .verdicts import _interval_ok
from ..extraction.figures import Figure
from ..pairing.arithmetic import ArithClaim

#: A multiple or fraction in words ("doubled", "a third") stands for this much either side.
WORD_BAND = 0.10
#: The most a written figure's rounding may stand for, either side (money's cap too).
ROUND_CAP = 0.10
#: Relative slack on a computed value: the writer computed from unrounded figures.
SLACK = 0.02
#: A stated figure this many times off the computed one is not about these figures.
FAR = 6.0
#: A stated figure this many times off the computed one is wrong even when round figures
#: read as rounded (±10% each) could explain it.
HALF_OR_DOUBLE = 1.9
#: …but a figure off by a power of ten within this much is a misplaced decimal mark.
DECIMAL_SLIP = 0.03


def _sharp_step(m: Mention) -> float:
    """The step of a figure read as exact to its last written digit: "500 million" to the
    million, "1.8 million" to 100,000 (trailing zeros not read as rounding)."""
    t = m.number_text
    for mark in ".,":
        if mark in t:
            frac = t.rsplit(mark, 1)[1]
            if frac.isdigit() and len(frac) < 3:
                return 10.0 ** -len(frac) * (m.scale or 1.0)
    if (m.scale or 1.0) == 1.0 and m.step <= 1.0:
        return 0.0  # "1,410 units", "12 schools": a count is exact
    return min(m.step, m.scale or 1.0) if m.step else 0.0


def _interval(f: Figure, lenient: int) -> tuple[float, float]:
    """The values an input figure may stand for, widened by its hedge: ``lenient`` 0 the
    figure as written; 1 within its last written digit ("1.5 million": 1.45–1.55 million;
    a count is exact); 2 with trailing zeros read as rounding too, up to ±10%."""
    m = f.mention
    v = m.value
    if f.word:
        half = abs(v) * WORD_BAND
    else:
        # exact: the figures as written; lenient: within their rounding (at most ±10%)
        step = (0.0, _sharp_step(m), m.step)[int(lenient)]
        half = min(step / 2, ROUND_CAP * abs(v))
    h = m.hedge
    if h is Hedge.AT_LEAST:
        return v - half, v * 1.5
    if h is Hedge.AT_MOST:
        return v / 1.5, v + half
    if h is Hedge.NEAR_BELOW:
        return v * 0.85, v + half
    if h is Hedge.NEAR_ABOVE:
        return v - half, v * 1.15
    if h is Hedge.APPROX:
        half = max(half, 0.05 * abs(v))
    return v - half, v + half


def _fits(e_lo: float, e_hi: float, stated: Figure, lenient: int, scale: float = 1.0) -> bool:
    """Does the computed interval meet the stated figure (× ``scale``), read with its own
    rounding and hedge? ``lenient``: more slack for the writer's unrounded inputs."""
    m = stated.mention
    v = m.value * scale
    half = (m.step / 2 if not stated.word else abs(m.value) * WORD_BAND) * scale
    slack = SLACK * max(abs(e_lo), abs(e_hi)) + 1e-9
    # a word ("nearly doubled") is itself loose: its hedge bounds its band, not the exact factor
    t_lo, t_hi = (v - half, v + half) if stated.word else (v, v)
    return _interval_ok(e_lo - slack, e_hi + slack, v - half, v + half, m.hedge, t_lo, t_hi)


def _loose(claim: ArithClaim) -> str:
    """Why a claim that holds only leniently is not called wrong: the round figures."""
    figs = [f for f in (claim.old, claim.new, claim.part, claim.whole) if f is not None and not f.word]
    round_ = [f for f in figs if f.mention.step > 0 or f.mention.hedge is not None]
    names = " and ".join(_q(_written(f)) for f in round_) or "the figures"
    return f"holds only within the rounding of {names}: the writer may have computed from unrounded figures"


def _sibling_steps(claim: ArithClaim) -> ArithClaim:
    """A writer gives the figures of one computation to the same precision: a round figure
    next to a finer one ("from 1 000 to 1 120 million", "300 of 1,250") is read to the finer
    step, not as a round figure (its own rounding stays the bound)."""
    from dataclasses import replace

    figs = [f for f in (claim.old, claim.new, claim.part, claim.whole) if f is not None and not f.word and f.kind in ("num", "pct")]
    if len(figs) < 2:
        return claim
    finest = min(f.mention.step for f in figs)
    changes = {}
    for name in ("old", "new", "part", "whole"):
        f = getattr(claim, name)
        if f is not None and f in figs and f.mention.step > finest and f.kind == figs[0].kind:
            changes[name] = replace(f, mention=replace(f.mention, step=max(finest, _sharp_step(f.mention))))
    return replace(claim, **changes) if changes else claim


def _magnitude(lo: float, hi: float) -> tuple[float, float]:
    if lo >= 0:
        return lo, hi
    if hi <= 0:
        return -hi, -lo
    return 0.0, max(-lo, hi)


def _written(f: Figure) -> str:
    """The figure as the writer wrote it, hedge left out."""
    return f.mention.text


def _pct(v: float, like: Figure | None = None, signed: bool = False) -> str:
    dec = 0
    if like is not None and not like.word:
        t = like.mention.number_text
        for mark in ".,":
            if mark in t and len(t.rsplit(mark, 1)[1]) < 3:
                dec = len(t.rsplit(mark, 1)[1])
    if abs(v) < 10 and dec == 0:
        dec = 1
    s = f"{abs(v):.{dec}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    sign = ("+" if v > 0 else "\u2212" if v < 0 else "") if signed else ""
    return f"{sign}{s}%"


def _num(v: float) -> str:
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    s = f"{v:.3g}" if abs(v) < 100 else f"{v:.0f}"
    return s


def _q(s: str) -> str:
    return f"\u201c{s}\u201d"


class _Judgement:
    def __init__(self, claim: ArithClaim):
        self.claim = claim
        self.verdict = Verdict.CONSISTENT
        self.expected: float | None = None
        self.arith = ""
        self.why = ""
        self.suggestion: str | None = None


def judge(claim: ArithClaim, lex: Lexicon) -> Finding | None:
    claim = _sibling_steps(claim)
    shape = claim.shape
    if shape == "change":
        j = _change(claim)
    elif shape == "index":
        j = _index(claim)
    else:
        j = _share(claim)
    if j is None:
        return None
    stated = claim.stated
    source = (claim.old or claim.whole or claim.part or claim.new).mention  # type: ignore[union-attr]
    target = stated.mention
    expected = None if j.expected is None else float(f"{j.expected:.10g}")  # 38.0, not 37.999999999999986
    deviation = None
    if expected:
        deviation = (target.value * (100 if stated.kind == "frac" and shape == "change" else 1) - abs(expected)) / abs(expected)
    tolerance = (target.step / 2 / abs(target.value)) if target.value and not stated.word else WORD_BAND
    if j.verdict is Verdict.CONSISTENT:
        what = f"consistent with {_q(_stated_text(stated))}"
        message = f"{j.arith} \u2014 {what}"
    elif j.verdict is Verdict.AMBIGUOUS:
        message = f"{j.arith} \u2014 {j.why}"
    else:
        message = f"{j.arith}" + (f" \u2014 {j.why}" if j.why else "")
        if j.suggestion:
            message += f"; suggest {_q(j.suggestion)}"
    return Finding(
        kind=claim.kind, verdict=j.verdict, source=source, target=target, expected=expected,
        expected_max=None, deviation=deviation, tolerance=tolerance + SLACK, rate=None,
        message=message, suggestion=j.suggestion if j.verdict is Verdict.INCONSISTENT else None,
        cue=claim.cue,
    )


def _stated_text(f: Figure) -> str:
    m = f.mention
    return f"{m.hedge_text} {m.text}" if m.hedge_text else m.text


def _replace_number(f: Figure, value: float, decimals_like: str) -> str | None:
    m = f.mention
    if f.word or m.number_start < m.start:
        return None
    off = m.number_start - m.start
    dec = 0
    for mark in ".,":
        if mark in decimals_like and len(decimals_like.rsplit(mark, 1)[1]) < 3:
            dec = len(decimals_like.rsplit(mark, 1)[1])
    if abs(value) < 10 and dec == 0:
        dec = 1
    mark = "," if "," in decimals_like and "." not in decimals_like and dec else "."
    x = f"{abs(value) / (m.scale or 1):.{dec}f}".replace(".", mark)
    return m.text[:off] + x + m.text[off + len(m.number_text):]


def _change(claim: ArithClaim) -> _Judgement | None:
    p, a, b, d = claim.stated, claim.old, claim.new, claim.direction
    assert a is not None and b is not None
    j = _Judgement(claim)
    ratio_txt = f"{_written(b)} / {_written(a)}"

    def rel(lenient: int) -> tuple[float, float]:
        x_lo, x_hi = _interval(a, lenient)
        y_lo, y_hi = _interval(b, lenient)
        if x_lo <= 0:
            x_lo = a.value * 0.5
        return (y_lo / x_hi - 1) * 100, (y_hi / x_lo - 1) * 100

    exp = (b.value / a.value - 1) * 100
    if p.kind == "mult":
        factor = p.value
        if d < 0 and factor > 1:
            factor = 1 / factor  # "fell threefold": to a third
        def ratio(lenient: int) -> tuple[float, float]:
            lo, hi = rel(lenient)
            return lo / 100 + 1, hi / 100 + 1
        q = b.value / a.value
        j.expected = q
        j.arith = f"{ratio_txt} = {_num(q)}\u00d7"
        sc = factor / p.value
        if _fits(*ratio(1), p, False, sc):
            return j
        j.arith += f", not {_num(factor)}\u00d7 ({_q(_stated_text(p))})"
        if _fits(*ratio(2), p, True, sc):
            j.verdict, j.why = Verdict.AMBIGUOUS, _loose(claim)
        elif not p.word and _fits(*ratio(1), p, False, (factor + 1) / p.value):
            j.verdict, j.why = Verdict.AMBIGUOUS, f"matches {_q(_stated_text(p))} read as ×{_num(factor + 1)} (\u201cN times more\u201d)"
        elif not p.word and d == 0:
            j.verdict, j.why = Verdict.AMBIGUOUS, f"{_q(_stated_text(p))} may count occurrences, not a multiple"
        elif _too_far(q, factor):
            j.verdict, j.why = Verdict.AMBIGUOUS, "too far from the stated multiple to be what it was computed from"
        else:
            j.verdict = Verdict.INCONSISTENT
        return j

    if p.kind == "pts":
        scale = p.points
        if a.kind == "pct":
            diff_txt = f"{_written(b)} \u2212 {_written(a)}"
        else:
            diff_txt = f"{_written(b)} \u2212 {_written(a)}"
        def diff(lenient: int) -> tuple[float, float]:
            x_lo, x_hi = _interval(a, lenient)
            y_lo, y_hi = _interval(b, lenient)
            return y_lo - x_hi, y_hi - x_lo
        e = b.value - a.value
        j.expected = e
        unit = "points" if a.kind == "pct" else "points"
        j.arith = f"{diff_txt} = {'+' if e > 0 else '−' if e < 0 else ''}{_num(abs(e))} {unit}"
        lo, hi = diff(1)
        if d and (hi < 0 if d > 0 else lo > 0):
            j.verdict, j.why = Verdict.INCONSISTENT, f"the figures go {'down' if d > 0 else 'up'}, the text says {'up' if d > 0 else 'down'}"
            return j
        if _fits(*_magnitude(lo, hi), p, False, scale):
            return j
        j.arith += f", not {_stated_text(p)}"
        if _fits(*_magnitude(*diff(2)), p, True, scale) and not _half_or_double(e, p.value * scale):
            j.verdict, j.why = Verdict.AMBIGUOUS, _loose(claim)
        elif _fits(*_magnitude(*rel(1)), p, False, scale):
            j.verdict, j.why = Verdict.INCONSISTENT, f"it is the percent change ({_pct(exp, p, True)}) stated as points"
        elif abs(e) and _too_far(abs(e), p.value * scale):
            j.verdict, j.why = Verdict.AMBIGUOUS, "too far from the stated change to be what it was computed from"
        else:
            j.verdict = Verdict.INCONSISTENT
        return j

    # a percent ("15%") or a fraction in words ("by a third")
    scale = 100.0 if p.kind == "frac" else 1.0
    j.expected = exp
    j.arith = f"{ratio_txt} = {_pct(exp, p, True)}"
    lo, hi = rel(1)
    stated_signed = ("+" if d > 0 else "\u2212" if d < 0 else "") + (p.mention.text if not p.word else _pct(p.value * 100))
    reversed_ = bool(d) and (hi < 0 if d > 0 else lo > 0)
    against = f"the figures go {'down' if d > 0 else 'up'}, the text says {'up' if d > 0 else 'down'}"
    swapped = (f"{against}: the change computed the wrong way round ({_written(a)} / {_written(b)})" if reversed_ else
               f"the change taken as a share of the new figure ({_written(b)}), not of the old ({_written(a)})")
    if _fits(*_magnitude(lo, hi), p, False, scale):
        if reversed_:  # the size holds; the direction alone is thin evidence (an inverse quote: yen per dollar)
            j.arith += f", not {stated_signed}"
            j.verdict, j.why = Verdict.AMBIGUOUS, f"{against} (a quote read the other way round?)"
        return j
    j.arith += f", not {stated_signed}"
    # a usual slip that gives the stated figure exactly is stronger evidence than the
    # rounding of the inputs: checked first
    j.verdict = Verdict.INCONSISTENT
    j.suggestion = _replace_number(p, exp, p.mention.number_text) if p.kind == "pct" else None
    if a.kind == "pct" and p.kind == "pct":
        def pts(lenient: int) -> tuple[float, float]:
            x_lo, x_hi = _interval(a, lenient)
            y_lo, y_hi = _interval(b, lenient)
            return _magnitude(y_lo - x_hi, y_hi - x_lo)
        if _fits(*pts(1), p, False):
            j.why = (f"points stated as percent: {_written(b)} \u2212 {_written(a)} is a change of "
                     f"{_num(abs(b.value - a.value))} percentage points, a {_pct(exp, p)} {'rise' if exp > 0 else 'fall'}")
            j.suggestion = None
            return j
    ratio_lo, ratio_hi = (x + 100 for x in rel(1))
    if p.kind == "pct" and _fits(ratio_lo, ratio_hi, p, False):
        j.why = (f"{_q(p.mention.text)} is the new figure as a percentage of the old ({_pct(b.value / a.value * 100)}), "
                 f"not the change" + (" (a doubling is +100%)" if 1.9 < b.value / a.value < 2.1 else ""))
        return j
    if _clearly_closer(p, scale, abs((a.value / b.value - 1) * 100), abs(exp)):
        # the slip gives the stated figure exactly, the right computation clearly not: it
        # outweighs the chance that round inputs ("from 400 to 300") stretch to it
        j.why = swapped
        return j
    if _fits(*_magnitude(*rel(2)), p, True, scale) and not _half_or_double(exp, p.value * scale):
        j.verdict, j.why, j.suggestion = Verdict.AMBIGUOUS, _loose(claim), None
        return j
    if _fits(*_magnitude(*_swap(a, b, 1)), p, False, scale):
        j.why = swapped
        return j
    stated = p.value * scale
    if exp and _too_far(abs(exp), stated):
        j.verdict, j.why, j.suggestion = Verdict.AMBIGUOUS, "too far from the stated change to be what it was computed from", None
    elif claim.strength == "weak":
        j.verdict, j.suggestion = Verdict.AMBIGUOUS, None
        j.why = f"but {_q(claim.cue)} may compare with another period than the change does"
    elif reversed_:
        j.why = against
    return j


def _clearly_closer(p: Figure, scale: float, slip: float, right: float) -> bool:
    """Is the stated figure the slip's value, and clearly not the right one? For a small
    change the two are close ((Y−X)/Y ≈ (Y−X)/X) and a match proves nothing."""
    v = p.value * scale
    tol = (p.mention.step / 2 if not p.word else abs(p.value) * WORD_BAND) * scale + SLACK * abs(v)
    return abs(v - slip) <= tol and abs(v - right) > 3 * tol


def _swap(a: Figure, b: Figure, lenient: int) -> tuple[float, float]:
    """(old − new) / new: the change computed on the wrong base."""
    x_lo, x_hi = _interval(a, lenient)
    y_lo, y_hi = _interval(b, lenient)
    return (x_lo / y_hi - 1) * 100, (x_hi / y_lo - 1) * 100


def _index(claim: ArithClaim) -> _Judgement | None:
    p, y, dd, d = claim.stated, claim.new, claim.part, claim.direction
    assert y is not None and dd is not None
    j = _Judgement(claim)

    def pct(lenient: int) -> tuple[float, float]:
        y_lo, y_hi = _interval(y, lenient)
        c_lo, c_hi = _interval(dd, lenient)
        if d < 0:
            x_lo, x_hi = y_lo + c_lo, y_hi + c_hi
        else:
            x_lo, x_hi = y_lo - c_hi, y_hi - c_lo
        if x_lo <= 0:
            return 0.0, math.inf
        return c_lo / x_hi * 100, c_hi / x_lo * 100

    x = y.value - d * dd.value
    if x <= 0:
        return None
    e = dd.value / x * 100
    j.expected = e
    op = "+" if d < 0 else "\u2212"
    j.arith = f"{_num(dd.value)} / ({_num(y.value)} {op} {_num(dd.value)}) = {_pct(e, p)}"
    if _tiers(j, claim, pct, p, e):
        return j
    on_new = dd.value / y.value * 100
    if _fits(on_new * (1 - SLACK), on_new * (1 + SLACK), p, False):
        j.why = f"the change taken as a share of the new level ({_written(y)}), not of the old ({_num(x)})"
    elif _too_far(e, p.value):
        j.verdict, j.why, j.suggestion = Verdict.AMBIGUOUS, "too far from the stated change to be what it was computed from", None
    return j


def _tiers(j: "_Judgement", claim: ArithClaim, bounds, stated, expected: float, *, suggest: bool = True) -> bool:
    """The three tiers every computed figure goes through: consistent when it holds from the
    figures as written (``bounds(1)``); ambiguous when only round figures read as rounded
    explain it (``bounds(2)``, the ±10% cap); else inconsistent, with the corrected figure.
    True when that decided it (consistent or ambiguous)."""
    if _fits(*bounds(1), stated, False):
        return True
    j.arith += f", not {stated.mention.text}"
    if _fits(*bounds(2), stated, True) and not _half_or_double(expected, stated.mention.value):
        j.verdict, j.why = Verdict.AMBIGUOUS, _loose(claim)
        return True
    j.verdict = Verdict.INCONSISTENT
    if suggest:
        j.suggestion = _replace_number(stated, expected, stated.mention.number_text)
    return False


def _half_or_double(expected: float, stated: float) -> bool:
    """A stated change or share half or double (or worse) the one the figures as written
    give is a wrong figure, whatever rounding the round figures could stand for ("from 800
    million to 1 billion, up 12%": +25%): as for money, rounding never explains a factor of
    2. Small figures (under 1) are left to the rounding tiers."""
    e, s = abs(expected), abs(stated)
    if min(e, s) < 1.0:
        return False
    return max(e, s) / min(e, s) >= HALF_OR_DOUBLE


def _too_far(expected: float, stated: float) -> bool:
    """A stated figure more than FAR times off is a different figure, not a slip of this one —
    unless it is off by a power of ten (within DECIMAL_SLIP): "up 150%" for +15%, "a drop of
    21 points" for 2.1 is a misplaced decimal mark, the slip an editor must be shown."""
    ratio = max(expected, stated) / max(min(expected, stated), 1e-9)
    if ratio <= FAR:
        return False
    power = round(math.log10(ratio))
    return not (power >= 1 and abs(ratio / 10 ** power - 1) <= DECIMAL_SLIP)


def _share(claim: ArithClaim) -> _Judgement | None:
    j = _Judgement(claim)
    part, whole, stated = claim.part, claim.whole, claim.stated
    assert part is not None and whole is not None
    if claim.shape == "share":  # A of B, or P%
        def share(lenient: int) -> tuple[float, float]:
            a_lo, a_hi = _interval(part, lenient)
            b_lo, b_hi = _interval(whole, lenient)
            return a_lo / b_hi * 100, a_hi / max(b_lo, 1e-9) * 100
        e = part.value / whole.value * 100
        j.expected = e
        j.arith = f"{_written(part)} / {_written(whole)} = {_pct(e, stated)}"
        if _tiers(j, claim, share, stated, e):
            return j
        rest = whole.value - part.value
        if rest > 0:
            r = part.value / rest * 100
            if _fits(r * (1 - SLACK), r * (1 + SLACK), stated, False):
                j.why = f"it is {_written(part)} as a share of the rest ({_num(rest)}), not of the whole"
                return j
        if _too_far(e, stated.value):
            j.verdict, j.why, j.suggestion = Verdict.AMBIGUOUS, "too far from the stated share to be what it was computed from", None
        return j
    # P% (or a fraction) of B, or A
    frac = part.value / 100 if part.kind == "pct" else part.value

    def amount(lenient: int) -> tuple[float, float]:
        p_lo, p_hi = _interval(part, lenient)
        b_lo, b_hi = _interval(whole, lenient)
        f = 0.01 if part.kind == "pct" else 1.0
        return p_lo * f * b_lo, p_hi * f * b_hi
    e = frac * whole.value
    j.expected = e
    how = _written(part) if part.kind == "pct" else f"{_q(part.mention.text)} ({_num(frac)})"
    j.arith = f"{how} \u00d7 {_written(whole)} = {_num(e)}"
    if _tiers(j, claim, amount, stated, e, suggest=False):
        return j
    if _too_far(e, stated.value):
        j.verdict, j.why = Verdict.AMBIGUOUS, "too far from the stated figure to be what it was computed from"
    return j


__all__ = ["judge"]
