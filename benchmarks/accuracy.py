"""Cell-level accuracy of perfbudget's table recognition against the labelled ground truth.

Runs perfbudget's pipeline (``perfbudget.pipeline.load_document``) on the seed documents that have a
ground truth in ``tests/groundtruth/<seed>.json`` (002: 公开01表…公开09表; 004: 表一…表十三; the ground
truth is an independent reading of the seed text, see ``tests/groundtruth/build_groundtruth.py``) and
scores every recognised amount cell. Run:

    .venv/bin/python benchmarks/accuracy.py            # a table per seed and table, then the totals
    .venv/bin/python benchmarks/accuracy.py --diff     # … and every missed / spurious cell
    .venv/bin/python benchmarks/accuracy.py --json     # machine-readable (includes the differences)

It always exits 0 (it measures; it does not judge).

What is compared
----------------
A cell is the tuple ``(table, row identity, column key, value)``.

* **Table**: a predicted table is paired with a ground-truth table of the same kind id (the ids of
  ``recognize/catalogue/tables.toml``); when a document has several tables of one kind (004 表十二 and
  表十三 are both ``project_expenditure``) they are paired in document order. Predicted tables of kind
  ``generic`` (not a disclosure table) are ignored; a predicted disclosure table with no partner in the
  ground truth contributes all its cells as false positives.
* **Row identity**: ``(side, code)`` when the row has a *printed* classification code (a code that
  perfbudget inferred from a name, ``code_inferred``, does not count); otherwise ``(side, label)``,
  plus, in 004 表六, the 政府预算支出经济科目 name (``gov_name``) that pairs with the label. Labels are
  compared with all whitespace (ASCII and U+3000) removed. Rows that would still be identical (004 表四
  一、二、三 printed twice, 表六 ``公务接待费`` twice, 表十二/十三 the department and unit rows printed two or
  three times) are told apart by their occurrence number in document order (1, 2, 3 …).
* **Column key**: the column keys of ``recognize/catalogue/columns.toml`` (``total``, ``basic``,
  ``budget.total`` …); the side of a two-sided table is part of the row identity, not of the column.
* **Value**: the exact decimal as printed, without thousands separators; ``0.00`` and ``0`` differ, and
  a cell printed empty has no value.

Only cells with a value are scored: precision = matched / predicted cells with a value, recall =
matched / ground-truth cells with a value, per table and overall (micro-averaged). Separately, the
ground truth's *empty* cells (004 prints zero as an empty cell; 002 08/09表) are checked: ``ok`` when the
parser has the cell with no value, ``wrong`` when it gives a value there, ``missing`` when it has no
such cell (or row). For the matched cells the source line is compared too (``line ok``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
GROUNDTRUTH = ROOT / "tests" / "groundtruth"

sys.path.insert(0, str(ROOT / "src"))

from perfbudget.pipeline import load_document  # noqa: E402

_SPACE = re.compile(r"\s+")


def norm(text: str | None) -> str | None:
    return None if text is None else _SPACE.sub("", text)


def base_identity(side: str | None, code: str | None, label: str, gov_name: str | None) -> tuple:
    if code:
        return (side, "code", code)
    return (side, "label", norm(label), norm(gov_name) or None)


def gt_identity(row: dict) -> tuple:
    return (*base_identity(row["side"], row["code"], row["label"], row.get("gov_name")), row["n"])


def predicted_cells(table) -> tuple[dict, dict]:
    """(identity, column) → value string (cells with a value) and → None (cells without)."""
    counts: Counter = Counter()
    filled: dict = {}
    empty: dict = {}
    for row in table.rows:
        code = None if row.code_inferred else row.code
        gov = row.cells.get("gov_name")
        base = base_identity(row.side, code, row.label, gov.text if gov is not None else None)
        counts[base] += 1
        ident = (*base, counts[base])
        for key, cell in row.cells.items():
            if cell.value is None:
                empty[(ident, key)] = cell
            else:
                filled[(ident, key)] = (str(cell.value), cell.line)
    return filled, empty


def describe(ident: tuple) -> str:
    side, how, *rest = ident
    n = rest[-1]
    name = rest[0] if how == "code" else "/".join(x for x in rest[:-1] if x)
    return f"{side + ':' if side else ''}{name or '∅'}{f' #{n}' if n > 1 else ''}"


def score_seed(seed: str) -> dict:
    truth = json.loads((GROUNDTRUTH / f"{seed}.json").read_text(encoding="utf-8"))
    document = load_document(SEEDS / truth["file"])
    predicted_by_kind: dict[str, list] = defaultdict(list)
    for table in document.tables:
        if table.kind != "generic":
            predicted_by_kind[table.kind].append(table)
    truth_by_kind: dict[str, list] = defaultdict(list)
    for table in truth["tables"]:
        truth_by_kind[table["kind"]].append(table)

    results = []
    for kind in list(truth_by_kind) + [k for k in predicted_by_kind if k not in truth_by_kind]:
        gts, preds = truth_by_kind.get(kind, []), predicted_by_kind.get(kind, [])
        for i in range(max(len(gts), len(preds))):
            gt = gts[i] if i < len(gts) else None
            pred = preds[i] if i < len(preds) else None
            results.append(score_table(seed, kind, gt, pred))
    results.sort(key=lambda r: (r["gt_line"] or 10**9, r["pred_line"] or 10**9))
    return {"seed": seed, "file": truth["file"], "tables": results}


def score_table(seed: str, kind: str, gt: dict | None, pred) -> dict:
    truth_filled: dict = {}
    truth_empty: dict = {}
    for cell in gt["cells"] if gt else []:
        key = (gt_identity(cell["row"]), cell["column"])
        if cell["value"] is None:
            truth_empty[key] = cell["line"]
        else:
            truth_filled[key] = (cell["value"], cell["line"])
    filled, empty = predicted_cells(pred) if pred is not None else ({}, {})

    matched = [k for k, (v, _) in truth_filled.items() if k in filled and filled[k][0] == v]
    missed = [
        {
            "row": describe(k[0]),
            "column": k[1],
            "value": v,
            "line": line,
            "predicted": filled[k][0] if k in filled else None,
        }
        for k, (v, line) in truth_filled.items()
        if k not in filled or filled[k][0] != v
    ]
    spurious = [
        {
            "row": describe(k[0]),
            "column": k[1],
            "value": v,
            "line": line,
            "truth": truth_filled[k][0] if k in truth_filled else None,
        }
        for k, (v, line) in filled.items()
        if k not in truth_filled or truth_filled[k][0] != v
    ]
    wrong_line = [
        {
            "row": describe(k[0]),
            "column": k[1],
            "value": truth_filled[k][0],
            "line": truth_filled[k][1],
            "predicted_line": filled[k][1],
        }
        for k in matched
        if filled[k][1] != truth_filled[k][1]
    ]
    empty_ok = sum(1 for k in truth_empty if k in empty)
    empty_wrong = sum(1 for k in truth_empty if k in filled)
    tp, n_pred, n_truth = len(matched), len(filled), len(truth_filled)
    return {
        "seed": seed,
        "kind": kind,
        "label": (gt or {}).get("label") or (pred.label if pred is not None else None),
        "title": gt["title"] if gt else pred.title,
        "gt_line": gt["line"] if gt else None,
        "pred_line": pred.line if pred is not None else None,
        "rows_truth": gt["row_count"] if gt else 0,
        "rows_predicted": len(pred.rows) if pred is not None else 0,
        "cells_truth": n_truth,
        "cells_predicted": n_pred,
        "matched": tp,
        "line_ok": tp - len(wrong_line),
        "precision": tp / n_pred if n_pred else None,
        "recall": tp / n_truth if n_truth else None,
        "empty_truth": len(truth_empty),
        "empty_ok": empty_ok,
        "empty_wrong": empty_wrong,
        "empty_missing": len(truth_empty) - empty_ok - empty_wrong,
        "missed": missed,
        "spurious": spurious,
        "wrong_line": wrong_line,
    }


def totals(tables: list[dict]) -> dict:
    tp = sum(t["matched"] for t in tables)
    n_pred = sum(t["cells_predicted"] for t in tables)
    n_truth = sum(t["cells_truth"] for t in tables)
    return {
        "tables_truth": sum(1 for t in tables if t["gt_line"] is not None),
        "tables_predicted": sum(1 for t in tables if t["pred_line"] is not None),
        "cells_truth": n_truth,
        "cells_predicted": n_pred,
        "matched": tp,
        "line_ok": sum(t["line_ok"] for t in tables),
        "precision": tp / n_pred if n_pred else None,
        "recall": tp / n_truth if n_truth else None,
        "empty_truth": sum(t["empty_truth"] for t in tables),
        "empty_ok": sum(t["empty_ok"] for t in tables),
        "empty_wrong": sum(t["empty_wrong"] for t in tables),
        "empty_missing": sum(t["empty_missing"] for t in tables),
    }


def pct(x: float | None) -> str:
    return "   –  " if x is None else f"{100 * x:6.2f}"


def print_report(report: dict, diff: bool) -> None:
    header = (
        f"{'seed':4} {'table':10} {'kind':28} {'rows gt/pred':>12} {'cells gt':>8} {'pred':>5} "
        f"{'match':>5} {'prec%':>6} {'rec%':>6} {'line ok':>7} {'empty ok/gt':>11}"
    )
    print(header)
    print("-" * len(header))
    for seed in report["seeds"]:
        for t in seed["tables"]:
            name = t["label"] or re.sub(r"^\d{4}年", "", t["title"] or "")[:8]
            print(
                f"{t['seed']:4} {name:10} {t['kind']:28} {t['rows_truth']:>5}/{t['rows_predicted']:<6} "
                f"{t['cells_truth']:>8} {t['cells_predicted']:>5} {t['matched']:>5} {pct(t['precision'])} "
                f"{pct(t['recall'])} {t['line_ok']:>7} {t['empty_ok']:>5}/{t['empty_truth']:<5}"
            )
        s = seed["totals"]
        print(
            f"{seed['seed']:4} {'ALL':10} {'':28} {'':>12} {s['cells_truth']:>8} {s['cells_predicted']:>5} "
            f"{s['matched']:>5} {pct(s['precision'])} {pct(s['recall'])} {s['line_ok']:>7} "
            f"{s['empty_ok']:>5}/{s['empty_truth']:<5}"
        )
        print("-" * len(header))
    o = report["overall"]
    print(
        f"overall: {o['tables_truth']} tables in the ground truth, {o['tables_predicted']} predicted; "
        f"cells: precision {pct(o['precision']).strip()}%, recall {pct(o['recall']).strip()}% "
        f"({o['matched']} matched of {o['cells_truth']} labelled and {o['cells_predicted']} predicted; "
        f"{o['line_ok']} of the matched with the right source line); "
        f"empty cells: {o['empty_ok']} ok, {o['empty_wrong']} given a value, {o['empty_missing']} missing "
        f"of {o['empty_truth']}"
    )
    if diff:
        for seed in report["seeds"]:
            for t in seed["tables"]:
                for m in t["missed"]:
                    print(
                        f"MISSED   {t['seed']} {t['label'] or t['kind']} line {m['line']}: {m['row']} "
                        f"[{m['column']}] = {m['value']} (parser: {m['predicted']})"
                    )
                for w in t["wrong_line"]:
                    print(
                        f"LINE     {t['seed']} {t['label'] or t['kind']} {w['row']} [{w['column']}] = "
                        f"{w['value']}: line {w['line']} (parser: {w['predicted_line']})"
                    )
                for s in t["spurious"]:
                    print(
                        f"SPURIOUS {t['seed']} {t['label'] or t['kind']} line {s['line']}: {s['row']} "
                        f"[{s['column']}] = {s['value']} (truth: {s['truth']})"
                    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parser.add_argument("--diff", action="store_true", help="also list every missed and spurious cell")
    args = parser.parse_args(argv)
    seeds = [score_seed(p.stem) for p in sorted(GROUNDTRUTH.glob("[0-9][0-9][0-9].json"))]
    for seed in seeds:
        seed["totals"] = totals(seed["tables"])
    report = {"seeds": seeds, "overall": totals([t for s in seeds for t in s["tables"]])}
    if args.json:
        json.dump(
            report,
            sys.stdout,
            ensure_ascii=False,
            indent=1,
            default=lambda x: str(x) if isinstance(x, Decimal) else None,
        )
        print()
    else:
        print_report(report, args.diff)
    return 0


if __name__ == "__main__":
    sys.exit(main())
