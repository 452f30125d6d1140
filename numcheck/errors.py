"""Exceptions numcheck raises. Every message is one line that names the problem."""

from __future__ import annotations

import re


class NumcheckError(Exception):
    """Base class: anything numcheck reports to the user as an error."""


class InputError(NumcheckError, ValueError):
    """Bad input: an unreadable file, an invalid date, an unknown currency code or language."""


class RateUnavailable(NumcheckError):
    """No provider can give this rate for this day; the message says why in an editor's words.

    Raised by rate providers and turned into an ``unverifiable`` finding by the verdict stage,
    never shown as a traceback.
    """


#: Characters that would break a line-based report, or a terminal: C0/C1 controls (not the
#: tab), DEL, and the Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(s: str) -> str:
    """``s`` with line breaks and control characters written as escapes ("a\\nb"): a file
    name or an archive id with a newline must not start a line of its own in a text report,
    where it could pass for another finding or for a GitHub workflow command (issue 18)."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], s) if s else s
