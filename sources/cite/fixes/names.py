"""Names as citeproc-js formats them, replacing citeproc-py's `Name.process`.

citeproc-py ignores `initialize="false"` (Chicago and MLA print "Jervis, R." instead of
"Jervis, Robert"), joins Chinese names with Latin spacing ("Cha 等", "盧業中, & 林文程") and
upper-cases literal names. Names given as a literal (institutions, and Chinese names written
whole: 閻學通) are printed as they are, never inverted or initialised.
"""

import re
import threading

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from sources.cite.fixes.context import get, state
from sources.cite.fixes.groups import _repressed
from sources.cite.textcase import ROMANESQUE, STARTS_ROMANESQUE

shown = threading.local()

_INITIAL = re.compile(
    r"^([A-Z\u00c0-\u017f\u0400-\u042f\u0370-\u03ff])([a-zA-Z\u00c0-\u017f\u0400-\u052f"
    r"\u0370-\u03ff]*|)(\.)*"
)


def initialise(given: str, mark: str, *, hyphen: bool = True, only_existing: bool = False) -> str:
    """Initials of given names as citeproc-js makes them ("Glenn H." → "G. H.", "Jean-Paul" →
    "J.-P.", "Yeh-chung" → "Y."); with `only_existing` (initialize="false") the names stay and
    only initials already there are normalised ("John H" → "John H.")."""
    if not STARTS_ROMANESQUE.match(given):
        return given
    if not hyphen:
        given = given.replace("-", " ")
    given = re.sub(r"\s+", " ", re.sub(r"\s*-\s*", "-", given))
    given = re.sub(r"-([a-z])", "\u2013\\1", given)  # "Yeh-chung" is one name
    given = re.sub(r"\.(?=[^ ])", ". ", given)
    parts = re.split(r"([-\s]+)", given.strip())
    if len(parts) == 1 and len(parts[0]) == 1 and parts[0].isupper():
        parts[0] += "."
    if only_existing:
        text = _normalise_initials(parts, mark)
    else:
        text = _initials(parts, mark)
    text = re.sub(r"\s*-\s*", "-", text.strip())
    return re.sub(r"\s+", " ", text).replace("\u2013", "-")


def _normalise_initials(parts: list[str], mark: str) -> str:
    abbreviation = []
    for i, part in enumerate(parts):
        if len(part) > 1 and part.endswith("."):
            parts[i] = part[:-1]
            abbreviation.append(True)
        else:
            abbreviation.append(len(part) == 1 and part.isupper())
    for i in range(0, len(parts), 2):
        if not abbreviation[i]:
            continue
        if i < len(parts) - 2:
            separator = "" if abbreviation[i + 2] else " "
            parts[i + 1] = mark + separator
        if i == len(parts) - 1:
            parts[i] += mark
    return "".join(parts)


def _initials(parts: list[str], mark: str) -> str:
    for i in range(0, len(parts), 2):
        name = parts[i]
        match = _INITIAL.match(name)
        if match and match[1][0].isupper():
            initial, rest = match[1], match[2]
            if rest and match[3]:  # an abbreviation such as "Wm." stays whole
                initial, rest = initial + rest, ""
            upper = ""
            for char in rest:
                if not char.isupper():
                    break
                upper += char
            parts[i] = initial + (upper.lower() if len(upper) < len(rest) else "")
            if i < len(parts) - 1:
                if "-" in parts[i + 1]:
                    parts[i + 1] = mark.rstrip() + "-"
                else:
                    parts[i + 1] = mark
            else:
                parts.append(mark)
        elif ROMANESQUE.search(name):
            parts[i] = " " + name  # a particle such as "de" is kept
    return "".join(parts)


def _inverted(name_as_sort_order: str, index: int) -> bool:
    return name_as_sort_order == "all" or (name_as_sort_order == "first" and index == 0)


