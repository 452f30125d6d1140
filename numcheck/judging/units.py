"""Judging quantity claims: which of several unit readings the writer meant, and what an
inconsistent quantity looks like it came from (the hint shown with the finding)."""

from __future__ import annotations

import math

from ..conversion.units import _has_offset, conversion, label, name
from ..language.formatting import quote
from ..language.messages import Num, Phrase
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
                         Phrase("unit_as_temperature", source=s.text, change=Num(s.value * delta_f), unit=label(b)))
            else:
                consider(s.value * delta_f,
                         Phrase("unit_plain_ratio", unit=label(a), value=Num(s.value), factor=Num(delta_f, kind="times", digits=4),
                                result=Num(s.value * delta_f)))
        elif conv.factor and a != b and vocab.dimension(a) == vocab.dimension(b) and not conv.offset:
            inverted = s.value / conv.factor
            consider(inverted, Phrase("unit_wrong_way", value=Num(s.value), factor=Num(conv.factor, kind="times", digits=4),
                                      result=Num(inverted), a=label(a), b=label(b)))
        for value, text in _confusions(claim, conv, vocab):
            consider(value, text)
        if a != b:
            consider(s.value, Phrase("unconverted"))
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
                    out.append((s.value, Phrase("unit_same_unit", source_unit=("quote", s.unit_text), target_unit=("quote", t.unit_text),
                                                a=name(a), b=name(b))))
                else:
                    f, off, _ = conversion(x, y, s.difference or t.difference)
                    m = s if which == "source" else t
                    out.append((s.value * f + off, Phrase("unit_read_as", unit=("quote", m.unit_text), alt=name(alt), orig=name(orig))))
    return out


__all__ = ["only_fitting", "hints", "LOOKALIKE_RATIO"]
