"""One way to read JSON that users hand numcheck (archives, baselines, rate tables, caches):
``json.loads`` with the inputs that break or fool it turned into a ``ValueError`` of one
line, so that every caller reports them like any other invalid JSON (issue 18):

* nesting deep enough to exhaust the recursion limit (``[[[[…`` 100,000 levels), which
  ``json`` reports as a RecursionError and a traceback;
* an object with a key written twice, which ``json`` silently reads as its last value.
"""

from __future__ import annotations

import json
from typing import Any


class JSONShapeError(ValueError):
    """Valid JSON syntax numcheck refuses; ``lineno`` is 1 when the position is unknown."""

    def __init__(self, msg: str, lineno: int = 1):
        super().__init__(msg)
        self.msg = msg
        self.lineno = lineno


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise JSONShapeError(f"key {k!r:.60} written twice in one object")
        out[k] = v
    return out


def loads(text: str) -> Any:
    """Parse ``text``; raises ``json.JSONDecodeError`` (with line and column) for broken
    syntax and :class:`JSONShapeError` for the shapes above."""
    try:
        return json.loads(text, object_pairs_hook=_pairs)
    except RecursionError:
        raise JSONShapeError("nested too deeply") from None


__all__ = ["loads", "JSONShapeError"]
