"""The editors' admin: every translated field in English / French / Chinese tabs, every change kept."""

import re

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from modeltranslation.admin import TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from .history.differences import compare_versions
from .history.versions import close_version, one_version, open_version
from .imports.admin import StatementImportMixin
from .models import LANGUAGE_CODES, ReviewState, Session, Source, Statement, Topic
from .review import review_dashboard, statement_review
from .translated_admin import LanguageSwitchAdmin, LanguageSwitchMixin

admin.site.site_header = _("Lei Jun at the NPC: editors' admin")
admin.site.site_title = _("Lei Jun at the NPC")

# modeltranslation keeps the untranslated column beside title_en, title_fr...: it mirrors the
# default language, so a history that listed it would name every English change twice.
UNTRANSLATED_COPIES = ["title", "summary", "text", "provenance", "notes", "translated_from", "review"]


class HistoricalM2MFormMixin:
    """Fill many-to-many fields from a historical version when the form shows one to restore.

    django-simple-history rebuilds the plain fields of an old version, but a form's many-to-many
    initial values would come from the current rows; without this, restoring an old version
    would keep today's topics and sources.
    """

    history_m2m_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        record = getattr(self.instance, "_history", None)
        if record is None:
            return
        for name in self.history_m2m_fields:
            if name in self.fields:
                target = self.instance._meta.get_field(name).m2m_reverse_field_name()
                self.initial[name] = [getattr(row, f"{target}_id") for row in getattr(record, name).all()]


class StatementAdminForm(HistoricalM2MFormMixin, forms.ModelForm):
    history_m2m_fields = ("topics", "sources")

    change_reason = forms.CharField(
        label=_("Reason for the change"),
        max_length=100,
        required=False,
        help_text=_(
            "A few words for the history, e.g. “corrected the French title”. Required once published."
        ),
    )

    class Meta:
        model = Statement
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "The statement's permanent address. Left empty, it is made from the year and the "
                "English title. Change it only to correct a mistake."
            )
        # As stored now: a restore form's instance is the old version, whatever its status was.
        published = self.instance.pk and Statement.objects.filter(
            pk=self.instance.pk, status=Statement.Status.PUBLISHED
        )
        if published and published.exists() and "change_reason" in self.fields:
            self.fields["change_reason"].required = True

    def clean(self):
        cleaned = super().clean()
        if "slug" in self.fields and not cleaned.get("slug") and "slug" not in self.errors:
            if cleaned.get("date") and cleaned.get("title_en"):
                cleaned["slug"] = Statement.suggested_slug(cleaned["date"], cleaned["title_en"])
            else:
                self.add_error("slug", _("Give a slug, or a date and an English title to make one from."))
        if cleaned.get("status") == Statement.Status.PUBLISHED and {"topics", "sources"} <= set(self.fields):
            problems = self.instance.relation_errors(
                topics=cleaned.get("topics") or [], sources=cleaned.get("sources") or []
            )
            for name, message in problems.items():
                if name not in self.errors:
                    self.add_error(name, message)
        return cleaned


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=_("reason for the change"),
        max_length=100,
        help_text=_("Shown in each statement's history, e.g. “the source was withdrawn”."),
    )


class SessionAdminForm(HistoricalM2MFormMixin, forms.ModelForm):
    history_m2m_fields = ("sources",)

    class Meta:
        model = Session
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown


class RefusesImpossibleLookupsMixin:
    """A lookup Django accepts but cannot run (`?date__year=0`: no year 0 in Python's calendar)
    is the admin's own "bad filter" answer (back to the list with ?e=1), not a server error.

    The list's first query (its count) runs when the ChangeList is built, so that is where it
    shows; Django turns IncorrectLookupParameters into that redirect.
    """

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error


