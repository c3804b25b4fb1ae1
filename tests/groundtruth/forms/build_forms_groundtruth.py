"""Build the labelled ground truth of the project performance forms in seeds 001 and 004.

This is an *independent* reading of the seed text, made to label a sample against which perfbudget's
form recognizers are measured (``benchmarks/forms_accuracy.py``). It deliberately does **not** import
perfbudget: it reads the physical lines of the two seed files itself, with simple positional rules and
an explicit table of per-line readings for the rows a person has to look at (``OVERRIDES_004``), and it
asserts the landmarks it relies on, so that a change in the seed text fails loudly instead of producing
a silently wrong label. Every override was checked by eye against the seed line it names.

What is labelled
----------------
Every 项目绩效目标表 of 001 (13) and every 项目支出绩效目标(申报)表 of 004 (22), in document order:

* form fields: ``name``, ``code`` (001), ``department`` and ``department_code`` (004, split from
  ``211-…``), ``implementing_unit``, ``attribute_kind`` (经常性/一次性), ``term`` (``99年``/``1年``),
  ``money_unit`` (004: ``元`` from ``项目资金（元）``), ``goals`` (their number), funding per period
  (``total``, ``central``, ``provincial``, ``local``, ``self_raised``, ``other``; 001: ``total``,
  ``fiscal``, ``other`` with period ``null``), and the 001 spending plan (3/6/10/12月底; ``null`` = empty);
  amounts as the printed number without thousands separators, ``null`` for an empty cell.
* one record per indicator: ``line`` (the physical line of the row), ``period`` (004: ``实施期`` for the
  left half, ``年度`` for the right half; 001: ``null``), ``level1``, ``level2`` (whitespace removed),
  ``level3`` (as printed, or ``null``), ``target_raw`` (as printed, or ``null``), the parsed target
  ``op``/``number``/``unit`` (``null`` when qualitative or empty), ``not_applicable`` and, for 001,
  ``basis`` and ``description_sha1`` (first 12 hex digits of the SHA-1 of the description with all
  whitespace removed: the long 绩效指标描述 texts are not copied here).

Judgements made
---------------
* Labels: the level-1 and level-2 cells are merged in print. A blank cell takes the label above; a
  level-2 name implies its level-1 group (数量/质量/时效/成本 → 产出指标; 经济/社会/生态效益,
  可持续(性)影响/发展 → 效益指标 in 004 and 效果指标 in 001; 服务对象满意度(指标) → 满意度指标), so a
  group whose level-1 label is printed after its rows (004 form 7) or not at all (004 form 6) gets it
  from its level-2 name, and a printed level-1 label that contradicts its level-2 name (004 form 13
  ``效益指标→时效指标``, ``满意度指标→经济效益指标→社会效益指标``) is replaced by the implied one.
  ``成本指标`` printed twice in a row (``成本指标→成本指标``) is level 1 and level 2 at once; printed
  once it is the level-2 group (under 产出指标).
* A row that prints only group labels heads the rows below it; if the next row starts another group
  it stands for a group with no indicator and is labelled as one ``not_applicable`` indicator (no
  level-3 name, no value). 001 rows such as ``此项目无经济效益`` with no value are ``not_applicable``.
* 004: both halves of a row are labelled; the 年度 half prints no level-1 column and takes the row's
  level-1 group. An orphan row before the first label (form 2 ``运维年限``) belongs to the group printed
  after it.
* Targets: the unit is what follows the number in the cell (``≥10000辆`` → 辆); text with a further
  digit after the number is a date or a phrase, not number + unit (``2024年9月前`` is qualitative);
  001 ``《``/``》`` at the start of a value are ≤/≥ and ``=`` is equality.

Run: ``.venv/bin/python tests/groundtruth/forms/build_forms_groundtruth.py`` (writes ``001.json`` and
``004.json`` next to this script; ``--check`` only verifies that the files are up to date).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[2].parent / "shared" / "seeds"
FILES = {"001": "001_95ede21d7572d968.txt", "004": "004_3dbcf6bf71888e95.txt"}

OUTPUT = ("数量指标", "质量指标", "时效指标", "成本指标")
BENEFIT = (
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "可持续性影响指标",
    "可持续性影响",
    "可持续发展指标",
)
SATISFACTION = ("服务对象满意度指标", "服务对象满意度")
LEVEL1 = ("产出指标", "效益指标", "效果指标", "满意度指标")
HEADER = {"一级指标", "二级指标", "三级指标", "指标值", "绩效指标", "绩效", "^指标", "指标"}
TARGET = re.compile(r"^(>=|<=|≥|≤|>|<|=|》|《)?(\d+(?:\.\d+)?)(.*)$")
OPS = {">=": "≥", "<=": "≤", "》": "≥", "《": "≤"}


def squash(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def clean(text: str) -> str:
    text = re.sub(r"</?(?:p|b|sub|sup)>", "", text).replace("**", "")
    return text.strip(" \u3000\t\r\n")


def target(raw: str | None) -> dict:
    if not raw:
        return {"op": None, "number": None, "unit": None}
    match = TARGET.match(raw.replace(" ", ""))
    if not match:
        return {"op": None, "number": None, "unit": None}
    op, number, unit = match.groups()
    if (
        len(unit) > 10
        or re.search(r"[，,。；：]", unit)
        or (re.search(r"\d", unit) and not re.search(r"[A-Za-z]", unit))
    ):
        return {"op": None, "number": None, "unit": None}  # not a unit (a date such as 2024年9月前)
    return {"op": OPS.get(op, op) if op else None, "number": number, "unit": unit or None}


def parent(level2: str, benefit_parent: str) -> str | None:
    if level2 in OUTPUT:
        return "产出指标"
    if level2 in BENEFIT:
        return benefit_parent
    if level2 in SATISFACTION or level2 == "满意度指标":
        return "满意度指标"
    return None


def indicator(line: int, period: str | None, level1, level2, level3, raw, **extra) -> dict:
    record = {
        "line": line,
        "period": period,
        "level1": level1,
        "level2": level2,
        "level3": level3 or None,
        "target_raw": raw or None,
        **target(raw),
    }
    record["not_applicable"] = not raw and (not level3 or level3.startswith(("此项目无", "本项目无")))
    record.update(extra)
    return record


def amount(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.replace(",", "").strip()
    return text if re.fullmatch(r"-?\d+(?:\.\d+)?", text) else None


# -- 001: layout C ------------------------------------------------------------------------------


def rows_layout_c(lines: list[str]) -> list[dict]:
    """Rows of cells (text, line); paragraphs as ``{"para": text}``. A TAB-less line continues the cell
    above it, also after one blank line (the cell's empty paragraph)."""
    rows: list[dict] = []
    current = None
    blanks = 0
    for number, line in enumerate(lines, start=1):
        if not line.startswith("\t") and not line.strip(" \u3000\t"):
            blanks += 1
            if blanks >= 2:
                current = None
            continue
        if line.startswith("\t"):
            if current is None or blanks >= 1:
                current = {"line": number, "cells": []}
                rows.append(current)
            current["cells"].append([line[1:], number])
        elif current is not None and blanks <= 1:
            current["cells"][-1][0] += line
        else:
            rows.append({"para": line.strip(), "line": number})
            current = None
        blanks = 0
    return rows


def build_001() -> dict:
    lines = (SEEDS / FILES["001"]).read_text(encoding="utf-8").split("\n")
    rows = rows_layout_c(lines)
    forms: list[dict] = []
    form = None
    in_indicators = plan_next = False
    level1 = None
    for row in rows:
        if "para" in row:
            match = re.match(r"^\d+\.\s+(.+)项目绩效目标表$", row["para"])
            if match:
                form = {
                    "line": row["line"],
                    "name": None,
                    "code": None,
                    "money_unit": "万元",
                    "goals": 0,
                    "funding": [],
                    "spending_plan": None,
                    "indicators": [],
                }
                forms.append(form)
                in_indicators, level1 = False, None
            continue
        if form is None:
            continue
        cells = [(clean(t), n) for t, n in row["cells"]]
        first = squash(cells[0][0])
        texts = [t for t, _ in cells]
        if first == "项目编码":
            form["code"], form["name"] = texts[1], texts[3]
        elif first == "预算规模及资金用途":
            assert squash(texts[1]) == "预算数" and "财政资金" in texts[3] and texts[5] == "其他资金", row
            form["funding"].append(
                {
                    "period": None,
                    "total": amount(texts[2]),
                    "fiscal": amount(texts[4]),
                    "other": amount(texts[6]),
                }
            )
        elif first == "资金支出计划（%）":
            assert [squash(t) for t in texts[1:]] == ["3月底", "6月底", "10月底", "12月底"], row
            plan_next = True
        elif first == "" and len(cells) == 5 and plan_next:
            form["spending_plan"] = [amount(t) for t in texts[1:]]
            plan_next = False
        elif first == "绩效目标" or (first == "" and len(cells) == 3 and texts[1].startswith("目标")):
            form["goals"] += 1
        elif first == "一级指标":
            assert [squash(t) for t in texts] == [
                "一级指标",
                "二级指标",
                "三级指标",
                "绩效指标描述",
                "指标值",
                "指标值确定依据",
            ], row
            in_indicators = True
        elif in_indicators:
            if not any(texts):
                continue  # residue of the two-row header
            assert len(cells) == 6, row
            level1 = squash(texts[0]) or level1
            description = squash(texts[3])
            form["indicators"].append(
                indicator(
                    row["line"],
                    None,
                    level1,
                    squash(texts[1]),
                    texts[2],
                    texts[4],
                    basis=texts[5] or None,
                    description_sha1=hashlib.sha1(description.encode()).hexdigest()[:12]
                    if description
                    else None,
                )
            )
    assert len(forms) == 13, len(forms)
    return {"seed": "001", "file": FILES["001"], "forms": forms}


# -- 004: layout R ------------------------------------------------------------------------------

# Rows a person reads differently from the plain pattern ``[L1] [L2] name value [L2] name value``:
# line → ((left labels, name, value), (right labels, name, value)); ``None`` = no such half.
OVERRIDES_004: dict[int, tuple] = {
    # form 4: 年度 half of the 满意度 row lost its value
    776: (
        (("满意度指标", "服务对象满意度指标"), "群众满意度调查", "良好"),
        (("服务对象满意度指标",), "群众满意度调查", None),
    ),
    # form 13: the halves list the same two items in a different order
    1116: ((("产出指标", "数量指标"), "硬件运维数量", "≥45个"), (("数量指标",), "软件运维次数", "1套")),
    1117: (((), "软件运维次数", "1套"), ((), "硬件运维数量", "≥45个")),
    # form 11: order differs between the halves
    1044: (((), "直燃机年维修维护次数", "≥3次"), ((), "直燃机运行天数", "≥180天")),
    1045: (((), "直燃机运行天数", "≥180天"), ((), "直燃机年维修维护次数", "≥3次")),
    1048: ((("成本指标",), "天然气单价", "≤3.91元"), (("成本指标",), "直燃机燃料费", "≥300000元")),
    1050: (((), "直燃机燃料费", "≥300000元"), ((), "天然气单价", "≤3.91元")),
    # form 13: a label row fused with the next group's labels (经济效益指标 has no indicator)
    1124: (
        (("满意度指标", "社会效益指标"), "公共服或工作效率提升度", "提升提升"),
        (("社会效益指标",), "公共服或工作效率提升度", "提升提升"),
    ),
    # form 15: 服务对象满意度 is the level-3 name here (its value follows it)
    1198: (((), "服务对象满意度", "满意"), ((), "服务对象满意度", "满意")),
    # form 18: 年度 half lost its value
    1307: (
        (("时效指标",), "办公设备投入使用时间", "2024年9月前"),
        (("时效指标",), "办公设备投入使用时间", None),
    ),
    # form 20: name and value glued in one cell in the 年度 half
    1395: (
        (("社会效益指标",), "提升培训人员职业能力", "提升"),
        (("社会效益指标",), "提升培训人员职业能力", "提升"),
    ),
    # form 22: truncated names in the 年度 half
    1464: (
        (("产出指标", "数量指标"), "全年环保督查检查次数", "≥36次"),
        (("数量指标",), "全年环保督查检查", "≥36次"),
    ),
    1465: ((("质量指标",), "环保督查整改完成率", "≥95%"), (("质量指标",), "环保督查整改完成", "≥95%")),
    1469: ((("社会效益指标",), "改善生态环境质量", "提升"), (("社会效益指标",), "改善生态环境质", "提升")),
}
# the label-only row 1125 (生态效益指标 ×8) stands for the 生态效益 group; 1124's printed 满意度指标 is
# replaced by 效益指标 (see the judgements above).
LABELS_004 = set(LEVEL1) | set(OUTPUT) | set(BENEFIT) | set(SATISFACTION)


def build_004() -> dict:
    lines = (SEEDS / FILES["004"]).read_text(encoding="utf-8").split("\n")
    forms: list[dict] = []
    form = None
    phase = None
    for number, line in enumerate(lines, start=1):
        text = clean(line.lstrip("#").strip()) if "\t" not in line else ""
        if "\t" not in line:
            if re.search(r"项目支出绩效目标(?:申报)?表$", text):
                if form is not None and "_rows" in form:
                    _close(form)
                form = _new_form(number)
                forms.append(form)
                phase = "head"
            continue
        if form is None:
            continue
        cells = [clean(c) for c in line.split("\t")]
        filled = [c for c in cells if c]
        if not filled or set(cells) <= {"", "------", "--"} or all(set(c) <= {"-"} for c in filled):
            continue
        first = squash(filled[0])
        if first == "项目名称" and form["name"] is not None:
            if "_rows" in form:
                _close(form)  # form 17 has a footer, form 18 none
            form = _new_form(number)  # form 18: no title
            forms.append(form)
            phase = "head"
        if first.startswith(("负责人", "经办人")):
            _close(form)
            phase = "done"
            continue
        if phase == "done":
            continue
        if phase == "indicators":
            form["_rows"].append((number, filled))
            continue
        if first == "项目名称":
            form["name"] = filled[1]
        elif first.startswith("主管部门"):
            code, name = re.match(r"^(\d+)-(.+)$", filled[1]).groups()
            form["department_code"], form["department"] = code, name
            form["implementing_unit"] = filled[filled.index("实施单位") + 1]
        elif first == "项目属性":
            form["attribute_kind"] = "经常性" if "经常性" in filled[1] else "一次性"
            if "项目期" in filled and filled.index("项目期") + 1 < len(filled):
                form["term"] = filled[filled.index("项目期") + 1]
        elif len(filled) == 1 and re.fullmatch(r"\d+年", filled[0]):
            form["term"] = filled[0]
        elif first.startswith("项目资金"):
            form["money_unit"] = re.search(r"[（(](万?元)[)）]", filled[0]).group(1)
            values = _pairs(filled[1:])
            assert [k for k, _ in values] == ["实施期资金总额", "年度资金总额"], (number, values)
            form["funding"][0]["total"], form["funding"][1]["total"] = values[0][1], values[1][1]
            phase = "money"
        elif phase == "money" and _source(first):
            values = _pairs(filled)
            assert len(values) == 2, (number, values)
            for funding, (label, value) in zip(form["funding"], values, strict=True):
                funding[_source(label)] = value
        elif first in (
            "项目概况",
            "立项依据",
            "项目设立必要性",
            "保证项目实施的制度、措施",
            "项目实施计划",
            "项目实施的制度、措施",
        ):
            phase = "text"
        elif first == "实施期目标":
            phase = "goals"
        elif phase == "goals" and not (set(squash(c) for c in filled) & (HEADER | LABELS_004)):
            form["goals"] += len(filled) - (1 if first == "总体目标" else 0)
        elif phase in ("goals", "text") and set(squash(c) for c in filled) & (HEADER | LABELS_004):
            phase = "indicators"
            form["_rows"].append((number, filled))
    if form is not None and "_rows" in form:
        _close(form)
    assert len(forms) == 22, len(forms)
    return {"seed": "004", "file": FILES["004"], "forms": forms}


def _new_form(line: int) -> dict:
    return {
        "line": line,
        "name": None,
        "department": None,
        "department_code": None,
        "implementing_unit": None,
        "attribute_kind": None,
        "term": None,
        "money_unit": None,
        "goals": 0,
        "funding": [{"period": "实施期"}, {"period": "年度"}],
        "indicators": [],
        "_rows": [],
    }


def _source(label: str) -> str | None:
    label = squash(label).removeprefix("其中：").removeprefix("其中:")
    for word, name in (
        ("中央", "central"),
        ("省级", "provincial"),
        ("市县", "local"),
        ("单位自筹", "self_raised"),
        ("其他资金", "other"),
    ):
        if label.startswith(word):
            return name
    return None


def _pairs(cells: list[str]) -> list[tuple[str, str | None]]:
    """``label | value | label | value`` with labels glued to values or values missing."""
    pairs: list[tuple[str, str | None]] = []
    for cell in cells:
        glued = re.match(r"^(\D+?)[：:]?\s*([\d,]+)$", cell)
        if glued and not amount(cell):
            pairs.append((squash(glued.group(1)).rstrip("：:"), amount(glued.group(2))))
        elif amount(cell) is not None and pairs and pairs[-1][1] is None:
            pairs[-1] = (pairs[-1][0], amount(cell))
        else:
            pairs.append((squash(cell).rstrip("：:"), None))
    return pairs


def _halves(number: int, filled: list[str]):
    if number in OVERRIDES_004:
        return OVERRIDES_004[number]
    cells = [c for c in filled if squash(c) not in HEADER]
    if not cells:
        return None, None  # a header row
    kinds = ["L" if squash(c) in LABELS_004 else "T" for c in cells]
    texts = [i for i, k in enumerate(kinds) if k == "T"]
    if not texts:  # a label-only row: the 年度 half starts at the repeated level-2 label
        labels = [squash(c) for c in cells]
        for i in range(1, len(labels)):
            if labels[i] in labels[:i] and labels[i] not in LEVEL1:
                return (tuple(labels[:i]), None, None), (tuple(dict.fromkeys(labels[i:])), None, None)
        return (tuple(labels), None, None), (tuple(x for x in labels if x not in LEVEL1), None, None)
    assert len(texts) == 4 and texts[1] == texts[0] + 1 and cells[texts[0]] == cells[texts[2]], (
        number,
        cells,
    )
    left_labels = tuple(squash(c) for c in cells[: texts[0]])
    right_labels = tuple(squash(c) for c in cells[texts[1] + 1 : texts[2]])
    return (left_labels, cells[texts[0]], cells[texts[1]]), (right_labels, cells[texts[2]], cells[texts[3]])


def _labels(labels: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(printed level 1, printed level 2) of one half-row."""
    for twice in ("成本指标", "满意度指标"):
        if labels.count(twice) == 2:
            return twice, twice
    level1 = next((x for x in labels if x in LEVEL1), None)
    level2 = next((x for x in reversed(labels) if x not in LEVEL1), None)
    return level1, level2


def _close(form: dict) -> None:
    rows = form.pop("_rows", [])
    halves = [(number, _halves(number, filled)) for number, filled in rows]
    output: list[list[dict]] = [[], []]
    for side, period in ((0, "实施期"), (1, "年度")):
        level1 = level2 = None
        held = None
        pending: list[dict] = []
        for number, pair in halves:
            half = pair[side]
            if pair[0] is None:
                continue  # a header row
            left_only_labels = side == 1 and half is None and pair[0][1] is None and pair[0][2] is None
            if half is None and not left_only_labels:
                continue
            labels, name, value = half if half is not None else ((), None, None)
            printed1, printed2 = _labels(labels)
            if side == 1:
                printed1 = _labels(pair[0][0])[0]  # the 年度 half has no level-1 column
                printed2 = printed2 or _labels(pair[0][0])[1]
            if printed2:
                level2 = printed2
                implied = "产出指标" if printed2 == "成本指标" else parent(printed2, "效益指标")
                if printed1 == printed2 == "成本指标":
                    level1 = "成本指标"
                elif printed1 and printed1 == implied:
                    level1 = printed1
                elif (printed1 or level1 is None or level1 != implied) and not (
                    printed2 == "成本指标" and level1 == "成本指标"
                ):
                    level1 = implied  # implied by the level-2 name (printed after, absent or contradicting)
            elif printed1:
                level1 = printed1
            if held is not None:
                if printed2:
                    output[side].append(held)  # the held label row stands for a group with no indicator
                held = None
            if name is None and value is None:
                held = indicator(number, period, level1, level2, None, None)
                continue
            record = indicator(number, period, level1, level2, name, value)
            if level1 is None and level2 is None:
                pending.append(record)  # printed before its group's label (form 2)
                continue
            for waiting in pending:
                waiting["level1"], waiting["level2"] = level1, level2
                output[side].append(waiting)
            pending = []
            output[side].append(record)
        if held is not None:
            output[side].append(held)
    form["indicators"] = output[0] + output[1]


def dump(data: dict) -> str:
    lines = [
        "{",
        f' "seed": {json.dumps(data["seed"])},',
        f' "file": {json.dumps(data["file"])},',
        ' "forms": [',
    ]
    for index, form in enumerate(data["forms"]):
        head = {k: v for k, v in form.items() if k != "indicators"}
        lines.append("  {")
        lines.append(f'   "head": {json.dumps(head, ensure_ascii=False)},')
        lines.append('   "indicators": [')
        records = [json.dumps(r, ensure_ascii=False) for r in form["indicators"]]
        lines.extend(f"    {r}," for r in records[:-1])
        if records:
            lines.append(f"    {records[-1]}")
        lines.append("   ]")
        lines.append("  }," if index + 1 < len(data["forms"]) else "  }")
    lines.extend([" ]", "}", ""])
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for data in (build_001(), build_004()):
        path = HERE / f"{data['seed']}.json"
        text = dump(data)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
        count = sum(len(f["indicators"]) for f in data["forms"])
        print(f"{data['seed']}: {len(data['forms'])} forms, {count} indicators")
    if stale:
        print("out of date:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
