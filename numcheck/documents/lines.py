"""Offsets → 1-based (line, column): the one place numcheck counts lines, for findings
(:func:`numcheck.check`), source snippets and suppression comments (:mod:`.readers`)."""

from __future__ import annotations

import bisect


class LineIndex:
    """Offset → (line, column), 1-based, by bisection over line starts."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        i = text.find("\n")
        while i >= 0:
            self.starts.append(i + 1)
            i = text.find("\n", i + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        """Line ``line`` (1-based) without its line break; "" past the end."""
        if not 1 <= line <= len(self.starts):
            return ""
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[self.starts[line - 1]:end].rstrip("\r")


def line_of(text: str, offset: int) -> int:
    """The 1-based line of one offset, without building an index."""
    return text.count("\n", 0, offset) + 1


__all__ = ["LineIndex", "line_of"]
