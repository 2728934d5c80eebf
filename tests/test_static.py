"""The production static storage: hashed names for far-future caching, gzip and brotli copies."""

from pathlib import Path

import pytest
from django.core.management import call_command


@pytest.fixture
def production_storage(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    return tmp_path


def test_collectstatic_writes_hashed_and_compressed_files(production_storage):
    call_command("collectstatic", interactive=False, verbosity=0)
    css = production_storage / "archive"
    hashed = [p for p in css.glob("site.*.css") if p.suffix == ".css"]
    assert len(hashed) == 1, list(css.iterdir())
    assert hashed[0].with_name(hashed[0].name + ".gz").exists()
    assert hashed[0].with_name(hashed[0].name + ".br").exists()
    assert (production_storage / "staticfiles.json").exists()


@pytest.mark.django_db
def test_pages_link_the_hashed_stylesheet(production_storage, client):
    call_command("collectstatic", interactive=False, verbosity=0)
    html = client.get("/en/").content.decode()
    hashed = next((production_storage / "archive").glob("site.*.css")).name
    assert f'href="/static/archive/{hashed}"' in html


def test_the_stylesheet_fetches_nothing_and_covers_dark_mode_print_and_chinese():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("archive/site.css")).read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    assert "prefers-color-scheme: dark" in css
    assert "@media print" in css
    assert ":focus-visible" in css
    assert "Noto Sans CJK SC" in css and "PingFang SC" in css
