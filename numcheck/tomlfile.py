"""One way to read a TOML file: the data files numcheck ships and the configuration users
write. A broken file is an InputError of one line naming the file, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import InputError

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


def read_toml(path: Path, what: str = "TOML") -> dict[str, Any]:
    """The table in ``path``; ``what`` names the kind of file in the error ("unit data")."""
    try:
        with Path(path).open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"{path}: invalid {what}: {e}") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from None
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: invalid {what}: not UTF-8 (byte {e.object[e.start]:#04x} at offset {e.start})") from None
    except RecursionError:
        raise InputError(f"{path}: invalid {what}: nested too deeply") from None


__all__ = ["read_toml", "tomllib"]
