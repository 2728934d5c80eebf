import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import SessionFactory, SourceFactory, TopicFactory

IMPORT_URL = "/admin/archive/statement/import/"


def csv_file(rows, columns=None):
    """A CSV as the downloads write it: UTF-8 with a byte-order mark."""
    columns = columns or list(dict.fromkeys(name for row in rows for name in row))
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def upload(client, content, name="statements.csv", update=False):
    data = {"file": SimpleUploadedFile(name, content)}
    if update:
        data["update_existing"] = "on"
    return client.post(IMPORT_URL, data)


def confirm(client, preview):
    form = preview.context["confirm"]
    return client.post(
        IMPORT_URL, {name: form[name].value() or "" for name in ("token", "digest", "update_existing")}
    )


def editors_group():
    """The Editors group as migration 0002 makes it (a transactional test flushes groups;
    permissions come back with the flush, groups do not)."""
    from importlib import import_module

    from django.contrib.auth.models import Group, Permission

    group, created = Group.objects.get_or_create(name="Editors")
    if created:
        wanted = import_module("archive.migrations.0002_editors_group").EDITOR_PERMISSIONS
        codenames = [f"{action}_{model}" for model, actions in wanted.items() for action in actions]
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="archive", codename__in=codenames)
        )
    return group


@pytest.fixture
def editor(db):
    from django.contrib.auth.models import User

    user = User.objects.create_user("editor", "editor@example.test", "a-test-password", is_staff=True)
    user.groups.add(editors_group())
    return user


@pytest.fixture
def context(db):
    """What imported rows refer to: the session 13-3, a topic and a source."""
    return {
        "session": SessionFactory(),
        "topic": TopicFactory(slug="test-import-topic"),
        "source": SourceFactory(),
    }


@pytest.fixture
def new_row(context):
    def make(slug="2020-imported-statement", **values):
        row = {
            "slug": slug,
            "kind": "proposal",
            "date": "2020-05-22",
            "session": "13-3",
            "topics": context["topic"].slug,
            "source_ids": str(context["source"].pk),
            "title_en": f"Imported statement {slug}",
            "summary_en": "A made-up summary, imported.",
            "provenance_en": "report",
            "title_fr": f"Déclaration importée {slug}",
            "summary_fr": "Un résumé inventé, importé.",
            "provenance_fr": "translation",
            "title_zh_hans": "",
            "summary_zh_hans": "",
            "provenance_zh_hans": "",
            "published": "2026-11-30T10:00:00+08:00",
        }
        row.update(values)
        return row

    return make
