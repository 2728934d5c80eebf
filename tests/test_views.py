"""The readers' pages through the test client: what a reader sees in each language."""

import datetime
import re

import pytest
from django.utils import timezone

from archive.models import Statement
from tests.factories import QuoteFactory, SessionFactory, SourceFactory, StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://archive.example.org"  # ARCHIVE_SITE_URL in tests/settings.py


def page(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


def session_2019():
    return SessionFactory(
        congress=13,
        number=2,
        year=2019,
        opened_on=datetime.date(2019, 3, 5),
        closed_on=datetime.date(2019, 3, 15),
        name_en="Second Session of the 13th National People's Congress",
        name_fr="deuxième session de la 13e Assemblée populaire nationale",
        name_zh_hans="第十三届全国人民代表大会第二次会议",
    )


# --- Languages ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "accept, expected", [("fr-FR,fr;q=0.9", "/fr/"), ("zh-CN,zh;q=0.9", "/zh-hans/"), ("de", "/en/")]
)
def test_the_root_sends_readers_to_the_language_their_browser_asks_for(client, accept, expected):
    response = client.get("/", headers={"accept-language": accept})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("code", ["en", "fr", "zh-hans"])
def test_every_page_declares_its_language_canonical_address_and_alternates(client, code):
    statement = StatementFactory()
    html = page(client, f"/{code}/statements/{statement.slug}/")
    assert f'<html lang="{code}">' in html
    assert f'<link rel="canonical" href="{ORIGIN}/{code}/statements/{statement.slug}/">' in html
    for other in ("en", "fr", "zh-hans"):
        assert f'hreflang="{other}" href="{ORIGIN}/{other}/statements/{statement.slug}/"' in html
    assert 'property="og:title"' in html and 'property="og:description"' in html


def test_the_language_switcher_keeps_the_reader_on_the_same_page_and_query(client):
    statement = StatementFactory()
    html = page(client, f"/en/statements/{statement.slug}/?compare=fr")
    assert f'href="/fr/statements/{statement.slug}/?compare=fr"' in html
    assert f'href="/zh-hans/statements/{statement.slug}/?compare=fr"' in html
    html = page(client, "/fr/2020/")
    assert 'href="/zh-hans/2020/"' in html and 'href="/en/2020/"' in html


def test_interface_strings_are_translated(client):
    StatementFactory()
    assert "Année par année" in page(client, "/fr/")
    assert "逐年" in page(client, "/zh-hans/")


def test_a_missing_translation_shows_english_with_a_visible_note(client):
    statement = StatementFactory(title_fr="", summary_fr="", text_fr="")
    html = page(client, f"/fr/statements/{statement.slug}/")
    assert statement.title_en in html
    assert "Pas encore traduit en français\u202f; affiché en anglais." in html
    assert 'lang="en"' in html
    assert "Pas encore traduit en français" in page(client, "/fr/2020/")


def test_pages_have_no_inline_scripts_or_styles_and_one_h1(client):
    statement = StatementFactory(topics=[TopicFactory()])
    QuoteFactory(parent=statement)
    for url in [
        "/en/",
        "/en/2020/",
        statement.get_absolute_url(),
        "/en/topics/test-topic-0/",
        "/en/sessions/13-3/",
    ]:
        html = page(client, url.replace("test-topic-0", statement.topics.get().slug))
        # Only external scripts, and JSON-LD (data, which a Content-Security-Policy does not run).
        assert not re.search(r"<script(?![^>]*(src=\"/static/|type=\"application/ld\+json\"))", html)
        assert "style=" not in html and "<style" not in html
        assert html.count("<h1") == 1
        assert 'class="skip-link" href="#main"' in html and '<main id="main"' in html


# --- The timeline ---------------------------------------------------------------------------------


def test_home_lists_every_year_as_a_deputy_with_its_session_and_counts_by_kind(client):
    parent = StatementFactory(kind="proposal")
    StatementFactory(kind="proposal", date=datetime.date(2020, 5, 23))
    QuoteFactory(parent=parent)
    StatementFactory(kind="speech", status="draft")
    html = page(client, "/en/")
    for year in range(2013, timezone.localdate().year + 1):
        assert f'id="year-{year}"' in html
        assert f'href="/en/{year}/"' in html
    year_2020 = html.split('id="year-2020"')[1].split("</li>\n    \n    <li")[0]
    assert "Third Session of the 13th National People" in year_2020
    assert '<li class="count">2 proposals</li>' in year_2020
    assert '<li class="count">1 quote</li>' in year_2020
    assert "speech" not in year_2020


