"""Judging quantity claims: which of several unit readings the writer meant, and what an
inconsistent quantity looks like it came from (the hint shown with the finding)."""

from __future__ import annotations

import math

from ..conversion.units import _has_offset, _number, conversion, label, name
from ..language.formatting import human, quote
from ..language.units import NEUTRAL, get_vocabulary
from ..model import Claim, Conversion, Verdict
from .verdicts import DEFAULT_TOLERANCE, Outcome, evaluate


def only_fitting(claim: Claim, convs: list[Conversion]) -> list[Conversion]:
    """Several readings ("tons": short, metric or long): if exactly one fits the stated
    figure, it alone is kept — the stated equivalent settles what the writer meant;
    otherwise all are, and :func:`~numcheck.judging.verdicts.judge` reports them."""
    s, t = claim.source, claim.target
    if len(convs) > 1:
        fitting = [c for c in convs if evaluate(claim, c, DEFAULT_TOLERANCE).verdict is Verdict.CONSISTENT]
        if len(fitting) == 1:
            c = fitting[0]
            return [Conversion(c.source_unit, c.target_unit, c.factor, c.offset, c.rate,
                               f"{c.label} ({quote(s.unit_text)} read as {name(c.source_unit)}, "
                               f"{quote(t.unit_text)} as {name(c.target_unit)}: the only reading that fits)")]
    return convs


#: Two units are look-alikes when one is within this ratio of the other (short ton and
#: tonne 0.91, US and imperial gallons 1.2); a mile is no look-alike of a kilometre, so a
#: figure left in miles is "unconverted", not "taken for the same unit".
LOOKALIKE_RATIO = 1.3


def hints(claim: Claim, conv: Conversion, o: Outcome) -> list[str]:
    """What an inconsistent quantity looks like it came from: the conversion the wrong way
    round (miles and km swapped), °F converted as a plain ratio, a change in temperature
    converted as a temperature, one unit taken for its look-alike (short tons for tonnes),
    or no conversion at all. Every explanation that fits the stated figure is ranked by how
    closely it fits, and only the closest is given: a coarse figure ("10") fits several."""
    s, t = claim.source, claim.target
    if s.is_range or t.is_range or o.expected is None:
        return []
    stated = t.value
    a, b = conv.source_unit, conv.target_unit
    found: list[tuple[float, str]] = []

    def consider(x: float, text: str) -> None:
        if math.isfinite(x) and abs(stated - x) <= 0.03 * abs(x) + t.step / 2:
            # closer explanations first; the expected value itself is no explanation
            if abs(stated - x) < abs(stated - o.expected):
                found.append((abs(stated - x) / (abs(x) or 1.0), text))

    try:
        vocab = get_vocabulary(NEUTRAL)  # dimensions and look-alikes are the same in every language
        diff = s.difference or t.difference
        if (_has_offset(a) or _has_offset(b)) and a != b:
            level_f, level_o, _ = conversion(a, b, False)
            delta_f, _, _ = conversion(a, b, True)
            if diff:
                consider(s.value * level_f + level_o,
                         f"matches {s.text} converted as a temperature; as a change it is {human(s.value * delta_f)} {label(b)}")
            else:
                consider(s.value * delta_f,
                         f"matches {label(a)} converted as a plain ratio, without the offset ({human(s.value)} × {_number(delta_f)} = {human(s.value * delta_f)})")
        elif conv.factor and a != b and vocab.dimension(a) == vocab.dimension(b) and not conv.offset:
            inverted = s.value / conv.factor
            consider(inverted, f"matches the conversion applied the wrong way round ({human(s.value)} ÷ {_number(conv.factor)} = {human(inverted)}): {label(a)} and {label(b)} swapped?")
        for value, text in _confusions(claim, conv, vocab):
            consider(value, text)
        if a != b:
            consider(s.value, "matches the source figure unconverted")
    except Exception:  # a hint is a courtesy: never let it break a finding
        pass
    found.sort(key=lambda x: x[0])
    return [found[0][1]] if found else []


def _confusions(claim: Claim, conv: Conversion, vocab) -> list[tuple[float, str]]:
    """(value, explanation) for each look-alike reading of either unit."""
    s, t = claim.source, claim.target
    a, b = conv.source_unit, conv.target_unit
    out: list[tuple[float, str]] = []
    for group in vocab.confusions:
        for orig, which in ((a, "source"), (b, "target")):
            if orig not in group:
                continue
            for alt in group:
                if alt == orig:
                    continue
                x, y = (alt, b) if which == "source" else (a, alt)
                if not vocab.compatible(x, y) or vocab.dimension(x) != vocab.dimension(y):
                    continue
                if x == y:
                    f, _, _ = conversion(a, b, s.difference or t.difference)
                    if not 1 / LOOKALIKE_RATIO <= f <= LOOKALIKE_RATIO:
                        continue  # not look-alikes: "unconverted" says it better
                    out.append((s.value, f"matches {quote(s.unit_text)} and {quote(t.unit_text)} taken for the same unit "
                                         f"(they are {name(a)} and {name(b)})"))
                else:
                    f, off, _ = conversion(x, y, s.difference or t.difference)
                    m = s if which == "source" else t
                    out.append((s.value * f + off, f"matches {quote(m.unit_text)} read as {name(alt)} rather than {name(orig)}"))
    return out


__all__ = ["only_fitting", "hints", "LOOKALIKE_RATIO"]
