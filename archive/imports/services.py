"""Applying an import: every row of a valid plan written in one transaction, one version in each
statement's history with the reason, and pages, downloads and the search index renewed once."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..batching import changes_batched
from ..history.versions import one_version
from .planning import ImportPlan, import_plan
from .reading import import_file_read


@dataclass
class ImportReport:
    created: int
    updated: int
    unchanged: int


def import_reason(filename):
    return _("Imported from %(file)s") % {"file": filename}


def statements_import(*, plan: ImportPlan, reason: str, user=None) -> ImportReport:
    """Write a valid plan: all of it or, if anything fails, nothing."""
    if not plan.valid:
        raise ValidationError(_("The import has errors: nothing was written."))
    with transaction.atomic(), changes_batched():
        for row in plan.writes:
            statement = row.statement
            if user is not None:
                statement._history_user = user
            with one_version(statement, reason=reason):
                statement.save()
                for name, objects in row.relations.items():
                    getattr(statement, name).set(objects)
            statement.__dict__.pop("_history_user", None)
    return ImportReport(created=plan.created, updated=plan.updated, unchanged=plan.unchanged)


def statements_import_file(*, name, content, update_existing, user=None, expected_digest=None):
    """Read, plan and (if the plan is valid and is the one expected) apply, in one transaction.

    Returns (plan, report); report is None when nothing was written (errors, or a plan that is
    no longer what the editor previewed: the archive changed in between).
    """
    with transaction.atomic():
        plan = import_plan(
            import_file=import_file_read(name=name, content=content), update_existing=update_existing
        )
        if not plan.valid or (expected_digest is not None and plan.digest() != expected_digest):
            return plan, None
        return plan, statements_import(plan=plan, reason=import_reason(name), user=user)
