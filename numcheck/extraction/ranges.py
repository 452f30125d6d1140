"""Two figures joined by a range word are one range: "10 kronor–20 kronor", "44 mg to 50 mg".

One merger for both scanners (money and quantities); each says, through ``joinable``, which
neighbours its kind of figure may join ("between"/"from" rules, same currency or unit).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Sequence

from ..model import Mention

_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def range_gap(text: str, a: Mention, b: Mention) -> str:
    """The words between ``a`` and ``b`` (up to ``b``'s hedge), spaces collapsed, lower case."""
    b_start = b.hedge_start if b.hedge_start is not None else b.start
    return _SPACES.sub(" ", text[a.end:b_start]).strip().lower()


def merge_ranges(text: str, found: Sequence[Mention], joinable: Callable[[Mention, Mention, str], bool]) -> list[Mention]:
    """``found`` in text order, with each single figure followed by a larger single figure
    that ``joinable(first, second, gap)`` accepts replaced by one range spanning both."""
    out: list[Mention] = []
    for m in found:
        a = out[-1] if out else None
        if a is not None and not a.is_range and not m.is_range and m.value > a.value:
            if joinable(a, m, range_gap(text, a, m)):
                out[-1] = replace(a, text=text[a.start:m.end], end=m.end, value_max=m.value,
                                  step=min(a.step, m.step), difference=a.difference or m.difference)
                continue
        out.append(m)
    return out
