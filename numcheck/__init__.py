"""numcheck: catch wrong numbers in news copy.

    >>> import numcheck
    >>> report = numcheck.check("worth $275 million, equivalent to about 3 billion kronor",
    ...                         date="2024-11-19")
    >>> report.findings[0].verdict
    <Verdict.CONSISTENT: 'consistent'>
"""

from __future__ import annotations

from .errors import InputError, NumcheckError, RateUnavailable
from .model import Claim, Finding, Hedge, Mention, Rate, Report, Verdict

from .version import __version__


def extract(text: str, *, lang: str | None = "en") -> list[Mention]:
    """Every amount in ``text``, paired or not, in order of position (``lang=None``: guessed)."""
    from .extraction import extract as _extract

    return _extract(text, lang=lang)


def check(text, *, date=None, lang="en", tolerance=None, rates=None, currency_hints=None, kinds=None, messages="en") -> Report:
    """Find every stated conversion in ``text`` and judge it; see README "Library API".

    ``currency_hints`` ({"$": "CAD"}, {"kr": ["NOK", "DKK"]}) reads ambiguous symbols and
    words that neither a qualifier nor the language and region decide. ``kinds``
    ("money,unit,change,share" or a list; default all) selects what is checked: "change"
    and "share" are the percent changes, points, multiples and shares the writer computed.
    ``messages``:
    "en" (the default: check() keeps its English messages) or "article", the text's language
    and number style, as check_file, the CLI and the pytest plugin write them."""
    from .pipeline import check as _check

    return _check(text, date=date, lang=lang, tolerance=tolerance, rates=rates, currency_hints=currency_hints,
                  kinds=kinds, messages=messages)


def check_file(path, *, date=None, lang=None, tolerance=None, rates=None, currency_hints=None, messages=None, config=None) -> Report:
    """Check a content file as ``numcheck check`` does: front matter, Markdown/HTML markup,
    ignore comments and the resolved configuration apply; positions are the file's."""
    from .fileapi import check_file as _check_file

    return _check_file(path, date=date, lang=lang, tolerance=tolerance, rates=rates, currency_hints=currency_hints,
                       messages=messages, config=config)


def check_document(text, *, format="markdown", path="<document>", date=None, lang=None, tolerance=None, rates=None,
                   currency_hints=None, messages=None, config=None) -> Report:
    """:func:`check_file` for text in hand: ``format`` is "markdown", "html" or "text"."""
    from .fileapi import check_document as _check_document

    return _check_document(text, format=format, path=path, date=date, lang=lang, tolerance=tolerance, rates=rates,
                           currency_hints=currency_hints, messages=messages, config=config)


__all__ = [
    "check", "check_file", "check_document", "extract", "Report", "Finding", "Mention", "Claim", "Rate", "Verdict", "Hedge",
    "NumcheckError", "InputError", "RateUnavailable", "__version__",
]
