"""Files written whole or not at all: a temporary file beside the target, moved over it
(``os.replace`` is atomic on one file system), removed again on any failure. Used by
``--fix`` (articles) and ``numcheck audit`` (findings tables)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable


def replace_atomically(path: str | os.PathLike, write: Callable[[int, str], None], *, suffix: str = ".tmp") -> None:
    """Call ``write(fd, tmp)`` to fill a temporary file next to ``path`` (``write`` owns
    ``fd``: it closes it, or writes through ``tmp`` after closing it), then move it over
    ``path``. On any failure the temporary file is removed and ``path`` is untouched."""
    p = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=suffix, dir=str(p.parent))
    try:
        write(fd, tmp)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
