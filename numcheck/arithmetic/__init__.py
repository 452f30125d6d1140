"""Arithmetic the writer did by hand: percent changes, percentage points, multiples, shares.

"Operating profit grew 15% to €690 million from €500 million" — the figures say +38%.
This package finds such claims in a text (:mod:`.claims`, with per-language words in
``data/<lang>.toml``, see :mod:`.cues`) and judges them (:mod:`.judging`) into the same
:class:`~numcheck.model.Finding` records as conversions, with ``kind`` "change" (percent
change, points, multiples) or "share".
"""

from __future__ import annotations

from ..lexicon import get_lexicon, normalize_lang
from ..model import Finding, Mention

#: The kinds of finding this package produces.
KINDS = ("change", "share")


def check_arithmetic(text: str, mentions: list[Mention], *, lang: str = "en", kinds: frozenset[str] | None = None) -> list[Finding]:
    """Findings for the changes and shares stated in ``text`` (in order of the claims)."""
    from .claims import find
    from .cues import get_cues
    from .judging import judge

    base = normalize_lang(lang)
    cues = get_cues(base)
    lex = get_lexicon(base)
    out: list[Finding] = []
    for claim in find(text, cues, mentions):
        if kinds is not None and claim.kind not in kinds:
            continue
        f = judge(claim, lex)
        if f is not None:
            out.append(f)
    return out


__all__ = ["check_arithmetic", "KINDS"]
