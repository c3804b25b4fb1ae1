"""Ways another converter or office could print the same document as text.

Each rewrite takes a seed's text and returns the same document printed otherwise: the other
table layout, Markdown or HTML tables, thousands separators, no markup, half-width punctuation,
no blank lines. A parser built for the family reads every one of them to the same model.
"""

from __future__ import annotations

import html
import re

_TOC_LEADERS = re.compile(r"\.{3,}|…{2,}")  # a table-of-contents line stays as printed
_TABLE_RULE = re.compile(r"^[\s|:\-]*-{2,}[\s|:\-\t]*$")


def _is_table_line(line: str) -> bool:
    return "\t" in line and not _TOC_LEADERS.search(line) and not _TABLE_RULE.match(line)


def rows_as_cells(text: str) -> str:
    """Row per line → cell per line. A blank line inside a table (a page break) becomes a second
    blank line after the row, which ends the physical table, as a page break does in that layout."""
    out: list[str] = []
    in_table = False
    for line in text.split("\n"):
        if _TABLE_RULE.match(line) and "\t" in line:
            continue
        if _is_table_line(line):
            out += ["\t" + cell for cell in line.split("\t")] + [""]
            in_table = True
            continue
        if in_table and not line.strip():
            out.append("")  # the page break
            continue
        if in_table:
            out.append("")  # a second blank line ends the table before the prose
            in_table = False
        out.append(line)
    return "\n".join(out)


def cells_as_rows(text: str) -> str:
    """Cell per line → row per line; a cell's continuation lines are joined to it."""
    out: list[str] = []
    row: list[str] | None = None
    blanks = 0
    for line in text.split("\n"):
        if line.startswith("\t"):
            if row is not None and blanks:
                out.append("\t".join(row))
                row = None
            row = [] if row is None else row
            row.append(line[1:])
            blanks = 0
        elif not line:
            blanks += 1
            if blanks >= 2 and row is not None:
                out.append("\t".join(row))
                row = None
            if row is None:
                out.append("")
        else:
            if row is not None and blanks <= 1:
                row[-1] += line  # the cell goes on (a vertical label, a wrapped text)
            else:
                if row is not None:
                    out.append("\t".join(row))
                    row = None
                out.append(line)
            blanks = 0
    if row is not None:
        out.append("\t".join(row))
    return "\n".join(out)


def _tables(text: str, start: str, row_of, end: str) -> str:
    out: list[str] = []
    in_table = False
    for line in text.split("\n"):
        if _is_table_line(line):
            if not in_table:
                out.append(start)
            out += row_of(line.split("\t"), not in_table)
            in_table = True
            continue
        if in_table and not line.strip():
            continue  # blank lines inside a table are not kept by a table
        if in_table and end:
            out.append(end)
        in_table = False
        out.append(line)
    if in_table and end:
        out.append(end)
    return "\n".join(out)


def markdown_tables(text: str) -> str:
    """Row per line → Markdown pipe tables, a rule under each table's first row."""

    def row_of(cells: list[str], first: bool) -> list[str]:
        line = "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
        return [line, "|" + "|".join(["---"] * len(cells)) + "|"] if first else [line]

    return _tables(text, "", row_of, "")


def html_tables(text: str) -> str:
    """Row per line → HTML ``<table>`` elements."""

    def row_of(cells: list[str], first: bool) -> list[str]:
        return ["<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>"]

    return _tables(text, "<table>", row_of, "</table>")


def thousands_separators(text: str) -> str:
    """Amounts of four or more whole digits printed with thousands separators."""
    return re.sub(r"(?<![\d.,])(\d{4,})(\.\d{1,4})(?!\d)", lambda m: f"{int(m.group(1)):,}{m.group(2)}", text)


def without_markup(text: str) -> str:
    """No Markdown headings or bold, no HTML tags."""
    text = re.sub(r"(?m)^#+\s*", "", text).replace("**", "")
    return re.sub(r"</?(?:b|p|sub|strong)>", "", text)


def half_width(text: str) -> str:
    """Half-width parentheses and colons where the seed prints full-width ones."""
    return text.replace("（", "(").replace("）", ")").replace("：", ":")


def padded_cells(text: str) -> str:
    """Every table cell framed by blanks, as some converters align them."""
    return "\n".join(
        "\t".join(f" {cell} " for cell in line.split("\t")) if _is_table_line(line) else line
        for line in text.split("\n")
    )


def titles_in_grid(text: str) -> str:
    """A worksheet saved as text: the title, department and unit lines above a table are one-cell
    rows of its grid (padded to its width), and there is no Markdown."""
    lines = without_markup(text).split("\n")
    out = list(lines)
    for index, line in enumerate(lines):
        if not _is_table_line(line) or (index and _is_table_line(lines[index - 1])):
            continue
        width, moved, above = line.count("\t"), 0, index - 1
        while above >= 0 and moved < 3 and not _is_table_line(lines[above]):
            head = lines[above].strip()
            if head:
                if len(head) > 60 or "。" in head:
                    break
                out[above] = head + "\t" * width
                moved += 1
            above -= 1
    return "\n".join(out)


def unit_beside_title(text: str) -> str:
    """``单位：万元`` printed at the end of the line above it, not on a line of its own."""
    out: list[str] = []
    for line in text.split("\n"):
        if re.fullmatch(r"\s*单位[:：]\s*万元\s*", line):
            above = len(out) - 1
            while above >= 0 and not out[above].strip():
                above -= 1
            if above >= 0 and "\t" not in out[above]:
                out[above] = out[above].rstrip() + "  单位：万元"
                continue
        out.append(line)
    return "\n".join(out)


def without_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


ROW_PER_LINE = {
    "cells": rows_as_cells,
    "markdown": markdown_tables,
    "html": html_tables,
    "thousands": thousands_separators,
    "no-markup": without_markup,
    "half-width": half_width,
    "no-blank-lines": without_blank_lines,
    "padded-cells": padded_cells,
    "titles-in-grid": titles_in_grid,
    "unit-beside-title": unit_beside_title,
}
