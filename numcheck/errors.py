"""Exceptions numcheck raises. Every message is one line that names the problem."""

from __future__ import annotations


class NumcheckError(Exception):
    """Base class: anything numcheck reports to the user as an error."""


class InputError(NumcheckError, ValueError):
    """Bad input: an unreadable file, an invalid date, an unknown currency code or language."""


class RateUnavailable(NumcheckError):
    """No provider can give this rate for this day; the message says why in an editor's words.

    Raised by rate providers and turned into an ``unverifiable`` finding by the verdict stage,
    never shown as a traceback.
    """
