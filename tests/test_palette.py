"""The light/dark toggle (overrides/partials/palette.html,
partials/javascripts/palette.html, assets/js/palette.js) and the root
element's classes given before the body is parsed (overrides/main.html):
the page is in its palette and its header complete from the first paint,
before Material's script has run."""

from __future__ import annotations

import pytest

BACKGROUND = "() => getComputedStyle(document.body).backgroundColor"
LIGHT = "rgb(255, 255, 255)"
TOGGLE = "[data-palette] label:not([hidden])"
MATERIAL_SCRIPT = "**/assets/javascripts/bundle.*.min.js"


def is_dark(rgb: str) -> bool:
    red, green, blue = map(int, rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3])
    return max(red, green, blue) < 80


def header_colour(page) -> str:
    """The header's background as #rrggbb: the colour a phone gives its address bar."""
    rgb = page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    red, green, blue = map(int, rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3])
    return f"#{red:02x}{green:02x}{blue:02x}"


def meta(page, name: str) -> list[str]:
    return page.eval_on_selector_all(f'meta[name="{name}"]', "tags => tags.map(t => t.content)")


@pytest.mark.browser
def test_the_toggle_switches_light_and_dark_and_the_choice_holds(page):
    page.goto("glossary/")
    assert page.evaluate(BACKGROUND) == LIGHT
    assert meta(page, "color-scheme") == ["light"]
    page.wait_for_function("document.querySelector('meta[name=theme-color]')")
    assert meta(page, "theme-color") == [header_colour(page)]
    page.locator(TOGGLE).click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    dark = page.evaluate(BACKGROUND)
    assert is_dark(dark), dark
    assert meta(page, "color-scheme") == ["dark"]
    assert meta(page, "theme-color") == [header_colour(page)]

    page.get_by_role("link", name="Article", exact=True).first.click()   # instant navigation
    page.wait_for_url("**/article/")
    assert page.evaluate(BACKGROUND) == dark
    page.goto("questions/")                                               # a full load
    assert page.evaluate(BACKGROUND) == dark
    assert meta(page, "color-scheme") == ["dark"]
    page.locator(TOGGLE).click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    assert page.evaluate(BACKGROUND) == LIGHT
    assert meta(page, "color-scheme") == ["light"]


@pytest.mark.browser
def test_enter_on_the_focused_toggle_switches_it(page):
    page.goto("")
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert page.evaluate("document.activeElement.id") == "__palette_1"
    assert page.locator(TOGGLE).get_attribute("title") == "Switch to light mode"
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    assert page.locator(TOGGLE).get_attribute("title") == "Switch to dark mode"


@pytest.mark.browser
def test_a_device_in_dark_mode_gets_the_dark_palette_without_materials_script(browser, base_url):
    """Applied while the header is parsed: Material's script is refused here,
    and the page is dark all the same, with its toggle, its dark scrollbars
    and its search button (on a phone, where the header shows it)."""
    context = browser.new_context(base_url=base_url, color_scheme="dark", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.route(MATERIAL_SCRIPT, lambda route: route.abort())
    page.goto("article/")
    assert page.evaluate("typeof window.document$") == "undefined"   # Material's script never ran
    assert is_dark(page.evaluate(BACKGROUND))
    assert meta(page, "color-scheme") == ["dark"]
    assert page.locator(TOGGLE).get_attribute("title") == "Switch to light mode"
    assert page.locator("label.md-header__button[for=__search]").is_visible()
    assert page.evaluate("document.documentElement.className") == "js js-focus-visible"
    context.close()


@pytest.mark.browser
def test_once_materials_script_has_run_the_page_has_one_color_scheme_tag(page):
    """Material's palette component is not mounted: it would add a second
    color-scheme tag, and restyle the whole page twice doing so."""
    page.goto("worksheet/")
    page.wait_for_function("typeof window.document$ !== 'undefined'")
    page.wait_for_timeout(200)
    assert meta(page, "color-scheme") == ["light"]
    assert page.evaluate("document.documentElement.classList.contains('js')")


@pytest.mark.browser
def test_without_javascript_the_page_stays_no_js(browser, base_url):
    """Material's fallbacks still apply: no search button, no toggle."""
    context = browser.new_context(base_url=base_url, java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto("article/")
    assert page.locator("html").get_attribute("class") == "no-js"
    assert not page.locator("label.md-header__button[for=__search]").is_visible()
    assert page.locator("[data-palette] label:not([hidden])").count() == 0
    assert page.locator(".md-content").is_visible()
    context.close()


@pytest.mark.browser
def test_a_choice_saved_by_materials_own_toggle_still_holds(browser, base_url):
    """Saved under Material's key and in its format, before this toggle."""
    context = browser.new_context(base_url=base_url, color_scheme="light")
    context.add_init_script("""localStorage.setItem("/.__palette", JSON.stringify({index: 1, color: {
        media: "(prefers-color-scheme: dark)", scheme: "slate", primary: "indigo", accent: "indigo"}}))""")
    page = context.new_page()
    page.goto("questions/")
    assert is_dark(page.evaluate(BACKGROUND))
    assert page.locator(TOGGLE).get_attribute("title") == "Switch to light mode"
    context.close()
