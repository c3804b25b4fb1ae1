"""The readers on the seeds' Word, Excel and PDF variants (../shared/seeds/variants, read at run time).

The variants were built from the seed texts (see their README): the Word files hold every printed
cell as one cell, so the Word stream's tables must equal the text stream's tables; the PDFs are
LibreOffice renderings of the Word files, equal to them but for rows a page break cut in two.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

import pytest

from perfbudget.read import RawDocument, read_file

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"  # ../shared/seeds from the project
VARIANTS = SEEDS / "variants"
pytestmark = pytest.mark.skipif(not VARIANTS.is_dir(), reason=f"seed documents not found at {SEEDS}")

SEED_TEXTS = {"000": "000_*.txt", "001": "001_*.txt", "002": "002_*.txt", "004": "004_*.txt"}


@cache
def read(name: str) -> RawDocument:
    if name.endswith(".txt"):
        (path,) = SEEDS.glob(SEED_TEXTS[name.removesuffix(".txt")])
        return read_file(path)
    return read_file(VARIANTS / name)


def grids(document: RawDocument) -> list[list[list[str]]]:
    """The table rows' texts, grid by grid, in order."""
    by_grid: dict[int, list[list[str]]] = {}
    for row in document.rows:
        if row.grid is not None:
            by_grid.setdefault(row.grid, []).append(row.texts)
    return [by_grid[grid] for grid in sorted(by_grid)]


def row_at(document: RawDocument, *, line: int, page: int | None = None, sheet: str | None = None):
    (row,) = [r for r in document.rows if (r.line, r.page, r.sheet) == (line, page, sheet)]
    return row


GRID_COUNTS = {
    "000.docx": 10,
    "001.docx": 13,
    "002.docx": 10,  # 公开01表–公开09表 and the 8 整体绩效自评表 as one table
    "004.docx": 36,
    "002.xlsx": 9,
    "004.xlsx": 13,
    # PDF: one grid per table and page (a table running over pages is cut at each page break)
    "000.pdf": 25,
    "001.pdf": 13,
    "002.pdf": 30,
    "004.pdf": 97,
}


@pytest.mark.parametrize(("name", "count"), GRID_COUNTS.items())
def test_number_of_grids(name, count):
    document = read(name)
    numbers = sorted({r.grid for r in document.rows if r.grid is not None})
    assert numbers == list(range(count))
    assert document.problems == []


