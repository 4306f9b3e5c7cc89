"""The main flows work with the keyboard alone: sign in, find a system, edit it, import a file.

Only Tab, Shift+Tab, typing, Enter and Space are used; the helper stops with the list of
elements it passed when the wanted one cannot be reached, so a focus trap fails the test.
Each step waits for the state it leads to (a URL, a text, a focus), never for a time.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.browser.conftest import at
from tests.web.conftest import PASSWORD

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el) return '';
  const label = el.labels && el.labels.length ? el.labels[0].innerText : '';
  return [el.tagName, el.getAttribute('name') || '', el.id || '',
          (el.innerText || el.value || '').trim().slice(0, 60), label.trim()].join('|');
}"""
# Marks a file input when its activation (the click that opens the file chooser) fires, and
# stops that activation, so the test sees the request for a chooser without a native one.
ASK_FOR_A_FILE = """input => input.addEventListener('click', event => {
  event.preventDefault();
  input.dataset.chooserAsked = 'yes';
}, {once: true})"""


def tab_to(page, wanted: str, limit: int = 80) -> str:  # type: ignore[no-untyped-def]
    """Press Tab until the focused element's description contains `wanted`."""
    passed = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if wanted in focused:
            return str(focused)
        passed.append(focused)
    raise AssertionError(f"could not reach {wanted!r} with Tab; passed {passed}")


def test_sign_in_find_edit_and_import_with_the_keyboard(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect  # here: without playwright, the fixture skips

    page.goto("/systems")  # anonymous: sent to the login page
    page.wait_for_url(at("/login", "next="))
    tab_to(page, "|name|")
    page.keyboard.type("editor")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(at("/systems"))

    # the skip link is the first stop and takes focus to the content
    page.keyboard.press("Tab")
    assert "Hoppa till huvudinnehållet" in page.evaluate(FOCUSED)

    tab_to(page, "|q|")
    page.keyboard.type("sys-00007")
    page.keyboard.press("Enter")
    page.wait_for_url(at("/systems", "q=sys-00007"))
    expect(page.locator("main")).to_contain_text("1 system hittades")
    name = page.locator("#results tbody th a").inner_text()
    tab_to(page, name)
    page.keyboard.press("Enter")
    page.wait_for_url(at("/systems/sys-00007"))

    tab_to(page, "Redigera system")
    page.keyboard.press("Enter")
    page.wait_for_url(at("/edit/systems/sys-00007"))
    tab_to(page, "|system_owner|")
    page.keyboard.press("Control+A")
    page.keyboard.type("Tangentbords-Tina")
    tab_to(page, "Spara")
    page.keyboard.press("Enter")
    page.wait_for_url(at("/systems/sys-00007", "saved=1"))
    expect(page.locator("main")).to_contain_text("Tangentbords-Tina")

    upload = tmp_path / "nya-system.json"
    upload.write_text(
        json.dumps({"systems": [{"id": "sys-kbd", "name": "Tangentsystem"}]}), encoding="utf-8"
    )
    # the editor may not import: the menu offers no Import; sign out and in as an analyst
    assert page.locator("nav a[href='/import']").count() == 0
    tab_to(page, "Logga ut")
    page.keyboard.press("Enter")
    page.wait_for_url(at("/login"))
    tab_to(page, "|name|")
    page.keyboard.type("analyst")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(at("/"))
    tab_to(page, "Import")
    page.keyboard.press("Enter")
    page.wait_for_url(at("/import"))
    tab_to(page, "|file|")
    # Tab reached the file input, and Space on it is what opens the file chooser: its
    # activation (a click) fires. The native chooser itself is not waited for (under load,
    # headless Chromium may be slow to report it); the activation is stopped before it opens
    # one, and the file is set on the focused input, as choosing it there would.
    chosen = page.locator("input[type=file]:focus")
    expect(chosen).to_be_focused()
    chosen.evaluate(ASK_FOR_A_FILE)
    page.keyboard.press("Space")
    expect(chosen).to_have_attribute("data-chooser-asked", "yes")
    chosen.set_input_files(str(upload))
    expect(chosen).to_be_focused()
    tab_to(page, "Kontrollera filen")
    page.keyboard.press("Enter")
    expect(page.get_by_text("provkörning")).to_be_visible()
    tab_to(page, "Bekräfta importen")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Importen är klar")).to_be_visible()
    page.goto("/systems/sys-kbd")
    expect(page.locator("main")).to_contain_text("Tangentsystem")