def _person(element, name, index, opt, format_parts, expand=None):
    """One personal name in the form and order the style asks for; `expand` ("initials" or
    "full") adds the given name to a short form, to tell apart two authors called Kim."""
    given, family, dropping, non_dropping, suffix = name.parts()
    form = opt("form")
    if form == "short" and not (expand and given):
        family = " ".join(n for n in (non_dropping, family) if n)
        return format_parts(None, family)[1], False
    initialize_with = opt("initialize-with")
    if expand == "initials":
        initialize_with = initialize_with or ". "
    if given and initialize_with is not None and expand != "full":
        given = initialise(
            given,
            initialize_with,
            hyphen=opt("initialize-with-hyphen"),
            only_existing=opt("initialize") == "false" and expand != "initials",
        )
    if _inverted(opt("name-as-sort-order"), index):
        if opt("demote-non-dropping-particle") in ("never", "sort-only"):
            family = " ".join(n for n in (non_dropping, family) if n)
            given = " ".join(n for n in (given, dropping) if n)
        else:
            given = " ".join(n for n in (given, dropping, non_dropping) if n)
        given, family = format_parts(given, family)
        return opt("sort-separator").join(n for n in (family, given, suffix) if n), True
    family = " ".join(n for n in (dropping, non_dropping, family) if n)
    given, family = format_parts(given, family)
    return " ".join(n for n in (given, family, suffix) if n), False


def _in_citation(element, context) -> bool:
    try:
        layout = (context if context is not None else element).get_layout()
    except IndexError:
        return False
    return layout.getparent().tag.endswith("}citation")


def _bibliography(item):
    try:
        return item.bibliography
    except VariableError:  # a cite not (yet) in a citation
        return None


def name_process(self, item, variable, context=None, sort_options=None, **kwargs):
    """Replacement for `citeproc.model.Name.process`."""

    def opt(option):
        return self.get_option(option, context, sort_options)

    def format_parts(given, family):
        for part in self.findall("cs:name-part", self.nsmap):
            given, family = part.format_part(given, family)
        return given, family

    names = list(item.reference.get(variable, []))
    delimiter = opt("delimiter")
    et_al_min, use_first = opt("et-al-min"), opt("et-al-use-first")
    expanded = {}
    if _in_citation(self, context):
        bib = _bibliography(item)
        expanded = getattr(bib, "expanded", {}).get((item.key, variable), {})
        use_first = max(use_first, getattr(bib, "more_names", {}).get(item.key, 0))
    truncate = bool(et_al_min) and len(names) >= et_al_min and len(names) > use_first
    use_last = truncate and opt("et-al-use-last") and use_first <= et_al_min - 2
    last_name = names[-1] if names else None
    if truncate:
        names = names[:use_first]
    if opt("form") == "count":
        return len(names)

    rendered, inverted = [], []
    for index, name in enumerate(names):
        if "literal" in name:
            rendered.append(str(name["literal"]))
            inverted.append(False)
        else:
            text, was_inverted = _person(self, name, index, opt, format_parts, expanded.get(index))
            rendered.append(text)
            inverted.append(was_inverted)
    if not rendered:
        return None
    # What MLA's subsequent-author-substitute compares: the names shown, not "et al.".
    shown.names = tuple(rendered)

    if use_last:
        last, _ = (
            (str(last_name["literal"]), False)
            if "literal" in last_name
            else _person(self, last_name, len(names), opt, format_parts)
        )
        ellipsis = self.unicode_character("horizontal ellipsis")
        return self.join(rendered, delimiter) + delimiter + ellipsis + " " + last

    if truncate:
        et_al = self.et_al()
        if not et_al or sort_options is not None:  # citeproc-js sorts on the names alone
            return self.join(rendered, delimiter)
        precedes = opt("delimiter-precedes-et-al")
        if precedes == "always":
            before = delimiter
        elif precedes == "never":
            before = " "
        elif precedes == "after-inverted-name":
            before = delimiter if inverted[-1] else " "
        else:  # contextual
            before = delimiter if len(rendered) > 1 else " "
        if before == " " and not STARTS_ROMANESQUE.match(str(et_al)):
            before = ""  # 盧業中等, Cha等
        return self.join(rendered, delimiter) + before + et_al

    and_option = opt("and")
    if len(rendered) == 1:
        return rendered[0]
    if and_option is None:
        return self.join(rendered, delimiter)
    term = self.get_single_term(name="and") if and_option == "text" else self.preformat("&")
    precedes = opt("delimiter-precedes-last")
    if "literal" in names[-1]:
        # citeproc-js joins institutions (and names written whole) contextually
        precedes = "contextual"
    # citeproc-js's table: the joint before the last of two names ("single") or of more
    # ("multiple"); a Chinese "and" (及) takes no spaces, and "always" only affects two names.
    if STARTS_ROMANESQUE.match(str(term)):
        single, multiple, after = " ", delimiter, " "
    else:
        single, multiple, after = "", "", ""
    if precedes == "always":
        single = delimiter
    elif precedes == "never":
        multiple = " " if multiple else multiple
    elif precedes == "after-inverted-name":
        single = delimiter if single else single
        multiple = " " if multiple else multiple
        if inverted[-2]:
            single = multiple = delimiter
    before = single if len(rendered) == 2 else multiple
    head = self.join(rendered[:-1], delimiter)
    return head + before + term + after + rendered[-1]


