"""The scores a document prints, against their recomputation (``perfbudget.score``).

Each rule here is a view on the score engine's findings: the engine recomputes every 绩效自评表 and
绩效评价报告 of the document by the national profiles (``score/profiles/``) and records where the
printed figures disagree; a rule returns the findings of its id. The engine runs once per document
(the findings of the last document are kept while the rules run one after the other).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from perfbudget.check.registry import rule
from perfbudget.model.document import Document
from perfbudget.model.findings import Finding, Severity

_last: tuple[weakref.ref, list[Finding]] | None = None


def _findings(document: Document) -> list[Finding]:
    global _last
    last = _last
    if last is not None and last[0]() is document:
        return last[1]
    from perfbudget.score import score_document

    findings = [f for card in score_document(document) for f in card.findings]
    _last = (weakref.ref(document), findings)
    return findings


def _view(rule_id: str) -> Callable[[Document], list[Finding]]:
    def check(document: Document) -> list[Finding]:
        if not document.self_evaluations and not document.evaluation_reports:
            return []
        return [f for f in _findings(document) if f.rule == rule_id]

    return check


def _register(rule_id: str, severity: Severity, category: str, title: str, description: str) -> None:
    check = _view(rule_id)
    check.__doc__ = description
    check.__name__ = rule_id.replace(".", "_").replace("-", "_")
    rule(rule_id, severity, category, title)(check)


_register(
    "score.execution-rate",
    Severity.ERROR,
    "score",
    "预算执行率 = 执行数 ÷ 预算数",
    """The 预算执行率 a self-evaluation (or a report) prints equals its 执行数 ÷ 预算数 (金额合计), within
    the rounding of the printed rate and amounts (``ratio_tolerance``); in the national templates'
    money block every row's 执行率 is its 全年执行数 ÷ 全年预算数.""",
)
_register(
    "score.execution-score",
    Severity.ERROR,
    "score",
    "预算执行率得分 = 执行率 × 分值（不超过分值）",
    """The points of 预算执行率 are the printed rate times its 分值, at most the 分值, rounded half-up to
    2 decimals as the documents print them (85.43% × 10 = 8.54; 61.05% × 10 = 6.11). In a report the
    预算执行率 item's score (or its deduction, ``扣0.19分``) is checked the same way against the
    profile's weight (10).""",
)
_register(
    "score.indicator-score",
    Severity.ERROR,
    "score",
    "指标得分与完成程度、分值相符",
    """An indicator's 得分 (or a level-2/level-1 group's, where the form prints it for the group) is
    its completion times its 分值: a quantitative indicator's completion is actual ÷ target (target ÷
    actual for a ceiling), capped at 100%; a qualitative one's is the profile's band of its actual
    value (达成/基本达成/部分达成/未达成) or, when the actual equals the target, 达成. A score is
    checked only where completion and weight are known: an indicator that cannot be compared keeps its
    printed score. A group's 得分 add up to at most its 分值, and to the full 分值 when every indicator
    of the group reached its target.""",
)
_register(
    "score.total",
    Severity.ERROR,
    "score",
    "自评得分 = 预算执行率得分 + 各指标得分",
    """A self-evaluation's 自评得分 is the sum of its 预算执行率 points and every printed indicator 得分
    (98.54 = 8.54 + 50 + 30 + 10).""",
)
_register(
    "score.budget-sum",
    Severity.ERROR,
    "arithmetic",
    "自评表金额合计 = 各任务金额之和",
    """A self-evaluation's 金额合计 (预算数, 执行数 and their 其中本级财政资金) is the sum of its tasks' amounts,
    within the rounding tolerance. In the national templates' money block the 年度资金总额 (年初预算数,
    全年预算数, 全年执行数) is the sum of the rows under it (当年财政拨款 + 上年结转资金 + 其他资金), where
    the block is one split of the total.""",
)
_register(
    "score.weights",
    Severity.WARNING,
    "score",
    "各项分值之和等于总分",
    """The 分值 a form prints (预算执行率 and each level-1 group, or each indicator where the form
    prints them per row; a report's dimensions) add up to the scheme's total (100).""",
)
_register(
    "score.grade",
    Severity.ERROR,
    "score",
    "评价等级与得分相符",
    """A printed grade (优/良/中/差) is the grade of the printed total by the profile's thresholds (优 ≥ 90,
    良 ≥ 80, 中 ≥ 60, 差 below 60 — 财预〔2020〕10号).""",
)
_register(
    "score.report-total",
    Severity.ERROR,
    "score",
    "评价报告得分 = 各维度得分之和",
    """An evaluation report's total is the sum of its dimension scores (决策 + 过程 + 产出 + 效益: 97.63 = 15
    + 22.63 + 30 + 30), where the report scores every dimension.""",
)
_register(
    "score.report-dimension",
    Severity.ERROR,
    "score",
    "维度得分 = 各小项得分之和，且不超过分值",
    """A dimension's score is the sum of its items' scores where the report scores every item (22.63 = 2
    + 7.63 + 5 + 4 + 4), and never exceeds the points the report prints for the dimension.""",
)
_register(
    "score.report-summary",
    Severity.ERROR,
    "score",
    "情况说明所述评价得分与报告一致",
    """The score a 情况说明 announces for an evaluation (``绩效评价得分为97.63分``) is the total of the
    report itself.""",
)
