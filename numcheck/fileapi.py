"""The library's file API: ``numcheck.check_file(path)`` and ``numcheck.check_document(text,
format=...)``. Unlike ``numcheck.check`` (plain text, nothing applied), these read a content
file as the CLI and the pytest plugin do — front matter (date, lang), Markdown or HTML markup,
``<!-- numcheck: ignore -->`` comments — under the same resolved configuration (the nearest
``numcheck.toml`` / ``[tool.numcheck]`` < ``NUMCHECK_*`` environment < the arguments), and
return findings positioned in the file: ``line``/``column`` to ``end_line``/``end_column``
and ``offset``/``end_offset`` (code points), with ``suppressed`` set to the editor's reason.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import Report

_FORMATS = ("markdown", "html", "text")


def _resolve(start: Any, *, date: Any, lang: Any, tolerance: Any, rates: Any, currency_hints: Any, messages: Any, config: Any):
    from .config import Config, resolve_config

    if config is not None and not isinstance(config, Config):
        raise InputError(f"config must be a numcheck.config.Config, got {type(config).__name__}")
    flags = {"tolerance": tolerance, "currency_hints": currency_hints, "messages": messages}
    if isinstance(rates, (str, list, tuple)):
        flags["rates"] = rates
    cfg = config if config is not None else resolve_config(start, {k: v for k, v in flags.items() if v is not None})
    if config is not None:
        cfg = replace(cfg, **{k: v for k, v in flags.items() if v is not None and k not in ("currency_hints",)})
    provider = rates if rates is not None and not isinstance(rates, (str, list, tuple)) else cfg.provider()
    hints = currency_hints if isinstance(currency_hints, dict) else cfg.hints
    return cfg, provider, hints


def _check(doc, cfg, provider, hints, date: Any, lang: Any) -> Report:
    from .batch import check_document as _check_doc
    from .conversion.rates.ecb import parse_date

    if doc.record_line is None and doc.path.endswith(".jsonl"):
        raise InputError(f"{doc.path}: an archive: use numcheck.batch.check_paths for .jsonl files")
    result = _check_doc(doc, date=parse_date(date), lang=lang, tolerance=cfg.tolerance, rates=provider,
                        default_lang=cfg.lang, default_date=parse_date(cfg.date), currency_hints=hints,
                        messages=cfg.messages)
    assert result.report is not None
    findings = tuple(replace(f, suppressed=result.suppressed.get(i)) for i, f in enumerate(result.report.findings))
    return replace(result.report, findings=findings)


def check_file(path: str | os.PathLike, *, date: Any = None, lang: str | None = None, tolerance: Any = None,
               rates: Any = None, currency_hints: dict | None = None, messages: str | None = None, config: Any = None) -> Report:
    """Check one content file (``.md``, ``.html``, ``.txt`` …) as ``numcheck check`` does.

    ``date`` and ``lang`` override the file's front matter; the configuration found from
    the file's directory (or ``config=``) fills what neither gives. Raises ``InputError``
    (one line naming the file) for a missing or unreadable file."""
    from .documents.readers import read_document

    p = Path(path)
    cfg, provider, hints = _resolve(p.parent if p.parent.is_dir() else None, date=date, lang=lang, tolerance=tolerance,
                                    rates=rates, currency_hints=currency_hints, messages=messages, config=config)
    return _check(read_document(p), cfg, provider, hints, date, lang)


def check_document(text: str, *, format: str = "markdown", path: str = "<document>", date: Any = None,
                   lang: str | None = None, tolerance: Any = None, rates: Any = None, currency_hints: dict | None = None,
                   messages: str | None = None, config: Any = None) -> Report:
    """Check a content file's text, given as a string: ``format`` is "markdown", "html" or
    "text" (front matter and ignore comments apply in each). The configuration is resolved
    from the current directory unless ``config=`` is given."""
    from .documents.readers import parse_document

    if not isinstance(text, str):
        raise InputError(f"text must be str, got {type(text).__name__}")
    if format not in _FORMATS:
        raise InputError(f"invalid format {format!r}: expected one of {', '.join(_FORMATS)}")
    cfg, provider, hints = _resolve(None, date=date, lang=lang, tolerance=tolerance, rates=rates,
                                    currency_hints=currency_hints, messages=messages, config=config)
    return _check(parse_document(text, path, format), cfg, provider, hints, date, lang)


__all__ = ["check_file", "check_document"]
