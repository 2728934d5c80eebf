"""The search page's parameters, validated: anything else is answered with a clear message."""

from django import forms
from django.conf import settings
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ..models import Session, Statement, Topic
from .query import MAX_QUERY_LENGTH, SORTS, Filters
from .query import search as run_search

YEAR_BOUNDS = {"min_value": 1954, "max_value": 2100}


class YearInput(forms.NumberInput):
    """A number box that echoes back only a plain year: `<input type=number value="abc">` is invalid
    HTML, and after bad input the error message says what was typed."""

    def format_value(self, value):
        value = super().format_value(value)
        return value if value and value.isascii() and value.isdigit() else None

    def render(self, name, value, attrs=None, renderer=None):
        # Written out in Python like PlainSelect: the same markup as Django's input template.
        value = self.format_value(value)
        shown = format_html(' value="{}"', value) if value is not None else ""
        return format_html(
            '<input type="number" name="{}"{}{}>', name, shown, flatatt(self.build_attrs(self.attrs, attrs))
        )


class YearField(forms.IntegerField):
    widget = YearInput

    def bound_data(self, data, initial):
        # The box shows the year as understood ("+2020", "２０２０" -> 2020), or nothing if none was.
        try:
            return self.to_python(data)
        except forms.ValidationError:
            return data


# Far beyond any real result list, small enough that the offset stays an ordinary integer.
MAX_PAGE = 100_000


class PlainSelect(forms.Select):
    """A select written out in Python: Django renders each option through a template of its own,
    which made the search form's three small menus a tenth of a results page's time."""

    def __init__(self, attrs=None, choices=(), default=""):
        super().__init__(attrs, choices)
        # The option shown as chosen when the address names none: a menu always shows its choice.
        self.default = default

    def render(self, name, value, attrs=None, renderer=None):
        known = {str(key) for key, _label in self.choices}
        chosen = {v for v in self.format_value(value) if v and v in known} or {self.default}
        # A few menus, a few choices each, in three languages: each written once per process.
        key = (name, get_language(), frozenset(chosen), frozenset(known), repr(attrs))
        if key not in self._rendered:
            self._rendered[key] = self._render(name, chosen, attrs)
        return self._rendered[key]

    _rendered = {}

    def _render(self, name, chosen, attrs):
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, mark_safe(" selected") if str(key) in chosen else "", label)
                for key, label in self.choices
            ),  # noqa: S308
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), options
        )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False)
    year = YearField(label=_("Year"), required=False, **YEAR_BOUNDS)
    year_from = YearField(label=_("From year"), required=False, **YEAR_BOUNDS)
    year_to = YearField(label=_("To year"), required=False, **YEAR_BOUNDS)
    session = forms.CharField(label=_("Session"), required=False, max_length=10)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Any kind")), *Statement.Kind.choices],
        widget=PlainSelect,
    )
    topic = forms.SlugField(label=_("Topic"), required=False, max_length=80)
    language = forms.ChoiceField(
        label=_("Language of the text"),
        required=False,
        choices=[("", _("Any language")), *settings.LANGUAGES],
        widget=PlainSelect,
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("relevance", _("Relevance")), ("newest", _("Newest first")), ("oldest", _("Oldest first"))],
        widget=PlainSelect(default="relevance"),
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
    # The words as typed only: no spelling variants, regional forms, concept groups or topics.
    exact = forms.BooleanField(required=False)

    truncated = False

    def clean_q(self):
        q = self.cleaned_data["q"]
        if len(q) > MAX_QUERY_LENGTH:
            self.truncated = True
            q = q[:MAX_QUERY_LENGTH]
        return q

    def clean_session(self):
        key = self.cleaned_data["session"]
        if not key:
            return None
        session = Session.objects.by_key(key)
        if session is None:
            raise forms.ValidationError(_("There is no such session in the archive."))
        return session

    def clean_topic(self):
        slug = self.cleaned_data["topic"]
        if not slug:
            return None
        topic = Topic.objects.filter(slug=slug).first()
        if topic is None:
            raise forms.ValidationError(_("There is no such topic in the archive."))
        return topic

    def clean_sort(self):
        return self.cleaned_data["sort"] if self.cleaned_data["sort"] in SORTS else "relevance"

    def asks_something(self):
        """Words or at least one filter: an empty search lists nothing on the page."""
        return bool(self.cleaned_data["q"].strip()) or self.filters() != Filters()

    def results(self, *, reader_language, sort=None, page=None, per_page=20):
        """The search these valid parameters ask for: what the page shows and the feed lists."""
        return run_search(
            text=self.cleaned_data["q"],
            filters=self.filters(),
            sort=sort or self.cleaned_data["sort"],
            page=page or self.cleaned_data["page"] or 1,
            reader_language=reader_language,
            per_page=per_page,
            exact=self.cleaned_data["exact"],
        )

    def filters(self):
        data = self.cleaned_data
        year_from, year_to = data.get("year_from"), data.get("year_to")
        if data.get("year"):
            year_from = year_to = data["year"]
        if year_from and year_to and year_from > year_to:
            year_from, year_to = year_to, year_from
        return Filters(
            year_from=year_from,
            year_to=year_to,
            session_id=data["session"].pk if data.get("session") else None,
            kind=data.get("kind") or None,
            topic_id=data["topic"].pk if data.get("topic") else None,
            language=data.get("language") or None,
        )
