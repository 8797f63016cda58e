"""Corrections to citeproc-py 0.11 (pinned <0.12), so that it formats as citeproc-js, the
processor Zotero uses, does.

Everything that reaches into citeproc-py's internals is in this package, applied once by
`install()`. Each module says what citeproc-py gets wrong; tests/cite/test_engine.py checks
each correction against the text citeproc-js gives.
"""

from sources.cite.fixes import groups, layout, names, pages, speed, text

_installed = []


def install() -> None:
    """Apply the corrections (idempotent). Order matters: groups wraps what text and names
    define, to track which variables are called."""
    if _installed:
        return
    for module in (pages, text, names, layout, speed, groups):
        module.install()
    _installed.append(True)
