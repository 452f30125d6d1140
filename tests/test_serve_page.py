"""The page at `GET /` in a real browser: headless Chromium (Debian's `chromium`) driven by
Playwright. Skips, saying why, only when no Chromium is installed.

NUMCHECK_SCREENSHOTS=DIR also saves the screenshots there (README's come from this test).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from serve_support import SEED, SLIP, engine

from numcheck.serve.app import Settings, create_app
from numcheck.serve.local import local_server

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (apt-get install chromium); the page's browser test needs it")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the test extra)")

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def url():
    # a loaded CI machine must not turn a slow check into the server's 503
    with local_server(create_app(engine(), Settings(access_log=False, timeout=120))) as u:
        yield u


def shot(page, tmp_path: Path, name: str, full: bool = False) -> Path:
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=full)
    out = os.environ.get("NUMCHECK_SCREENSHOTS")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(out) / name)
    assert path.stat().st_size > 10_000  # a rendered page, not a blank one
    return path


def open_page(browser, url, viewport):
    page = browser.new_page(viewport=viewport)
    page.set_default_timeout(90_000)  # a shared, loaded machine: waits are bounds, not timings
    seen, problems = [], []
    page.on("request", lambda r: seen.append(r.url))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(url + "/")
    return page, seen, problems


def test_seed_then_slip_then_apply(browser, url, tmp_path):
    page, seen, problems = open_page(browser, url, DESKTOP)
    page.fill("#text", SEED)
    page.fill("#date", "2024-11-19")
    page.click("#check")
    mark = page.wait_for_selector("mark.v-consistent")
    assert mark.inner_text().startswith("approximately 3 billion kronor")
    summary = page.inner_text("#summary")
    assert summary.startswith("1 claim: 1 consistent") and "language en (guessed)" in summary and "2024-11-19" in summary
    mark.click()
    detail = page.inner_text("#detail")
    assert "within the rounding" in detail
    assert "1 USD = 10.951 SEK (ECB, 2024-11-19)" in detail
    assert page.query_selector("#apply") is None  # nothing to apply to a consistent figure
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, tmp_path, "serve-page-seed.png")

    # the planted slip, reached and fixed with the keyboard only
    page.fill("#text", SLIP)
    page.focus("#text")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("mark.v-inconsistent")
    assert page.inner_text("#summary").startswith("1 claim: 1 inconsistent")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "MARK":
            break
    else:
        pytest.fail("Tab never reached the marked figure")
    page.keyboard.press("Enter")
    assert "looks like a scale slip" in page.inner_text("#detail")
    assert "≈ 3 billion kronor" in page.inner_text("#detail")
    page.evaluate("document.getElementById('copy-view').scrollTop = 1e6")
    shot(page, tmp_path, "serve-page.png", full=True)
    page.focus("#apply")
    page.keyboard.press("Enter")
    page.wait_for_selector("mark.v-consistent")
    assert "approximately 3 billion kronor, from the US" in page.input_value("#text")
    assert "Applied “3 billion kronor”" in page.inner_text("#summary")
    # the keyboard stays on the corrected figure, which now shows its new verdict
    page.wait_for_function("document.activeElement.tagName === 'MARK'")
    assert page.evaluate("document.activeElement.className") == "v-consistent"
    assert "within the rounding" in page.inner_text("#detail")
    assert problems == []
    assert all(u.startswith(url) or u.startswith("data:") for u in seen), seen  # no external assets


def test_phone_width(browser, url, tmp_path):
    page, _, problems = open_page(browser, url, PHONE)
    page.fill("#text", SLIP)
    page.fill("#date", "2024-11-19")
    page.click("#check")
    page.wait_for_selector("mark.v-inconsistent").click()
    page.wait_for_selector("#apply")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    box = page.query_selector("#check").bounding_box()
    assert box["height"] >= 40  # a thumb-sized button
    shot(page, tmp_path, "serve-page-phone.png", full=True)
    assert problems == []


def test_dropped_markdown_file(browser, url):
    page, _, _ = open_page(browser, url, DESKTOP)
    md = "---\ndate: 2024-11-19\n---\n\nA **$275 million** package (about 3 billion kronor).\n"
    dt = page.evaluate_handle("""(md) => { const dt = new DataTransfer();
        dt.items.add(new File([md], 'story.md', {type: 'text/markdown'})); return dt; }""", md)
    page.dispatch_event("#text", "drop", {"dataTransfer": dt})
    page.wait_for_function("document.getElementById('text').value.includes('275')")
    assert page.input_value("#format") == "markdown"
    page.click("#check")
    mark = page.wait_for_selector("mark.v-consistent")
    assert mark.inner_text() == "about 3 billion kronor"
    assert "rates of 2024-11-19" in page.inner_text("#summary")  # the date from the front matter


def test_token_prompt(browser, tmp_path):
    with local_server(create_app(engine(), Settings(token="desk-token", access_log=False, timeout=120))) as u:
        page, _, _ = open_page(browser, u, DESKTOP)
        assert page.is_hidden("#token-row")
        page.fill("#text", SEED)
        page.click("#check")
        page.wait_for_selector("#token-row", state="visible")
        assert "access token" in page.inner_text("#error")
        page.fill("#token", "desk-token")
        page.click("#check")
        page.wait_for_selector("mark.v-consistent")
        assert page.inner_text("#error") == ""
