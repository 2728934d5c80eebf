"""How to cite a statement: its stable address and the date it was consulted."""

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .timeline import consulted_today

# A title that is itself a quotation or a document name already has its marks; the citation adds
# its own ("…" or 《…》), so the title's are taken off rather than doubled.
ENCLOSING_MARKS = "“”\"'‘’《》「」«» "


def citation(statement, *, title, url):
    """A ready-made citation in the reader's language, e.g. for a footnote."""
    # In Chinese, a proposal is cited by its official title where a source gives it.
    if statement.official_title and get_language() == "zh-hans":
        title = statement.official_title
    parts = {
        "title": title.strip(ENCLOSING_MARKS),
        "kind": statement.get_kind_display().lower(),
        "date": date_format(statement.date, "DATE_FORMAT"),
        "archive": _("Lei Jun at the National People's Congress"),
        "url": url,
        "consulted": date_format(consulted_today(), "DATE_FORMAT"),
    }
    if statement.session_id:
        parts["session"] = str(statement.session)
        template = _(
            "Lei Jun, “%(title)s” (%(kind)s, %(date)s, %(session)s), in %(archive)s, %(url)s, "
            "consulted on %(consulted)s."
        )
    else:
        template = _(
            "Lei Jun, “%(title)s” (%(kind)s, %(date)s), in %(archive)s, %(url)s, consulted on %(consulted)s."
        )
    return template % parts
