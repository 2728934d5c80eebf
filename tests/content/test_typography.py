"""Typography by rule over every running text of the content files and both interface catalogues
(archive/editorial/typography.py; `manage.py typeset` applies what can be applied)."""

import pytest

from archive.editorial.texts import Text, all_texts
from archive.editorial.typography import problems, typeset

TEXTS = list(all_texts())


def test_the_rules_see_the_content_and_both_catalogues():
    languages = {(text.field == "msgstr", text.language) for text in TEXTS}
    assert {(False, "en"), (False, "fr"), (False, "zh-hans"), (True, "fr"), (True, "zh-hans")} <= languages


@pytest.mark.parametrize("language", ["en", "fr", "zh-hans"])
def test_every_text_follows_the_typography_rules(language):
    broken = [
        f"{t.where} [{t.field}]: {', '.join(problems(t))}"
        for t in TEXTS
        if t.language == language and problems(t)
    ]
    assert not broken, "\n".join(broken[:30])


def test_the_typesetter_has_nothing_left_to_do():
    pending = [f"{t.where} [{t.language} {t.field}]" for t in TEXTS if typeset(t) != t.value]
    assert not pending, "run manage.py typeset:\n" + "\n".join(pending[:30])


def french(value, field="text"):
    return Text("test", "fr", field, value)


def chinese(value, field="text", **flags):
    return Text("test", "zh-hans", field, value, **flags)


def test_french_spaces_apostrophes_and_dates_are_set_by_rule():
    text = french("Il l'a dit : « 6% de croissance » ; le 2019-03-13, 10 000 yuans ?")
    assert problems(text)
    result = typeset(text)
    assert result == (
        "Il l’a dit\u00a0: «\u202f6\u00a0% de croissance\u202f»\u202f; le 13\u00a0mars 2019, "
        "10\u202f000\u00a0yuans\u202f?"
    )
    assert not problems(french(result))
    assert typeset(french(result)) == result


def test_placeholders_tags_and_addresses_are_left_alone():
    value = "%(count)d sur %(total)s : voir <a href='https://example.org/a?b=1'>l'adresse</a> ; 50 %%"
    result = typeset(Text("test", "fr", "msgstr", value, python_format=True))
    assert "%(count)d" in result and "%(total)s" in result and "%%" in result
    assert "<a href='https://example.org/a?b=1'>" in result
    assert "l’adresse" in result and "\u00a0:" in result and "\u202f;" in result


def test_chinese_punctuation_spaces_and_quote_full_stop():
    assert typeset(chinese("自 2013 年起,他说(见报道):好")) == "自2013年起，他说（见报道）：好"
    assert typeset(chinese("第 %(page)s 页", field="msgstr")) == "第%(page)s页"
    assert typeset(chinese("他认为这很重要", is_quote=True)) == "他认为这很重要。"
    assert typeset(chinese("“很重要。”", is_quote=True)) == "“很重要。”"
    assert typeset(chinese("2023-03-04见报")) == "2023年3月4日见报"


def test_a_date_after_a_site_name_in_chinese_is_still_running_text():
    value = "（m.cnu.com.cn，注明2026-03-07；m.dtm.com.cn，未注日期）"
    expected = "（m.cnu.com.cn，注明2026年3月7日；m.dtm.com.cn，未注日期）"
    assert typeset(chinese(value, field="notes")) == expected
    assert problems(chinese(value, field="notes"))


def test_pinyin_a_source_inserted_keeps_its_parentheses():
    value = "转载站在字后插入了拼音（創(chuàng)業(yè)的第一步，就難于上青天）"
    assert typeset(chinese(value, field="notes")) == value
    assert not problems(chinese(value, field="notes"))
    assert typeset(chinese("见(附注)说明", field="notes")) == "见（附注）说明"


def test_his_verbatim_chinese_words_are_never_rewritten():
    original = chinese("井喷的第一年", is_quote=True, is_original=True)
    assert typeset(original) == "井喷的第一年"
    assert not problems(original)


def test_quote_titles_lose_their_outer_quotation_marks_only():
    assert (
        typeset(Text("t", "en", "title", "“The crown of industry”", is_quote=True)) == "The crown of industry"
    )
    assert typeset(Text("t", "zh-hans", "title", "“更‘群众路线’”", is_quote=True)) == "更“群众路线”"
    assert (
        typeset(Text("t", "fr", "title", "Entendre « 6 % » ici", is_quote=True))
        == "Entendre «\u202f6\u00a0%\u202f» ici"
    )
    assert typeset(Text("t", "en", "title", "“A” and “B”", is_quote=True)) == "“A” and “B”"
    # a statement's own title is not a quote title
    assert typeset(Text("t", "en", "title", "'Pragmatic'")) == "'Pragmatic'"


def test_english_dates_are_written_out():
    assert typeset(Text("t", "en", "notes", "Dated 2023-03-04.")) == "Dated 4 March 2023."