class HistoryWithValidIdsMixin:
    """django-simple-history's pages pass the address's ids to the database unchecked; one that
    is not a number (`/statement/abc/history/`) would be a server error. Here it is a 404."""

    @staticmethod
    def _valid(field, value):
        try:
            field.to_python(unquote(value))
        except ValidationError as error:
            raise Http404("No such object.") from error

    def history_view(self, request, object_id, extra_context=None):
        self._valid(self.model._meta.pk, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._valid(self.model._meta.pk, object_id)
        self._valid(self.model.history.model._meta.pk, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


class YearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        return [(str(d.year), str(d.year)) for d in Statement.objects.dates("date", "year", order="DESC")]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        # Four ASCII digits from year 1: "0", "99999" or "²" would make the date lookup raise.
        if not re.fullmatch(r"[0-9]{4}", value) or int(value) < 1:
            raise IncorrectLookupParameters(_("There is no such year."))
        return queryset.in_year(int(value))


class MissingLanguageFilter(admin.SimpleListFilter):
    title = _("missing language")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [(code, name) for code, name in settings.LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() in LANGUAGE_CODES:
            return queryset.missing_language(self.value())
        return queryset


class QuoteInline(LanguageSwitchMixin, TranslationStackedInline):
    model = Statement
    fk_name = "parent"
    extra = 0
    verbose_name = _("quote or reported point")
    verbose_name_plural = _("quotes and reported points from this statement")
    fields = ("kind", "slug", "date", "status", "title", "summary", "text", "provenance", "notes")
    show_change_link = True

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            # What hangs under a statement: his words in quotation marks, or a point reported of him.
            kwargs["choices"] = [(k.value, k.label) for k in Statement.PART_KINDS]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def has_delete_permission(self, request, obj=None):
        # A published statement's quotes are as permanent as it is.
        if obj is not None and obj.published_at is not None and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


HistoricalStatement = Statement.history.model


@admin.register(Statement)
class StatementAdmin(
    StatementImportMixin,
    RefusesImpossibleLookupsMixin,
    HistoryWithValidIdsMixin,
    SimpleHistoryAdmin,
    LanguageSwitchAdmin,
):
    form = StatementAdminForm
    # What fits 1280 px beside the filters: the session is a filter, not a column.
    list_display = ("title", "iso_date", "kind", "status", "languages", "last_change")
    list_display_links = ("title",)
    ordering = ("-date", "-id")
    list_filter = (YearFilter, "session", "kind", "topics", "status", MissingLanguageFilter)
    list_select_related = ("session",)
    # Every language's fields: the admin's default would search only the active language.
    search_fields = tuple(
        f"{field}_{code.replace('-', '_')}"
        for field in ("title", "summary", "text")
        for code in LANGUAGE_CODES
    ) + ("slug",)
    autocomplete_fields = ("topics", "sources", "parent")
    date_hierarchy = "date"
    readonly_fields = ("published_at", "created_at", "updated_at", "preview_link", "review_states")
    actions = ("publish", "unpublish")
    history_list_display = ("status",)
    object_history_list_template = "admin/archive/statement/history_list.html"
    object_history_form_template = "admin/archive/statement/object_history_form.html"
    fieldsets = (
        (None, {"fields": ("kind", "status", "slug", "date", "session", "parent", "preview_link")}),
        (
            _("Text"),
            {
                "fields": (
                    "title",
                    "summary",
                    "text",
                    "provenance",
                    "translated_from",
                    "review_states",
                    "notes",
                )
            },
        ),
        (_("Context"), {"fields": ("spoken_language", "topics", "sources")}),
        (_("Reason for the change"), {"fields": ("change_reason",)}),
        (
            pgettext_lazy("admin fieldset", "Record"),
            {"fields": ("published_at", "created_at", "updated_at"), "classes": ("collapse",)},
        ),
    )

    def get_urls(self):
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="archive_statement_compare",
        )
        review = path(
            "review/", self.admin_site.admin_view(self.review_view), name="archive_statement_review"
        )
        return [review, compare, *super().get_urls()]

    @admin.display(description=_("review"))
    def review_states(self, obj):
        if not obj.pk:
            return "—"
        return format_html_join(
            " · ",
            "{}: {}",
            (
                (name, ReviewState(getattr(obj, f"review_{code.replace('-', '_')}") or "awaiting").label)
                for code, name in settings.LANGUAGES
            ),
        )

    def review_view(self, request):
        """The translations that await review, those whose source changed, the missing languages."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            raw = request.POST.get("statement", "")
            statement = (
                Statement.objects.filter(pk=int(raw)).first() if raw.isdigit() and len(raw) < 19 else None
            )
            language = request.POST.get("language")
            if statement is None or language not in LANGUAGE_CODES:
                self.message_user(request, _("Choose a statement and a language to review."), messages.ERROR)
            else:
                try:
                    statement_review(statement=statement, language_code=language, reviewer=request.user)
                except ValidationError as error:
                    self.message_user(request, " ".join(error.messages), messages.ERROR)
                else:
                    self.message_user(
                        request,
                        _("Marked reviewed: %(statement)s (%(language)s).")
                        % {"statement": statement, "language": dict(settings.LANGUAGES)[language]},
                        messages.SUCCESS,
                    )
            return HttpResponseRedirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translations to review"),
            "opts": Statement._meta,
            **review_dashboard(request.user),
        }
        return TemplateResponse(request, "admin/archive/statement/review.html", context)

    # --- History: one version per save, with its reason (archive/history/versions.py) ----------

    def save_model(self, request, obj, form, change):
        open_version(obj, reason=form.cleaned_data.get("change_reason") or None)
        super().save_model(request, obj, form, change)

    def log_addition(self, request, obj, message):
        close_version(obj)  # topics, sources and quotes are saved by now
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        close_version(obj)
        return super().log_change(request, obj, message)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Name the fields each version changed, and link it to the comparison with the one before."""
        records = list(historical_records)
        for newer, older in zip(records, records[1:], strict=False):
            delta = newer.diff_against(older, excluded_fields=UNTRANSLATED_COPIES)
            newer.changed_fields = [Statement._meta.get_field(c.field).verbose_name for c in delta.changes]
            newer.compared_with = older.history_id

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._valid(Statement._meta.pk, object_id)
        self._valid(HistoricalStatement._meta.pk, version_id)
        # simple-history gives the breadcrumb the historical model, which this admin names
        # "deleted statements": only right when the statement is indeed deleted.
        exists = Statement.objects.filter(pk=unquote(object_id)).exists()
        context = {
            "opts": Statement._meta if exists else HistoricalStatement._meta,
            "translation_languages": settings.LANGUAGES,
        }
        if not exists:
            context["changelist_url"] = reverse("admin:archive_historicalstatement_changelist")
        return super().history_form_view(request, object_id, version_id, {**context, **(extra_context or {})})

    def compare_view(self, request, object_id):
        """Two versions side by side, field by field and language by language."""
        self._valid(Statement._meta.pk, object_id)
        object_id = unquote(object_id)
        if not object_id.isascii() or not object_id.isdigit():  # a mistyped address: 404, not a 500
            raise Http404
        versions = list(
            Statement.history.filter(id=object_id)
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
        )
        if not versions:
            raise Http404
        current = Statement.objects.filter(pk=object_id).first()
        if not self.has_view_or_change_permission(request, current):
            raise PermissionDenied
        by_id = {str(version.history_id): version for version in versions}
        new = by_id.get(request.GET.get("new"), versions[0])
        old = by_id.get(request.GET.get("old"), versions[1] if len(versions) > 1 else versions[0])
        if old.history_date > new.history_date:
            old, new = new, old
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare versions: %s") % (current or new.instance),
            "opts": Statement._meta,
            "original": current,
            "versions": versions,
            "old": old,
            "new": new,
            "sections": compare_versions(old, new),
        }
        return TemplateResponse(request, "admin/archive/statement/compare.html", context)

    def get_inlines(self, request, obj):
        if obj is not None and obj.kind in Statement.QUOTABLE_KINDS:
            return [QuoteInline]
        return []

    @admin.display(description=_("languages complete"))
    def languages(self, obj):
        missing = set(obj.missing_languages())
        return format_html_join(
            " ",
            '<span class="completeness {}">{}<span aria-hidden="true"> {}</span>'
            '<span class="visually-hidden"> ({}: {})</span></span>',
            (
                (
                    "missing" if code in missing else "complete",
                    code.split("-")[0].upper(),
                    "✗" if code in missing else "✓",
                    name,
                    _("missing") if code in missing else _("complete"),
                )
                for code, name in settings.LANGUAGES
            ),
        )

    @admin.display(description=_("date"), ordering="date")
    def iso_date(self, obj):
        return obj.date.isoformat()

    @admin.display(description=_("last change"), ordering="updated_at")
    def last_change(self, obj):
        return timezone.localtime(obj.updated_at).strftime("%Y-%m-%d %H:%M")

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        if not obj.pk:
            return "—"
        label = _("View on the site") if obj.is_published else _("Preview this draft")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', obj.get_absolute_url(), label
        )

    def has_delete_permission(self, request, obj=None):
        # Once public, a statement may have been cited: editors can unpublish it, never delete it.
        if obj is not None and obj.published_at is not None and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        # The bulk delete would not ask, object by object, whether a statement is published.
        if not request.user.is_superuser:
            actions.pop("delete_selected", None)
        return actions

    def save_formset(self, request, form, formset, change):
        quotes = formset.save(commit=False)
        parent = form.instance
        for quote in quotes:
            if quote.kind not in Statement.PART_KINDS:
                quote.kind = Statement.Kind.QUOTE
            quote.session = parent.session
            quote.spoken_language = parent.spoken_language
            with one_version(quote, reason=form.cleaned_data.get("change_reason") or None):
                quote.save()
                if not quote.sources.exists():
                    quote.sources.set(parent.sources.all())
                if not quote.topics.exists():
                    quote.topics.set(parent.topics.all())
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()

    @admin.action(description=_("Publish the selected statements"), permissions=["change"])
    def publish(self, request, queryset):
        done = 0
        for statement in queryset.exclude(status=Statement.Status.PUBLISHED):
            try:
                statement.publish()
            except ValidationError as error:
                self.message_user(
                    request,
                    _("Not published: %(slug)s. %(problems)s")
                    % {"slug": statement.slug, "problems": " ".join(error.messages)},
                    messages.WARNING,
                )
            else:
                done += 1
        self.message_user(
            request,
            ngettext("%d statement published.", "%d statements published.", done) % done,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected statements (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        """Asks for the reason first: it goes into each statement's history."""
        published = queryset.filter(status=Statement.Status.PUBLISHED)
        form = UnpublishForm(request.POST if "reason" in request.POST else None)
        if form.is_bound and form.is_valid():
            done = 0
            for statement in published:
                with one_version(statement, reason=form.cleaned_data["reason"]):
                    statement.unpublish()
                done += 1
            self.message_user(
                request,
                ngettext("%d statement returned to draft.", "%d statements returned to draft.", done) % done,
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Unpublish statements"),
            "opts": self.model._meta,
            "statements": published,
            "selected": queryset.values_list("pk", flat=True),
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/archive/statement/unpublish_confirmation.html", context)


@admin.register(HistoricalStatement)
class DeletedStatementAdmin(RefusesImpossibleLookupsMixin, admin.ModelAdmin):
    """Deleted statements, each with a link to its history, where any version can be restored."""

    list_display = ("title", "slug", "date", "history_date", "history_user", "recover_link")
    search_fields = ("title_en", "title_fr", "title_zh_hans", "slug")

    def get_queryset(self, request):
        deleted = super().get_queryset(request).filter(history_type="-")
        return deleted.exclude(id__in=Statement.objects.values("id")).select_related("history_user")

    @admin.display(description=_("recover"))
    def recover_link(self, obj):
        url = reverse("admin:archive_statement_history", args=[obj.id])
        return format_html('<a href="{}">{}</a>', url, _("Choose a version to restore"))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("archive.change_statement")

    def has_module_permission(self, request):
        return self.has_view_permission(request)


HistoricalStatement._meta.verbose_name = _("deleted statement")
HistoricalStatement._meta.verbose_name_plural = _("deleted statements")


@admin.register(Topic)
class TopicAdmin(
    RefusesImpossibleLookupsMixin, HistoryWithValidIdsMixin, SimpleHistoryAdmin, LanguageSwitchAdmin
):
    list_display = ("name", "slug")
    search_fields = ("slug", "name_en", "name_fr", "name_zh_hans")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Source)
class SourceAdmin(RefusesImpossibleLookupsMixin, HistoryWithValidIdsMixin, SimpleHistoryAdmin):
    list_display = ("publisher", "title", "language", "published_on", "url")
    list_filter = ("language", "publisher")
    search_fields = ("publisher", "title", "url")
    date_hierarchy = "published_on"


@admin.register(Session)
class SessionAdmin(
    RefusesImpossibleLookupsMixin, HistoryWithValidIdsMixin, SimpleHistoryAdmin, LanguageSwitchAdmin
):
    form = SessionAdminForm
    list_display = ("name", "year", "opened_on", "closed_on")
    search_fields = ("name_en", "name_fr", "name_zh_hans")
    autocomplete_fields = ("sources",)


# The search thesaurus' admin lives with the search.
from .search import admin as search_admin  # noqa: E402,F401
