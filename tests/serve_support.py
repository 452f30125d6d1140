"""Shared by the server's tests: one warmed engine per test process, a client, the seed."""

from __future__ import annotations

import functools
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the serve extra is not installed: pip install -e '.[serve]'")

with warnings.catch_warnings():  # newer Starlette prefers another client package; httpx works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from numcheck.serve.app import Settings, create_app  # noqa: E402
from numcheck.serve.engine import Engine  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "ukraine-aid-2024-11-19.txt").read_text(encoding="utf-8")
SLIP = SEED.replace("approximately 3 billion kronor", "approximately 3 million kronor")
assert SLIP != SEED


@functools.lru_cache(maxsize=None)
def engine() -> Engine:
    """Rates and language data, loaded once for every test of the server."""
    return Engine(regions=("en-GB", "de-CH"))  # "all" (the command's default) loads 235 regions


def client(settings: Settings | None = None, eng: Engine | None = None, **kw) -> TestClient:
    with warnings.catch_warnings():  # newer Starlette prefers another client package; httpx works
        warnings.simplefilter("ignore")
        return TestClient(create_app(eng or engine(), settings or Settings(access_log=False)), **kw)
