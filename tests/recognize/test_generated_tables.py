"""Generated 支出总表 of many shapes: figures that add up give no error, one wrong figure gives one.

Each table is drawn from the national classification (real 类/款/项 codes and names), with random
amounts that add up, and printed in a random way: a row per line or a cell per line, 合计 on top
or at the bottom, codes in one column or as 类 | 款 | 项 columns, amounts with or without
thousands separators, zeros printed or left empty. The checks must not see an error in any of them, and must see the one
figure a test changes.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfbudget.check import run_checks
from perfbudget.pipeline import load_document
from perfbudget.reference import functional

CENT = Decimal("0.01")


def _items_under(code: str) -> list:
    return [s for s in functional.children(code)]


@st.composite
def spending(draw) -> list[tuple[str, str, Decimal, Decimal]]:
    """(code, name, basic, project) for the 类, 款 and 项 of a few classes, sums included."""
    classes = [c for c in functional.classes() if any(_items_under(k.code) for k in _items_under(c.code))]
    chosen = draw(st.lists(st.sampled_from(classes), min_size=1, max_size=3, unique_by=lambda c: c.code))
    rows = []
    for cls in sorted(chosen, key=lambda c: c.code):
        sections = [k for k in _items_under(cls.code) if _items_under(k.code)]
        picked = draw(st.lists(st.sampled_from(sections), min_size=1, max_size=2, unique_by=lambda k: k.code))
        class_rows, class_sum = [], [Decimal(0), Decimal(0)]
        for section in sorted(picked, key=lambda k: k.code):
            items = draw(
                st.lists(
                    st.sampled_from(_items_under(section.code)),
                    min_size=1,
                    max_size=3,
                    unique_by=lambda i: i.code,
                )
            )
            item_rows, section_sum = [], [Decimal(0), Decimal(0)]
            for item in sorted(items, key=lambda i: i.code):
                basic = Decimal(draw(st.integers(0, 500000))) * CENT
                project = Decimal(draw(st.integers(0, 500000))) * CENT
                item_rows.append((item.code, item.name, basic, project))
                section_sum = [section_sum[0] + basic, section_sum[1] + project]
            class_rows.append((section.code, section.name, *section_sum))
            class_rows.extend(item_rows)
            class_sum = [class_sum[0] + section_sum[0], class_sum[1] + section_sum[1]]
        rows.append((cls.code, cls.name, *class_sum))
        rows.extend(class_rows)
    return rows


def printed(amount: Decimal, separators: bool) -> str:
    return f"{amount:,.2f}" if separators else f"{amount:.2f}"


def document_text(
    rows, *, cells_per_line: bool, total_last: bool, split_codes: bool, separators: bool, zeros: bool
) -> str:
    basic = sum((r[2] for r in rows if len(r[0]) == 3), Decimal(0))
    project = sum((r[3] for r in rows if len(r[0]) == 3), Decimal(0))
    total_row = ["合计", basic + project, basic, project]
    header = (["类", "款", "项"] if split_codes else ["科目编码"]) + [
        "科目名称",
        "合计",
        "基本支出",
        "项目支出",
    ]
    body = []
    for code, name, b, p in rows:
        codes = [code[:3], code[3:5], code[5:7]] if split_codes else [code]
        body.append([*codes, name, *(printed(v, separators) if v or zeros else "" for v in (b + p, b, p))])
    blank = [""] * (3 if split_codes else 1)
    total = [*blank, total_row[0], *(printed(v, separators) for v in total_row[1:])]
    table = [header, *([*body, total] if total_last else [total, *body])]
    head = "青川市生态环境局2025年部门支出总表\n单位：万元\n"
    if cells_per_line:
        return head + "\n" + "".join("".join(f"\t{c}\n" for c in row) + "\n" for row in table)
    return head + "\n".join("\t".join(row) for row in table) + "\n"


LAYOUT = st.fixed_dictionaries(
    {
        "cells_per_line": st.booleans(),
        "total_last": st.booleans(),
        "split_codes": st.booleans(),
        "separators": st.booleans(),
        "zeros": st.booleans(),  # a zero printed as 0.00, or left empty
    }
)
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _errors(tmp_path: Path, text: str, kind: str = "expenditure") -> list:
    """The errors in ``text``, read as one table of ``kind``."""
    path = tmp_path / "generated.txt"
    path.write_text(text, encoding="utf-8")
    document = load_document(path)
    assert [t.kind for t in document.tables] == [kind]
    return [f for f in run_checks(document) if f.severity == "error"]


@SETTINGS
@given(rows=spending(), layout=LAYOUT)
def test_figures_that_add_up_give_no_error(tmp_path, rows, layout) -> None:
    assert _errors(tmp_path, document_text(rows, **layout)) == []


@SETTINGS
@given(rows=spending(), layout=LAYOUT, data=st.data())
def test_one_wrong_item_is_found(tmp_path, rows, layout, data) -> None:
    items = [i for i, r in enumerate(rows) if len(r[0]) == 7]
    index = data.draw(st.sampled_from(items))
    code, name, basic, project = rows[index]
    wrong = [*rows[:index], (code, name, basic + Decimal("1.00"), project), *rows[index + 1 :]]
    found = _errors(tmp_path, document_text(wrong, **layout))
    assert found, "a 项 one 万元 off its 款 must be an error"
    assert {f.rule for f in found} <= {"budget.class-sum", "budget.total-sum"}
    assert any(c.role == "part" and c.row_label == name for f in found for c in f.cells)  # it is cited


# ------------------------------------------------------------------ project lists

PROJECTS_KIND = "project_expenditure"
UNITS = ["青川市生态环境局机关", "青川市环境监测站", "青川市固体废物管理中心", "青川市环境科学研究所"]
PROJECTS = [
    "大气污染防治",
    "水污染防治专项经费",
    "乡镇空气自动监测站",  # a project that bears a body's name
    "环境执法能力建设",
    "生态环境宣传教育中心",  # likewise
    "土壤污染状况调查",
    "危险废物处置运维经费",
]


@st.composite
def project_list(draw) -> list[tuple[str, list[tuple[str, Decimal]]]]:
    units = draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True))
    listed = []
    for unit in units:
        names = draw(st.lists(st.sampled_from(PROJECTS), min_size=1, max_size=4, unique=True))
        listed.append((unit, [(n, Decimal(draw(st.integers(1, 900000))) * CENT) for n in names]))
    return listed


def project_text(listed, *, twice: bool, total_row: bool) -> str:
    lines = ["青川市生态环境局2025年项目支出表", "单位：万元", "项目名称\t金额"]
    total = sum((a for _, projects in listed for _, a in projects), Decimal(0))
    lines.append(f"{'合计' if total_row else '青川市生态环境局'}\t{total:.2f}")
    for unit, projects in listed:
        amount = sum((a for _, a in projects), Decimal(0))
        lines += [f"{unit}\t{amount:.2f}"] * (2 if twice else 1)  # a unit printed twice or once
        lines += [f"{name}\t{a:.2f}" for name, a in projects]
    return "\n".join(lines) + "\n"


@SETTINGS
@given(listed=project_list(), twice=st.booleans(), total_row=st.booleans())
def test_project_lists_that_add_up_give_no_error(tmp_path, listed, twice, total_row) -> None:
    assert _errors(tmp_path, project_text(listed, twice=twice, total_row=total_row), PROJECTS_KIND) == []


@SETTINGS
@given(listed=project_list(), twice=st.booleans(), total_row=st.booleans(), data=st.data())
def test_one_wrong_project_is_found(tmp_path, listed, twice, total_row, data) -> None:
    unit_index = data.draw(st.integers(0, len(listed) - 1))
    _, projects = listed[unit_index]
    name, amount = projects[0]
    text = project_text(listed, twice=twice, total_row=total_row)
    wrong = text.replace(f"\n{name}\t{amount:.2f}\n", f"\n{name}\t{amount + 1:.2f}\n", 1)
    assert wrong != text
    assert _errors(tmp_path, wrong, PROJECTS_KIND)
