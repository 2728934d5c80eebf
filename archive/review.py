"""Review of translations: who wrote a language's text, who may mark it reviewed, what awaits.

A text is written by the editor whose save last changed it (its history says so); loaded content
has no author. Another editor with the review permission marks it reviewed; a change to the text,
or to the text it was translated from, sends it back to review (`Statement._update_reviews`).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from .history.versions import one_version
from .models import LANGUAGE_CODES, REVIEWED_TEXT_FIELDS, ReviewState, Statement, field_suffix

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _names(language_code):
    return [f"{name}_{field_suffix(language_code)}" for name in REVIEWED_TEXT_FIELDS]


def _author(versions, language_code):
    """From versions newest first: the user of the newest one that changed this language's text."""
    names = _names(language_code)
    for newer, older in zip(versions, versions[1:] + [None], strict=False):
        # None and "" are both "no text" (a form saves "", a script may leave None).
        if older is None or any((newer[name] or "") != (older[name] or "") for name in names):
            return newer["history_user_id"]
    return None


def _versions(statement_ids):
    """Each statement's versions, newest first, in one query."""
    names = [name for code in LANGUAGE_CODES for name in _names(code)]
    rows = (
        Statement.history.filter(id__in=statement_ids)
        .order_by("id", "-history_date", "-history_id")
        .values("id", "history_user_id", *names)
    )
    versions = {}
    for row in rows:
        versions.setdefault(row["id"], []).append(row)
    return versions


def text_author_id(statement, language_code):
    """The id of the user whose save last changed this language's text (None: loaded, or unknown)."""
    return _author(_versions([statement.pk]).get(statement.pk, []), language_code)


def may_review(user, statement, language_code, *, author_id=...):
    if author_id is ...:
        author_id = text_author_id(statement, language_code)
    return user.has_perm("archive.review_statement") and author_id != user.pk


def statement_review(*, statement: Statement, language_code: str, reviewer) -> None:
    """Mark one language's text of a statement reviewed, in one version of its history."""
    if not reviewer.has_perm("archive.review_statement"):
        raise PermissionDenied
    suffix = field_suffix(language_code)
    if not any(getattr(statement, f"{name}_{suffix}") for name in REVIEWED_TEXT_FIELDS):
        raise ValidationError(_("There is no text in this language to review."))
    if text_author_id(statement, language_code) == reviewer.pk:
        raise ValidationError(_("You wrote this text: another editor must review it."))
    setattr(statement, f"review_{suffix}", ReviewState.REVIEWED)
    statement._history_user = reviewer
    reason = _("Reviewed the %(language)s text") % {"language": LANGUAGE_NAMES[language_code]}
    with one_version(statement, reason=reason[:100]):
        statement.save()


@dataclass
class Pending:
    statement: Statement
    language: str
    language_name: str
    state: str
    state_label: str
    provenance_label: str
    translated_from: str
    may_review: bool


def review_dashboard(user):
    """What awaits review, what changed since its review, and what lacks a language."""
    awaiting, source_changed, missing = [], [], []
    statements = Statement.objects.newest_first().prefetch_related(None)
    for statement in statements:
        absent = statement.missing_languages()
        if absent:
            missing.append((statement, [LANGUAGE_NAMES[code] for code in absent]))
        for code in LANGUAGE_CODES:
            suffix = field_suffix(code)
            state = getattr(statement, f"review_{suffix}")
            written = any(getattr(statement, f"{name}_{suffix}") for name in REVIEWED_TEXT_FIELDS)
            if not written or state == ReviewState.REVIEWED:
                continue
            source = getattr(statement, f"translated_from_{suffix}")
            item = Pending(
                statement=statement,
                language=code,
                language_name=LANGUAGE_NAMES[code],
                state=state,
                state_label=ReviewState(state).label if state in ReviewState.values else state,
                provenance_label=statement.get_provenance_display_for(code),
                translated_from=LANGUAGE_NAMES.get(source, ""),
                may_review=False,
            )
            (source_changed if state == ReviewState.SOURCE_CHANGED else awaiting).append(item)
    versions = _versions({item.statement.pk for item in awaiting + source_changed})
    for item in awaiting + source_changed:
        author = _author(versions.get(item.statement.pk, []), item.language)
        item.may_review = may_review(user, item.statement, item.language, author_id=author)
    return {"awaiting": awaiting, "source_changed": source_changed, "missing": missing}
