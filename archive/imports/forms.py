"""The import's two forms: the upload (checked as a whole before any row is planned) and the
confirmation of a preview."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .planning import columns_check
from .reading import ImportFileError, import_file_read


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "CSV (UTF-8), JSON or JSON Lines, with the columns of the archive's statements.csv, "
            "or the downloads' statements.json and statements.jsonl as they are."
        ),
    )
    update_existing = forms.BooleanField(
        label=_("Update existing statements"),
        required=False,
        help_text=_(
            "A row whose slug is already in the archive changes that statement. Unticked, such a "
            "row is an error unless it changes nothing."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.ARCHIVE_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s; the largest accepted is %(limit)s. Split it into several files.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        content = upload.read()
        try:
            import_file = import_file_read(name=upload.name, content=content)
            columns_check(import_file.columns)
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from None
        if not import_file.rows:
            raise forms.ValidationError(_("The file has a header but no statements."))
        self.content, self.import_file = content, import_file
        return upload


class ConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    digest = forms.CharField(widget=forms.HiddenInput, max_length=64)
    update_existing = forms.BooleanField(widget=forms.HiddenInput, required=False)
