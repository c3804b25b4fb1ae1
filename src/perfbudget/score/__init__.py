"""Scoring (core, no Django): recompute every 绩效自评表 and 绩效评价报告 of a document by a profile,
explain every point (a tree of :class:`ScoreNode`) and say where the document's own scores differ.

    from perfbudget.score import score_document
    for card in score_document(document):
        card.tree        # ScoreNode: points, max, rule, figures, children
        card.findings    # score.* findings (also run by ``perfbudget check`` through the registry)

Profiles are TOML files in ``score/profiles/`` (``load_profile``); see docs/scoring.md.
"""

from __future__ import annotations

from perfbudget.model.document import Document
from perfbudget.model.performance import EvaluationReport, SelfEvaluation
from perfbudget.score.common import ScoreCard
from perfbudget.score.profile import Profile, available_profiles, default_profile, load_profile, parse_profile
from perfbudget.score.report import score_report
from perfbudget.score.self_evaluation import score_self_evaluation
from perfbudget.score.tree import ScoreFigure, ScoreNode, Status

__all__ = [
    "Profile",
    "ScoreCard",
    "ScoreFigure",
    "ScoreNode",
    "Status",
    "available_profiles",
    "default_profile",
    "explain",
    "load_profile",
    "parse_profile",
    "score_document",
    "score_report",
    "score_self_evaluation",
]


def score_document(
    document: Document,
    self_evaluation: Profile | None = None,
    evaluation: Profile | None = None,
) -> list[ScoreCard]:
    """A score card for every self-evaluation and every evaluation report of the document, by the
    given profiles (the national defaults when omitted)."""
    se = self_evaluation or default_profile("self_evaluation")
    ev = evaluation or default_profile("evaluation")
    file = document.source.path
    cards = [score_self_evaluation(form, se, file) for form in document.self_evaluations]
    cards += [score_report(report, ev, file) for report in document.evaluation_reports]
    return cards


def explain(form: SelfEvaluation | EvaluationReport, profile: Profile | None = None) -> dict:
    """The explanation tree of one form as plain data, in the words the web pages read
    (``serve/web/scoring.py``): ``label``, ``score`` (recomputed points), ``points`` (full marks),
    ``printed``, ``note`` (the rule with its arithmetic), ``status``, ``figures`` and ``children``."""
    if isinstance(form, SelfEvaluation):
        card = score_self_evaluation(form, profile or default_profile("self_evaluation"))
    elif isinstance(form, EvaluationReport):
        card = score_report(form, profile or default_profile("evaluation"))
    else:
        raise TypeError(f"cannot score a {type(form).__name__}")
    return _plain(card.tree)


def _plain(node: ScoreNode) -> dict:
    return {
        "label": node.name,
        "score": node.points,
        "points": node.max,
        "printed": node.printed,
        "note": node.rule,
        "status": node.status.value,
        "figures": [f.model_dump() for f in node.figures],
        "children": [_plain(child) for child in node.children],
    }
