"""Text conversions that print tables as Markdown pipe rows or HTML ``<table>`` markup.

The documents are fictional (青川市生态环境局); each table is the same 支出总表 in another markup,
so every test can hold the recognised figures against the same expectations.
"""

from __future__ import annotations

from decimal import Decimal

from perfbudget.check import run_checks
from perfbudget.pipeline import load_document
from perfbudget.read import read_file

TITLE = "青川市生态环境局2025年部门支出总表\n\n单位：万元\n\n"

PIPES = TITLE + (
    "| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n"
    "| :--- | --- | ---: | ---: | ---: |\n"
    "|  | 合计 | 1,530.00 | 1,030.00 | 500.00 |\n"
    "| 211 | 节能环保支出 | 1,530.00 | 1,030.00 | 500.00 |\n"
    "| 21101 | 环境保护管理事务 | 1,530.00 | 1,030.00 | 500.00 |\n"
    "| 2110101 | 行政运行 | 1,030.00 | 1,030.00 |  |\n"
    "| 2110199 | 其他环境保护管理事务支出 | 500.00 |  | 500.00 |\n"
    "\n注：本表无政府性基金安排的支出。\n"
)

HTML_ONE_LINE = TITLE + (
    "<table><tr><td rowspan=2>科目编码</td><td rowspan=2>科目名称</td><td rowspan=2>合计</td>"
    '<td colspan="2">基本支出</td><td rowspan=2>项目支出</td></tr>'
    "<tr><td>人员经费</td><td>公用经费</td></tr>"
    "<tr><td></td><td>合计</td><td>1,530.00</td><td>900.00</td><td>130.00</td><td>500.00</td></tr>"
    "<tr><td>211</td><td><b>节能环保支出</b></td><td>1,530.00</td><td>900.00</td><td>130.00</td><td>500.00</td></tr>"
    "<tr><td>21101</td><td>环境保护管理事务</td><td>1,530.00</td><td>900.00</td><td>130.00</td><td>500.00</td></tr>"
    "<tr><td>2110101</td><td>行政运行</td><td>1,030.00</td><td>900.00</td><td>130.00</td><td></td></tr>"
    "<tr><td>2110199</td><td>其他环境保护管理事务支出</td><td>500.00</td><td></td><td></td><td>500.00</td></tr>"
    "</table>\n注：本表无政府性基金安排的支出。\n"
)

HTML_PRETTY = TITLE + (
    "<table>\n"
    "  <tr>\n    <th>科目编码</th>\n    <th>科目名称</th>\n    <th>合计</th>\n"
    "    <th>基本支出</th>\n    <th>项目支出</th>\n  </tr>\n"
    "  <tr><td>&nbsp;</td><td>合计</td><td>1,530.00</td><td>1,030.00</td><td>500.00</td></tr>\n"
    "  <tr><td>211</td><td>节能环保\n      支出</td><td>1,530.00</td><td>1,030.00</td><td>500.00</td></tr>\n"
    "  <tr><td>21101</td><td>环境保护管理事务</td><td>1,530.00</td><td>1,030.00</td><td>500.00</td></tr>\n"
    "  <tr><td>2110101</td><td>行政运行</td><td>1,030.00</td><td>1,030.00</td><td></td></tr>\n"
    "  <tr><td>2110199</td><td>其他环境保护<br>管理事务支出</td><td>500.00</td><td></td><td>500.00</td></tr>\n"
    "</table>\n"
)


def parse(tmp_path, text: str):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def assert_the_expenditure_table(doc) -> None:
    [table] = doc.tables
    assert table.kind == "expenditure"
    assert [r.code for r in table.rows] == [None, "211", "21101", "2110101", "2110199"]
    assert table.rows[0].label == "合计"
    assert table.rows[1].label == "节能环保支出"
    assert table.rows[0].cells["total"].value == Decimal("1530.00")
    assert table.rows[3].cells["project"].value is None  # printed empty, not zero
    assert table.rows[4].cells["project"].value == Decimal("500.00")
    assert not [f for f in doc.findings if f.severity == "error"]
    assert not [f for f in run_checks(doc) if f.severity == "error"]


