"""Every classification code and name printed in the seed disclosures resolves in the reference data.

The seeds are read at test time from ``../shared/seeds`` (relative to the project root); nothing of
their text is stored in the project. The module is skipped when the seeds are not there.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from perfbudget.reference import (
    System,
    check_name,
    economic,
    functional,
    get_classification,
    government_economic,
    parse_path,
    system_for_code,
)

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

if not SEEDS.is_dir():
    pytest.skip(f"seed documents not found at {SEEDS}", allow_module_level=True)


def _lines(prefix: str) -> list[str]:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8").split("\n")


def coded_rows_004() -> set[tuple[str, str]]:
    """Layout R: ``<code><TAB><name><TAB>…``."""
    rows = set()
    for line in _lines("004"):
        m = re.match(r"^(\d{3}|\d{5}|\d{7})\t([^\t]+)", line)
        if m:
            rows.add((m.group(1), m.group(2).strip()))
    return rows


def coded_rows_002() -> set[tuple[str, str]]:
    """Layout C: a line ``\\t<code>`` followed by the line ``\\t<name>``."""
    lines = _lines("002")
    rows = set()
    for a, b in itertools.pairwise(lines):
        m = re.fullmatch(r"\t(\d{3}|\d{5}|\d{7})\s*", a)
        if m and b.startswith("\t") and not re.fullmatch(r"[\d.,\s]*", b):
            rows.add((m.group(1), b.strip()))
    return rows


SEED_ROWS = sorted(coded_rows_004() | coded_rows_002())


def test_seed_rows_were_found():
    systems = {system_for_code(code) for code, _ in SEED_ROWS}
    assert systems == {System.FUNCTIONAL, System.ECONOMIC, System.REVENUE}
    assert len([1 for code, _ in SEED_ROWS if system_for_code(code) is System.FUNCTIONAL]) >= 60


@pytest.mark.parametrize(("code", "name"), SEED_ROWS)
def test_printed_code_resolves_and_name_matches(code, name):
    system = system_for_code(code)
    result = check_name(system, code, name)
    assert result.status.value == "match", result.message


def test_seed_codes_recorded_as_seed_evidence():
    for code, _ in SEED_ROWS:
        subject = get_classification(system_for_code(code)).get(code)
        assert subject.evidence == "seed", subject


def class_rows() -> list[str]:
    """The expenditure side of the summary tables: ``N、<class name>`` cells."""
    names = []
    for prefix in ("002", "004"):
        for line in _lines(prefix):
            for cell in line.split("\t"):
                cell = cell.strip()
                if re.match(r"^[一二三四五六七八九十]+、.*(支出|预备费)$", cell):
                    names.append(cell)
    return sorted(set(names))


def test_class_rows_found():
    rows = class_rows()
    assert len(rows) >= 30
    assert "十五、资源勘探工业信息支出" in rows and "十五、资源勘探工业信息等支出" in rows


@pytest.mark.parametrize("printed", class_rows())
def test_every_printed_class_resolves(printed):
    assert functional.class_by_name(printed) is not None, printed


def prose_paths() -> list[str]:
    """002 情况说明 items of the form ``N．<类>（类）<款>（款）<项>（项）。…``."""
    return sorted(
        {
            m.group(0)
            for line in _lines("002")
            if (m := re.match(r"^\d+[．.][^。]*?（类）[^。]*?（项）", line))
        }
    )


def test_prose_paths_resolve():
    paths = prose_paths()
    assert len(paths) >= 20
    not_strict = []
    for text in paths:
        subject = functional.resolve_path(text)
        assert subject is not None and subject.level == 3, text
        names = parse_path(text)
        assert check_name("functional", subject.code, names[-1]).ok, text
        if functional.resolve_path(text, strict=True) is None:
            not_strict.append(names)
    # the prose abbreviates one 款 name (行政事业单位养老): only the lenient walk resolves those
    assert all(names[1] == "行政事业单位养老" for names in not_strict)


def basic_expenditure_pairs_004() -> list[tuple[str, str]]:
    """004 表六: (部门经济科目, 政府经济科目) name pairs; category rows have an empty second cell."""
    lines = _lines("004")
    start = next(i for i, line in enumerate(lines) if line.startswith("部门预算支出经济科目名称"))
    pairs = []
    for line in lines[start + 2 :]:
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) < 3 or not re.match(r"^[\d.]*$", cells[2].strip()):
            break
        if cells[0].strip() != "合计":
            pairs.append((cells[0].strip(), cells[1].strip()))
    return pairs


def test_basic_expenditure_names_resolve():
    pairs = basic_expenditure_pairs_004()
    assert len(pairs) >= 40
    category = None
    for dept, gov in pairs:
        if not gov:
            category = economic.by_name(dept, level=1)
            assert category is not None, dept
            continue
        assert category is not None
        dept_subject = economic.by_name(dept, under=category.code)
        assert dept_subject is not None, dept
        assert government_economic.find_by_name(gov), gov
        # the 部门 科目 and the 政府 科目 agree on 人员/公用 where both say
        kinds = {s.expense_kind for s in government_economic.find_by_name(gov)} - {None}
        if dept_subject.expense_kind and len(kinds) == 1:
            assert kinds == {dept_subject.expense_kind}, (dept, gov)


def test_economic_06_table_codes_match():
    economic_rows = [(c, n) for c, n in SEED_ROWS if system_for_code(c) is System.ECONOMIC]
    assert len(economic_rows) >= 75
    for code, name in economic_rows:
        assert economic.get(code).name == name or check_name("economic", code, name).ok
