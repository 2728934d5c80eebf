from archive.history.differences import compare_texts


def test_latin_text_is_compared_word_by_word():
    old, new = compare_texts("The satellite network plan", "The satellite internet plan", "en")
    assert old == [(False, "The satellite "), (True, "network"), (False, " plan")]
    assert new == [(False, "The satellite "), (True, "internet"), (False, " plan")]


def test_a_changed_letter_marks_the_whole_french_word():
    old, new = compare_texts("une proposition écrite", "une proposition écrites", "fr")
    assert (True, "écrite") in old and (True, "écrites") in new


def test_chinese_is_compared_character_by_character():
    old, new = compare_texts("关于卫星互联网的建议", "关于卫星通信的建议", "zh-hans")
    assert old == [(False, "关于卫星"), (True, "互联网"), (False, "的建议")]
    assert new == [(False, "关于卫星"), (True, "通信"), (False, "的建议")]


def test_identical_texts_have_nothing_marked():
    same = [(False, "Same words.")]
    assert compare_texts("Same words.", "Same words.", "en") == (same, same)
