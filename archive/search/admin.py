"""The search thesaurus in the admin: editors add and change concept groups; the next search uses them."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import ConceptGroup


@admin.register(ConceptGroup)
class ConceptGroupAdmin(admin.ModelAdmin):
    list_display = ("key", "terms_summary", "updated_at")
    search_fields = ("key", "terms_en", "terms_fr", "terms_zh_hans")
    readonly_fields = ("updated_at",)
    fields = ("key", "terms_en", "terms_fr", "terms_zh_hans", "updated_at")

    @admin.display(description=_("terms"))
    def terms_summary(self, obj):
        return " · ".join(term for _language, term in obj.terms())[:120]
