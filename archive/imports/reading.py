"""A file of statements as rows of text: the columns of the downloads' statements.csv, from CSV
(a byte-order mark or not), statements.json (the API's statements) or JSON Lines."""

import csv
import io
import json
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..data.export import statement_row


class ImportFileError(Exception):
    """The file as a whole cannot be read: shown as the upload form's error."""


@dataclass
class Row:
    number: int  # as the editor finds it: the spreadsheet's row (the header is 1), the JSON item
    values: dict  # column -> text


@dataclass
class ImportFile:
    columns: list
    rows: list


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(_text(item) for item in value)
    if isinstance(value, dict):
        raise ValueError
    return str(value)


def _decode(content):
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _("The file is not UTF-8 text. Save it as “CSV UTF-8” or as JSON, and upload it again.")
        ) from None


def _read_csv(text):
    # The downloads use commas; a spreadsheet in French saves semicolons: the header tells which.
    header_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header:
            raise ImportFileError(_("The file is empty."))
        columns = [name.strip() for name in header]
        rows = []
        for number, record in enumerate(reader, start=2):
            if not any(cell.strip() for cell in record):
                continue  # a blank line, as spreadsheets leave at the end
            if len(record) > len(columns):
                raise ImportFileError(
                    _("Row %(row)d has more cells than the header has columns.") % {"row": number}
                )
            record += [""] * (len(columns) - len(record))
            rows.append(Row(number, dict(zip(columns, record, strict=True))))
    except csv.Error as error:
        raise ImportFileError(_("The file is not readable as CSV: %(error)s") % {"error": error}) from None
    return ImportFile(columns, rows)


def _flat(item):
    """One JSON item as a row: the API's statement (as statements.json has it) or a flat row."""
    if "texts" in item:
        try:
            item = statement_row(item)
        except (KeyError, TypeError, AttributeError):
            return None
    try:
        return {str(key): _text(value) for key, value in item.items()}
    except ValueError:
        return None


def _read_json_items(items, numbers):
    rows, columns = [], []
    for number, item in zip(numbers, items, strict=True):
        values = _flat(item) if isinstance(item, dict) else None
        if values is None:
            raise ImportFileError(
                _(
                    "Item %(row)d is not a statement in the shape of the archive's downloads "
                    "(statements.json) or a row of statements.csv's columns."
                )
                % {"row": number}
            )
        for name in values:
            if name not in columns:
                columns.append(name)
        rows.append(Row(number, values))
    return ImportFile(columns, rows)


def _read_json(text):
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            _("The file is not valid JSON (line %(line)d): %(error)s")
            % {"line": error.lineno, "error": error.msg}
        ) from None
    items = document.get("statements") if isinstance(document, dict) else document
    if not isinstance(items, list):
        raise ImportFileError(_("The JSON file holds no list of statements."))
    return _read_json_items(items, range(1, len(items) + 1))


def _read_json_lines(text):
    items, numbers = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise ImportFileError(
                _("Line %(line)d is not valid JSON: %(error)s") % {"line": number, "error": error.msg}
            ) from None
        numbers.append(number)
    return _read_json_items(items, numbers)


FORMATS = {".csv": _read_csv, ".json": _read_json, ".jsonl": _read_json_lines}


def import_file_read(*, name, content: bytes) -> ImportFile:
    """The file's rows, by its name's extension; ImportFileError with a message for the editor."""
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    reader = FORMATS.get(extension)
    if reader is None:
        raise ImportFileError(
            _("Upload a .csv, .json or .jsonl file, in the shape of the archive's downloads.")
        )
    text = _decode(content)
    if not text.strip():
        raise ImportFileError(_("The file is empty."))
    if "\x00" in text:
        raise ImportFileError(_("The file is not text: it holds null characters."))
    return reader(text)
