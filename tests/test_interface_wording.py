"""Interface words that depend on where they stand (issue 16): the same English word, two meanings."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import SessionFactory, StatementFactory

pytestmark = pytest.mark.django_db


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def three_in_a_row():
    session = SessionFactory()
    return [
        StatementFactory(session=session, date=datetime.date(2020, 5, day), spoken_language="zh-hans")
        for day in (21, 22, 23)
    ]


def test_the_statement_pager_says_previous_and_next_statement(client):
    middle = three_in_a_row()[1]
    page = html(client, f"/zh-hans/statements/{middle.slug}/")
    assert '<span class="pager-label">上一条</span>' in page
    assert '<span class="pager-label">下一条</span>' in page
    page = html(client, f"/fr/statements/{middle.slug}/")
    assert '<span class="pager-label">Précédente</span>' in page


def test_search_pagination_says_previous_and_next_page(client):
    session = SessionFactory()
    for day in range(21):
        StatementFactory(session=session, date=datetime.date(2020, 5, 1) + datetime.timedelta(days=day))
    first = html(client, "/zh-hans/search/?q=test")
    assert 'rel="next"' in first and ">下一页</a>" in first
    second = html(client, "/zh-hans/search/?q=test&page=2")
    assert ">上一页</a>" in second and "上一条" not in second
    assert ">Page précédente</a>" in html(client, "/fr/search/?q=test&page=2")


@pytest.mark.parametrize("language, name", [("fr", "Chinois"), ("zh-hans", "中文"), ("en", "Chinese")])
def test_the_language_he_spoke_is_a_language_not_a_script(client, language, name):
    statement = three_in_a_row()[0]
    page = html(client, f"/{language}/statements/{statement.slug}/")
    assert f"<dd>{name}</dd>" in page
    assert "简体" not in page.split("<dd>", 1)[1].split("</dl>")[0]
    assert "simplifi" not in page.lower().split("</dl>")[0].split("<dl", 1)[-1]


def test_a_cleared_filter_reads_indifferent_in_french(client):
    StatementFactory(title_en="Satellite test", title_fr="Test satellite")
    page = html(client, "/fr/search/?q=satellite&kind=proposal")
    assert ">Indifférent</a>" in page


def test_the_admin_dates_fieldset_is_not_named_like_the_history_link(editor_client):
    statement = StatementFactory()
    editor_client.cookies["django_language"] = "fr"
    page = editor_client.get(
        reverse("admin:archive_statement_change", args=[statement.pk]), headers={"accept-language": "fr"}
    ).content.decode()
    assert "Dates de publication et de modification" in page
    assert page.count(">Historique<") <= 1  # only Django's own link to the history
