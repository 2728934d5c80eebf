"""One language switch for a whole admin form, instead of a row of tabs under every field.

Every translated field's input says which language it holds (`data-translation-language`, and
`lang` for fonts and screen readers) and is labelled with the language's name in the admin's
language; `static/archive/admin-languages.js` then shows one language at a time, marks the
languages whose title or name is missing, and remembers the editor's choice. Without JavaScript
every language's fields are shown, labelled.
"""

from django.conf import settings
from django.utils.text import capfirst, format_lazy
from modeltranslation.admin import TranslationAdmin

LANGUAGE_NAMES = dict(settings.LANGUAGES)


class LanguageSwitchMixin:
    """For modeltranslation's admins and inlines: label and mark each language's inputs."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is None or language not in LANGUAGE_NAMES:
            return field
        original = db_field.translated_field
        field.label = format_lazy("{} ({})", capfirst(original.verbose_name), LANGUAGE_NAMES[language])
        widget = self._get_widget_from_field(field)
        widget = getattr(widget, "widget", widget)  # modeltranslation's clearable wrapper
        widget.attrs["data-translation-language"] = language
        widget.attrs["lang"] = language
        if original.name in self.trans_opts.required_languages.get(settings.LANGUAGE_CODE, ()):
            # What a language needs before it counts as written: marked missing until then.
            widget.attrs["data-translation-core"] = ""
        return field


class LanguageSwitchAdmin(LanguageSwitchMixin, TranslationAdmin):
    change_form_template = "admin/archive/translated_change_form.html"

    class Media:
        js = ("admin/js/urlify.js", "archive/admin-languages.js", "archive/admin-select2-labels.js")

    def render_change_form(self, request, context, *args, **kwargs):
        context["translation_languages"] = settings.LANGUAGES
        return super().render_change_form(request, context, *args, **kwargs)
