"""The admin's import page under the sources list: paste or upload a file, see what each entry
would become, confirm. The confirm form carries the text itself, so nothing is kept on the
server between the two steps and nothing is lost."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sources.cite.imports import FORMATS, UnreadableFile, decode, parse
from sources.cite.imports.service import ImportFailed, Status, import_entries, plan

# Pasted text and the confirm form's copy travel in the POST body, which Django caps at
# DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB by default): keep the import limit below that.
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
FORMAT_CHOICES = [("auto", gettext_lazy("Tell from the content")), *FORMATS.items()]


def max_bytes() -> int:
    return getattr(settings, "SOURCES_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def _too_large() -> forms.ValidationError:
    return forms.ValidationError(
        _("The file is too large: imports are limited to %(size)s. Split it and import the parts.")
        % {"size": filesizeformat(max_bytes())},
        code="too_large",
    )


class ImportForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Paste entries"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 80, "spellcheck": "false"}),
        help_text=gettext_lazy("BibTeX, RIS or CSL-JSON, as your reference manager exports it."),
    )
    upload = forms.FileField(
        label=gettext_lazy("or upload a file"),
        required=False,
        help_text=gettext_lazy(".bib, .ris or .json"),
    )
    format = forms.ChoiceField(
        label=gettext_lazy("Format"), choices=FORMAT_CHOICES, initial="auto"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.file_warnings: list[str] = []

    def clean(self):
        cleaned = super().clean()
        text, upload = cleaned.get("text", ""), cleaned.get("upload")
        if upload and text.strip():
            raise forms.ValidationError(_("Paste entries or upload a file, not both."))
        if upload:
            if upload.size > max_bytes():
                raise _too_large()
            cleaned["text"], self.file_warnings = decode(upload.read())
        elif not text.strip():
            raise forms.ValidationError(_("Paste entries or choose a file to upload."))
        if len(cleaned["text"].encode()) > max_bytes():
            raise _too_large()
        return cleaned


class ConfirmForm(forms.Form):
    text = forms.CharField(strip=False, widget=forms.HiddenInput)
    format = forms.ChoiceField(choices=FORMAT_CHOICES, widget=forms.HiddenInput)


def import_view(model_admin, request):
    """GET: the form; POST: the preview, or with `confirm` the import itself."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Import sources"),
        "max_size": max_bytes(),
    }
    if request.method != "POST":
        return _render(request, context, ImportForm())
    try:
        confirming = "confirm" in request.POST
    except RequestDataTooBig:
        return _render(request, context, ImportForm(), status=413, error=_too_large().message)
    if confirming:
        return _confirm(model_admin, request, context)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        too_large = any(e.code == "too_large" for e in form.non_field_errors().as_data())
        return _render(request, context, form, status=413 if too_large else 400)
    try:
        parsed = parse(form.cleaned_data["text"], form.cleaned_data["format"])
    except UnreadableFile as exc:
        form.add_error(None, str(exc))
        return _render(request, context, form, status=400)
    result = plan(parsed.entries)
    confirm = ConfirmForm(initial={"text": form.cleaned_data["text"], "format": parsed.format})
    context.update(
        result=result,
        rows=result.rows,
        format_label=FORMATS[parsed.format],
        file_warnings=[*form.file_warnings, *parsed.warnings],
        confirm_form=confirm,
        statuses=Status,
    )
    return TemplateResponse(request, "admin/sources/source/import.html", context)


def _confirm(model_admin, request, context):
    confirm = ConfirmForm(request.POST)
    if not confirm.is_valid():
        error = _("The confirmation lost its data; paste or upload the file again.")
        return _render(request, context, ImportForm(), status=400, error=error)
    try:
        parsed = parse(confirm.cleaned_data["text"], confirm.cleaned_data["format"])
        result = import_entries(entries=parsed.entries, dry_run=False)
    except (UnreadableFile, ImportFailed) as exc:
        # The text goes back into the form, so the editor loses nothing.
        form = ImportForm(initial={"text": confirm.cleaned_data["text"]})
        error = _("Nothing was imported: %(error)s") % {"error": exc}
        status = 400 if isinstance(exc, UnreadableFile) else 409
        return _render(request, context, form, status=status, error=error)
    messages.success(
        request,
        _("%(created)d created, %(duplicates)d duplicates skipped, %(invalid)d invalid.")
        % {"created": result.created, "duplicates": result.duplicates, "invalid": result.invalid},
    )
    opts = model_admin.opts
    return redirect(f"admin:{opts.app_label}_{opts.model_name}_changelist")


def _render(request, context, form, status=200, error=""):
    errors = [error] if error else []
    if form.is_bound:
        errors += form.non_field_errors()
    context = {**context, "form": form, "errors": errors, "rows": None}
    return TemplateResponse(request, "admin/sources/source/import.html", context, status=status)
