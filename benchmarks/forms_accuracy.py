"""Field-level accuracy of perfbudget's project-form recognizers against the labelled ground truth.

Runs perfbudget's pipeline (``perfbudget.pipeline.load_document``) on the seeds that have a ground
truth in ``tests/groundtruth/forms/<seed>.json`` (001: 13 项目绩效目标表; 004: 22 项目支出绩效目标表; an
independent reading of the seed text, see ``tests/groundtruth/forms/build_forms_groundtruth.py``) and
scores every recognised field. Run:

    .venv/bin/python benchmarks/forms_accuracy.py            # a table per seed and field, then totals
    .venv/bin/python benchmarks/forms_accuracy.py --diff     # … and every missed / spurious value
    .venv/bin/python benchmarks/forms_accuracy.py --json     # machine-readable

It always exits 0 (it measures; it does not judge).

What is compared
----------------
Forms are paired in document order. A value is the tuple ``(form, record, field, value)``:

* form fields (record ``head``): name, code, department, department_code, implementing_unit,
  attribute_kind, term, money_unit, the number of goals, every funding amount (per period and source)
  and the four spending-plan percentages;
* indicator fields: the record is ``(period, line, n)`` — the half of the form (实施期/年度, or none),
  the physical line of the row and the occurrence number among records with the same period and line;
  the fields are level1, level2, level3, target_raw, op, number, unit, not_applicable, basis and the
  description digest.

Only values that are present count: precision = matched / predicted values, recall = matched /
ground-truth values, per field and overall (micro-averaged). ``not_applicable`` counts only when true.
Numbers compare as decimals (``95`` = ``95.0``); texts compare with all whitespace removed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
GROUNDTRUTH = ROOT / "tests" / "groundtruth" / "forms"

sys.path.insert(0, str(ROOT / "src"))

from perfbudget.pipeline import load_document  # noqa: E402

_SPACE = re.compile(r"[\s\u3000]+")
_HEAD = (
    "name",
    "code",
    "department",
    "department_code",
    "implementing_unit",
    "attribute_kind",
    "term",
    "money_unit",
    "goals",
)
_INDICATOR = (
    "level1",
    "level2",
    "level3",
    "target_raw",
    "op",
    "number",
    "unit",
    "not_applicable",
    "basis",
    "description_sha1",
)
_SOURCES = ("total", "fiscal", "central", "provincial", "local", "self_raised", "other")


def _norm(field: str, value):
    if value is None or value is False:
        return None
    if field in ("number",) or field.startswith(("funding.", "plan.")):
        try:
            return format(Decimal(str(value)).normalize(), "f")
        except ArithmeticError:
            return str(value)
    if isinstance(value, str):
        return _SPACE.sub("", value)
    return value


def _text(value) -> str | None:
    return None if value is None else value.text


def truth_values(form_index: int, form: dict) -> set[tuple]:
    head = form["head"]
    values: set[tuple] = set()
    for field in _HEAD:
        values.add((form_index, "head", field, _norm(field, head.get(field) or None)))
    for funding in head.get("funding", []):
        for source in _SOURCES:
            if source in funding:
                field = f"funding.{funding['period']}.{source}"
                values.add((form_index, "head", field, _norm(field, funding[source])))
    plan = head.get("spending_plan")
    if plan:
        for month, value in zip(("3", "6", "10", "12"), plan, strict=True):
            values.add((form_index, "head", f"plan.{month}", _norm("plan.", value)))
    counter: Counter = Counter()
    for record in form["indicators"]:
        base = (record["period"], record["line"])
        counter[base] += 1
        key = (*base, counter[base])
        for field in _INDICATOR:
            if field in record:
                values.add((form_index, key, field, _norm(field, record[field])))
    return {v for v in values if v[3] is not None}


def predicted_values(form_index: int, project) -> set[tuple]:
    values: set[tuple] = set()
    head = {
        "name": _text(project.name),
        "code": _text(project.code),
        "department": _text(project.department),
        "department_code": project.department_code,
        "implementing_unit": _text(project.implementing_unit),
        "attribute_kind": project.attribute_kind,
        "term": _text(project.term),
        "money_unit": project.money_unit,
        "goals": len(project.goals) or None,
    }
    for field, value in head.items():
        values.add((form_index, "head", field, _norm(field, value)))
    for funding in project.funding:
        period = funding.period.value if funding.period else None
        for source in _SOURCES:
            figure = getattr(funding, source)
            if figure is not None and figure.value is not None:
                field = f"funding.{period}.{source}"
                values.add((form_index, "head", field, _norm(field, figure.value)))
    plan = project.spending_plan
    if plan is not None:
        for month, figure in zip(
            ("3", "6", "10", "12"), (plan.march, plan.june, plan.october, plan.december), strict=True
        ):
            if figure is not None and figure.value is not None:
                values.add((form_index, "head", f"plan.{month}", _norm("plan.", figure.value)))
    counter: Counter = Counter()
    for indicator in project.indicators:
        base = (indicator.period.value if indicator.period else None, indicator.line)
        counter[base] += 1
        key = (*base, counter[base])
        target = indicator.target
        description = _SPACE.sub("", indicator.description.text) if indicator.description else ""
        record = {
            "level1": indicator.level1,
            "level2": indicator.level2,
            "level3": indicator.level3,
            "target_raw": _text(indicator.target_raw),
            "op": target.op.value
            if target is not None and target.op is not None and target.number is not None
            else None,
            "number": target.number if target is not None else None,
            "unit": target.unit if target is not None and target.number is not None else None,
            "not_applicable": indicator.not_applicable,
            "basis": _text(indicator.basis),
            "description_sha1": hashlib.sha1(description.encode()).hexdigest()[:12] if description else None,
        }
        for field, value in record.items():
            values.add((form_index, key, field, _norm(field, value)))
    return {v for v in values if v[3] is not None}


def _field_group(field: str) -> str:
    if field.startswith("funding."):
        return "funding"
    if field.startswith("plan."):
        return "spending_plan"
    return field


def score(seed: str) -> dict:
    truth = json.loads((GROUNDTRUTH / f"{seed}.json").read_text(encoding="utf-8"))
    document = load_document(SEEDS / truth["file"])
    expected: set[tuple] = set()
    got: set[tuple] = set()
    for index, form in enumerate(truth["forms"]):
        expected |= truth_values(index, form)
    for index, project in enumerate(document.project_targets):
        got |= predicted_values(index, project)
    per_field: dict[str, Counter] = defaultdict(Counter)
    for value in expected:
        per_field[_field_group(value[2])]["truth"] += 1
    for value in got:
        per_field[_field_group(value[2])]["predicted"] += 1
    for value in expected & got:
        per_field[_field_group(value[2])]["matched"] += 1
    truth_rows = {(v[0], v[1]) for v in expected if v[1] != "head"}
    got_rows = {(v[0], v[1]) for v in got if v[1] != "head"}
    return {
        "seed": seed,
        "forms": {"truth": len(truth["forms"]), "predicted": len(document.project_targets)},
        "indicator_rows": {
            "truth": len(truth_rows),
            "predicted": len(got_rows),
            "matched": len(truth_rows & got_rows),
        },
        "fields": {k: dict(v) for k, v in sorted(per_field.items())},
        "missed": sorted(expected - got, key=str),
        "spurious": sorted(got - expected, key=str),
    }


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.4f}" if b else "—"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--diff", action="store_true", help="list every missed and spurious value")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args()
    results = [score(seed) for seed in ("001", "004") if (GROUNDTRUTH / f"{seed}.json").exists()]
    if args.json:
        for result in results:
            result["missed"] = [list(map(str, v)) for v in result["missed"]]
            result["spurious"] = [list(map(str, v)) for v in result["spurious"]]
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return
    total: Counter = Counter()
    for result in results:
        rows = result["indicator_rows"]
        print(
            f"seed {result['seed']}: forms {result['forms']['predicted']}/{result['forms']['truth']}, "
            f"indicator records matched {rows['matched']} (truth {rows['truth']}, predicted {rows['predicted']})"
        )
        print(f"  {'field':<18}{'truth':>7}{'pred':>7}{'match':>7}{'precision':>11}{'recall':>9}")
        for field, counts in result["fields"].items():
            total.update({k: counts.get(k, 0) for k in ("truth", "predicted", "matched")})
            print(
                f"  {field:<18}{counts.get('truth', 0):>7}{counts.get('predicted', 0):>7}"
                f"{counts.get('matched', 0):>7}{_ratio(counts.get('matched', 0), counts.get('predicted', 0)):>11}"
                f"{_ratio(counts.get('matched', 0), counts.get('truth', 0)):>9}"
            )
        if args.diff:
            for value in result["missed"]:
                print("  missed  ", value)
            for value in result["spurious"]:
                print("  spurious", value)
    print(
        f"overall: {total['matched']} of {total['truth']} ground-truth values found, "
        f"{total['predicted']} predicted; precision {_ratio(total['matched'], total['predicted'])}, "
        f"recall {_ratio(total['matched'], total['truth'])}"
    )


if __name__ == "__main__":
    main()
