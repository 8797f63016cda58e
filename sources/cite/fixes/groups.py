"""Groups suppressed only when the variables they actually call are all empty, and variables
a cs:substitute used not rendered again.

citeproc-py decides from every variable a group could call in any branch of a cs:choose, so
GB/T's `[<type-id>/<medium-id>]` group vanished with the medium ("[J]" lost) whenever the item
had no URL; citeproc-js counts only the variables evaluated, as here.
"""

from citeproc import model
from citeproc.source import VariableError

from sources.cite.fixes.context import get


class _Frame:
    __slots__ = ("called", "rendered")

    def __init__(self):
        self.called = self.rendered = False


def _record(rendered: bool) -> None:
    frames = get("frames", list)
    if frames:
        frames[-1].called = True
        frames[-1].rendered = frames[-1].rendered or rendered


def _variables(element, args, kwargs) -> list[str]:
    """The variables an element renders (a locale's date is told its variable)."""
    variable = kwargs.get("variable") or element.get("variable") or ""
    if element.tag.endswith("}date") and len(args) > 1 and args[1]:
        variable = args[1]
    return variable.split()


def _repressed(element, context) -> set:
    """Variables a cs:substitute used for this item: not rendered again."""
    try:
        layout = (context if context is not None else element).get_layout()
    except IndexError:
        return set()
    return layout.repressed.setdefault("*", set())


def _tracked(method):
    """Records, for group suppression and substitution, that a variable was called."""

    def wrapper(self, *args, **kwargs):
        variables = _variables(self, args, kwargs)
        if variables == ["year-suffix"]:
            # Generated, not a datum: citeproc-js does not count it (APA's "n.d." group).
            return method(self, *args, **kwargs)
        context = kwargs.get("context")
        if context is None and len(args) > 1 and not isinstance(args[1], str):
            context = args[1]
        if variables and set(variables) <= _repressed(self, context):
            _record(False)
            return None
        try:
            result = method(self, *args, **kwargs)
        except VariableError:
            _record(False)
            raise
        rendered = result is not None and str(result) != ""
        _record(rendered)
        collectors = get("substituting", list)
        if rendered and collectors:
            collectors[-1].update(variables)
        return result

    wrapper.__wrapped__ = method
    return wrapper


def _substitute_render(self, item, context=None, **kwargs):
    # citeproc-py suppresses only a substituted <text variable>; citeproc-js every variable
    # the substitute rendered (an editor standing for the author is not repeated as editor).
    collectors = get("substituting", list)
    for child in self.getchildren():
        collectors.append(set())
        try:
            text = child.render(item, context=context, **kwargs)
        except VariableError:
            text = None
        finally:
            used = collectors.pop()
        if text:
            _repressed(self, context).update(used)
            if collectors:
                collectors[-1].update(used)
            return text
    return None


def _group_process(self, item, context=None, **kwargs):
    frames = get("frames", list)
    frame = _Frame()
    frames.append(frame)
    output = []
    delimiter = self.get("delimiter", "")
    try:
        for child in self.iterchildren():
            try:
                if isinstance(child, model.Choose):
                    text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            if text is not None and str(text) != "":
                output.append(text)
    finally:
        frames.pop()
    if frames:
        frames[-1].called = frames[-1].called or frame.called
    if output and (frame.rendered or not frame.called):
        if frames:
            frames[-1].rendered = frames[-1].rendered or frame.rendered
        return self.join(output)
    raise VariableError


def install() -> None:
    model.Group.process = _group_process
    model.Substitute.render = _substitute_render
    # After text.install and names.install: what they define is what gets tracked.
    model.Text._variable = _tracked(model.Text._variable)
    model.Names.process = _tracked(model.Names.process)
    model.Date.process = _tracked(model.Date.process)
    model.Number.process = _tracked(model.Number.process)
