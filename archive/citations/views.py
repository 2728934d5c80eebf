"""Citation downloads of one statement, in the reader's language: BibTeX, RIS and CSL-JSON."""

from django.http import Http404, HttpResponse

from ..caching import public_page
from ..languages import current_language
from ..models import Statement
from . import exports
from .reference import reference

FORMATS = {
    "bib": (exports.bibtex, "application/x-bibtex"),
    "ris": (exports.ris, "application/x-research-info-systems"),
    "json": (exports.csl_json, "application/vnd.citationstyles.csl+json"),
}


@public_page
def download(request, slug, format):
    visible = Statement.objects.visible_to(request.user).select_related("session", "parent")
    statement = visible.filter(slug=slug).first()
    if statement is None:
        raise Http404("No such statement.")
    parent = statement.parent
    if parent is not None and not (parent.is_published or request.user.is_staff):
        parent = None
    ref = reference(
        statement,
        current_language(),
        sources=list(statement.sources.all()),
        topics=list(statement.topics.all()),
        parent=parent,
    )
    write, content_type = FORMATS[format]
    response = HttpResponse(write(ref), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{ref.key}-{ref.language}.{format}"'
    return response
