"""The load run of `numcheck serve` (bench/serve_load.py): a tiny bounded run must complete
without errors and report its figures; timings are never asserted."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("httpx")
pytest.importorskip("uvicorn")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus import Article  # noqa: E402
from bench.serve_load import TITLE, render, run_load, update_results  # noqa: E402


def art(text, lang="en", date="2024-11-19"):
    return Article("a", text, lang, date, len(text.encode()))


def test_tiny_load_run(tmp_path):
    articles = [art("A $275 million package (about 3 billion kronor)."), art("No figures here."),
                art("Paketet på 275 miljoner dollar, motsvarande cirka 3 miljarder kronor.", "sv")]
    from serve_support import engine

    from numcheck.serve.app import Settings, create_app
    from numcheck.serve.local import local_server

    with local_server(create_app(engine(), Settings(access_log=False, timeout=120))) as url:
        r = run_load(articles, clients=3, seconds=1.0, url=url)
    assert r["requests"] > 0 and r["errors"] == {} and set(r["statuses"]) == {200}
    assert r["p50_ms"] <= r["p95_ms"] <= r["max_ms"]
    assert r["claims"] >= 1
    md = render(r)
    assert md.startswith(TITLE) and "| 3 |" in md

    out = tmp_path / "RESULTS.md"
    out.write_text("# results\n\n## Speed\n\nfast\n\n" + TITLE + "\n\nold\n\n## Later\n\nkept\n")
    update_results(out, md)
    text = out.read_text()
    assert "old" not in text and "fast" in text and "kept" in text and text.count(TITLE) == 1
