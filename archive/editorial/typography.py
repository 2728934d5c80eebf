"""Typography by rule: what `manage.py typeset` applies and tests/content/test_typography.py checks.

- French: curly apostrophe ’; narrow no-break space (U+202F) before ; ! ? and inside « »; no-break
  space (U+00A0) before : and %, between a number and its unit, and narrow no-break space between
  groups of thousands.
- Chinese: full-width punctuation next to Han characters, no space between a Han character and a
  digit (or a %(name)s placeholder, which stands for one); a quote's text ends with 。 (or ！？…),
  except his verbatim words, which keep the source's punctuation.
- Every language: no ISO date (2019-03-13) in running text: 13 March 2019, 13 mars 2019, 2019年3月13日.
- Quote titles: never wrapped in quotation marks (the quote itself is shown as a quotation and labelled
  with its provenance); quotation marks inside a title stay.

Placeholders (%(count)d, %s, {name}), HTML tags and addresses are left exactly as they are."""

import re

NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Addresses are ASCII: a Chinese character or a full-width mark after one is running text again.
_PROTECTED = re.compile(
    r"%\([a-z_]+\)[sdif]|%[sdif]|%%|\{[a-z_0-9]*\}|<[^>]+>|https?://[!-~]+"
    r"|\b[A-Za-z0-9.-]+\.(?:com|cn|net|org|xyz|hk)\b(?:/[!-~]*)?"
)

MONTHS_EN = "January February March April May June July August September October November December".split()
MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
ISO_DATE = re.compile(r"(?<![\d/-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])")

FR_UNITS = (
    r"%|€|\$|yuans?|dollars?|euros?|milliards?|millions?|milliers|ans|années|mois|jours|heures|minutes|"
    r"km|kg|kW|kWh|GW|MW|m|cm|mm|h|Go|To|points?|fois|pays|entreprises|sessions?|suggestions?"
)


def _protect(value):
    """Replace placeholders, tags and addresses by private-use characters; return (text, restore)."""
    saved = []

    def keep(match):
        saved.append(match.group(0))
        return chr(0xE000 + len(saved) - 1)

    text = _PROTECTED.sub(keep, value)

    def restore(result):
        return re.sub("[\ue000-\uefff]", lambda m: saved[ord(m.group(0)) - 0xE000], result)

    return text, restore


def _date_words(match, language):
    year, month, day = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return match.group(0)
    if language == "fr":
        return f"{'1er' if day == 1 else day}{NBSP}{MONTHS_FR[month - 1]} {year}"
    if language == "zh-hans":
        return f"{year}年{month}月{day}日"
    return f"{day} {MONTHS_EN[month - 1]} {year}"


def dates_in_words(value, language):
    return ISO_DATE.sub(lambda m: _date_words(m, language), value)


# ---- French ----------------------------------------------------------------------------------


def french(value):
    text, restore = _protect(value)
    text = re.sub(r"(?<=[A-Za-zÀ-ÿŒœ])'(?=[A-Za-zÀ-ÿŒœ«\u3400-\u9fff])", "’", text)
    text = re.sub(r"«[ \u00a0\u202f]*", "«" + NNBSP, text)
    text = re.sub(r"[ \u00a0\u202f]*»", NNBSP + "»", text)
    # a space (any kind) before ; ! ? becomes narrow; before : an ordinary no-break space
    text = re.sub(r"[ \u00a0\u202f]+([;!?])", NNBSP + r"\1", text)
    text = re.sub(r"(?<=[\wÀ-ÿ)»\u2019.])([;!?])(?=\s|$)", NNBSP + r"\1", text)
    text = re.sub(r"[ \u00a0\u202f]+:", NBSP + ":", text)
    text = re.sub(r"(?<=[A-Za-zÀ-ÿ)»])(:)(?=\s|$)", NBSP + ":", text)
    # numbers: groups of thousands, then the unit that follows
    text = re.sub(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))", NNBSP, text)
    text = re.sub(r"(?<=\d)[ \u00a0\u202f]?(%)", NBSP + r"\1", text)
    text = re.sub(rf"(?<=\d) (?=(?:{FR_UNITS})\b)", NBSP, text)
    text = dates_in_words(text, "fr")
    text = re.sub(rf"(?:(?<=\d)|(?<=1er)) (?=(?:{'|'.join(MONTHS_FR)})\b)", NBSP, text)
    return restore(text)


# ---- Chinese ---------------------------------------------------------------------------------

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
# Pinyin with tone marks in half-width parentheses (創(chuàng)) shows how a source printed a word:
# those parentheses stay; any other pair of parentheses in Chinese text is full-width.
_PINYIN = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_HALF_PAIR = re.compile(r"\(([^()]*)\)")


