"""The statement admin's import pages: upload, preview (a dry run: nothing written), confirm."""

import secrets

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from .forms import ConfirmForm, ImportForm
from .planning import import_plan
from .reading import ImportFileError
from .services import statements_import_file


def _cache_key(token):
    return f"archive:import:{token}"


class StatementImportMixin:
    """Adds "Import statements" to the statement admin (for editors who may add statements)."""

    def get_urls(self):
        view = path("import/", self.admin_site.admin_view(self.import_view), name="archive_statement_import")
        return [view, *super().get_urls()]

    def _import_context(self, request, **context):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import statements"),
            "max_size": settings.ARCHIVE_IMPORT_MAX_BYTES,
            **context,
        }

    def _check_import_permission(self, request, update_existing=False):
        if not self.has_add_permission(request):
            raise PermissionDenied
        if update_existing and not self.has_change_permission(request):
            raise PermissionDenied

    def import_view(self, request):
        self._check_import_permission(request)
        if request.method == "POST" and "token" in request.POST:
            return self._import_confirm(request)
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            update_existing = form.cleaned_data["update_existing"]
            self._check_import_permission(request, update_existing)
            name = form.cleaned_data["file"].name
            plan = import_plan(import_file=form.import_file, update_existing=update_existing)
            token = secrets.token_urlsafe(24)
            cache.set(
                _cache_key(token),
                {"user": request.user.pk, "name": name, "content": form.content},
                settings.ARCHIVE_IMPORT_PREVIEW_SECONDS,
            )
            return self._preview(request, plan, name, token, update_existing)
        return TemplateResponse(
            request, "admin/archive/statement/import.html", self._import_context(request, form=form)
        )

    def _preview(self, request, plan, name, token, update_existing):
        confirm = ConfirmForm(
            initial={"token": token, "digest": plan.digest(), "update_existing": update_existing}
        )
        context = self._import_context(
            request,
            title=_("Import statements: preview"),
            plan=plan,
            file_name=name,
            confirm=confirm,
            update_existing=update_existing,
        )
        return TemplateResponse(request, "admin/archive/statement/import_preview.html", context)

    def _import_confirm(self, request):
        form = ConfirmForm(request.POST)
        stored = cache.get(_cache_key(form.data.get("token", ""))) if form.is_valid() else None
        if stored is None or stored["user"] != request.user.pk:
            self.message_user(request, _("This preview has expired: upload the file again."), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:archive_statement_import"))
        update_existing = form.cleaned_data["update_existing"]
        self._check_import_permission(request, update_existing)
        token = form.cleaned_data["token"]
        try:
            plan, report = statements_import_file(
                name=stored["name"],
                content=stored["content"],
                update_existing=update_existing,
                user=request.user,
                expected_digest=form.cleaned_data["digest"],
            )
        except (ImportFileError, DatabaseError):
            self.message_user(request, _("The import failed: nothing was written."), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:archive_statement_import"))
        if report is None:
            # The archive changed since the preview (or the rows no longer pass): show what is true now.
            self.message_user(
                request,
                _("The archive changed since the preview: nothing was written. Check this new preview."),
                messages.WARNING,
            )
            return self._preview(request, plan, stored["name"], token, update_existing)
        cache.delete(_cache_key(token))
        self.message_user(
            request,
            _("Imported from %(file)s: %(created)d created, %(updated)d changed, %(unchanged)d unchanged.")
            % {
                "file": stored["name"],
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
            },
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:archive_statement_changelist"))
