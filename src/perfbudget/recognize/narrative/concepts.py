"""The concept vocabulary (``concepts.toml``): what a 情况说明 states figures about, and how it words it."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

_HERE = Path(__file__).parent

# Full-width and typographic forms folded before matching; every replacement keeps the length.
_FOLD = (
    ("（", "("),
    ("）", ")"),
    ("“", '"'),
    ("”", '"'),
    ("‘", "'"),
    ("’", "'"),
    ("：", ":"),
    ("，", ","),
    ("；", ";"),
)
_SUFFIX = "(?:财政拨款)?(?:支出|收入)?"


def fold(text: str) -> str:
    """The matching form of prose: full-width brackets, quotes and punctuation folded, 其它 → 其他."""
    # one str.replace per character is several times faster than str.translate on CJK text
    for wide, narrow in _FOLD:
        text = text.replace(wide, narrow)
    return text.replace("其它", "其他")


@dataclass(frozen=True)
class Concept:
    id: str
    name: str
    measure: str  # amount | count | area
    wordings: tuple[str, ...] = ()
    part_wordings: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    whole: tuple[str, ...] = ()
    needs_subject: bool = False
    partitions: tuple[tuple[str, ...], ...] = ()
    catch_all: str | None = None
    classes: bool = False
    amount_of: str | None = None
    same_as: tuple[str, ...] = ()  # concepts a figure of this one also is (收、支总计: 收入总计, 支出总计)


class Match:
    """A wording found before a number: which concepts it may name, where it ends, how long it is.
    (A plain class: made for many candidate wordings, and cheaper to make than a dataclass.)"""

    __slots__ = ("concepts", "end", "start", "text")

    def __init__(self, concepts: tuple[tuple[str, bool], ...], start: int, end: int, text: str) -> None:
        self.concepts = concepts  # (concept id, only as a part of a stated whole)
        self.start = start
        self.end = end
        self.text = text

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Vocabulary:
    concepts: dict[str, Concept]
    wordings: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)  # folded wording → concepts
    patterns: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    exact: dict[str, str] = field(default_factory=dict)
    whole: dict[str, str] = field(default_factory=dict)
    amount_of: dict[str, str] = field(default_factory=dict)  # counted concept → its amount concept
    suffix: re.Pattern[str] = field(default_factory=lambda: re.compile(_SUFFIX))
    any_wording: re.Pattern[str] | None = None  # every wording, as one pattern (built on first use)
    found: dict = field(default_factory=dict)  # text → Match | None, the results of find
    allowed: dict = field(default_factory=dict)  # concept id → allowed_under(concept id)

    def get(self, concept_id: str | None) -> Concept | None:
        return self.concepts.get(concept_id) if concept_id else None

    def name(self, concept_id: str | None) -> str:
        concept = self.get(concept_id)
        return concept.name if concept else (concept_id or "")

    def find(self, text: str) -> Match | None:
        """The wording in ``text`` (folded) that ends nearest to its end; the longest among those."""
        found = self.found.get(text, self)
        if found is self:
            found = self._find(text)
            if len(self.found) > 20000:  # the words before numbers repeat (，占 / 其中： / 年初预算为)
                self.found.clear()
            self.found[text] = found
        return found

    def _find(self, text: str) -> Match | None:
        best: Match | None = None
        if self.any_wording is None:
            self.any_wording = re.compile(
                "(?=(" + "|".join(re.escape(w) for w in sorted(self.wordings, key=len, reverse=True)) + "))"
            )
        for found in self.any_wording.finditer(text):
            wording = found.group(1)
            for size in range(len(wording), 0, -1):  # every wording starting here, longest first
                candidate_text = wording[:size]
                concepts = self.wordings.get(candidate_text)
                if concepts is None:
                    continue
                start = found.start()
                end = start + size
                extra = self.suffix.match(text, end)
                if extra:
                    end = extra.end()
                candidate = Match(tuple(concepts), start, end, text[start:end])
                if best is None or (candidate.end, candidate.length) > (best.end, best.length):
                    best = candidate
        for pattern, concept_id in self.patterns:
            last = None
            for last in pattern.finditer(text):  # noqa: B007  (the last match is wanted)
                pass
            if last is None:
                continue
            candidate = Match(((concept_id, False),), last.start(), last.end(), last.group(0))
            if best is None or (candidate.end, candidate.length) > (best.end, best.length):
                best = candidate
        return best

    def allowed_under(self, subject: str | None) -> frozenset[str]:
        """The concepts a stated whole may be made of: its partitions, and theirs one level down."""
        allowed = self.allowed.get(subject)
        if allowed is None:  # the vocabulary does not change: each subject's set is made once
            allowed = self.allowed[subject] = frozenset(self._allowed_under(subject))
        return allowed

    def _allowed_under(self, subject: str | None) -> set[str]:
        concept = self.get(subject)
        if concept is None:
            return set()
        members = {m for partition in concept.partitions for m in partition}
        for member in list(members):
            inner = self.get(member)
            if inner is not None:
                members.update(m for partition in inner.partitions for m in partition)
        for member in list(members):  # 支出项目66个，支出金额…: the count goes with its money
            inner = self.get(member)
            if inner is not None and inner.amount_of:
                members.add(inner.amount_of)
        return members


@cache
def vocabulary() -> Vocabulary:
    data = tomllib.loads((_HERE / "concepts.toml").read_text(encoding="utf-8"))
    concepts: dict[str, Concept] = {}
    for item in data["concept"]:
        concept = Concept(
            id=item["id"],
            name=item["name"],
            measure=item.get("measure", "amount"),
            wordings=tuple(item.get("wordings", ())),
            part_wordings=tuple(item.get("part_wordings", ())),
            patterns=tuple(item.get("patterns", ())),
            exact=tuple(item.get("exact", ())),
            whole=tuple(item.get("whole", ())),
            needs_subject=bool(item.get("needs_subject", False)),
            partitions=tuple(tuple(p) for p in item.get("partitions", ())),
            catch_all=item.get("catch_all"),
            classes=bool(item.get("classes", False)),
            amount_of=item.get("amount_of"),
            same_as=tuple(item.get("same_as", ())),
        )
        if concept.id in concepts:
            raise ValueError(f"duplicate concept id {concept.id}")
        concepts[concept.id] = concept
    vocab = Vocabulary(concepts)
    for concept in concepts.values():
        for wording in concept.wordings:
            vocab.wordings.setdefault(fold(wording), []).append((concept.id, concept.needs_subject))
        for wording in concept.part_wordings:
            vocab.wordings.setdefault(fold(wording), []).append((concept.id, True))
        for pattern in concept.patterns:
            vocab.patterns.append((re.compile(fold(pattern)), concept.id))
        for wording in concept.exact:
            vocab.exact.setdefault(fold(wording), concept.id)
        for wording in concept.whole:
            vocab.whole.setdefault(fold(wording), concept.id)
        if concept.amount_of:
            vocab.amount_of[concept.amount_of] = concept.id
    for concept in concepts.values():  # every id a partition names must exist
        for member in (*(m for partition in concept.partitions for m in partition), *concept.same_as):
            if member not in concepts:
                raise ValueError(f"{concept.id}: unknown concept {member} in partitions or same_as")
    return vocab
