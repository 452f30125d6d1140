"""Numbers as an editor reads them: "3.01 billion SEK", "10.951 SEK/USD", "≈ 3 billion kronor"."""

from __future__ import annotations

import math

from . import Lexicon
from ..model import Mention

_WORDS = [(12, "trillion"), (9, "billion"), (6, "million")]
#: How a unit is written in messages when its name is not ("kilometer" → "km"); filled by
#: numcheck.units. Currency codes are written as they are.
UNIT_LABELS: dict[str, str] = {}


def human(value: float, unit: str | None = None, digits: int = 3) -> str:
    """3011533371 → "3.01 billion"; 511292 → "511,292"; 0.5 → "0.5"."""
    if value is None or not math.isfinite(value):
        return "?"
    a = abs(value)
    text = None
    for power, word in _WORDS:
        if a >= 10**power:
            text = f"{_sig(value / 10**power, digits)} {word}"
            break
    if text is None:
        if a >= 1000:
            text = f"{value:,.0f}"
        else:
            text = _sig(value, max(digits, 3))
    return f"{text} {UNIT_LABELS.get(unit, unit)}" if unit else text


def _sig(x: float, digits: int) -> str:
    """x to ``digits`` significant digits, without a trailing ".0" or exponent."""
    if x == 0:
        return "0"
    decimals = max(0, digits - 1 - int(math.floor(math.log10(abs(x)))))
    s = f"{x:.{decimals}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def writer_digits(number_text: str, lex: Lexicon) -> int:
    """Significant digits of a figure as written: "475 000" → 3, "47,523" → 5, "1.5" → 2;
    0 when it is not written in digits."""
    digits = "".join(c for c in number_text.split(lex.decimal, 1)[0] if c.isdigit())
    if not digits or not number_text[:1].isdigit():
        return 0
    return len(digits.strip("0")) or 1


def round_significant(x: float, digits: int) -> float:
    if x == 0 or not math.isfinite(x):
        return x
    power = int(math.floor(math.log10(abs(x)))) - digits + 1
    return round(x / 10**power) * 10**power


def rate_text(value: float) -> str:
    """10.951030 → "10.951"; 0.091315 → "0.09132" (five significant digits)."""
    return _sig(value, 5)


def percent(x: float) -> str:
    return f"{x * 100:.1f}%" if abs(x) < 0.1 else f"{x * 100:.0f}%"


def _choose_scale(lex: Lexicon, original: str, power: int) -> str | None:
    """A scale word for 10**power in the style of ``original`` ("m" → "bn", "million" → "billion")."""
    options = [w for w, p in lex.scales.items() if p == power]
    if not options:
        return None
    if not original:
        longs = [w for w in options if len(w) > 3]
        return longs[0] if longs else options[0]

    def suffix(w: str) -> int:  # "miljoner" → "miljarder", "Millionen" → "Milliarden"
        a, b = w.lower(), original.lower()
        n = 0
        while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
            n += 1
        return n

    # Case tells abbreviations apart ("M" vs "m"); long words are stored lower case, so for
    # them it says nothing ("Millionen" → "Milliarden", capitalised below).
    abbreviation = len(original) <= 3 or "." in original

    def style(w: str) -> tuple:
        return (abbreviation and w.islower() != original.islower(),
                abs(len(w) - len(original)) if len(original) <= 3 else (len(w) <= 3),
                ("." in w) != ("." in original), -suffix(w), len(w))

    word = sorted(options, key=style)[0]
    if original[:1].isupper() and word.islower():
        word = word[0].upper() + word[1:]  # long scale words are stored lower case
    return word


def suggest(target: Mention, expected: float, lex: Lexicon, rel_precision: float = 0.015) -> str | None:
    """The stated figure rewritten with the expected value, keeping the writer's own words:
    "3 million kronor" with 3.01e9 expected → "≈ 3 billion kronor"."""
    if target.number_start < target.start:
        return None  # a figure in two parts ("6 ft 2 in"): no rewrite keeps the writer's words
    scale_text = target.scale_text
    scale = target.scale
    text = target.text
    num_off = target.number_start - target.start
    num_len = len(target.number_text)
    if scale_text and not 1 <= expected / scale < 1000:
        power = int(math.floor(math.log10(abs(expected)) / 3) * 3) if expected else 0
        new_word = _choose_scale(lex, scale_text, power)
        if new_word is not None:
            scale = 10.0**power
            i = text.find(scale_text, num_off + num_len)
            if i >= 0:
                text = text[:i] + new_word + text[i + len(scale_text):]
    elif not scale_text and expected >= 10**6 and target.number_text and target.number_text[0].isdigit():
        pass  # "3,000,000 kronor": keep the digits, just correct them
    x = expected / scale
    orig_dec = len(target.number_text.split(lex.decimal, 1)[1]) if lex.decimal in target.number_text else 0
    decimals = orig_dec
    sig = writer_digits(target.number_text, lex) if not scale_text and not orig_dec else 0
    if sig and x >= 100:
        # "ungefär 475 000 kr" rounds to thousands: the correction is rounded like the writer's
        # own figure ("≈ 47 500 kr"), never "47 524"
        x = round_significant(x, max(2, sig))
    else:
        while decimals < 6 and abs(round(x, decimals) - x) > rel_precision * abs(x):
            decimals += 1
    grouped = x >= 10000 or (x >= 1000 and any(c in target.number_text for c in (lex.group, ",", " ", "\u00a0", "\u202f")
                                                 if c != lex.decimal))
    number = f"{x:,.{decimals}f}"
    number = number.replace(",", "\x00").replace(".", lex.decimal).replace("\x00", lex.group if grouped else "")
    if not target.number_text[:1].isdigit():
        # number words ("three billion"): write the corrected figure in digits
        pass
    return "≈ " + text[:num_off] + number + text[num_off + num_len:]


__all__ = ["human", "rate_text", "percent", "suggest"]


def quote(s: str) -> str:
    return f"\u201c{s}\u201d"
