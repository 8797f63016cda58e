"""axe-core finds no WCAG 2.1 A/AA violations on any page type in either language, nor on
the admin pages editors use (bar the named rules Django's own admin markup breaks)."""

import pytest

from tests.browser.conftest import LANGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Each failing node says whether it sits in markup Django's admin owns (see ADMIN_MARKUP).
RUN_AXE = """async (tags) => {
  const options = {runOnly: {type: "tag", values: tags}, elementRef: true};
  const results = await axe.run(document, options);
  return {
    passes: results.passes.length,
    violations: results.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(" "),
        tabular: Boolean(n.element && n.element.closest("div.tabular")),
        select2: Boolean(n.element && n.element.closest(".select2-container")),
      })),
    })),
  };
}"""


def axe_violations(page, axe_source):
    """The WCAG violations axe-core finds on the page; axe is evaluated as source text,
    because the Content-Security-Policy refuses injected <script> tags."""
    page.evaluate(axe_source)
    results = page.evaluate(RUN_AXE, WCAG_TAGS)
    # A run that checked nothing (axe not loaded, empty page) must not pass as "no violations".
    assert results["passes"] > 10, f"axe-core checked almost nothing on {page.url}"
    return results["violations"]


def describe(violations):
    return "\n".join(
        f"{v['id']} ({v['help']}): {', '.join(n['target'] for n in v['nodes'][:5])}"
        for v in violations
    )


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_type_has_no_wcag_violations(pages, open_tab, desktop, axe_source, lang):
    tab = open_tab(desktop)
    found = {}
    for path in pages[lang].values():
        violations = axe_violations(tab.goto(path), axe_source)
        if violations:
            found[path] = describe(violations)
    assert not found, "\n\n".join(f"{path}:\n{text}" for path, text in found.items())


# Rules Django's own admin markup breaks, each allowed only inside the markup that breaks it:
# - TabularInline (admin/edit_inline/tabular.html) names its inputs by column header, with no
#   <label> or aria-label per input (label, select-name);
# - the select2 widget Django vendors for autocomplete_fields renders an unnamed
#   role=combobox holding a <ul> of non-<li> children and an unlabelled search field
#   (aria-input-field-name, list, label).
ADMIN_MARKUP = {
    "label": ("tabular", "select2"),
    "select-name": ("tabular",),
    "aria-input-field-name": ("select2",),
    "list": ("select2",),
}


def ours(violation):
    """The violation's nodes that are not in admin markup known to break its rule."""
    regions = ADMIN_MARKUP.get(violation["id"], ())
    return [n for n in violation["nodes"] if not any(n[region] for region in regions)]


@pytest.fixture
def admin_paths(world):
    from django.urls import reverse

    concept = world.security_dilemma
    return [
        reverse("admin:index"),
        reverse("admin:concepts_concept_changelist"),
        reverse("admin:concepts_concept_change", args=[concept.pk]),
        reverse("admin:sources_source_add"),
    ]


def test_admin_pages_editors_use_have_no_wcag_violations_of_our_making(
    admin_paths, open_tab, browser, axe_source, django_user_model
):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-Editor-1")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        tab = open_tab(context)
        login = tab.goto(admin_paths[0])
        found = {"login": axe_violations(login, axe_source)}
        login.get_by_label("Username").fill("editor")
        login.get_by_label("Password").fill("pw-Editor-1")
        login.get_by_role("button", name="Log in").click()
        login.wait_for_load_state()
        for path in admin_paths:
            found[path] = axe_violations(tab.goto(path), axe_source)
    finally:
        context.close()
    report = {
        where: [{**v, "nodes": ours(v)} for v in violations if ours(v)]
        for where, violations in found.items()
    }
    assert not any(report.values()), "\n\n".join(
        f"{where}:\n{describe(v)}" for where, v in report.items() if v
    )
