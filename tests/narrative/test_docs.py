"""docs/narrative-concepts.md documents every concept of the vocabulary and every narrative rule."""

from __future__ import annotations

from pathlib import Path

from perfbudget.check import all_rules
from perfbudget.check.rules.narrative import mappings
from perfbudget.recognize.narrative import vocabulary

DOC = Path(__file__).resolve().parents[2] / "docs" / "narrative-concepts.md"


def test_every_concept_is_documented():
    text = DOC.read_text(encoding="utf-8")
    missing = [c for c in vocabulary().concepts if f"`{c}`" not in text]
    assert not missing, f"add these concepts to {DOC.name}: {missing}"


def test_every_narrative_rule_is_documented():
    text = DOC.read_text(encoding="utf-8")
    rules = [r.id for r in all_rules() if r.id.startswith("narrative.")]
    assert len(rules) == 8
    assert not [r for r in rules if f"`{r}`" not in text]


def test_the_cell_catalogue_names_only_known_concepts():
    assert set(mappings()) <= set(vocabulary().concepts)
