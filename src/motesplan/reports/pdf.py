"""Pages as PDF, printed by a headless Chromium (through Playwright).

An optional extra: ``pip install "motesplan[pdf]"`` brings Playwright; the browser is
the machine's own Chromium (Debian's ``chromium``, or any Chromium or Chrome found on
the ``PATH``, or the one ``MOTESPLAN_CHROMIUM`` names), since Playwright's own
download is not needed. Chromium prints the page as a browser prints it, on A4
landscape from the page's print CSS, with its backgrounds (the shading of holidays).

The PDF is the same for the same page: its creation and modification dates are
those of ``SOURCE_DATE_EPOCH`` (the calendars' stamp), not the clock's.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from motesplan._convert import stamp_from_environment
from motesplan.errors import MotesplanError
from motesplan.text import message

__all__ = ["BROWSERS", "PdfError", "find_browser", "html_to_pdf", "pdf_browser"]

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
"""The browsers looked for on the ``PATH``, in this order."""

FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
"""Chromium's flags: no sandbox (it may run as root in CI), and no connections of its own."""

_DATES = re.compile(rb"/(CreationDate|ModDate) \(D:[0-9]{14}[^)]*\)")


class PdfError(MotesplanError):
    """A PDF cannot be made: the extra or the browser is missing, or the browser failed."""


def find_browser() -> str | None:
    """The Chromium to print with: ``MOTESPLAN_CHROMIUM``, else the first of
    :data:`BROWSERS` on the ``PATH``; ``None`` when there is none."""
    chosen = os.environ.get("MOTESPLAN_CHROMIUM", "").strip()
    if chosen:
        return chosen if Path(chosen).exists() else None
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def pdf_browser() -> str:
    """The browser that prints PDF pages, found before any work is done.

    Raises:
        PdfError: Playwright is not installed (``pip install "motesplan[pdf]"``) or no
            Chromium is found.
    """
    try:
        import playwright.sync_api  # noqa: F401, PLC0415 (optional)
    except ImportError as error:
        raise PdfError(message("pdf.extra")) from error
    browser_path = find_browser()
    if browser_path is None:
        raise PdfError(message("pdf.browser", names=", ".join(BROWSERS)))
    return browser_path


def html_to_pdf(html: str, *, stamp: dt.datetime | None = None) -> bytes:
    """Print an HTML page (a whole self-contained document) to PDF.

    Args:
        html: the page.
        stamp: the PDF's creation date (default: the calendars' stamp,
            :func:`motesplan.stamp_from_environment`).

    Raises:
        PdfError: Playwright is not installed (``pip install "motesplan[pdf]"``), no
            Chromium is found, or the browser failed.
    """
    browser_path = pdf_browser()
    from playwright.sync_api import Error, sync_playwright  # noqa: PLC0415 (optional)

    def print_page() -> bytes:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=browser_path, args=list(FLAGS))
            try:
                page = browser.new_page()
                page.set_content(html, wait_until="load")
                page.emulate_media(media="print")
                return page.pdf(prefer_css_page_size=True, print_background=True)
            finally:
                browser.close()

    # in a thread of its own: Playwright's synchronous API refuses a thread whose event
    # loop runs (a notebook, or a caller's own Playwright)
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            data = pool.submit(print_page).result()
    except Error as error:
        raise PdfError(message("pdf.failed", browser=browser_path, error=str(error))) from error
    return _fixed_dates(data, stamp)


def _fixed_dates(data: bytes, stamp: dt.datetime | None) -> bytes:
    """The PDF with the stamp as its creation and modification date."""
    if stamp is None:
        stamp = stamp_from_environment()
    moment = stamp.astimezone(dt.UTC).strftime("%Y%m%d%H%M%S").encode()
    return _DATES.sub(lambda found: b"/" + found[1] + b" (D:" + moment + b"+00'00')", data)
