"""Reading the figures of the prose: numbers with units, what they are about and how they relate.

The prose of a 情况说明 is formulaic. A sentence states an amount (``收入合计8,406.25万元``),
then its parts (``其中：财政拨款收入8,398.10万元，占99.90%；…``), a change on last year
(``与上年度相比，…增加1,205.30万元，增长16.74%``) or how much of the budget was spent
(``年初预算为…万元，支出决算为…万元，完成年初预算的…%``). The reader walks the numbers of each
passage in order; the words between two numbers say what the second one is:

* ``占…%`` is a share of the amount before it, in the whole the sentence is about;
* ``增加/减少 … 万元`` and ``增长/下降 … %`` are a change on last year of the figure they follow;
* ``预算为 … 决算为 … 完成预算的 …%`` is a completion;
* anything else is an amount (or a count) of the concept its words name.

Thresholds (``50万元以上``), bounds (``≥90%``) and ordinals (``第2次``) are not statements.
Paragraphs split by a page break are joined again; every figure keeps its own line and page.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from perfbudget.model.document import Document, Paragraph
from perfbudget.model.narrative import Figure, FigureRole, Statement, StatementKind
from perfbudget.recognize.narrative.concepts import Match, Vocabulary, fold, vocabulary

# ------------------------------------------------------------------ tokens

_SIGNS = "-−－"
_NUMBER = rf"[{_SIGNS}]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?"
_UNITS = (
    "万元", "亿元", "千元", "元", "%", "％", "人次", "个", "辆", "台(套)", "台", "套", "人", "项", "家",
    "户", "处", "件", "篇", "份", "期", "平方米", "㎡", "亩", "公里", "吨",
)  # fmt: skip
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
# (the text is folded first: （套） → (套), ，→ ,)
# _NUMBER from its first digit on (\d{1,3}… as \d\d{0,2}…): a pattern that starts with \d lets the
# regex engine jump from digit to digit instead of trying every character; tokens() takes the sign.
# It starts at no digit inside a run of digits ((?<!\d\d): such a number is glued, see tokens()) and
# never gives digits back (++, *+: no unit starts with a digit, a comma or a dot, so a shorter
# number can never be followed by its unit).
_TOKEN = re.compile(rf"(\d(?<!\d\d)(?:\d{{0,2}}+(?:,\d{{3}})++|\d*+)(?:\.\d++)?+)\s*({_UNIT_ALT})")
_GLUED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.,_/-")
# 完成年初预算的96.35。 — a completion rate printed without its %
_BARE_RATE = re.compile(rf"完成(?:了)?(?:年初)?预算(?:数)?的\s*({_NUMBER})(?![\d%％.,]|\s*[%％])")
_AFTER_THRESHOLD = re.compile(r"\s*(?:\([^)]{0,8}\))?\s*(?:及)?(?:以上|以下|以内|左右|上下|多|余)")
# words that make the number after them a bound or an ordinal (looked for at the end of the 8
# characters before the number, spaces after them allowed)
_BEFORE_BOUND = (
    "≥", "≤", ">", "<", "≈", "~", "～", ">=", "<=", "大于", "小于", "不低于", "不高于", "不少于", "不多于", "不超过",
    "超过", "约", "近", "逾", "第", "每", "前", "后",
)  # fmt: skip
_MONEY = {"万元": Decimal(1), "亿元": Decimal(10000), "千元": Decimal("0.1"), "元": Decimal("0.0001")}
_COUNT_UNITS = {
    "个",
    "辆",
    "台(套)",
    "台",
    "套",
    "人",
    "人次",
    "项",
    "家",
    "户",
    "处",
    "件",
    "篇",
    "份",
    "期",
}
_AREA_UNITS = {"平方米", "㎡", "亩", "公里", "吨"}
_MEASURES = {unit: "amount" for unit in _MONEY} | {"%": "percent"} | {unit: "area" for unit in _AREA_UNITS}

# ------------------------------------------------------------------ words between the numbers

_SEPARATORS = ",;:。!?"  # after folding
_SENTENCE_END = re.compile(r"[。!?！？]")
_CLAUSE_END = ";"
_SHARE = re.compile(
    r"(?:其中)?(?:分别)?占(?P<whole>[^,;:。]*?)(?:的)?(?:比重|比例)?(?:为|是)?$|(?:占比|所占比重|比重)(?:为|是)?$"
)
_RATE_CHANGE = re.compile(
    r"(?P<verb>增长|下降|降低|上升|增加|减少|增幅|降幅|增长率|下降率)(?:了)?(?:为|是)?$"
)
_AMOUNT_CHANGE = re.compile(r"(?P<verb>增加|减少|增长|下降|降低|上升|增|减)(?:了)?$")
_COMPARED = re.compile(r"比|较|与.{0,12}相比|同比|上年|去年")
_COMPLETION = re.compile(
    r"完成(?:了)?(?:年初)?预算(?:数)?的$|(?:预算)?执行率(?:为|是|达到)?$|完成率(?:为|是)?$"
)
_BUDGET = re.compile(r"(?:年初)?预算(?:数)?(?:为|是)$|预算安排(?:为|是)$")
_ACTUAL = re.compile(r"(?:支出)?决算(?:数)?(?:为|是)$|实际支出(?:为|是)?$")
_NEGATIVE = ("减少", "下降", "降低", "减", "降幅", "下降率")
_GROUP = re.compile(r"其中|主要包括|主要用于|支出包括|收入包括|分别为|包括")
_FUNDS = re.compile(
    r"一般公共预算|政府性基金预算|国有资本经营预算|部门预算|预算单位|预算绩效|完成(?:年初)?预算"
)
_GENERIC_AMOUNT = re.compile(
    r"^(?:共计|合计|涉及|支出|自评|评价|项目)*(?:项目)?(?:金额|资金)(?:为|是|共计)?$"
)
_YEAR_PREFIX = re.compile(r"^(?:\d{4}\s*年(?:度)?(?:期末|末|底)?)")
_OWNER = re.compile(r"^(?:本部门|本单位|部门|单位)")  # the department, not named
_TRIM_TAIL = re.compile(r"(?:均|各|共|合计)?(?:为|是|达|共计)$")
_SCOPE_TAIL = re.compile(r"(?:年初)?(?:预算|决算)(?:数)?$")
# the group ``top`` is a top-level heading (第一部分, 一、, 1、), which starts a section
_HEADING = re.compile(
    r"^(?:(?P<top>第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|\d{1,2}\s*、)"
    r"|\d{1,2}[.．](?!\d)|[（(][一二三四五六七八九十\d]+[）)])"
)
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}\s*[．.、](?!\d)|[（(][一二三四五六七八九十\d]+[）)])")
_ITEM = re.compile(r"^\s*\d{1,3}\s*[．.、]\s*(?P<path>.+?\([^()]*项\))")
_CARRY = re.compile(r"(?:其中|如下|包括|主要用于以下方面|具体情况如下)[:]?\s*$")
_TERMINAL = tuple("。;:!?！？；：.…")
_NEAR = 48  # a concept is named within this many characters before its number

# kinds of statement, as sets (a test against a set is cheaper than against a tuple of enum members)
_PRIMARY = frozenset(
    {StatementKind.AMOUNT, StatementKind.COUNT, StatementKind.COMPLETION, StatementKind.ITEM}
)
# with a number of their own
_STATED = frozenset({StatementKind.AMOUNT, StatementKind.COUNT, StatementKind.COMPLETION})
# a budget and what was spent of it
_SPENT = frozenset({StatementKind.COMPLETION, StatementKind.ITEM})
# about the number of another statement
_DERIVED = frozenset({StatementKind.SHARE, StatementKind.CHANGE, StatementKind.PERCENT})


def _decimal(text: str) -> Decimal | None:
    """The value of a number matched by _NUMBER (a sign can only be its first character)."""
    if text[0] in _SIGNS:
        text = "-" + text[1:]
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


# The small records below are plain classes with __slots__: there is one per paragraph and per
# number, and these are cheaper to create (and to define at import) than dataclasses.


class _Piece:
    """A paragraph of a passage: where its text starts in the passage, its line and page (read
    once from the paragraph: attribute reads of a pydantic model are slow)."""

    __slots__ = ("line", "page", "start")

    def __init__(self, start: int, line: int | None, page: int | None) -> None:
        self.start = start
        self.line = line
        self.page = page


class _Passage:
    __slots__ = ("heading", "pieces", "section", "text")

    def __init__(self, text: str, pieces: list[_Piece], section: str | None, heading: bool = False) -> None:
        self.text = text
        self.pieces = pieces
        self.section = section
        self.heading = heading

    def place(self, offset: int) -> tuple[int | None, int | None, int]:
        """(line, page, offset in that paragraph) of a passage offset."""
        piece = self.pieces[0]
        for candidate in self.pieces:
            if candidate.start <= offset:
                piece = candidate
        return piece.line, piece.page, offset - piece.start


class _Token:
    __slots__ = ("bare", "end", "measure", "start", "text", "unit", "value")

    def __init__(
        self, value: Decimal, text: str, unit: str, start: int, end: int, bare: bool = False
    ) -> None:
        self.value = value
        self.text = text
        self.unit = unit
        self.start = start
        self.end = end
        self.bare = bare  # a rate printed without %
        self.measure = _MEASURES.get(unit, "count")  # amount | percent | area | count


def is_heading(paragraph: Paragraph) -> bool:
    text = paragraph.text.strip()
    return _is_heading(paragraph, text, paragraph.heading or _HEADING.match(text) is not None)


def _is_heading(paragraph: Paragraph, text: str, numbered: bool) -> bool:
    """``numbered``: the (stripped) ``text`` starts like a heading (``_HEADING``)."""
    if paragraph.heading:
        return True
    return numbered and len(text) <= 40 and _TOKEN.search(text) is None


def passages(paragraphs: list[Paragraph]) -> list[_Passage]:
    """Paragraphs, with those split by a page break joined again; each with its section heading."""
    out: list[_Passage] = []
    section: str | None = None
    current: _Passage | None = None
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        numbered = _HEADING.match(text)
        heading = _is_heading(paragraph, text, numbered is not None)
        if heading and numbered is not None and numbered.group("top") is not None:
            section = text
        joinable = (
            current is not None
            and not heading
            and not current.heading
            and numbered is None
            and not current.text.endswith(_TERMINAL)  # (the text of a passage is stripped)
            and _continues(current.pieces[-1], paragraph.line, paragraph.page)
        )
        if joinable and current is not None:
            current.pieces.append(_Piece(len(current.text), paragraph.line, paragraph.page))
            current.text += text
            continue
        current = _Passage(text, [_Piece(0, paragraph.line, paragraph.page)], section, heading)
        out.append(current)
    return out


def _continues(before: _Piece, line: int | None, page: int | None) -> bool:
    """Whether the paragraph at ``line`` on ``page`` goes on from ``before`` (the next page, or a
    few lines on). Neither is a heading (passages() joins no heading)."""
    if before.page is not None and page is not None and page != before.page:
        return page == before.page + 1
    if before.line is not None and line is not None:
        return 0 < line - before.line <= 6
    return True


def tokens(text: str) -> list[_Token]:
    """The numbers of a (folded) passage that carry a unit and are stated, not bounds."""
    found: list[_Token] = []
    for match in _TOKEN.finditer(text):
        start = match.start()
        if start and text[start - 1] in _SIGNS:
            start -= 1
        if start and text[start - 1] in _GLUED:
            continue  # PM2.5, NO2, 2020-2021 …  (a number glued to a letter or digit is no figure)
        end = match.end()
        before = text[max(0, start - 8) : start].rstrip()
        if _AFTER_THRESHOLD.match(text, end) or before.endswith(_BEFORE_BOUND):
            continue
        number, unit = text[start : match.end(1)], match.group(2)
        value = _decimal(number)
        if value is None:
            continue
        found.append(_Token(value, number, "%" if unit == "％" else unit, start, end))
    if "完成" in text:
        for match in _BARE_RATE.finditer(text):
            value = _decimal(match.group(1))
            if value is not None:
                found.append(_Token(value, match.group(1), "%", match.start(1), match.end(1), bare=True))
        found.sort(key=lambda t: t.start)
    return found


# ------------------------------------------------------------------ the reader


class _Group:
    __slots__ = ("concept", "sentence", "subject")

    def __init__(self, subject: Statement | None, concept: str | None, sentence: int) -> None:
        self.subject = subject  # the stated whole (None: a concept without a number)
        self.concept = concept
        self.sentence = sentence


class _State:
    __slots__ = (
        "by_id",
        "carried",
        "department_names",
        "document",
        "heading",
        "heading_total",
        "previous",
        "statements",
    )

    def __init__(self, document: Document) -> None:
        self.document = document
        self.statements: list[Statement] = []
        self.carried: _Group | None = None  # a 其中： that ends a passage opens a group for the next ones
        self.previous: Statement | None = None  # the last stated figure of the previous passage
        self.department_names: tuple[str, ...] = ()  # the department's name, folded, with and without (汇总)
        self.by_id: dict[str, Statement] = {}
        # the total a heading names when it is broken down by 类/项 (…当年拨款结构情况): the whole of
        # the class and item lines under it that name none
        self.heading: str | None = None  # the last heading's text, until heading_concept() reads it
        self.heading_total: str | None = None

    def heading_concept(self) -> str | None:
        """The total the current heading names (read on first use: the vocabulary loads lazily)."""
        if self.heading is not None:
            self.heading_total = _heading_concept(vocabulary(), self.heading)
            self.heading = None
        return self.heading_total

    def new_id(self) -> str:
        return f"s{len(self.statements) + 1}"


def extract_statements(document: Document) -> list[Statement]:
    """Every quantitative statement of ``document.paragraphs``, in reading order."""
    state = _State(document)
    if document.department:
        name = fold(document.department)
        state.department_names = (name, re.sub(r"\([^)]*\)$", "", name))
    for passage in passages(document.paragraphs):
        if passage.heading:
            state.carried = None
            state.previous = None
            state.heading, state.heading_total = passage.text, None
            continue
        _read_passage(state, passage)
    return state.statements


_DIGIT = re.compile(r"\d")


def _heading_concept(vocab: Vocabulary, text: str) -> str | None:
    """The concept a heading names, if it breaks down by 类 (``（二）一般公共预算当年拨款结构情况``)."""
    match = vocab.find(fold(text))
    if match is None:
        return None
    for concept_id, part_only in match.concepts:
        concept = vocab.get(concept_id)
        if not part_only and concept is not None and concept.classes:
            return concept_id
    return None


def _read_passage(state: _State, passage: _Passage) -> None:
    if _DIGIT.search(passage.text) is None:  # most prose states no figure
        if state.carried is not None and not _CARRY.search(fold(passage.text)):
            state.carried = None
        return
    folded = fold(passage.text)
    found = tokens(folded)
    item = _item(passage.text, folded) if found else None
    carried = state.carried
    state.carried = None
    if carried is not None and item is None and _NUMBERED.match(passage.text):
        carried = None  # a new numbered point (1． 2． （一）) ends a list of parts
    if not found:
        if carried is not None and _CARRY.search(folded):
            state.carried = carried
        return
    ends = [m.end() for m in _SENTENCE_END.finditer(folded)]
    reader = _PassageReader(state, passage, folded, ends, item, carried, found)
    for token in found:
        reader.read(token)
    reader.finish()
    state.previous = reader.last_primary() or state.previous
    carry = _CARRY.search(folded)
    if carry:
        last = reader.last_primary()
        if not carry.group(0).startswith("其中") and reader.context[0] is not None:
            state.carried = _Group(None, reader.context[0], -1)  # 具体情况如下： the sentence's subject
        elif last is not None:
            state.carried = _Group(last, last.concept, -1)
    elif carried is not None and (item is not None or reader.parts_of_carried):
        state.carried = carried  # a list of parts (items, 人员经费/公用经费 …) goes on


class _PassageReader:
    def __init__(self, state: _State, passage: _Passage, folded: str, ends: list[int], item, carried, found):
        self.state = state
        self.vocab = vocabulary()  # loaded by the first passage that states a figure, not before
        self.passage = passage
        self.folded = folded
        self.ends = ends
        self.item = item  # (path, code, printed) of a per-item line
        self.carried = carried
        self.found: list[_Token] = found
        self.parts_of_carried = False
        self.group: _Group | None = carried
        self.previous_end = 0
        self.sentence = -1
        self.sentence_start = 0
        self.own: list[Statement] = []  # statements of this passage
        self.pending_budget: tuple[_Token, Statement | None, str | None, str, int] | None = None
        self.context: tuple[str | None, str | None] = (None, None)  # sentence's concept without number
        self._figure_sentence: dict[str, int] = {}  # statement id → sentence index in this passage
        self.lead_start = 0  # where the words before the current number begin

    # ---------------------------------------------------------- helpers

    def _sentence_of(self, offset: int) -> int:
        return bisect_right(self.ends, offset)  # the number of sentence ends at or before offset

    def _sentence_span(self, index: int) -> tuple[int, int]:
        start = self.ends[index - 1] if index > 0 and index - 1 < len(self.ends) else 0
        end = self.ends[index] if index < len(self.ends) else len(self.folded)
        return start, end

    def _clause_span(self, offset: int, sentence_span: tuple[int, int]) -> tuple[int, int]:
        start, end = sentence_span
        left = self.folded.rfind(_CLAUSE_END, start, offset)
        right = self.folded.find(_CLAUSE_END, offset, end)
        return (left + 1 if left >= 0 else start), (right + 1 if right >= 0 else end)

    def _clause_index(self, offset: int) -> tuple[int, int]:
        sentence = self._sentence_of(offset)
        start, _ = self._sentence_span(sentence)
        return sentence, self.folded.count(_CLAUSE_END, start, offset)

    def _figure(self, token: _Token, role: FigureRole, sign: int = 1, statement: str | None = None) -> Figure:
        line, page, offset = self.passage.place(token.start)
        return Figure(
            role=role,
            value=token.value * sign,
            text=self.passage.text[token.start : token.start + len(token.text)],
            unit=token.unit,
            line=line,
            page=page,
            offset=offset,
            statement=statement,
        )

    def _statement(self, kind: StatementKind, token: _Token, **fields) -> Statement:
        line, page, _ = self.passage.place(token.start)
        sentence_start, sentence_end = sentence_span = self._sentence_span(self._sentence_of(token.start))
        clause_start, clause_end = self._clause_span(token.start, sentence_span)
        statement = Statement(
            id=self.state.new_id(),
            kind=kind,
            sentence=self.passage.text[sentence_start:sentence_end].strip(),
            clause=self.passage.text[clause_start:clause_end].strip(),
            line=line,
            page=page,
            section=self.passage.section,
            **fields,
        )
        self.state.statements.append(statement)
        self.state.by_id[statement.id] = statement
        self.own.append(statement)
        return statement

    def last_primary(self, measure: str | None = None, sentence: int | None = None) -> Statement | None:
        for statement in reversed(self.own):
            if statement.kind not in _PRIMARY:
                continue
            if sentence is not None and self._sentence_of_statement(statement) != sentence:
                continue
            figure = _main_figure(statement)
            if figure is None:
                continue
            if measure is not None and _measure(figure.unit) != measure:
                continue
            return statement
        return None

    def _sentence_of_statement(self, statement: Statement) -> int:
        return self._figure_sentence.get(statement.id, -1)

    # ---------------------------------------------------------- concepts

    def _scope(self, text: str) -> str | None:
        if "算" not in text:  # (预算, 决算) the common case, without the substitution
            return None
        text = _FUNDS.sub("", text)
        if "决算" in text:
            return "final"
        if "预算" in text:
            return "budget"
        return None

    def _concept(
        self, lead: str, subject: str | None, measure: str | None = None
    ) -> tuple[str | None, str, Match | None]:
        """(concept id, wording as printed, match) for the words before a number.

        Among the concepts a wording may name, one that the stated whole (``subject``) is made of
        comes first; a wording that names a concept only as such a part names nothing otherwise.
        ``measure`` (amount, count, area) drops concepts of another measure."""
        if len(lead) > _NEAR:
            cut = len(lead) - _NEAR
            concept, wording, match = self._concept(lead[cut:], subject, measure)
            if match is not None:
                match = Match(match.concepts, match.start + cut, match.end + cut, match.text)
            return concept, wording, match
        match = self.vocab.find(lead)
        if match is None:
            return None, "", None
        options = match.concepts
        if measure is not None and measure != "percent":
            concepts = self.vocab.concepts
            options = [option for option in options if _fits(concepts[option[0]].measure, measure)]
        if not options:
            return None, "", None
        return self._choose(options, subject), self._as_printed(lead, match.start, match.end), match

    def _choose(self, options, subject: str | None) -> str | None:
        """The first option the stated whole is made of, else the first that needs no whole."""
        allowed = self.vocab.allowed_under(subject)
        for concept, _ in options:
            if concept in allowed:
                return concept
        for concept, part_only in options:
            if not part_only:
                return concept
        return None

    def _as_printed(self, lead: str, start: int, end: int) -> str:
        """``lead[start:end]`` as printed (the lead is folded text of this passage; folding keeps
        the length, so the same span of the printed passage is the printed wording)."""
        base = self.folded.find(lead, self.lead_start) if lead else -1
        if base < 0:
            base = self.folded.find(lead)
        if base < 0:
            return lead[start:end].translate(_UNFOLD)
        return self.passage.text[base + start : base + end]

    def _exact(self, tail: str) -> tuple[str | None, str]:
        """(concept, wording) of a phrase that is only a bare word once the year, the department's
        name and 预算/决算 are removed (``2024年度…局支出预算`` → 支出)."""
        text = _YEAR_PREFIX.sub("", tail.strip())
        for name in self.state.department_names:
            text = text.replace(name, "")
        text = _YEAR_PREFIX.sub("", _OWNER.sub("", text))  # 本部门2025年支出预算, 2025年部门支出预算
        text = _TRIM_TAIL.sub("", text).strip()
        return self.vocab.exact.get(_SCOPE_TAIL.sub("", text).strip()), text

    def _class(self, lead: str) -> tuple[str, str, int] | None:
        """(code, printed name, end) of the 功能分类 类 named nearest to the end of ``lead``."""
        best = None
        classes = _class_patterns()
        by_start = classes.by_start
        for first in classes.first.finditer(lead, max(0, len(lead) - _NEAR), len(lead) - 1):
            i = first.start()
            for pattern, code in by_start.get(lead[i : i + 2], ()):
                found = pattern.match(lead, i)
                if found is not None and (
                    best is None or (found.end(), found.end() - i) > (best[2], len(best[1]))
                ):
                    best = (code, found.group(0), found.end())
        return best

    # ---------------------------------------------------------- reading one number

    def read(self, token: _Token) -> None:
        sentence = self._sentence_of(token.start)
        if sentence != self.sentence:
            self._new_sentence(sentence)
        self.lead_start = max(self.previous_end, self.sentence_start)
        lead = self.folded[self.lead_start : token.start]
        self.previous_end = token.end
        semicolon = lead.rfind(";")
        cut = max(lead.rfind(","), semicolon, lead.rfind(":"))
        tail = lead[cut + 1 :].strip()
        clause = lead[semicolon + 1 :]
        if _GROUP.search(clause):
            self._open_group(token, clause, sentence)
        else:
            self._close_group_if_foreign(token, lead)
        if token.measure == "percent":
            self._percent(token, lead, tail)
        elif (
            token.measure == "amount"
            and _AMOUNT_CHANGE.search(tail)
            and _COMPARED.search(self.folded, self.sentence_start, token.start)
        ):
            self._change(token, lead, tail)
        elif token.measure == "amount" and "预算" in tail and _BUDGET.search(tail):
            self._budget(token, lead, tail)
        elif token.measure == "amount" and self.pending_budget is not None and _ACTUAL.search(tail):
            self._actual(token, tail)
        else:
            self._value(token, lead, tail)

    def _new_sentence(self, sentence: int) -> None:
        self.flush_budget()
        self.sentence = sentence
        self.sentence_start, _ = self._sentence_span(sentence)
        if self.group is not None and self.group.sentence != -1 and self.group.sentence != sentence:
            self.group = None  # a 其中 list ends with its sentence
        if self.group is not None and self.group.sentence == -1 and sentence > 0 and self.item is None:
            self.group = None  # a list carried from an earlier paragraph ends with the first sentence
        text = self.folded[self.sentence_start : self._first_token_after(self.sentence_start)]
        cut = max(text.rfind(","), text.rfind(";"), text.rfind(":"))
        head = text[: cut + 1] if cut >= 0 else ""
        concept, _, _match = self._concept(head, None) if head else (None, "", None)
        if concept is None:
            concept = self.state.heading_concept()
        self.context = (concept, self._scope(head) if head else None)

    def _first_token_after(self, offset: int) -> int:
        for found in self.found:
            if found.start >= offset:
                return found.start
        return len(self.folded)

    def _open_group(self, token: _Token, lead: str, sentence: int) -> None:
        """``其中：`` / ``主要用于`` opens a list of parts. Its whole is the last statement, or a whole
        that statement is itself part of when the first part belongs there (``X。其中：A，B。其中：C，D``
        lists two breakdowns of X)."""
        measure = token.measure if token.measure != "percent" else None
        last = self.last_primary(measure) or self.state.previous
        if last is None:
            return
        chain = [last]
        while chain[-1].part_of is not None and len(chain) < 4:
            parent = self._find(chain[-1].part_of)
            if parent is None:
                break
            chain.append(parent)
        match = self.vocab.find(lead)
        klass = self._class(lead)
        subject = last
        for candidate in chain:
            concept = self.vocab.get(candidate.concept)
            if concept is None:
                continue
            if klass is not None and (match is None or klass[2] >= match.end):
                if concept.classes:
                    subject = candidate
                    break
                continue
            allowed = self.vocab.allowed_under(candidate.concept)
            if match is not None and any(c in allowed for c, _ in match.concepts):
                subject = candidate
                break
        self.group = _Group(subject, subject.concept, sentence)

    def _close_group_if_foreign(self, token: _Token, lead: str) -> None:
        """A known concept that the open list's whole is not made of, after a ；, ends the list
        (``收入总计…，其中：本年收入…；本年支出总计…``)."""
        if self.group is None or ";" not in lead:
            return
        match = self.vocab.find(lead[lead.rfind(";") + 1 :])
        if match is None or self.group.concept is None:
            return
        allowed = self.vocab.allowed_under(self.group.concept)
        if any(c in allowed for c, _ in match.concepts):
            return
        # ``其中：A…；B…，其中B1…，B2…；C…``: C belongs to the list B's sentence is part of
        outer = (
            self._find(self.group.subject.part_of)
            if self.group.subject is not None and self.group.subject.part_of
            else None
        )
        if outer is not None and any(c in self.vocab.allowed_under(outer.concept) for c, _ in match.concepts):
            self.group = _Group(outer, outer.concept, self.group.sentence)
            return
        self.group = None

    def _subject(self) -> tuple[Statement | None, str | None]:
        if self.group is not None:
            return self.group.subject, self.group.concept
        return None, self.context[0]

    def _value(self, token: _Token, lead: str, tail: str) -> None:
        subject, subject_concept = self._subject()
        concept, wording, match = self._concept(lead, subject_concept, token.measure)
        code = None
        klass = self._class(lead)
        if klass is not None and (match is None or klass[2] >= match.end):
            code, wording = klass[0], self._as_printed(lead, klass[2] - len(klass[1]), klass[2])
            parent = self.vocab.get(subject_concept)
            concept = subject_concept if parent is not None and parent.classes else None
        if concept is None and not wording:
            exact, bare = self._exact(tail)
            if exact is not None:
                concept, wording = exact, bare
        if (
            concept is None
            and token.measure == "amount"
            and _GENERIC_AMOUNT.match(_TRIM_TAIL.sub("", tail) or tail)
        ):
            counted = self.last_primary("count", self.sentence)
            if counted is not None and counted.concept in self.vocab.amount_of:
                concept, wording = self.vocab.amount_of[counted.concept], tail
        if concept is None and token.measure == "count" and not wording:
            trail = self._trail(token)
            concept, wording, _ = (
                self._concept(trail, subject_concept, token.measure) if trail else (None, "", None)
            )
        scope = (
            self._scope(tail) or (self.context[1] if subject is None else subject.scope) or self.context[1]
        )
        if scope is None and subject is not None and subject.kind in _SPENT:
            scope = "final"  # 预算为…，支出决算为…。其中：A…，B…: the parts of what was spent
        kind = StatementKind.COUNT if token.measure in ("count", "area") else StatementKind.AMOUNT
        part_of = subject.id if subject is not None else None
        if self.carried is not None and subject is self.carried.subject and concept is not None:
            self.parts_of_carried = True
        fields = {"wording": wording, "concept": concept, "scope": scope, "code": code, "part_of": part_of}
        if self.item is not None and kind == StatementKind.AMOUNT:
            kind = self._as_item(kind, fields)
        statement = self._statement(kind, token, **fields)
        statement.figures.append(self._figure(token, FigureRole.VALUE, statement=statement.id))
        self._figure_sentence[statement.id] = self.sentence

    def _trail(self, token: _Token) -> str:
        end = len(self.folded)
        for c in ",;:。":
            position = self.folded.find(c, token.end)
            if position >= 0:
                end = min(end, position)
        return self.folded[token.end : end]

    def _percent(self, token: _Token, lead: str, tail: str) -> None:
        share = _SHARE.search(tail)
        if share is not None:
            self._share(token, share.group("whole") or "")
            return
        completion = _COMPLETION.search(tail) is not None
        change = _RATE_CHANGE.search(tail)
        if change is not None and not completion:
            self._rate(token, lead, change.group("verb"))
            return
        if completion or token.bare:
            self._completion_rate(token, lead)
            return
        _concept, wording, _ = self._concept(lead, self._subject()[1])
        statement = self._statement(StatementKind.PERCENT, token, wording=wording, concept=None)
        statement.figures.append(self._figure(token, FigureRole.RATE, statement=statement.id))
        self._figure_sentence[statement.id] = self.sentence

    def _same_clause(self, statement: Statement, token: _Token) -> bool:
        if self._figure_sentence.get(statement.id) != self.sentence:
            return False
        figure = _main_figure(statement)
        if figure is None:
            return False
        mine = self._clause_index(token.start)
        start = self._offset_of(figure)
        return start is not None and self._clause_index(start) == mine

    def _offset_of(self, figure: Figure) -> int | None:
        for piece in self.passage.pieces:
            if piece.line == figure.line and piece.page == figure.page and figure.offset is not None:
                return piece.start + figure.offset
        return None

    def _share(self, token: _Token, whole_text: str) -> None:
        part = self.last_primary(None, self.sentence)
        if part is not None and not self._same_clause(part, token):
            part = None
        whole_text = whole_text.strip()
        whole_concept = None
        whole_statement = None
        if whole_text:
            whole_concept = self.vocab.whole.get(re.sub(r"^(?:部门|单位|本部门|本单位)", "", whole_text))
            if whole_concept is not None:
                whole_statement = self._stated(whole_concept)
        elif part is not None and part.part_of is not None:
            whole_statement = self._find(part.part_of)
            whole_concept = whole_statement.concept if whole_statement is not None else None
        elif part is not None and self.context[0] is not None:
            whole_concept = self.context[0]
            whole_statement = self._stated(whole_concept, self.context[1])
        statement = self._statement(
            StatementKind.SHARE,
            token,
            wording=part.wording if part is not None else "",
            concept=part.concept if part is not None else None,
            scope=part.scope if part is not None else None,
            code=part.code if part is not None else None,
            about=part.id if part is not None else None,
            part_of=part.part_of if part is not None else None,
            whole_wording=whole_text.translate(_UNFOLD) if whole_text else "",
            whole_concept=whole_concept,
        )
        statement.figures.append(self._figure(token, FigureRole.RATE, statement=statement.id))
        if part is not None:
            value = _main_figure(part)
            if value is not None:
                statement.figures.append(value.model_copy(update={"role": FigureRole.PART}))
        if whole_statement is not None:
            value = _main_figure(whole_statement)
            if value is not None:
                statement.figures.append(value.model_copy(update={"role": FigureRole.WHOLE}))
        self._figure_sentence[statement.id] = self.sentence

    def _find(self, statement_id: str) -> Statement | None:
        return self.state.by_id.get(statement_id)

    def _stated(self, concept: str, scope: str | None = None) -> Statement | None:
        """The nearest earlier statement of ``concept`` with a number (this passage first)."""
        for pool in (self.own, self.state.statements):
            for statement in reversed(pool):
                if statement.concept != concept or statement.code is not None:
                    continue
                if statement.kind not in _STATED:
                    continue
                figure = _main_figure(statement)
                if figure is None or (scope is not None and statement.scope not in (scope, None)):
                    continue
                if scope == "budget" and statement.kind == StatementKind.COMPLETION:
                    continue
                return statement
        return None

    def _referent(self, lead: str) -> Statement | None:
        """The statement a change is about (see the module docstring)."""
        clause_text = lead
        concept, _, match = self._concept(clause_text, self._subject()[1])
        if concept is not None and match is not None:
            named = self.vocab.get(concept)
            for candidate in (concept, *(named.same_as if named is not None else ())):
                for statement in reversed(self.own):
                    if statement.concept == candidate and statement.kind in _STATED:
                        return statement
                stated = self._stated(candidate)
                if stated is not None:
                    return stated
            return None
        current = self.last_primary()
        if current is None:
            return None
        if self.group is None or current.part_of is None:
            return current
        # inside a 其中 list: the part of this ；-clause when it stands alone there, else the whole
        sentence, clause = self._clause_index(self._offset_of(current.figures[0]) or 0)
        same_clause = [
            s for s in self.own
            if s.part_of == current.part_of and s.figures and self._offset_of(s.figures[0]) is not None
            and self._clause_index(self._offset_of(s.figures[0]) or 0) == (sentence, clause)
            and s.kind in (StatementKind.AMOUNT, StatementKind.COUNT)
        ]  # fmt: skip
        if len(same_clause) == 1 and self.folded.count(";", self.sentence_start, len(self.folded)) > 0:
            return current
        return self.group.subject

    def _change(self, token: _Token, lead: str, tail: str) -> None:
        self.flush_budget()  # （项）预算数为160.00万元，比上年增加…: the change is of that amount
        verb = _AMOUNT_CHANGE.search(tail).group("verb")
        sign = -1 if verb in _NEGATIVE else 1
        self._change_statement(token, lead, FigureRole.CHANGE, sign, with_code=True)

    def _rate(self, token: _Token, lead: str, verb: str) -> None:
        sign = -1 if verb in _NEGATIVE else 1
        for statement in reversed(self.own):
            if (
                statement.kind == StatementKind.CHANGE
                and self._figure_sentence.get(statement.id) == self.sentence
            ):
                if statement.figure(FigureRole.RATE) is None:
                    statement.figures.append(
                        self._figure(token, FigureRole.RATE, sign, statement=statement.id)
                    )
                    return
                break
        self._change_statement(token, lead, FigureRole.RATE, sign, with_code=False)

    def _change_statement(
        self, token: _Token, lead: str, role: FigureRole, sign: int, *, with_code: bool
    ) -> None:
        """A change (amount or rate) about the figure the lead refers to, with that figure as current."""
        referent = self._referent(lead)
        fields = {}
        if referent is not None:
            fields = {"concept": referent.concept, "scope": referent.scope, "about": referent.id}
            if with_code:
                fields["code"] = referent.code
        statement = self._statement(
            StatementKind.CHANGE, token, wording=referent.wording if referent is not None else "", **fields
        )
        statement.figures.append(self._figure(token, role, sign, statement=statement.id))
        if referent is not None:
            current = _main_figure(referent)
            if current is not None:
                statement.figures.append(current.model_copy(update={"role": FigureRole.CURRENT}))
        self._figure_sentence[statement.id] = self.sentence

    def _budget(self, token: _Token, lead: str, tail: str) -> None:
        self.flush_budget()
        subject, subject_concept = self._subject()
        concept, wording, _ = self._concept(lead, subject_concept)
        self.pending_budget = (token, subject, concept, wording, self.sentence)

    def flush_budget(self) -> None:
        """A 预算为 with no 决算为 after it is a budget amount."""
        if self.pending_budget is None:
            return
        token, subject, concept, wording, _ = self.pending_budget
        self.pending_budget = None
        fields = {
            "wording": wording,
            "concept": concept,
            "part_of": subject.id if subject is not None else None,
        }
        if self.item is not None:
            self._as_item(StatementKind.AMOUNT, fields)
        statement = self._statement(StatementKind.AMOUNT, token, scope="budget", **fields)
        statement.figures.append(self._figure(token, FigureRole.VALUE, statement=statement.id))
        self._figure_sentence[statement.id] = self.sentence

    def _actual(self, token: _Token, tail: str) -> None:
        budget, subject, concept, wording, _sentence = self.pending_budget
        self.pending_budget = None
        kind = StatementKind.COMPLETION
        fields = {
            "wording": wording,
            "concept": concept,
            "part_of": subject.id if subject is not None else None,
        }
        if self.item is not None:
            kind = self._as_item(kind, fields)
        statement = self._statement(kind, token, **fields)
        statement.figures.append(self._figure(budget, FigureRole.BUDGET, statement=statement.id))
        statement.figures.append(self._figure(token, FigureRole.ACTUAL, statement=statement.id))
        self._figure_sentence[statement.id] = self.sentence

    def _completion_rate(self, token: _Token, lead: str) -> None:
        self.flush_budget()
        for statement in reversed(self.own):
            if self._figure_sentence.get(statement.id) != self.sentence:
                break
            if (
                statement.kind in (StatementKind.COMPLETION, StatementKind.ITEM)
                and statement.figure(FigureRole.RATE) is None
            ):
                statement.figures.append(self._figure(token, FigureRole.RATE, statement=statement.id))
                return
            if (
                statement.kind == StatementKind.AMOUNT
                and statement.scope != "budget"
                and self._same_clause(statement, token)
            ):
                # 公务接待费支出决算2.28万元，完成预算的8.07%: the amount is the actual
                statement.kind = StatementKind.COMPLETION
                for figure in statement.figures:
                    if figure.role == FigureRole.VALUE:
                        figure.role = FigureRole.ACTUAL
                statement.figures.append(self._figure(token, FigureRole.RATE, statement=statement.id))
                return
            if statement.kind in _DERIVED:
                continue
            break
        concept, wording, _ = self._concept(lead, self._subject()[1])
        statement = self._statement(StatementKind.COMPLETION, token, wording=wording, concept=concept)
        statement.figures.append(self._figure(token, FigureRole.RATE, statement=statement.id))
        self._figure_sentence[statement.id] = self.sentence

    def _as_item(self, kind: StatementKind, fields: dict) -> StatementKind:
        """The statement of a per-item line names the item (``fields`` are updated before the
        statement is made); its kind: a completion there is an item."""
        path, code, printed = self.item
        subject, subject_concept = self._subject()
        parent = self.vocab.get(subject_concept)
        fields["path"] = path
        fields["code"] = code
        fields["wording"] = printed
        fields["concept"] = subject_concept if parent is not None and parent.classes else None
        if subject is not None:
            fields["part_of"] = subject.id
        return StatementKind.ITEM if kind == StatementKind.COMPLETION else kind

    def finish(self) -> None:
        self.flush_budget()


def _main_figure(statement: Statement) -> Figure | None:
    """The value figure of a statement, else its actual figure (one pass over the figures)."""
    actual = None
    for figure in statement.figures:
        if figure.role == FigureRole.VALUE:
            return figure
        if actual is None and figure.role == FigureRole.ACTUAL:
            actual = figure
    return actual


def _fits(concept_measure: str, token_measure: str) -> bool:
    if concept_measure == "amount":
        return token_measure == "amount"
    return token_measure in ("count", "area")


def _measure(unit: str) -> str:
    if unit in _MONEY:
        return "amount"
    if unit == "%":
        return "percent"
    return "count"


_UNFOLD = str.maketrans({"(": "（", ")": "）", ",": "，", ";": "；", ":": "："})


def _item(text: str, folded: str) -> tuple[list[str], str | None, str] | None:
    """A per-item line ``N．类（类）款（款）项（项）。…``: (printed names, code, printed path)."""
    match = _ITEM.match(folded)
    if match is None:
        return None
    from perfbudget.reference import parse_path

    printed = text[match.start("path") : match.end("path")]
    names = parse_path(printed)
    if not names:
        return None
    return names, _resolve(tuple(names)), printed


@lru_cache(maxsize=4096)
def _resolve(names: tuple[str, ...]) -> str | None:
    """The 功能分类 code a 类/款/项 name path names (the reference data does not change)."""
    from perfbudget.reference import functional

    subject = functional.resolve_path(list(names))
    return subject.code if subject is not None else None


class _ClassNames:
    """The 功能分类 类 names as patterns, indexed by their first two characters; ``first`` finds
    the characters a name can start with (the places worth a look up)."""

    def __init__(self, by_start: dict[str, list[tuple[re.Pattern[str], str]]]) -> None:
        self.by_start = by_start
        self.first = re.compile("[" + "".join(sorted({re.escape(key[0]) for key in by_start})) + "]")


_CLASS_CACHE: list[_ClassNames] = []


def _class_patterns() -> _ClassNames:
    """One pattern per 功能分类 类 name (and older names): ``教育(类)支出``, ``其他支出(类)``,
    indexed by the name's first two characters."""
    if _CLASS_CACHE:
        return _CLASS_CACHE[0]
    from perfbudget.reference import functional, normalize_name

    by_start: dict[str, list[tuple[re.Pattern[str], str]]] = {}
    for subject in functional.classes():
        for name in subject.names:
            key = fold(normalize_name(name))
            if key.endswith("支出"):
                pattern = rf"{re.escape(key[:-2])}等?(?:\(类\))?支出(?:\(类\))?"
            else:
                pattern = rf"{re.escape(key)}(?:\(类\))?"
            by_start.setdefault(key[:2], []).append((re.compile(pattern), subject.code))
    _CLASS_CACHE.append(_ClassNames(by_start))
    return _CLASS_CACHE[0]