def test_home_shows_the_latest_additions_newest_first(client):
    older = StatementFactory()
    newer = StatementFactory()
    Statement.objects.filter(pk=older.pk).update(published_at=timezone.now() - datetime.timedelta(days=3))
    latest = page(client, "/en/").split('id="latest-heading"')[1]
    assert latest.index(newer.title_en) < latest.index(older.title_en)


def test_a_year_page_lists_its_sessions_and_statements_in_date_order(client):
    topic = TopicFactory()
    later = StatementFactory(date=datetime.date(2020, 5, 25), topics=[topic])
    earlier = StatementFactory(date=datetime.date(2020, 5, 21), kind="speech")
    StatementFactory(session=session_2019(), date=datetime.date(2019, 3, 6))
    html = page(client, "/en/2020/")
    assert "Third Session of the 13th National People" in html
    assert "May 22, 2020 to May 28, 2020" in html
    assert html.index(earlier.title_en) < html.index(later.title_en)
    assert "Speech" in html and topic.name_en in html and later.summary_en in html
    assert "Test statement" in html and "2019" in html
    assert 'rel="prev" ' in html or 'href="/en/2019/" rel="prev"' in html
    assert 'href="/en/2021/" rel="next"' in html


def test_a_year_with_nothing_archived_says_so(client):
    html = page(client, "/fr/2015/")
    assert 'id="year-empty"' in html
    assert "Rien de 2015 n’est encore archivé." in html


def test_the_first_and_current_years_have_no_link_beyond_the_timeline(client):
    assert 'rel="prev"' not in page(client, "/en/2013/")
    assert 'rel="next"' not in page(client, f"/en/{timezone.localdate().year}/")


def test_drafts_never_appear_to_the_public(client):
    draft = StatementFactory(status="draft", topics=[TopicFactory()])
    topic = draft.topics.get()
    for url in ["/en/", "/en/2020/", topic.get_absolute_url(), "/en/sessions/13-3/", "/en/feed/"]:
        assert draft.title_en not in page(client, url)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_an_editor_sees_drafts_in_lists_marked_as_such(editor_client):
    draft = StatementFactory(status="draft")
    html = page(editor_client, "/en/2020/")
    assert draft.title_en in html and "draft-badge" in html


def test_a_topic_page_groups_its_statements_by_year(client):
    topic = TopicFactory()
    recent = StatementFactory(topics=[topic])
    old = StatementFactory(topics=[topic], session=session_2019(), date=datetime.date(2019, 3, 6))
    StatementFactory()  # another topic's
    html = page(client, topic.get_absolute_url())
    assert html.index('id="topic-year-2019"') < html.index(old.title_en) < html.index('id="topic-year-2020"')
    assert html.index('id="topic-year-2020"') < html.index(recent.title_en)
    assert html.count('class="statement-item') == 2


def test_a_session_page_lists_its_statements_and_dates(client):
    statement = StatementFactory()
    html = page(client, "/zh-hans/sessions/13-3/")
    assert "第十三届全国人民代表大会第三次会议" in html
    assert statement.title_zh_hans in html


# --- A statement's page ---------------------------------------------------------------------------


def test_a_statement_page_shows_its_facts_texts_sources_and_notes(client):
    topic = TopicFactory()
    source = SourceFactory(publisher="Example Daily", published_on=datetime.date(2020, 5, 23))
    statement = StatementFactory(topics=[topic], sources=[source], notes_en="Two sources disagree.")
    html = page(client, statement.get_absolute_url())
    for text in [statement.title_en, "May 22, 2020", "Proposal", "Third Session", topic.name_en,
                 statement.summary_en, "A second paragraph.", "Example Daily", source.url, "May 23, 2020",
                 "Two sources disagree.", "The archive's account of what the sources report"]:  # fmt: skip
        assert text in html.replace("&#x27;", "'"), text


