"""Store fixtures: a document built in code, small text files, and a toy recognizer.

The toy recognizer turns every tab-separated block into a generic table, so import tests store
real tables and rows whatever the project's recognizer does today.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from perfbudget import model as core
from perfbudget.read import RawDocument, read_file
from perfbudget.store import importer

DEPARTMENT = "青川市生态环境局"


@pytest.fixture
def budget_doc() -> core.Document:
    """青川市生态环境局 2025 budget: one table with a total, parts, an empty and a zero cell."""
    source = core.SourceFile(
        path="docs/青川市生态环境局2025年部门预算.txt",
        name="青川市生态环境局2025年部门预算.txt",
        sha256="ab" * 32,
        size=2048,
        format="text",
        encoding="utf-8",
    )
    columns = [
        core.Column(key="c1", header=["本年预算"]),
        core.Column(key="c2", header=["上年预算"]),
        core.Column(key="c3", header=["备注"], measure=False),
    ]

    def cells(line: int, *texts: str) -> dict[str, core.Cell]:
        return {
            f"c{i}": core.Cell(text=text, value=_decimal(text), line=line)
            for i, text in enumerate(texts, start=1)
        }

    rows = [
        core.Row(
            label="合计", role=core.RowRole.TOTAL, level=0, line=8, cells=cells(8, "1250.50", "1180.00", "")
        ),
        core.Row(
            label="环境保护支出",
            code="211",
            code_system="functional",
            level=1,
            role=core.RowRole.GROUP,
            line=9,
            cells=cells(9, "1250.50", "1180.00", ""),
        ),
        core.Row(
            label="一般公共服务支出",
            code="201",
            code_system="functional",
            code_inferred=True,
            level=1,
            line=10,
            cells=cells(10, "", "0.00", "本年无"),
        ),
        core.Row(
            label="污染防治",
            code="21103",
            level=2,
            line=11,
            cells=cells(11, "0.0001", "-12345678901.123456", ""),
        ),
    ]
    table = core.Table(
        id="t1",
        kind="expenditure_summary",
        kind_name="支出总表",
        title="青川市生态环境局2025年支出总表",
        label="公开02表",
        unit="万元",
        columns=columns,
        header_rows=[["项目", "本年预算", "上年预算", "备注"]],
        rows=rows,
        notes=["注：本表不含上年结转。"],
        line=6,
    )
    empty = core.Table(
        id="t2", kind="state_fund", kind_name="政府性基金预算支出表", title="政府性基金", declared_empty=True
    )
    unplaced = core.Finding(
        rule="read.unplaced", severity=core.Severity.WARNING, message="第14行无法归入任何表格"
    )
    return core.Document(
        source=source,
        family="budget_disclosure",
        department=DEPARTMENT,
        fiscal_year=2025,
        stage="预算",
        money_unit="万元",
        tables=[table, empty],
        findings=[unplaced],
    )


@pytest.fixture
def budget_finding(budget_doc: core.Document) -> core.Finding:
    """A check finding citing two cells of the budget table, with figures finer than 6 places."""
    doc = budget_doc
    table = doc.table("t1")
    total, part = table.rows[0], table.rows[1]
    return core.Finding(
        rule="sum.rows",
        severity=core.Severity.ERROR,
        message="合计不等于各项之和",
        cells=[
            core.CitedCell(
                ref=doc.ref(table, total, "c1"), text="1250.50", value=Decimal("1250.50"), role="total"
            ),
            core.CitedCell(
                ref=doc.ref(table, part, "c1"), text="1250.50", value=Decimal("1250.50"), role="part"
            ),
        ],
        expected=Decimal("1250.5001"),
        actual=Decimal("1250.50"),
        difference=Decimal("-0.0001"),
        tolerance=Decimal("0.00000001"),  # finer than the numeric column keeps: exact in figures
    )


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "")) if text else None
    except InvalidOperation:
        return None


def budget_text(department: str = DEPARTMENT, year: int = 2025, total: str = "1250.50") -> str:
    return (
        f"{department}{year}年部门预算\n"
        "一、部门职责\n"
        "负责全市生态环境保护和污染防治工作。\n"
        "收入支出预算总表\n"
        "单位：万元\n"
        "项目\t本年预算\t上年预算\n"
        f"合计\t{total}\t1180.00\n"
        f"一般公共预算拨款\t{total}\t\n"
        "其他收入\t0.00\t0\n"
    )


@pytest.fixture
def write_budget(tmp_path: Path):
    def write(name: str, **kwargs) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(budget_text(**kwargs), encoding="utf-8")
        return path

    return write


def toy_recognize(raw: RawDocument) -> core.Document:
    """Every run of table lines → a generic table: first line headers, first column labels."""
    grids: dict[int, list] = {}
    department = year = None
    for row in raw.rows:
        if row.grid is not None:
            grids.setdefault(row.grid, []).append(row)
        elif department is None and (m := re.match(r"(.+?)(\d{4})年", row.text)):
            department, year = m.group(1), int(m.group(2))
    tables = []
    for number, (_, rows) in enumerate(sorted(grids.items()), start=1):
        header, body = rows[0], rows[1:]
        keys = [f"c{i}" for i in range(1, len(header.cells))]
        tables.append(
            core.Table(
                id=f"t{number}",
                kind="generic",
                kind_name="表格",
                title=header.text,
                columns=[
                    core.Column(key=k, header=[c.text]) for k, c in zip(keys, header.cells[1:], strict=True)
                ],
                header_rows=[header.texts],
                rows=[
                    core.Row(
                        label=r.cells[0].text,
                        line=r.line,
                        cells={
                            k: core.Cell(text=c.text, value=_decimal(c.text), line=c.line)
                            for k, c in zip(keys, r.cells[1:], strict=False)
                        },
                    )
                    for r in body
                ],
                line=header.line,
            )
        )
    return core.Document(source=raw.source, department=department, fiscal_year=year, tables=tables)


@pytest.fixture
def toy_recognizer(monkeypatch: pytest.MonkeyPatch) -> None:
    def load(path, data=None, display_path=None):
        return toy_recognize(read_file(path, data=data, display_path=display_path))

    monkeypatch.setattr(importer, "load_document", load)
