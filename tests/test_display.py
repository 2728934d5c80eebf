"""How texts are shown: dates in one style per language, the language of Chinese runs and of texts in
another language marked at display, names capitalised where they begin a heading or list item."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe

from archive.languages import mark_chinese_runs
from tests.factories import SessionFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db


def body(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return html[html.index("<main") :]


# --- Chinese runs ---------------------------------------------------------------------------------


def test_chinese_runs_in_english_text_are_marked_with_their_language():
    html = mark_chinese_runs("Xinhua (新华社) reported 《关于加快发展的建议》 on Monday.", "en")
    assert html == (
        'Xinhua (<span lang="zh-hans">新华社</span>) reported '
        '<span lang="zh-hans">《关于加快发展的建议》</span> on Monday.'
    )


def test_marking_escapes_the_text_and_keeps_safe_html_as_it_is():
    assert mark_chinese_runs("<b>卫星</b> & co", "fr") == (
        '&lt;b&gt;<span lang="zh-hans">卫星</span>&lt;/b&gt; &amp; co'
    )
    safe = mark_safe('<p class="x">One 卫星<br>two</p>')
    assert mark_chinese_runs(safe, "en") == '<p class="x">One <span lang="zh-hans">卫星</span><br>two</p>'


def test_chinese_text_is_left_as_it_is_and_punctuation_alone_is_no_run():
    assert mark_chinese_runs("雷军说：“卫星”", "zh-hans") == "雷军说：“卫星”"
    assert mark_chinese_runs("Nothing 《》 here", "en") == "Nothing 《》 here"


def test_the_template_filter_marks_runs_in_the_page_language_by_default():
    template = Template("{% load archive %}{{ text|lang_runs }}|{{ text|lang_runs:'zh-hans' }}")
    with translation.override("fr"):
        html = template.render(Context({"text": "Le 《建议》 <i>"}))
    assert html == 'Le <span lang="zh-hans">《建议》</span> &lt;i&gt;|Le 《建议》 &lt;i&gt;'


def test_a_statement_page_marks_chinese_titles_and_sources_in_another_language(client):
    source = SourceFactory(publisher="新华社", title="雷军代表：建议加快卫星互联网", language="zh-hans")
    statement = StatementFactory(
        title_en="Proposal on 《卫星互联网》 (made up)", summary_en="He cited 新华社.", sources=[source]
    )
    html = body(client, statement.get_absolute_url())
    assert '<h1>Proposal on <span lang="zh-hans">《卫星互联网》</span> (made up)</h1>' in html
    assert 'He cited <span lang="zh-hans">新华社</span>.' in html
    assert '<span class="publisher"><span lang="zh-hans">新华社</span></span>' in html
    assert 'lang="zh-hans">雷军代表：建议加快卫星互联网</a>' in html
    # On the Chinese page, Chinese is the page's language: nothing to mark (the English column is marked).
    chinese = body(client, "/zh-hans" + statement.get_absolute_url()[3:] + "?compare=none")
    assert '<span lang="zh-hans">' not in chinese


# --- Dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "date"), [("en", "22 May 2020"), ("fr", "22 mai 2020"), ("zh-hans", "2020年5月22日")]
)
def test_dates_are_written_one_way_per_language_in_lists_facts_and_citations(client, language, date):
    statement = StatementFactory(date=datetime.date(2020, 5, 22))
    html = body(client, f"/{language}/statements/{statement.slug}/")
    assert f'<time datetime="2020-05-22">{date}</time>' in html
    listing = body(client, f"/{language}/2020/")
    assert f'<time datetime="2020-05-22">{date}</time>' in listing


# --- Capitals -------------------------------------------------------------------------------------


def test_french_session_names_begin_with_a_capital_in_headings_and_list_items(client):
    session = SessionFactory()
    statement = StatementFactory(session=session)
    session_page = body(client, "/fr" + session.get_absolute_url()[3:])
    assert "<h1>Troisième session de la 13e Assemblée populaire nationale</h1>" in session_page
    year_page = body(client, "/fr/2020/")
    assert ">Troisième session de la 13e Assemblée populaire nationale</a>" in year_page
    home = body(client, "/fr/")
    assert ">Troisième session de la 13e Assemblée populaire nationale</a></p>" in home
    facts = body(client, f"/fr/statements/{statement.slug}/")
    assert ">Troisième session de la 13e Assemblée populaire nationale</a></dd>" in facts


# --- Side by side ---------------------------------------------------------------------------------


def test_side_by_side_both_columns_show_the_title_and_name_their_notes_apart(client):
    statement = StatementFactory(notes_en="A made-up note.", notes_fr="Une note inventée.")
    html = body(client, f"/en/statements/{statement.slug}/?compare=fr")
    assert html.count('class="version-title"') == 2
    assert 'aria-labelledby="version-en-notes version-en-heading"' in html
    assert 'aria-labelledby="version-fr-notes version-fr-heading"' in html
    alone = body(client, f"/en/statements/{statement.slug}/?compare=none")
    assert 'class="version-title"' not in alone


def test_lists_name_their_topics_without_aria_label_on_a_plain_list(client):
    from tests.factories import TopicFactory

    StatementFactory(topics=[TopicFactory()])
    html = body(client, "/en/2020/")
    assert '<ul class="topic-tags">' in html
    assert "aria-label" not in html.split('class="statement-list"')[1].split("</ol>")[0]


def test_a_name_not_yet_translated_is_marked_with_the_language_it_is_shown_in(client):
    from tests.factories import TopicFactory

    topic = TopicFactory(name_fr="", name_en="A made-up English-only topic")
    StatementFactory(topics=[topic])
    html = body(client, "/fr/2020/")
    assert '<span lang="en">A made-up English-only topic</span></a></li>' in html
    english = body(client, "/en/2020/")
    assert ">A made-up English-only topic</a></li>" in english
