"""An empty total cell is no printed figure: its parts alone set the rounding tolerance."""

from __future__ import annotations

from pathlib import Path

from perfbudget.check import run_checks
from perfbudget.pipeline import load_document


def test_an_empty_section_over_a_filled_item_is_an_error(tmp_path: Path) -> None:
    text = (
        "2025年部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\n"
        "\t合计\t0.50\n201\t一般公共服务支出\t0.50\n20101\t人大事务\t\n2010101\t行政运行\t0.50\n"
    )
    path = tmp_path / "empty.txt"
    path.write_text(text, encoding="utf-8")
    found = [f for f in run_checks(load_document(path)) if f.rule == "budget.class-sum"]
    # 20101 printed empty over its 0.50 (and so 201 over an empty 20101): errors, not rounding
    assert {(f.severity, str(f.tolerance)) for f in found} == {("error", "0.01")}
    assert any("人大事务" in f.message and f.actual is None for f in found)
