"""claims of kind "unit" → :class:`~numcheck.model.Conversion`, computed by pint.

pint takes about half a second to import and build its registry, longer than a whole
check of an article, so it is imported here only, the first time a text has a quantity
claim, and the one registry is reused for the life of the process.
"""

from __future__ import annotations

import functools
import math
import threading
from datetime import date as Date
from fractions import Fraction
from typing import Any

from ..errors import RateUnavailable
from ..language.formatting import human, quote, rate_text
from ..model import Claim, Conversion, Mention
from ..language.units import NEUTRAL, all_labels, all_names, common, get_vocabulary

_LOCK = threading.Lock()


_REGISTRY: Any = None


def registry() -> Any:
    """The one pint UnitRegistry, with the units pint lacks (data/common.toml); built on
    first use, under a lock so that threads checking at once build it only once."""
    global _REGISTRY
    if _REGISTRY is None:
        with _LOCK:
            if _REGISTRY is None:
                import pint  # slow: only here, only once

                ureg = pint.UnitRegistry()
                for line in common().get("definitions", ()):
                    ureg.define(line)
                _REGISTRY = ureg
    return _REGISTRY


def label(unit: str) -> str:
    return all_labels().get(unit, unit)


def name(unit: str) -> str:
    """A unit in words: "short_ton" → "short (US) ton", "gallon" → "US gallon"."""
    return all_names().get(unit, unit.replace("_", " "))


def _number(x: float) -> str:
    """A conversion factor as an editor reads it: 1.609, 0.4047, 5/9."""
    fr = Fraction(x).limit_denominator(10)
    if fr.denominator > 1 and abs(float(fr) - x) < 1e-9:
        return f"{fr.numerator}/{fr.denominator}"
    return human(x, digits=4)


@functools.lru_cache(maxsize=None)
def conversion(a: str, b: str, difference: bool = False, reciprocal: bool = False) -> tuple[float, float, str]:
    """(factor, offset, label) for a figure in ``a`` written in ``b``.

    Temperatures: a level converts with the offset (104 °F = 40 °C); a change converts
    without it (a rise of 2 °C is a rise of 3.6 °F). Reciprocal units (mpg, l/100 km) return
    the constant k of b = k / a with factor 0 (see :func:`conversions`).
    """
    ureg = registry()
    if reciprocal:
        k = (1 / ureg.Quantity(1.0, a)).to(b).magnitude
        return k, 0.0, f"{label(b)} = {_number(k)} ÷ {label(a)}"
    if difference:
        # a change is measured in degrees without their zero: pint's delta_ units
        factor = ureg.Quantity(1.0, _delta(a)).to(_delta(b)).magnitude
        return factor, 0.0, f"a change of 1 {label(a)} = {_number(factor)} {label(b)}"
    zero = ureg.Quantity(0.0, a).to(b).magnitude
    factor = ureg.Quantity(1.0, a).to(b).magnitude - zero
    if abs(zero) > 1e-12:
        origin = -zero / factor  # the figure in a that is 0 in b
        if abs(origin - round(origin)) < 1e-9:
            o = round(origin)
            sign = "−" if o > 0 else "+"
            text = f"{label(b)} = ({label(a)} {sign} {abs(o)}) × {_number(factor)}"
        else:
            times = "" if abs(factor - 1) < 1e-12 else f" × {_number(factor)}"
            sign = "−" if zero < 0 else "+"
            text = f"{label(b)} = {label(a)}{times} {sign} {rate_text(abs(zero))}"
        return factor, zero, text
    return factor, 0.0, f"1 {label(a)} = {_number(factor)} {label(b)}"


@functools.lru_cache(maxsize=None)
def _has_offset(unit: str) -> bool:
    """A unit with its own zero (°C, °F): levels convert with an offset, changes without."""
    return not registry().Quantity(1.0, unit)._is_multiplicative


def _delta(unit: str) -> str:
    return f"delta_{unit}" if _has_offset(unit) else unit


def _linear(k: float, x0: float) -> tuple[float, float]:
    """b = k / a, as the tangent line at a = x0 (the stated source figure): a Conversion is
    linear, and over a figure's rounding interval the tangent is off by well under 1%."""
    return -k / (x0 * x0), 2 * k / x0


def _readings(m: Mention) -> tuple[str, ...]:
    return m.candidates or ((m.unit,) if m.unit else ())


#: A temperature read as a change only from the verb before it ("rose 113°F", Finnish "nousi",
#: Spanish "subió" — the same verb says "rose to" and "rose by") is also offered as a level when
#: the change would exceed this many kelvin; the judging stage keeps the reading that fits. A
#: small change ("rose 2C (36F)", the classic change-converted-as-a-level error) stays a change.
PLAUSIBLE_CHANGE_K = 15.0


def _implausible_change(m: Mention, unit: str) -> bool:
    try:
        k = abs(registry().Quantity(m.value, _delta(unit)).to("kelvin").magnitude)
    except Exception:  # pint cannot say: keep the writer's cue
        return False
    return k > PLAUSIBLE_CHANGE_K


def conversions(claim: Claim, day: Date | None, lang: str) -> list[Conversion]:
    """One Conversion per reading of the two units that pint can convert between.

    Several readings ("tons": short, metric or long) give several Conversions; the judging
    stage keeps the only one that fits (:func:`numcheck.judging.units.only_fitting`) or
    reports them all (ambiguous when they disagree).
    A reading that makes both units the same ("tons" as tonnes beside "tonnes") counts: the
    writer may only be restating.
    """
    vocab = get_vocabulary(NEUTRAL)
    s, t = claim.source, claim.target
    diff = s.difference or t.difference
    out: list[Conversion] = []
    for a in _readings(s):
        for b in _readings(t):
            if not vocab.compatible(a, b):
                continue
            recip = vocab.dimension(a) != vocab.dimension(b)
            if a == b:
                out.append(Conversion(a, b, 1.0, 0.0, None, f"{quote(s.unit_text)} read as {name(b)}"))
                continue
            try:
                factor, offset, text = conversion(a, b, diff, recip)
            except Exception as e:  # pint's own errors: the claim is unverifiable, never a crash
                raise RateUnavailable(f"cannot convert {label(a)} to {label(b)}: {e}") from None
            if recip:
                x0 = (s.low + s.high) / 2
                if not x0:
                    continue
                factor, offset = _linear(factor, x0)
            out.append(Conversion(a, b, factor, offset, None, text))
            if diff and _has_offset(a) and _has_offset(b) and _implausible_change(s, a):
                level_f, level_o, level_text = conversion(a, b, False)
                out.append(Conversion(a, b, level_f, level_o, None,
                                      f"{level_text} (read as a temperature, not a change: a change of {quote(s.text)} is beyond weather)"))
    if not out:
        raise RateUnavailable(f"cannot convert {s.unit_text or s.unit} to {t.unit_text or t.unit}")
    return out


def convert(claim: Claim, day: Date | None, lang: str) -> list[Conversion]:
    return conversions(claim, day, lang or "en")


__all__ = ["registry", "conversion", "conversions", "convert", "label", "name"]
