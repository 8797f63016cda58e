"""The HTML that Markdown on this site may produce, enforced with nh3 (the Rust ammonia).

Raw HTML is already escaped by markup.py, so this is the second line of defence: whatever
Markdown builds from hostile text, only these tags, attributes and URL schemes survive.
"""

import nh3

TAGS = {
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
# Links may go to web pages and e-mail addresses, or be relative (pages of this site).
URL_SCHEMES = {"http", "https", "mailto"}
EXTERNAL_REL = "noopener noreferrer"

_cleaner = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags={"script", "style", "template", "iframe", "object", "noscript"},
    attributes=ATTRIBUTES,
    # markup.py marks links to other sites; links within the site keep their referrer.
    tag_attribute_values={"a": {"rel": {EXTERNAL_REL}}},
    link_rel=None,
    url_schemes=URL_SCHEMES,
    strip_comments=True,
)


def sanitise(html: str) -> str:
    return _cleaner.clean(html)