def _names_output(self, item, names_context, context, kwargs):
    """citeproc-py's Names.process, less the variables a substitute already used, and with
    a bare <names> anywhere inside a substitute (even in a cs:choose) taking the enclosing
    <names>' name, et-al and label (citeproc-py gave it a default name: "S. E. Lobell")."""
    inherited = get("names_contexts", list)
    if names_context is None and len(self) == 0 and inherited:
        names_context = inherited[-1]
    if names_context is None:
        names_context = self
    repressed = _repressed(self, context)
    roles = [role for role in self.get("variable").split() if role not in repressed]
    reference = item.reference
    editor_translator = (
        set(roles) == {"editor", "translator"}
        and reference.get("editor") == reference.get("translator")
        and self.get_term("editortranslator") is not None
        and len(self.get_term("editortranslator")) > 0
    )
    if editor_translator:
        roles = ["editor"]
    output = []
    for role in roles:
        if role not in reference:
            continue
        name = names_context.name
        if name is None:
            name = model.Name()
            names_context.insert(0, name)
        text = name.render(item, role, context=context, **kwargs)
        label_element = names_context.label
        if label_element is not None and text is not None and not isinstance(text, int):
            label = label_element.render(
                item,
                "editortranslator" if editor_translator else role,
                len(reference[role]) > 1,
                **kwargs,
            )
            if label is not None:
                first = label_element is names_context.getchildren()[0]
                text = label + text if first else text + label
        if text is not None:
            output.append(text)
    if output:
        if all(isinstance(text, int) for text in output):
            total = sum(output)
            return str(total) if total > 0 else None
        return self.join(output, self.get_parent_delimiter(context))
    substitute = self.substitute()
    if substitute is not None:
        inherited.append(self)
        try:
            return substitute.render(item, context=context, **kwargs)
        finally:
            inherited.pop()
    raise VariableError


def _names_process(self, item, names_context=None, context=None, **kwargs):
    """Names with author suppression (Pandoc's [-@key]), author-only rendering and MLA's
    subsequent-author-substitute (“———.”), none of which citeproc-py has."""
    shown.names = None
    result = _names_output(self, item, names_context, context, kwargs)
    if kwargs.get("sort_options") is not None or names_context is not None:
        return result
    if get("names_contexts", list):
        return result  # inside a substitute: the enclosing <names> counts
    author = get("author", dict)
    if author.get("mode") and not author.get("done"):
        author["done"] = True
        author["text"] = self.markup(result) if result else None
        if author["mode"] == "suppress":
            return None
    entry = getattr(state, "entry", None)
    if entry is not None and not entry.get("done"):
        entry["done"] = True
        entry["names"] = getattr(shown, "names", None) if result else None
        substitute = self.get_root().bibliography.get("subsequent-author-substitute")
        if substitute is not None and entry["names"] and entry.get("previous") == entry["names"]:
            return String(substitute)
    return result


def install() -> None:
    model.CitationStylesElement._default_options["initialize"] = "true"
    model.Name.process = name_process
    model.Names.process = _names_process
