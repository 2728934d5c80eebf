"""The data page and the files it offers, served from the database."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from .models import DatasetFile
from .package import LICENCE, NAME
from .services import dataset_files

# In the order the page offers them.
ORDER = [
    "leijun-npc-archive.zip",
    "statements.csv",
    "statements.json",
    "statements.jsonl",
    "sources.csv",
    "topics.csv",
    "sessions.csv",
    "datapackage.json",
]


def data_page(request):
    # Not in the page cache: it must list exactly the files the database holds now, which are
    # rebuilt after the commit that renews the cache's generation.
    files = sorted(dataset_files(), key=lambda f: ORDER.index(f.name) if f.name in ORDER else len(ORDER))
    return render(
        request,
        "archive/data.html",
        {"files": files, "built_at": files[0].built_at, "version": files[0].version, "licence": LICENCE},
    )


def data_file(request, name):
    file = DatasetFile.objects.filter(name=name).first()
    if file is None:
        raise Http404("No such file.")
    response = HttpResponse(bytes(file.content), content_type=file.media_type)
    # The version in the saved file's name, so that downloads of two versions never overwrite each other.
    stem, _dot, extension = name.rpartition(".")
    stem = NAME if stem == NAME else f"{NAME}-{stem}"
    response["Content-Disposition"] = f'attachment; filename="{stem}-{file.version}.{extension}"'
    response["ETag"] = f'"{file.sha256}"'
    response["Last-Modified"] = http_date(file.built_at.timestamp())
    patch_cache_control(response, public=True, max_age=0)
    return response
