"""Excel (.xlsx) workbooks: every worksheet is one grid, every non-empty worksheet row one RawRow.

Cells are read as *printed*: a number is rendered with its cell's number format (``#,##0.00`` →
``13,190.69``), never as a float repr, because recognition compares figures as printed. A merged
range prints its value once, in its top-left cell; the other cells of the range are empty.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from io import BytesIO

from perfbudget.model.document import SourceFile
from perfbudget.read.blocks import RawCell, RawDocument, RawRow, ReadProblem, one_grid_each
from perfbudget.read.clean import clean, indent_of
from perfbudget.read.errors import ReadError


def read_xlsx(data: bytes, source: SourceFile) -> RawDocument:
    # data_only: a formula cell shows its cached result, which is what was printed.
    book = _load(data, source.path, data_only=True)
    problems: list[ReadProblem] = []
    rows = one_grid_each(_worksheets_rows(book, problems))
    problems.extend(_uncalculated_formulas(data, source.path, book))
    return RawDocument(source=source, rows=rows, problems=problems)


def _worksheets_rows(book, problems: list[ReadProblem]) -> Iterator[list[RawRow]]:
    for name in book.sheetnames:  # iterating the book itself would skip chartsheets
        sheet = book[name]
        if not hasattr(sheet, "iter_rows"):  # a chartsheet: a chart, no cells
            problems.append(ReadProblem(None, None, f"sheet {name!r} is a chart; its figures are not read"))
            continue
        yield _sheet_rows(sheet, problems)


def _load(data: bytes, path: str, data_only: bool):
    import openpyxl

    try:
        with warnings.catch_warnings():  # openpyxl warns about unsupported extensions; not our concern
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(BytesIO(data), data_only=data_only)
    except Exception as exc:  # zipfile, lxml, KeyError, InvalidFileException …: all mean "damaged"
        raise ReadError(path, f"damaged Excel file ({type(exc).__name__}: {str(exc)[:120]})") from None


def _uncalculated_formulas(data: bytes, path: str, book) -> list[ReadProblem]:
    """Formula cells without a saved result (a workbook written by a program, never opened in
    Excel) read as empty; say so. The formulas are looked at only when the file has any."""
    with zipfile.ZipFile(BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        if not any(b"<f" in archive.read(n) for n in sheets):
            return []
    formulas = _load(data, path, data_only=False)
    problems = []
    for sheet in formulas.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" and book[sheet.title][cell.coordinate].value is None:
                    where = f"{sheet.title}!{cell.coordinate}"
                    problems.append(ReadProblem(cell.row, None, f"{where}: formula without a saved result"))
    return problems


def _sheet_rows(sheet, problems: list[ReadProblem]) -> list[RawRow]:
    if getattr(sheet, "_charts", None) or getattr(sheet, "_images", None):
        problems.append(
            ReadProblem(None, None, f"sheet {sheet.title!r} holds charts or pictures; they are not read")
        )
    width = _used_width(sheet)
    rows = []
    for cells in sheet.iter_rows(min_col=1, max_col=width):
        texts = [_printed(cell) for cell in cells]
        if not any(texts):
            continue
        number = cells[0].row
        raw_cells = [
            RawCell(text, number, None, _indent(cell)) for cell, text in zip(cells, texts, strict=True)
        ]
        rows.append(RawRow(raw_cells, line=number, sheet=sheet.title))
    return rows


def _indent(cell) -> int:
    """Leading blanks of a text cell, or Excel's indent level (two blanks a step) when it has none."""
    if isinstance(cell.value, str) and indent_of(cell.value):
        return indent_of(cell.value)
    level = getattr(cell.alignment, "indent", 0) or 0
    return int(level) * 2


def _used_width(sheet) -> int:
    """The last column holding a value or a merged range (formatting alone does not widen a table)."""
    width = max((r.max_col for r in sheet.merged_cells.ranges), default=0)
    for row in sheet.iter_rows():
        for cell in reversed(row):
            if cell.value is not None and cell.column > width:
                width = cell.column
                break
    return width


