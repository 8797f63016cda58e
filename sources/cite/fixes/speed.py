"""Speed: citeproc-py looks up macros, terms and ancestors with an XPath query on every use,
half the time of formatting a Chicago note. Their answers never change for a parsed style, so
they are kept on the elements (engine._style keeps every element's Python object alive)."""

from citeproc import model
from citeproc import source as citeproc_source

_original = {}

_MISSING = object()


def _cached(element, name, compute):
    store = vars(element)
    value = store.get(name, _MISSING)
    if value is _MISSING:
        value = store[name] = compute()
    return value


def _get_macro(self, name):
    root = self.get_root()
    macros = _cached(
        root, "_macros", lambda: {m.get("name"): m for m in root.findall("cs:macro", root.nsmap)}
    )
    return macros[name]


def _get_layout(self):
    def find():
        found = self.xpath_search("./ancestor-or-self::cs:layout[1]")
        return found[0] if found else None

    layout = _cached(self, "_layout", find)
    if layout is None:
        raise IndexError("not inside a layout")
    return layout


_FORMATTING = "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"


def _formatting_parent(element):
    return _cached(element, "_formatting", lambda: element.xpath_search(_FORMATTING)[0])


def _name_get_option(self, name, context=None, sort_options=None):
    if sort_options and name in sort_options:
        value = sort_options[name]
    else:
        parent = _formatting_parent(context if context is not None else self)
        if name in ("form", "delimiter"):
            value = self.get(name, parent.get_option("name-" + name))
        else:
            value = self.get(name, parent.get_option(name))
    if name in ("initialize-with-hyphen", "et-al-use-last"):
        value = str(value).lower() == "true"
    elif name.startswith("et-al"):
        value = int(value)
    return value


def _get_parent_delimiter(self, context=None):
    return _formatting_parent(context if context is not None else self).get_option(
        "names-delimiter"
    )


def _locale_get_term(self, name, form=None, zero_padded=False):
    terms = _cached(self, "_terms", dict)
    key = (name, form, zero_padded)
    if key not in terms:
        try:
            terms[key] = _original["locale_get_term"](self, name, form, zero_padded)
        except IndexError:
            terms[key] = None
    if terms[key] is None:
        raise IndexError(name)
    return terms[key]


def _reference(self):
    try:
        return dict.__getitem__(self, "_reference")
    except KeyError:
        reference = self.bibliography.source[self.key]
        dict.__setitem__(self, "_reference", reference)
        return reference


def install() -> None:
    _original["locale_get_term"] = model.Locale.get_term
    model.Locale.get_term = _locale_get_term
    model.CitationStylesElement.get_macro = _get_macro
    model.CitationStylesElement.get_layout = _get_layout
    model.Name.get_option = _name_get_option
    model.Names.get_parent_delimiter = _get_parent_delimiter
    citeproc_source.CitationItem.reference = property(_reference)
