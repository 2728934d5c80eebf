"""A reference as reference managers import it: CSL-JSON, BibTeX and RIS.

CSL-JSON is the citation as citeproc renders it; BibTeX and RIS carry the same fields under their
own names. The reporting outlets and the text's provenance go in the note, which every format has.
"""

import json
import re

# BibTeX's special characters, escaped so a title with "R&D" or "50%" stays one field.
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
BIBTEX_SPECIAL = re.compile("|".join(re.escape(c) for c in BIBTEX_ESCAPES))

# RIS reference types: a proposal is a government document; everything else is generic.
RIS_TYPES = {"document": "GOVDOC"}


def _date_parts(date):
    return {"date-parts": [[date.year, date.month, date.day]]}


def csl_item(ref):
    """One CSL-JSON item (the schema's field names), as citeproc-py and Zotero read it."""
    item = {
        "id": ref.key,
        "type": ref.csl_type,
        "language": ref.language_tag,
        "author": [{"literal": ref.author}],
        "title": ref.title,
        "container-title": ref.archive,
        "genre": ref.genre,
        "issued": _date_parts(ref.date),
        "accessed": _date_parts(ref.accessed),
        "URL": ref.url,
        "abstract": ref.abstract,
    }
    if ref.session:
        item["event"] = ref.session
    if ref.topics:
        item["keyword"] = ", ".join(ref.topics)
    if ref.parent_title:
        item["collection-title"] = ref.parent_title
    if ref.note:
        item["note"] = ref.note
    return {key: value for key, value in item.items() if value}


def csl_json(ref):
    return json.dumps([csl_item(ref)], ensure_ascii=False, indent=2) + "\n"


def _bibtex_value(text):
    text = " ".join(str(text).split())  # one line: BibTeX fields have no paragraphs
    return BIBTEX_SPECIAL.sub(lambda match: BIBTEX_ESCAPES[match.group()], text)


def bibtex(ref):
    """A @misc entry (read by BibTeX, biblatex and every reference manager), in UTF-8."""
    fields = [
        # Double braces: a literal name, never split into "Jun, Lei" or abbreviated.
        ("author", "{" + _bibtex_value(ref.author) + "}"),
        ("title", _bibtex_value(ref.title)),
        ("howpublished", _bibtex_value(ref.archive)),
        ("type", _bibtex_value(ref.genre)),
        ("year", str(ref.date.year)),
        ("month", str(ref.date.month)),
        ("date", ref.date.isoformat()),
        ("url", ref.url),
        ("urldate", ref.accessed.isoformat()),
        ("language", ref.language_tag),
        ("eventtitle", _bibtex_value(ref.session)),
        ("keywords", _bibtex_value(", ".join(ref.topics))),
        ("abstract", _bibtex_value(ref.abstract)),
        ("note", _bibtex_value(ref.note)),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{ref.key},\n{body}\n}}\n"


def _ris_value(text):
    return " ".join(str(text).split())


def ris(ref):
    """An RIS record: two-letter tags, CRLF line ends, closed by ER."""
    tags = [
        ("TY", RIS_TYPES.get(ref.csl_type, "GEN")),
        ("ID", ref.key),
        ("AU", ref.author),
        ("TI", ref.title),
        ("T2", ref.archive),
        ("M3", ref.genre),
        ("PY", str(ref.date.year)),
        ("DA", ref.date.strftime("%Y/%m/%d")),
        ("Y2", ref.accessed.strftime("%Y/%m/%d")),
        ("UR", ref.url),
        ("LA", ref.language_tag),
        ("AB", ref.abstract),
        ("N1", ref.note),
    ]
    if ref.official_title and ref.reader_title != ref.official_title:
        tags.append(("TT", ref.reader_title))  # the title cited is the official one; this, its translation
    tags += [("KW", topic) for topic in ref.topics]
    lines = [f"{tag}  - {_ris_value(value)}" for tag, value in tags if value]
    return "\r\n".join([*lines, "ER  - ", ""])