def test_markdown_pipe_table(tmp_path) -> None:
    doc = parse(tmp_path, PIPES)
    assert_the_expenditure_table(doc)
    # each figure cites the physical line of its pipe row (the rule line is not a row)
    assert doc.tables[0].rows[1].cells["total"].line == 8
    assert doc.tables[0].notes == ["注：本表无政府性基金安排的支出。"]


def test_pipe_rows_keep_their_lines_and_empty_cells(tmp_path) -> None:
    path = tmp_path / "pipes.txt"
    path.write_text(PIPES, encoding="utf-8")
    rows = [r for r in read_file(path).rows if not r.is_paragraph]
    assert [r.line for r in rows] == [5, 7, 8, 9, 10, 11]
    assert rows[1].texts == ["", "合计", "1,530.00", "1,030.00", "500.00"]
    assert rows[4].texts == ["2110101", "行政运行", "1,030.00", "1,030.00", ""]


def test_html_table_on_one_line_with_merged_header_cells(tmp_path) -> None:
    doc = parse(tmp_path, HTML_ONE_LINE)
    assert_the_expenditure_table(doc)
    table = doc.tables[0]
    # 基本支出 spans 人员经费 and 公用经费: the two-level header gives both their own key
    assert table.rows[3].cells["personnel"].value == Decimal("900.00")
    assert table.rows[3].cells["public"].value == Decimal("130.00")
    assert table.rows[4].cells["personnel"].value is None
    assert table.rows[0].cells["total"].line == 5  # the whole table is printed on line 5
    assert table.notes == ["注：本表无政府性基金安排的支出。"]  # the line after the table


def test_merged_cells_are_printed_once(tmp_path) -> None:
    path = tmp_path / "html.txt"
    path.write_text(HTML_ONE_LINE, encoding="utf-8")
    rows = [r for r in read_file(path).rows if not r.is_paragraph]
    assert rows[0].texts == ["科目编码", "科目名称", "合计", "基本支出", "", "项目支出"]
    assert rows[1].texts == ["", "", "", "人员经费", "公用经费", ""]  # under the rowspans: empty


def test_pretty_printed_html_table(tmp_path) -> None:
    doc = parse(tmp_path, HTML_PRETTY)
    assert_the_expenditure_table(doc)
    rows = doc.tables[0].rows
    assert rows[4].label == "其他环境保护\n管理事务支出"  # <br> breaks the cell's line; layout does not
    assert rows[1].cells["total"].line == 14  # the line of the row's <tr>


def test_html_table_cut_off_at_the_end_of_the_file(tmp_path) -> None:
    text = HTML_PRETTY.replace("</table>\n", "")
    doc = parse(tmp_path, text)
    assert doc.tables[0].rows[-1].code == "2110199"


def test_two_tables_and_prose_between_them_keep_their_order(tmp_path) -> None:
    text = (
        "<table><tr><td>项目</td><td>金额</td></tr><tr><td>甲</td><td>1.00</td></tr></table>\n"
        "中间的说明文字。\n"
        "| 项目 | 金额 |\n| --- | --- |\n| 乙 | 2.00 |\n"
    )
    path = tmp_path / "mixed.txt"
    path.write_text(text, encoding="utf-8")
    rows = read_file(path).rows
    assert [(r.line, r.grid, r.texts) for r in rows] == [
        (1, 0, ["项目", "金额"]),
        (1, 0, ["甲", "1.00"]),
        (2, None, ["中间的说明文字。"]),
        (3, 1, ["项目", "金额"]),
        (5, 1, ["乙", "2.00"]),
    ]


def test_a_framed_note_is_a_paragraph(tmp_path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("| 单位：万元 |\n正文。\n", encoding="utf-8")
    rows = read_file(path).rows
    assert [(r.grid, r.texts) for r in rows] == [(None, ["单位：万元"]), (None, ["正文。"])]
