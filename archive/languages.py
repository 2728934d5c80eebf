"""Which language a reader sees each text in, and what the page says when it is not their own.

modeltranslation already falls back field by field (`statement.title` in French falls back to
English); this module says *which* language a text came from, so a page can label it honestly and
never present an English text as French or a translation as his own words.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language, get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from .models import LANGUAGE_CODES, Provenance, field_suffix

# One sentence per pair, rather than a template with language names, so that each language can
# say it with its own grammar ("en français", "用英文显示").
FALLBACK_NOTES = {
    ("en", "fr"): _("Not yet translated into English; shown in French."),
    ("en", "zh-hans"): _("Not yet translated into English; shown in Chinese."),
    ("fr", "en"): _("Not yet translated into French; shown in English."),
    ("fr", "zh-hans"): _("Not yet translated into French; shown in Chinese."),
    ("zh-hans", "en"): _("Not yet translated into Chinese; shown in English."),
    ("zh-hans", "fr"): _("Not yet translated into Chinese; shown in French."),
}

# What a reader can choose to read beside their own language, named in the reader's language.
LANGUAGE_NAMES = {
    "en": pgettext_lazy("language", "English"),
    "fr": pgettext_lazy("language", "French"),
    "zh-hans": pgettext_lazy("language", "Chinese"),
}

NO_COMPARISON = "none"


def provenance_label(value):
    return Provenance(value).label if value in Provenance.values else ""


def about_url():
    """The about page, which explains each provenance label (`#provenance-original`, ...).

    Until the about page has its named route, its address is built from the language prefix.
    """
    try:
        return reverse("archive:about")
    except NoReverseMatch:
        return f"/{current_language()}/about/"


def provenance_explanation_url(value):
    """Where a reader learns what a provenance label means, or '' for no label."""
    return f"{about_url()}#{Provenance(value).anchor}" if value in Provenance.values else ""


def current_language():
    """The active language as one of ours: `zh-hans`, never `zh-Hans` or an unknown code."""
    code = (get_language() or settings.LANGUAGE_CODE).lower()
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


def fallback_order(language_code):
    """The language itself, then the languages modeltranslation falls back to, in order."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    chain = fallbacks.get(language_code, fallbacks["default"])
    return [language_code, *(code for code in chain if code != language_code)]


@dataclass(frozen=True)
class Shown:
    """One field as the reader sees it: its value, the language it is in, and why."""

    value: str
    language: str
    wanted: str

    @property
    def is_fallback(self):
        return bool(self.value) and self.language != self.wanted

    @property
    def note(self):
        return FALLBACK_NOTES.get((self.wanted, self.language), "") if self.is_fallback else ""

    def __str__(self):
        return self.value


def shown_in(obj, field, language_code=None):
    """`obj.<field>` in the reader's language, or the first fallback that has it; '' if none does."""
    wanted = language_code or current_language()
    for code in fallback_order(wanted):
        value = getattr(obj, f"{field}_{field_suffix(code)}", "") or ""
        if value:
            return Shown(value, code, wanted)
    return Shown("", wanted, wanted)


@dataclass(frozen=True)
class Version:
    """A statement's texts in one language as a page shows them, with where they come from."""

    language: str
    wanted: str
    title: Shown
    summary: Shown
    text: Shown
    notes: Shown
    provenance: str
    text_provenance: str
    # The archive's translation, not yet checked by a second editor (a machine one says so already).
    awaits_review: bool = False

    @property
    def provenance_label(self):
        return provenance_label(self.provenance)

    @property
    def text_provenance_label(self):
        return provenance_label(self.text_provenance)

    @property
    def provenance_url(self):
        return provenance_explanation_url(self.provenance)

    @property
    def text_provenance_url(self):
        return provenance_explanation_url(self.text_provenance)

    @property
    def wording(self):
        """What a quote or reported point says in this language: its text, else its summary."""
        return self.text if self.text.value else self.summary

    @property
    def language_name(self):
        return LANGUAGE_NAMES.get(self.language, get_language_info(self.language)["name_local"])

    @property
    def is_fallback(self):
        return self.language != self.wanted

    @property
    def note(self):
        return FALLBACK_NOTES.get((self.wanted, self.language), "") if self.is_fallback else ""

    @property
    def exists(self):
        return bool(self.title.value or self.summary.value)


def version_in(statement, language_code=None, *, fallback=True):
    """A statement's title, summary, text and notes in one language.

    With `fallback`, a language whose title and summary are not written yet is replaced as a whole
    by the first fallback language that has them, so that the texts and their provenance label
    agree. Without it (the comparison column) the language's own texts are given, possibly empty.
    """
    wanted = language_code or current_language()
    candidates = fallback_order(wanted) if fallback else [wanted]
    chosen = wanted
    for code in candidates:
        own = statement.text_in(code)
        if own["title"] and own["summary"]:
            chosen = code
            break
    own = statement.text_in(chosen)

    def field(name):
        return Shown(own[name] or "", chosen, wanted)

    # The full text is optional: when this language has none yet, show another's, labelled as such.
    text, text_provenance = field("text"), own["provenance"] or ""
    if fallback and not text.value:
        for code in candidates:
            other = statement.text_in(code)
            if other["text"]:
                text, text_provenance = Shown(other["text"], code, wanted), other["provenance"] or ""
                break

    return Version(
        language=chosen,
        wanted=wanted,
        title=field("title"),
        summary=field("summary"),
        text=text,
        notes=field("notes"),
        provenance=own["provenance"] or "",
        text_provenance=text_provenance,
        awaits_review=own["provenance"] == "translation" and own.get("review") != "reviewed",
    )


def quote_wordings(statement, language_code=None):
    """A quote's words as a page shows them: his own words first, in the language a source printed
    them, then the reader's-language text when that is another language. One Version each."""
    reader = version_in(statement, language_code)
    original = statement.original_language()
    if original is None or original == reader.text.language:
        return [reader]
    return [version_in(statement, original, fallback=False), reader]


def his_words(statement):
    """A quote's own words, in the language a source printed them, for its page to show first."""
    original = statement.original_language() if statement.kind == statement.Kind.QUOTE else None
    return version_in(statement, original, fallback=False) if original else None


def comparison_choices(reader_language):
    """The languages a reader can put beside their own: (code, name) pairs."""
    return [(code, LANGUAGE_NAMES[code]) for code in LANGUAGE_CODES if code != reader_language]


def is_comparison_choice(requested, reader_language):
    """Whether `?compare=` is absent or names a language to put beside the reader's, or none."""
    return (
        requested is None
        or requested == NO_COMPARISON
        or (requested in LANGUAGE_CODES and requested != reader_language)
    )


def comparison_language(statement, requested, reader_language):
    """Which language to show beside the reader's: the one asked for, else the one he spoke in.

    `?compare=none` shows the reader's language alone; an unknown code is ignored.
    """
    if requested == NO_COMPARISON:
        return None
    if requested in LANGUAGE_CODES and requested != reader_language:
        return requested
    spoken = statement.spoken_language
    if spoken in LANGUAGE_CODES and spoken != reader_language:
        return spoken
    for code in LANGUAGE_CODES:
        if code != reader_language and statement.text_in(code)["title"]:
            return code
    return None
