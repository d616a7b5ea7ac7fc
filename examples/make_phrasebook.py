"""Make the README's picture of the offline phrase book: export the built-in bank as one HTML page,
open it in headless Chromium (Playwright, Debian's /usr/bin/chromium), search by pinyin initials
and save ``examples/phrasebook.png``.

    python examples/make_phrasebook.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from playwright.sync_api import sync_playwright

    from drafter.library import Library
    from drafter.phrasebook.export import export

    book = Library.resolve().phrasebook()
    with tempfile.TemporaryDirectory() as tmp:
        page_file = export(book, book.entries(), Path(tmp) / "素材库.html", "html")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                        args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 960, "height": 640}, device_scale_factor=1)
            page.goto(page_file.as_uri())
            page.wait_for_function("window.phrasebook && window.phrasebook.ready")
            page.fill("#q", "gbzx")
            page.locator(".card").nth(1).locator("summary", has_text="例句").click()
            page.locator(".card").nth(1).locator("button.copy").click()
            page.wait_for_selector("button.copy.done")
            page.screenshot(path=str(ROOT / "examples" / "phrasebook.png"))
            browser.close()
    print(ROOT / "examples" / "phrasebook.png")


if __name__ == "__main__":
    main()