# (file, where, grid, heading, {cell index: text}); ``where`` is line (docx), (page, line) (pdf)
# or (sheet, line) (xlsx).
FACTS = [
    ("000.docx", 1, None, True, {0: "附件3"}),
    ("000.docx", 2, None, True, {0: "市级部门（单位）整体绩效目标申报表"}),
    ("000.docx", 4, 0, False, {0: "部门（单位）名称", 1: "郑州市生态环境局机关", 2: ""}),
    ("000.docx", 18, 0, False, {0: "预算情况", 1: "部门预算总额（万元）", 3: "6157.57"}),
    ("000.docx", 22, 0, False, {1: "（2）项目支出", 3: "5439.98"}),
    ("000.docx", 34, 0, False, {0: "决算真实性", 1: "真实", 2: "定性指标", 3: "", 4: ""}),
    ("000.docx", 414, 9, False, {1: "郑州市污染防治攻坚战领导小组办公室"}),
    ("001.docx", 1, None, True, {0: "第一部分"}),
    ("001.docx", 3, None, False, {0: "2021年部门整体绩效目标"}),
    ("001.docx", 37, 0, False, {0: "项目\n\n编码", 1: "571-0101-YBN-NFOY", 3: "辐射环境监测工作经费"}),
    ("001.docx", 88, 2, False, {3: "全局网络通信稳定率", 4: "》95%"}),
    ("001.docx", 275, 12, False, {0: "预算规模及资金用途", 2: "1530.32", 4: "1530.32", 6: ""}),
    ("002.docx", 1, None, True, {0: "第一部分  焦作市生态环境局概况"}),
    ("002.docx", 2, None, False, {0: "（汇总）"}),
    ("002.docx", 47, 0, False, {0: "收入支出决算总表"}),
    ("002.docx", 53, 0, False, {0: "一、一般公共预算财政拨款收入", 1: "1", 2: "13,190.69", 5: "0.00"}),
    ("002.docx", 75, 0, False, {1: "23", 3: "二十三、其他支出", 4: "54", 5: "108.24"}),
    ("002.docx", 79, 0, False, {2: "13,202.51", 5: "9,853.45"}),
    ("002.docx", 97, 1, False, {0: "2050803", 1: "培训支出", 2: "8.25"}),
    ("002.docx", 363, 8, False, {8: "公开09表"}),
    ("002.docx", 453, 9, False, {0: "（  2020年度）"}),
    ("004.docx", 1, None, True, {0: "临汾市生态环境局"}),
    ("004.docx", 2, None, False, {0: "2024年度部门预算公开"}),
    ("004.docx", 63, 0, False, {0: "一、一般公共预算", 1: "5607.46", 2: "一、一般公共服务支出"}),
    ("004.docx", 73, 0, False, {2: "十一、节能环保支出", 3: "9685.17", 4: "4870.72", 5: "4814.46"}),
    ("004.docx", 527, 14, False, {0: "负责人:", 6: "20231031105036"}),
    ("004.docx", 1233, 35, False, {0: "项目资金（元）", 2: "76,000", 4: "70,000"}),
    ("002.xlsx", ("公开01表", 1), 0, False, {0: "收入支出决算总表", 1: ""}),
    ("002.xlsx", ("公开01表", 3), 0, False, {0: "部门：焦作市生态环境局（汇总）", 1: "", 2: "2020年度"}),
    ("002.xlsx", ("公开01表", 7), 0, False, {1: "1", 2: "13,190.69", 4: "32", 5: "0.00"}),
    ("002.xlsx", ("公开01表", 29), 0, False, {1: "23", 3: "二十三、其他支出", 5: "108.24"}),
    ("002.xlsx", ("公开01表", 33), 0, False, {2: "13,202.51", 5: "9,853.45"}),
    ("002.xlsx", ("公开02表", 12), 1, False, {0: "2050803", 1: "培训支出", 2: "8.25", 8: "0.00"}),
    ("002.xlsx", ("公开07表", 2), 6, False, {0: "预算代码：701", 11: "公开07表"}),
    ("004.xlsx", ("表一", 2), 0, False, {0: "部门名称：临汾市生态环境局", 4: "预算公开表1", 5: "单位：万元"}),
    ("004.xlsx", ("表一", 5), 0, False, {0: "一、一般公共预算", 1: "5607.46"}),
    ("004.xlsx", ("表一", 15), 0, False, {3: "9685.17", 4: "4870.72", 5: "4814.46"}),
    ("004.xlsx", ("表一", 36), 0, False, {0: "上年结转", 1: "4814.46"}),
    ("004.xlsx", ("表九", 7), 8, False, {0: "注：本表无数据", 1: ""}),
    ("000.pdf", (1, 1), None, True, {0: "附件3"}),
    ("000.pdf", (1, 4), 0, False, {1: "郑州市生态环境局机关"}),
    ("000.pdf", (3, 3), 2, False, {0: "预算情况", 3: "6157.57"}),
    ("000.pdf", (3, 6), 2, False, {1: "2、资金结构：（1）基本支出", 3: "717.59"}),
    ("000.pdf", (4, 8), 3, False, {0: "决算真实性", 2: "定性指标"}),
    ("001.pdf", (5, 4), 0, False, {0: "项目\n\n编码", 1: "571-0101-YBN-NFOY"}),
    ("001.pdf", (7, 13), 2, False, {3: "全局网络通信稳定率", 4: "》95%"}),
    ("001.pdf", (17, 3), 12, False, {2: "1530.32", 6: ""}),
    ("002.pdf", (5, 1), None, True, {0: "第二部分  2020年度部门决算表"}),  # no space before 年
    ("002.pdf", (5, 3), 0, False, {0: "", 5: "公开01表"}),
    ("002.pdf", (5, 8), 0, False, {0: "一、一般公共预算财政拨款收入", 2: "13,190.69", 4: "32"}),
    ("002.pdf", (5, 30), 0, False, {3: "二十三、其他支出", 5: "108.24"}),
    ("002.pdf", (26, 2), 16, False, {0: "年\n度\n绩\n效\n指\n标\n完\n成\n情\n况", 1: "一级指标"}),
    ("004.pdf", (5, 8), 0, False, {0: "一、一般公共预算", 1: "5607.46"}),
    ("004.pdf", (5, 18), 0, False, {3: "9685.17", 5: "4814.46"}),
    ("004.pdf", (102, 6), 94, False, {2: "76,000", 4: "70,000"}),
]