def _printed(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return format_date(value, cell.number_format)
    if isinstance(value, (int, float)):
        return clean(format_number(value, cell.number_format))
    return clean(str(value))


# ---------------------------------------------------------------------------------------------
# Number formats: the subset budget workbooks use — sections, literals, 0 # ? placeholders,
# thousands separators, percent, scaling commas, scientific notation.

_BRACKET = re.compile(r"\[[^\]]*\]")
_CURRENCY = re.compile(r"\[\$([^\]-]*)(?:-[^\]]*)?\]")


def format_number(value: int | float, number_format: str | None) -> str:
    """``value`` as Excel prints it with ``number_format``."""
    number = _decimal(value)
    sections = _split_sections(number_format or "General")
    if number < 0 and len(sections) > 1:
        section, number = sections[1], -number  # the negative section prints its own sign
    elif number == 0 and len(sections) > 2:
        section = sections[2]
    else:
        section = sections[0]
    return _format_section(number, section)


def _decimal(value: int | float) -> Decimal:
    if isinstance(value, int):
        return Decimal(value)
    # repr is the shortest text that round-trips: 13190.69, not 13190.6899999999…
    return Decimal(repr(value))


def _split_sections(number_format: str) -> list[str]:
    sections, current, quoted, i = [], [], False, 0
    while i < len(number_format):
        ch = number_format[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "\\" and not quoted and i + 1 < len(number_format):
            current.append(number_format[i : i + 2])
            i += 2
            continue
        elif ch == ";" and not quoted:
            sections.append("".join(current))
            current = []
            i += 1
            continue
        current.append(ch)
        i += 1
    sections.append("".join(current))
    return sections


def _tokens(section: str) -> list[tuple[str, str]]:
    """``(kind, text)``: kind is ``lit`` for printed literals, ``fmt`` for placeholder characters."""
    section = _CURRENCY.sub(lambda m: '"' + m.group(1) + '"', section)
    section = _BRACKET.sub("", section)  # colours, conditions, locales
    tokens, i = [], 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            tokens.append(("lit", section[i + 1 : end]))
            i = end + 1
        elif ch == "\\" and i + 1 < len(section):
            tokens.append(("lit", section[i + 1]))
            i += 2
        elif ch == "_" and i + 1 < len(section):
            tokens.append(("lit", " "))  # padding as wide as the next character
            i += 2
        elif ch == "*" and i + 1 < len(section):
            i += 2  # fill character: repeats to the cell width, prints nothing of substance
        elif ch in "Ee" and section[i + 1 : i + 2] in ("+", "-"):
            tokens.append(("fmt", "E" + section[i + 1]))  # scientific notation
            i += 2
        elif ch in "0#?.,%@":
            tokens.append(("fmt", ch))
            i += 1
        else:
            tokens.append(("lit", ch))
            i += 1
    return tokens


def _format_section(number: Decimal, section: str) -> str:
    if section.strip().lower() in ("general", ""):
        return _general(number)
    tokens = _tokens(section)
    placeholder_at = [i for i, (kind, ch) in enumerate(tokens) if kind == "fmt" and ch in "0#?"]
    if not placeholder_at:
        # A format of literals only (e.g. "-" for zero); "@" would print text, not a number.
        text = "".join(ch for kind, ch in tokens if kind == "lit")
        return text if text.strip() else _general(number)
    first, last = placeholder_at[0], placeholder_at[-1]
    prefix = "".join(ch for kind, ch in tokens[:first] if kind == "lit")
    tail = tokens[last + 1 :]
    suffix = "".join(ch for kind, ch in tail if kind == "lit" or ch == "%")
    pattern = "".join(ch for kind, ch in tokens[first : last + 1] if kind == "fmt")
    if any(kind == "fmt" and ch == "%" for kind, ch in tokens):
        number *= 100
    scaling_commas = sum(1 for kind, ch in tail if kind == "fmt" and ch == ",")  # each one divides by 1000
    number /= Decimal(1000) ** scaling_commas
    body = _scientific(number, pattern) if "E" in pattern else _fixed(number, pattern)
    sign = "-" if number < 0 and any(ch in "123456789" for ch in body) else ""
    return f"{sign}{prefix}{body}{suffix}"


def _fixed(number: Decimal, pattern: str) -> str:
    integer_part, _, fraction_part = pattern.partition(".")
    decimals = sum(1 for ch in fraction_part if ch in "0#?")
    required_decimals = sum(1 for ch in fraction_part if ch in "0?")
    grouped = "," in integer_part
    min_integer_digits = integer_part.count("0")
    rounded = abs(number).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{rounded:f}".partition(".")
    if fraction:
        fraction = fraction.rstrip("0").ljust(required_decimals, "0")
    whole = whole.lstrip("0").rjust(min_integer_digits, "0")
    if grouped and whole:
        whole = f"{int(whole):,}"
    return whole + ("." + fraction if "." in pattern else "")


def _scientific(number: Decimal, pattern: str) -> str:
    mantissa, _, _ = pattern.upper().partition("E")
    decimals = len(mantissa.partition(".")[2])
    text = f"{abs(number):.{decimals}E}"  # e.g. 1.23E+04
    digits, _, exponent = text.partition("E")
    return f"{digits}E{exponent[0]}{exponent[1:].lstrip('0').rjust(2, '0')}"


def _general(number: Decimal) -> str:
    """Excel's General: the number without padding, at most 15 significant digits."""
    if number == number.to_integral_value():
        return str(int(number))
    try:
        number = Decimal(f"{number:.15g}")
    except InvalidOperation:
        return str(number)
    return f"{number.normalize():f}"


# ---------------------------------------------------------------------------------------------
# Dates: openpyxl already turns date-formatted serials into datetimes; print them in the format's
# order with its own separators (年/月/日 included).

_DATE_TOKENS = re.compile(r"yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am/pm|a/p", re.IGNORECASE)


def format_date(value, number_format: str | None) -> str:
    if isinstance(value, dt.timedelta):
        return str(value)
    section = _BRACKET.sub("", _split_sections(number_format or "")[0]).replace('"', "").replace("\\", "")
    if not _DATE_TOKENS.search(section):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    previous = ""
    pieces, position = [], 0
    for match in _DATE_TOKENS.finditer(section):
        pieces.append(section[position : match.start()])
        token = match.group(0).lower()
        pieces.append(_date_part(value, token, previous))
        previous = token
        position = match.end()
    pieces.append(section[position:])
    return "".join(pieces)


def _date_part(value, token: str, previous: str) -> str:
    minute_context = previous.startswith("h")
    parts = {
        "yyyy": lambda: f"{value.year:04d}",
        "yy": lambda: f"{value.year % 100:02d}",
        "mmmm": lambda: value.strftime("%B"),
        "mmm": lambda: value.strftime("%b"),
        "mm": lambda: f"{value.minute:02d}" if minute_context else f"{value.month:02d}",
        "m": lambda: f"{value.minute}" if minute_context else f"{value.month}",
        "dddd": lambda: value.strftime("%A"),
        "ddd": lambda: value.strftime("%a"),
        "dd": lambda: f"{value.day:02d}",
        "d": lambda: f"{value.day}",
        "hh": lambda: f"{value.hour:02d}",
        "h": lambda: f"{value.hour}",
        "ss": lambda: f"{value.second:02d}",
        "s": lambda: f"{value.second}",
    }
    try:
        return parts[token]()
    except (KeyError, AttributeError, ValueError):
        return ""