def test_quotes_have_anchors_and_one_permalink_and_link_back_to_their_statement(client):
    parent = StatementFactory(kind="speech")
    quote = QuoteFactory(parent=parent, text_en="We must do better.")
    html = page(client, parent.get_absolute_url())
    assert f'id="{quote.slug}"' in html
    assert html.count(f'href="{quote.get_absolute_url()}"') == 1
    assert f'href="#{quote.slug}"' not in html
    assert "We must do better." in html
    quote_html = page(client, quote.get_absolute_url())
    assert f'href="{parent.get_absolute_url()}#{quote.slug}"' in quote_html
    assert 'id="quoted-from"' in quote_html


def test_a_quote_shows_his_own_words_first_beside_the_readers_language_with_paragraphs(client):
    parent = StatementFactory(kind="remarks")
    quote = QuoteFactory(
        parent=parent,
        text_zh_hans="第一段原话。\n\n第二段原话。",
        text_fr="Premier paragraphe traduit.\n\nSecond paragraphe traduit.",
        provenance_fr="translation",
    )
    html = page(client, f"/fr/statements/{parent.slug}/")
    item = html[html.index(f'id="{quote.slug}"') :]
    assert item.index("第一段原话。") < item.index("Premier paragraphe traduit.")
    assert '<blockquote lang="zh-hans"' in item
    assert "<p>第一段原话。</p>\n\n<p>第二段原话。</p>" in item
    assert "<p>Premier paragraphe traduit.</p>\n\n<p>Second paragraphe traduit.</p>" in item
    assert 'href="/fr/about/#provenance-original"' in item
    assert 'href="/fr/about/#provenance-translation"' in item
    # On its own page too, his words come before anything else the page says of him.
    own = page(client, f"/fr/statements/{quote.slug}/")
    assert own.index('class="his-words"') < own.index('class="versions')
    assert "<p>第一段原话。</p>\n\n<p>第二段原话。</p>" in own


def test_reported_points_are_listed_apart_from_quotes_and_keep_their_address(client):
    parent = StatementFactory(kind="remarks")
    quote = QuoteFactory(parent=parent)
    point = StatementFactory(
        kind="reported", parent=parent, title_en="What the papers say he said", text_en="He said more."
    )
    html = page(client, parent.get_absolute_url())
    assert 'id="quotes"' in html and 'id="reported"' in html
    quotes_part = html[html.index('id="quotes"') : html.index('id="reported"')]
    assert quote.slug in quotes_part and point.slug not in quotes_part
    assert "Reported points" in html and "He said more." in html
    point_html = page(client, point.get_absolute_url())
    assert "Reported in" in point_html and 'class="his-words"' not in point_html
    assert "Reported point" in point_html


def test_every_provenance_label_links_to_its_explanation(client):
    statement = StatementFactory(provenance_en="report")
    html = page(client, statement.get_absolute_url())
    assert (
        '<a href="/en/about/#provenance-report">The archive&#x27;s account of what the sources report</a>'
        in html
    )


def test_side_by_side_shows_the_chosen_language_with_its_provenance(client):
    statement = StatementFactory(text_zh_hans="测试全文。")
    html = page(client, f"/en/statements/{statement.slug}/?compare=zh-hans")
    assert 'class="versions side-by-side"' in html
    assert 'id="version-en"' in html and 'id="version-zh-hans"' in html
    assert "测试全文。" in html and statement.title_zh_hans in html
    assert "The archive's translation of another language's text" in html.replace("&#x27;", "'")
    assert '<option value="zh-hans" selected>' in html


def test_side_by_side_can_be_turned_off(client):
    statement = StatementFactory()
    html = page(client, f"/en/statements/{statement.slug}/?compare=none")
    assert "side-by-side" not in html and 'id="version-zh-hans"' not in html


def test_a_comparison_language_without_text_says_so_rather_than_repeating_another(client):
    statement = StatementFactory(title_fr="", summary_fr="")
    html = page(client, f"/en/statements/{statement.slug}/?compare=fr")
    assert "There is no text of this statement in this language yet." in html


def test_a_statement_offers_a_citation_and_its_neighbours_in_time(client):
    first = StatementFactory(date=datetime.date(2020, 5, 21))
    middle = StatementFactory(date=datetime.date(2020, 5, 23))
    last = StatementFactory(date=datetime.date(2020, 5, 25))
    html = page(client, middle.get_absolute_url())
    assert f"{ORIGIN}/en/statements/{middle.slug}/" in html
    assert f"[{timezone.localdate().isoformat()}]" in html  # GB/T 7714's access date: the day of consultation
    assert f'href="{first.get_absolute_url()}" rel="prev"' in html
    assert f'href="{last.get_absolute_url()}" rel="next"' in html