def _chinese_parentheses(text):
    def pair(match):
        inner = match.group(1)
        before = text[match.start() - 1 : match.start()]
        after = text[match.end() : match.end() + 1]
        touches_han = re.search(rf"[{HAN}]", inner + before + after)
        if not touches_han or any(mark in inner for mark in _PINYIN):
            return match.group(0)
        return f"（{inner}）"

    return _HALF_PAIR.sub(pair, text)


def chinese(value):
    text, restore = _protect(value)
    text = dates_in_words(text, "zh-hans")
    # half-width punctuation touching a Han character (or a full-width mark)
    text = re.sub(
        rf"(?<=[{HAN}）》”])([,;:?!])|([,;:?!])(?=[{HAN}《“（])",
        lambda m: _FULL_WIDTH[m.group(1) or m.group(2)],
        text,
    )
    text = _chinese_parentheses(text)
    # no space between a Han character and a digit or a placeholder (\ue000.. after protection)
    text = re.sub(rf"(?<=[{HAN}，。、：；])[ \u00a0]+(?=[\d\ue000-\uefff])", "", text)
    text = re.sub(rf"(?<=[\d\ue000-\uefff%])[ \u00a0]+(?=[{HAN}，。、：；])", "", text)
    return restore(text)


def final_stop(value):
    """A Chinese quote's text ends with a full stop (or ！？…), inside a closing quotation mark."""
    stripped = value.rstrip()
    if not stripped or stripped[-1] in "。！？…":
        return value
    if stripped[-1] in "”’」" and len(stripped) > 1 and stripped[-2] in "。！？…":
        return value
    return stripped + "。"


# ---- quote titles ----------------------------------------------------------------------------

_OPEN_CLOSE = {"“": "”", "«": "»", "'": "'", '"': '"', "‘": "’"}


def bare_title(value, language):
    """A quote title without the quotation marks around the whole of it; nested marks move up a level."""
    stripped = value.strip()
    if len(stripped) < 2 or _OPEN_CLOSE.get(stripped[0]) != stripped[-1]:
        return value
    inner = stripped[1:-1].strip(" \u00a0\u202f")
    if any(mark in inner for mark in (stripped[0], stripped[-1]) if mark not in "'"):
        return value  # not one quotation around the whole title
    if language == "zh-hans":
        inner = inner.replace("‘", "“").replace("’", "”")
    elif language == "fr":
        inner = re.sub(r"“([^”]*)”", r"« \1 »", inner)
    return inner


# ---- the whole -------------------------------------------------------------------------------


def typeset(text):
    """The text as the rules want it (a Text from archive.editorial.texts)."""
    value = text.value
    if text.is_original:
        return value
    if text.is_quote and text.field == "title":
        value = bare_title(value, text.language)
    if text.language == "fr":
        value = french(value)
    elif text.language == "zh-hans":
        value = chinese(value)
        if text.is_quote and text.field == "text":
            value = final_stop(value)
    else:
        protected, restore = _protect(value)
        value = restore(dates_in_words(protected, "en"))
    return value


def problems(text):
    """What breaks the rules, checked independently of the fixer (messages; empty when clean)."""
    value, _restore = _protect(text.value)
    found = []
    if ISO_DATE.search(value):
        found.append("ISO date in running text")
    if text.language == "fr":
        if "'" in value:
            found.append("straight apostrophe")
        if re.search(r" [;!?:%]|[^\u202f][;!?](?=\s|$)|[A-Za-zÀ-ÿ»)]:(?=\s|$)", value):
            found.append("no no-break space before ; ! ? : or %")
        if re.search(r"«(?!\u202f)|(?<!\u202f)»", value):
            found.append("no narrow no-break space inside « »")
        if re.search(r"\d ?%", value):
            found.append("no no-break space before %")
    if text.language == "zh-hans" and not text.is_original:
        if re.search(rf"[{HAN}][,;:?!]|[,;:?!][{HAN}]", value) or _chinese_parentheses(value) != value:
            found.append("half-width punctuation beside Chinese")
        if re.search(rf"[{HAN}] +[\d\ue000-\uefff]|[\d\ue000-\uefff] +[{HAN}]", value):
            found.append("space between Chinese and a digit")
        if text.is_quote and text.field == "text" and value.strip() and final_stop(value) != value:
            found.append("a Chinese quote without a final 。")
    if text.is_quote and text.field == "title" and bare_title(text.value, text.language) != text.value:
        found.append("a quote title in quotation marks")
    return found
