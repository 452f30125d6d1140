"""Physical quantities: stated unit conversions ("a 10-mile (16 km) stretch", "104F (40C)")
checked with pint, through the same pairing, tolerance and findings as money.

Importing this package is cheap and registers three things with the shared pipeline: the
quantity scanner (numcheck.mentions), the pairing rule that only joins units of one
dimension (numcheck.claims) and the converter (numcheck.pipeline). ``numcheck.mentions.extract``
imports it on its first call; pint itself is imported by :mod:`.convert` only when a text
has a quantity claim to convert.
"""

from __future__ import annotations

from ..pairing import claims as _claims
from ..extraction import money as _mentions
from .. import pipeline as _pipeline
from ..extraction.quantities import scan


def _convert(claim, day, lang):
    from ..conversion.units import convert  # the module that imports pint, on first use

    return convert(claim, day, lang)


def _hints(claim, conv, outcome):
    from ..conversion.units import hints

    return hints(claim, conv, outcome)


def _compatible(first, second):
    """Pairing rule for quantities: a length converts to a length, never to a mass."""
    from ..language.units import NEUTRAL, get_vocabulary

    vocab = get_vocabulary(NEUTRAL)
    a = first.candidates or (first.unit,)
    b = second.candidates or (second.unit,)
    if set(a) == set(b):
        return False  # "5 km (about 5 km)" restates; "tons (tonnes)" or "degrees (°C)" may convert
    return any(vocab.compatible(x, y) for x in a for y in b if x and y)


_mentions.register_scanner(scan)
_claims.register_compatible("unit", _compatible)
_pipeline.register_converter("unit", _convert, _hints)


def score_file(path, **kwargs):
    """Precision/recall/F1 of numcheck's quantities on one peer-suite file (see peerscore)."""
    from bench.units_peerscore import score_file as _score

    return _score(path, **kwargs)


__all__ = ["scan", "score_file"]