def test_a_draft_preview_is_marked_and_never_cached(editor_client):
    draft = StatementFactory(status="draft")
    response = editor_client.get(draft.get_absolute_url())
    assert "preview-banner" in response.content.decode()
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


# --- Errors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/en/2031/", "/fr/2012/", "/fr/2013/99/", "/en/statements/no-such-statement/", "/xx/2020/",
            "/en/topics/no-such-topic/", "/en/sessions/13-9/", "/en/topics/no-such-topic/feed/"],
)  # fmt: skip
def test_unknown_addresses_are_a_404_page_in_the_readers_language(client, url):
    response = client.get(url, headers={"accept-language": "fr"})
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html or "Page not found" in html
    if url.startswith("/fr/") or url.startswith("/xx/"):
        assert "Page introuvable" in html


def test_the_500_page_renders_without_a_request_or_database(client, django_assert_num_queries):
    from django.template import loader
    from django.utils import translation

    with translation.override("zh-hans"), django_assert_num_queries(0):
        html = loader.get_template("500.html").render()
    assert '<html lang="zh-hans">' in html
    assert "服务器错误" in html


def test_a_server_error_shows_the_500_page(client, monkeypatch):
    from archive import timeline

    def broken(*args, **kwargs):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(timeline, "year_summaries", broken)
    client.raise_request_exception = False
    response = client.get("/fr/")
    assert response.status_code == 500
    assert "Erreur du serveur" in response.content.decode()


def test_page_numbers_in_years_are_never_matched_by_other_patterns(client):
    assert re.fullmatch(r"\d+", "2020")  # the year converter only takes digits
    assert client.get("/en/twenty/").status_code == 404


def test_a_citation_does_not_double_a_titles_quotation_marks(client):
    quote = QuoteFactory(parent=StatementFactory(), title_en="“Do better”", title_zh_hans="《建议》")
    assert "Lei Jun. 2020. “Do Better”." in page(client, quote.get_absolute_url())
    assert "雷军. 2020. 《建议》." in page(client, f"/zh-hans/statements/{quote.slug}/")


def test_a_topic_or_session_name_missing_in_chinese_shows_english_with_a_note(client):
    topic = TopicFactory(name_zh_hans="", description_en="About tests.")
    StatementFactory(topics=[topic], session=SessionFactory(name_zh_hans=""))
    html = page(client, f"/zh-hans/topics/{topic.slug}/")
    assert f'<h1 lang="en">{topic.name_en}</h1>' in html
    assert "尚未译成中文；以英文显示。" in html
    assert "尚未译成中文；以英文显示。" in page(client, "/zh-hans/sessions/13-3/")


def test_a_corrected_slug_leaves_the_old_address_redirecting_to_the_new_one(client):
    statement = StatementFactory(slug="2020-old-slug")
    statement.slug = "2020-corrected-slug"
    statement.save()
    response = client.get("/fr/statements/2020-old-slug/?compare=en")
    assert response.status_code == 302
    assert response["Location"] == "/fr/statements/2020-corrected-slug/?compare=en"
    assert client.get("/fr/statements/2020-never-was/").status_code == 404


def test_an_old_slug_of_a_draft_does_not_reveal_it(client):
    statement = StatementFactory(slug="2020-draft-old", status="draft")
    statement.slug = "2020-draft-new"
    statement.save()
    assert client.get("/en/statements/2020-draft-old/").status_code == 404


def test_a_proposals_official_title_is_shown_in_title_marks_on_its_page_and_in_lists(client):
    statement = StatementFactory(official_title="关于测试的建议", title_zh_hans="关于测试的建议")
    for url in (statement.get_absolute_url(), f"/en/{statement.date.year}/", "/fr/sessions/13-3/"):
        assert '<p class="official-title" lang="zh-hans">《关于测试的建议》</p>' in page(client, url) or (
            '<dd class="official-title" lang="zh-hans">《关于测试的建议》</dd>' in page(client, url)
        ), url
    # A Chinese citation names the proposal by its official title, with the marks once.
    assert "雷军. 2020. 《关于测试的建议》." in page(client, f"/zh-hans/statements/{statement.slug}/")
