"""Template helpers shared by every page: bilingual text, language links, pagination."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext as _

from sources.cite.scripts import mark_other_script
from sources.i18n import HTML_LANG, Translated

register = template.Library()


@register.filter
def tr(value):
    """Render translated text; a fallback gets its own `lang` and a visible marker."""
    if isinstance(value, Translated) and value.is_fallback:
        marker = _("English only") if value.lang == "en" else _("Chinese only")
        return format_html(
            '<span lang="{}">{}</span> <span class="fallback">({})</span>',
            value.html_lang,
            value,
            marker,
        )
    return value


@register.filter
def html_lang(code):
    return HTML_LANG.get(str(code).lower(), code)


@register.filter
def other_script(text, lang):
    """`text` that mixes scripts (“Cold War · 1947–1991年12月26日”), escaped, with the runs in
    the script other than `lang`'s in their own <span lang>; `lang` is its element's."""
    return mark_other_script(conditional_escape(text), str(lang))


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in every language: [(code, name, url, html_lang)], for the
    switcher and the hreflang alternates."""
    request = context["request"]
    path = request.get_full_path()
    return [
        (code, name, translate_url(path, code), HTML_LANG[code])
        for code, name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def absolute(context, url):
    return context["request"].build_absolute_uri(url)
