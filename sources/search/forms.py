"""The search form: a query and its filters; a filter value we do not have is an error."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sources.periods import Period
from sources.search import registry
from sources.search.query import MAX_CHARS, clean


class QueryField(forms.CharField):
    """Free text with control characters (NUL bytes among them) turned into spaces, so that a
    pasted query is searched rather than refused."""

    def to_python(self, value):
        value = super().to_python(value)
        return clean(value) if len(value) <= MAX_CHARS else value


class SearchForm(forms.Form):
    q = QueryField(
        label=_("Search for"),
        required=False,
        max_length=MAX_CHARS,
        widget=forms.SearchInput(attrs={"spellcheck": "false"}),
        error_messages={
            "max_length": _(
                "That search is too long: use at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            )
        },
    )
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        error_messages={"invalid_choice": _("There is no type of page called “%(value)s”.")},
    )
    tag = forms.ChoiceField(
        label=_("Tag"),
        required=False,
        error_messages={"invalid_choice": _("There is no tag “%(value)s”.")},
    )
    period = forms.ChoiceField(
        label=_("Period"),
        required=False,
        choices=[("", _("Any period")), *Period.choices],
        error_messages={"invalid_choice": _("There is no period “%(value)s”.")},
    )

    def __init__(self, data, *, tags):
        super().__init__(data)
        self.fields["type"].choices = [
            ("", _("All types")),
            *((kind.key, kind.plural) for kind in registry.kinds()),
        ]
        self.fields["tag"].choices = [("", _("All tags")), *((t.slug, t.label) for t in tags)]
