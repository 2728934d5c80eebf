"""The editors' admin: every translated field in English / French / Chinese tabs, every change kept."""

import re

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from .models import LANGUAGE_CODES, Session, Source, Statement, Topic

admin.site.site_header = _("Lei Jun at the NPC: editors' admin")
admin.site.site_title = _("Lei Jun at the NPC")


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

    class Meta:
        model = Statement
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Statement.Status.PUBLISHED and "sources" in self.fields:
            if not cleaned.get("sources"):
                self.add_error("sources", _("A published statement must cite at least one source."))
        return cleaned


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
        from django.conf import settings

        return [(code, name) for code, name in settings.LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() in LANGUAGE_CODES:
            return queryset.missing_language(self.value())
        return queryset


class QuoteInline(TranslationStackedInline):
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
        if obj is not None and obj.is_published and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Statement)
class StatementAdmin(RefusesImpossibleLookupsMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    form = StatementAdminForm
    list_display = ("date", "title", "kind", "session", "status", "languages")
    list_display_links = ("title",)
    list_filter = (YearFilter, "session", "kind", "topics", "status", MissingLanguageFilter)
    list_select_related = ("session",)
    # Every language's fields: the admin's default would search only the active language.
    search_fields = tuple(
        f"{field}_{code.replace('-', '_')}"
        for field in ("title", "summary", "text")
        for code in LANGUAGE_CODES
    ) + ("slug",)
    autocomplete_fields = ("topics", "sources", "parent")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "date"
    readonly_fields = ("published_at", "created_at", "updated_at", "preview_link")
    actions = ("publish", "unpublish")
    history_list_display = ("status",)
    fieldsets = (
        (None, {"fields": ("kind", "status", "slug", "date", "session", "parent", "preview_link")}),
        (_("Text"), {"fields": ("title", "summary", "text", "provenance", "notes")}),
        (_("Context"), {"fields": ("spoken_language", "topics", "sources")}),
        (
            pgettext_lazy("admin fieldset", "Record"),
            {"fields": ("published_at", "created_at", "updated_at"), "classes": ("collapse",)},
        ),
    )

    def get_inlines(self, request, obj):
        if obj is not None and obj.kind in Statement.QUOTABLE_KINDS:
            return [QuoteInline]
        return []

    @admin.display(description=_("languages complete"))
    def languages(self, obj):
        missing = set(obj.missing_languages())
        return " · ".join(f"{code} {'✘' if code in missing else '✔'}" for code in LANGUAGE_CODES)

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        if not obj.pk:
            return "—"
        label = _("View on the site") if obj.is_published else _("Preview this draft")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', obj.get_absolute_url(), label
        )

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_published and not request.user.is_superuser:
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
        unsourced = queryset.filter(sources__isnull=True)
        wordless = []
        done = 0
        for statement in queryset.exclude(pk__in=unsourced).exclude(status=Statement.Status.PUBLISHED):
            if not statement.may_be_published:
                wordless.append(statement.slug)
                continue
            statement.publish()
            done += 1
        self.message_user(
            request,
            ngettext("%d statement published.", "%d statements published.", done) % done,
            messages.SUCCESS,
        )
        if unsourced.exists():
            self.message_user(
                request,
                _("Not published, as they cite no source: %s") % ", ".join(s.slug for s in unsourced),
                messages.WARNING,
            )
        if wordless:
            self.message_user(
                request,
                _("Not published, as these quotes have none of his own words: %s") % ", ".join(wordless),
                messages.WARNING,
            )

    @admin.action(description=_("Unpublish the selected statements (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        done = 0
        for statement in queryset.filter(status=Statement.Status.PUBLISHED):
            statement.unpublish()
            done += 1
        self.message_user(
            request,
            ngettext("%d statement returned to draft.", "%d statements returned to draft.", done) % done,
            messages.SUCCESS,
        )


HistoricalStatement = Statement.history.model


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
class TopicAdmin(RefusesImpossibleLookupsMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("slug", "name_en", "name_fr", "name_zh_hans")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Source)
class SourceAdmin(RefusesImpossibleLookupsMixin, SimpleHistoryAdmin):
    list_display = ("publisher", "title", "language", "published_on", "url")
    list_filter = ("language", "publisher")
    search_fields = ("publisher", "title", "url")
    date_hierarchy = "published_on"


@admin.register(Session)
class SessionAdmin(RefusesImpossibleLookupsMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    form = SessionAdminForm
    list_display = ("name", "year", "opened_on", "closed_on")
    search_fields = ("name_en", "name_fr", "name_zh_hans")
    autocomplete_fields = ("sources",)