def _locate(name: str, where) -> dict:
    if name.endswith(".pdf"):
        return {"page": where[0], "line": where[1]}
    if name.endswith(".xlsx"):
        return {"sheet": where[0], "line": where[1]}
    return {"line": where}


@pytest.mark.parametrize(("name", "where", "grid", "heading", "cells"), FACTS)
def test_cells_at_known_places(name, where, grid, heading, cells):
    row = row_at(read(name), **_locate(name, where))
    assert (row.grid, row.heading) == (grid, heading)
    assert {index: row.cells[index].text for index in cells} == cells
    assert all((c.line, c.page) == (row.line, row.page) for c in row.cells)


def test_indent_of_item_names_kept():
    """项 names printed with two leading blanks keep them as indent in every format."""
    for name, where in (("002.docx", 97), ("002.xlsx", ("公开02表", 12))):
        assert row_at(read(name), **_locate(name, where)).cells[1].indent == 2


@pytest.mark.parametrize("key", ["000", "001", "002", "004"])
def test_word_tables_equal_text_tables(key):
    word = grids(read(f"{key}.docx"))
    text = grids(read(f"{key}.txt"))
    if key == "004":
        # Forms #17 and #18 are two Word tables; in the text only a blank line separates them, and
        # a blank line inside a layout-R table is page-break residue, so the text keeps one grid.
        word = [*word[:30], word[30] + word[31], *word[32:]]
    assert len(word) == len(text)
    for number, (word_rows, text_rows) in enumerate(zip(word, text, strict=True)):
        assert word_rows == text_rows, f"grid {number}"


@pytest.mark.parametrize("key", ["000", "001", "002", "004"])
def test_word_paragraphs_equal_text_paragraphs(key):
    word = [r.text for r in read(f"{key}.docx").rows if r.is_paragraph]
    text = [r.text for r in read(f"{key}.txt").rows if r.is_paragraph]
    assert word == text


@pytest.mark.slow
@pytest.mark.parametrize("key", ["000", "001", "002", "004"])
def test_pdf_paragraphs_equal_word_paragraphs(key):
    word = [(r.text, r.heading) for r in read(f"{key}.docx").rows if r.is_paragraph]
    pdf = [(r.text, r.heading) for r in read(f"{key}.pdf").rows if r.is_paragraph]
    assert pdf == word


@pytest.mark.slow
@pytest.mark.parametrize("key", ["000", "001", "002", "004"])
def test_pdf_table_rows_match_word_but_for_page_breaks(key):
    """Rows a page break cut in two, and two-paragraph labels in cells exactly one line wide
    (`满意度⏎指标` prints like a wrapped `满意度指标`), are the only differences allowed."""
    word = [tuple(r.texts) for r in read(f"{key}.docx").rows if r.grid is not None]
    pdf = [tuple(r.texts) for r in read(f"{key}.pdf").rows if r.grid is not None]
    same_rows = sum(
        block.size for block in SequenceMatcher(None, word, pdf, autojunk=False).get_matching_blocks()
    )
    assert same_rows >= 0.95 * len(word)
    word_cells = [c for row in word for c in row]
    pdf_cells = [c for row in pdf for c in row]
    matcher = SequenceMatcher(None, word_cells, pdf_cells, autojunk=False)
    same_cells = sum(block.size for block in matcher.get_matching_blocks())
    assert same_cells >= 0.99 * len(word_cells)
