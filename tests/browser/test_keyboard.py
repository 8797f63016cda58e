"""Keyboard and motion: the skip link comes first and works, every control can be reached by
Tab and shows where focus is, and reduced motion turns every transition and animation off."""

import pytest

from tests.browser.conftest import DESKTOP, LANGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Numbers every visible control in document order and records how it looks unfocused.
MARK_CONTROLS = """() => {
  const selector = "a[href], button, select, input:not([type=hidden]), textarea, summary";
  const controls = [...document.querySelectorAll(selector)].filter((el) => el.checkVisibility());
  controls.forEach((el, i) => { el.dataset.control = i; });
  return controls.map((el) => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(" ");
  });
}"""
# The focused control's number and look: whether a focus ring is drawn at all.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el.dataset.control === undefined) return null;
  const s = getComputedStyle(el);
  const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0)
    || s.boxShadow !== "none";
  return {
    index: Number(el.dataset.control),
    look: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(" "),
    ring,
    text: (el.innerText || el.name || el.tagName).trim().slice(0, 40),
  };
}"""
ON_SCREEN = """(el) => {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.left >= 0 && box.right <= innerWidth && box.top >= 0;
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_skip_link_is_the_first_tab_stop_shows_itself_and_moves_focus_to_main(
    pages, open_tab, desktop, lang
):
    tab = open_tab(desktop)
    for path in pages[lang].values():
        page = tab.goto(path)
        skip = page.locator(".skip-link")
        assert not skip.evaluate(ON_SCREEN), f"skip link visible before focus on {path}"
        page.keyboard.press("Tab")
        assert skip.evaluate("(el) => el === document.activeElement"), path
        assert skip.evaluate(ON_SCREEN), f"focused skip link is off screen on {path}"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.tagName") == "MAIN", path


@pytest.mark.parametrize("lang", LANGS)
def test_every_control_is_reached_by_tab_and_shows_a_focus_ring(pages, open_tab, desktop, lang):
    tab = open_tab(desktop)
    problems = []
    for path in pages[lang].values():
        page = tab.goto(path)
        unfocused = page.evaluate(MARK_CONTROLS)
        reached = set()
        for _ in range(len(unfocused) + 2):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is None or focused["index"] in reached:
                break
            reached.add(focused["index"])
            if not focused["ring"] or focused["look"] == unfocused[focused["index"]]:
                problems.append(f"{path}: no visible focus on {focused['text']!r}")
        missed = set(range(len(unfocused))) - reached
        if missed:
            problems.append(f"{path}: Tab never reaches controls {sorted(missed)}")
    assert not problems, "\n".join(problems)


def test_reduced_motion_turns_off_every_transition_and_animation(pages, open_tab, browser):
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce")
    moving = """() => [...document.querySelectorAll("*")]
      .filter((el) => {
        const s = getComputedStyle(el);
        return s.transitionDuration.split(",").some((d) => parseFloat(d) > 0)
          || s.animationName !== "none";
      })
      .map((el) => el.tagName + (el.className ? "." + el.className : ""))"""
    try:
        tab = open_tab(context)
        assert tab.page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
        for lang in LANGS:
            for path in pages[lang].values():
                page = tab.goto(path)
                # Focus and hover states are where transitions usually hide.
                page.keyboard.press("Tab")
                page.mouse.move(10, 10)
                assert page.evaluate(moving) == [], path
                assert page.evaluate("document.getAnimations().length") == 0, path
    finally:
        context.close()
