"""Mutation tests: change one figure the narrative checks verify, and the checks must say so.

For seeds 002 and 004, every printed number that takes part in a relation the narrative checks
verify and that holds (a stated amount and its table cell, a share and its part and whole, a change
and its rate, a completion's budget, actual and rate, a total and its parts …) is a target
(``mutation.targets``). A mutation changes one digit of one target in the seed's text — chosen by a
seeded random generator, so runs are repeatable — never the last digit of a number with decimals (a
change of one unit there is rounding, by design), then reads and checks the text again.

A mutation is *detected* when a narrative check reports a new error or warning that cites the changed
line. A new finding of any rule that cites no changed line is a false alarm *elsewhere*.

Some mutations cannot be seen by any check (a rate printed as ``67%`` does not move when its budget
4713.01 becomes 4713.51), hence the 95% threshold rather than 100%.
"""

from __future__ import annotations

import random

import pytest

SHORT = 40  # mutations in the default run (both seeds together)
LONG = 600


def _run(mutation, seed_file, count: int, seed: int) -> tuple[int, list, list]:
    rng = random.Random(seed)
    bases = {key: mutation.baseline(seed_file(key)) for key in ("002", "004")}
    pool = [(key, target) for key, base in bases.items() for target in mutation.targets(base)]
    picked = rng.sample(pool, min(count, len(pool)))
    done, missed, elsewhere = 0, [], []
    for key, target in picked:
        result = mutation.run_mutation(bases[key], target, rng)
        if result is None:
            continue
        done += 1
        if not result.detected:
            missed.append(f"{key} {result.describe()}")
        if result.elsewhere:
            elsewhere.append((f"{key} {result.describe()}", [f.message for f in result.elsewhere]))
    return done, missed, elsewhere


def test_targets_cover_statements_and_table_cells(mutation, seed_file):
    for key in ("002", "004"):
        found = mutation.targets(mutation.baseline(seed_file(key)))
        kinds = {t.kind for t in found}
        assert kinds == {"statement", "cell"}
        assert len(found) > 100
        rules = {r for t in found for r in t.rules}
        assert {"narrative.amount", "narrative.share", "narrative.parts"} <= rules


def test_mutate_changes_one_digit_never_the_last_decimal():
    from perfbudget_test_narrative_mutation import mutate  # loaded by the ``mutation`` fixture

    rng = random.Random(1)
    for text in ("13,190.69", "0.00", "146.6", "29", "0", "100", "4,814.46"):
        for _ in range(30):
            new = mutate(text, rng)
            assert new is not None and new != text and len(new) == len(text)
            changed = [i for i, (a, b) in enumerate(zip(text, new, strict=True)) if a != b]
            assert len(changed) == 1
            if "." in text:
                assert changed[0] != len(text) - 1
            assert not (len(text.split(".")[0].replace(",", "")) > 1 and new[0] == "0")


def test_mutations_are_caught(mutation, seed_file):
    done, missed, elsewhere = _run(mutation, seed_file, SHORT, seed=20240601)
    assert done >= SHORT * 0.9
    assert not elsewhere, elsewhere
    assert len(missed) <= done * 0.05, missed


@pytest.mark.slow
def test_mutations_are_caught_long(mutation, seed_file):
    done, missed, elsewhere = _run(mutation, seed_file, LONG, seed=7)
    assert done >= 250
    assert not elsewhere, elsewhere
    assert len(missed) <= done * 0.05, missed
