"""Parse an indicator value (指标值, 实际完成值) into a :class:`Target`.

The comparison is written in many ways; all are normalised to one of ``≥ ≤ = > <``:

* symbols ``≥ ≤ > < =`` and their variants ``≧ ≦ ⩾ ⩽ ＞ ＜ ＝``; ASCII ``>= <= > <``;
* 《 (≤) and 》 (≥), only at the very start of the value (elsewhere they are book-title marks);
* words before the number: 不低于 不少于 不小于 至少 达到 大于 高于 超过 (≥ or >), 不高于 不超过
  不大于 不多于 至多 小于 低于 (≤ or <);
* words after it: ``95%以上`` (≥), ``10%以下`` / ``以内`` / ``30天内`` (≤); ``（含）`` is dropped
  (``95%（含）以上``), and so are verbs without a comparison of their own (``控制在100万元以内``);
* words ``大于等于`` / ``大于或等于`` (≥), ``小于等于`` (≤), ``等于`` (=);
* LaTeX ``$\\geq 100$``; reversed ``100%≥``;
* a comparison without a number (``≥``, ``$\\geq$``) is ``operator_only``;
* a range: ``1-2次``, ``3～5天``, ``3至5天``, ``90%-95%``, ``不少于2次且不超过5次`` (``number`` the lower
  bound, ``upper`` the upper one);
* a change against a baseline: ``较上年提高5%``, ``同比下降3%`` (``baseline``, ``change``), or
  without one (``提高6%``, as an actual value is often written);
* a frequency: ``每季度1次`` → 1 ``次/季度``; a trailing ``完成`` is a verb (``100%完成`` → 100 ``%``);
* a count that must be zero: ``零事故``, ``无重大投诉`` (0, ``subject`` ``事故`` / ``重大投诉``), only for
  the nouns of incidents (``无障碍``, ``无害化`` are not zeros).

Anything that is not ``[comparison] number [unit]`` is qualitative; the text is kept whole, without
the quotes that enclose it (``“优良”`` → ``优良``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from perfbudget.model.performance import Comparison, Target

GE, LE, EQ, GT, LT = Comparison.GE, Comparison.LE, Comparison.EQ, Comparison.GT, Comparison.LT

_TRANSLATE = str.maketrans(
    {
        "０": "0",
        "１": "1",
        "２": "2",
        "３": "3",
        "４": "4",
        "５": "5",
        "６": "6",
        "７": "7",
        "８": "8",
        "９": "9",
        "．": ".",
        "％": "%",
        "，": ",",
    }
)
# prefix spellings, longest first within each family (checked in this order)
_PREFIXES: tuple[tuple[str, Comparison, str], ...] = (
    (">=", GE, "ascii"),
    ("<=", LE, "ascii"),
    ("=>", GE, "ascii"),
    ("=<", LE, "ascii"),
    ("≥=", GE, "symbol"),
    ("≤=", LE, "symbol"),
    ("≥", GE, "symbol"),
    ("≤", LE, "symbol"),
    ("⩾", GE, "symbol"),
    ("⩽", LE, "symbol"),
    ("≧", GE, "fullwidth"),
    ("≦", LE, "fullwidth"),
    ("＞＝", GE, "fullwidth"),
    ("＜＝", LE, "fullwidth"),
    ("＞", GT, "fullwidth"),
    ("＜", LT, "fullwidth"),
    ("＝", EQ, "fullwidth"),
    (">", GT, "ascii"),
    ("<", LT, "ascii"),
    ("=", EQ, "equals"),
    ("》", GE, "book_title"),
    ("《", LE, "book_title"),
    ("大于或等于", GE, "word"),
    ("大于等于", GE, "word"),
    ("小于或等于", LE, "word"),
    ("小于等于", LE, "word"),
    ("不低于", GE, "word"),
    ("不少于", GE, "word"),
    ("不小于", GE, "word"),
    ("至少", GE, "word"),
    ("达到", GE, "word"),
    ("不高于", LE, "word"),
    ("不超过", LE, "word"),
    ("不大于", LE, "word"),
    ("不多于", LE, "word"),
    ("至多", LE, "word"),
    ("大于", GT, "word"),
    ("高于", GT, "word"),
    ("超过", GT, "word"),
    ("小于", LT, "word"),
    ("低于", LT, "word"),
    ("等于", EQ, "word"),
)
_PREFIX_CHARS = frozenset(p[0][0] for p in _PREFIXES)
_SUFFIXES: tuple[tuple[str, Comparison], ...] = (
    ("及以上", GE),
    ("以上", GE),
    ("及以下", LE),
    ("以下", LE),
    ("以内", LE),
    ("之内", LE),
    ("内", LE),  # ``30天内``, ``30个工作日内``
)
_OPEN_QUOTES = frozenset("“\"‘'「『")
_CLOSE_QUOTES = frozenset("”\"’'」』")
# verbs before a bound that carry no comparison themselves (the suffix or prefix after them does)
_FILLERS = ("控制在", "保持在", "稳定在", "维持在")
_TRAILING_OPS = {"≥": GE, "≤": LE, ">": GT, "<": LT, "=": EQ, "⩾": GE, "⩽": LE}
_LATEX = (
    (r"\geqslant", "≥"),
    (r"\leqslant", "≤"),
    (r"\geq", "≥"),
    (r"\leq", "≤"),
    (r"\ge", "≥"),
    (r"\le", "≤"),
    (r"\gt", ">"),
    (r"\lt", "<"),
    (r"\%", "%"),
    ("\\", ""),
)
_NUMBER = re.compile(r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_SPACE = re.compile(r"\s+")
# a unit: short, no sentence punctuation, no second comparison, digits only in Latin units (ug/m3)
_UNIT_BAD = re.compile(r"[，,。；;、：:（）()≥≤<>=》《]")
_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[A-Za-z]")
_UNIT_MAX = 10
# "nothing here" marks; unlike amounts, 无 is a value here (无 = none expected)
PLACEHOLDERS = frozenset({"/", "\\", "／", "—", "——", "-", "--", "－", "□", "...", "…", "……", "。。。"})


_BARE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_DASHES = r"\-－—–~～〜"
_RANGE = re.compile(rf"^({_BARE})([^\d{_DASHES}至到]*?)(?:[{_DASHES}]+|至|到)({_BARE})(\D*)$")
_BOTH = re.compile(r"^(.+?)(?:并且|且|同时)(.+)$")
_RELATIVE = re.compile(
    r"^(较上年度?|较去年|较上一年度?|比上年度?|比去年|与上年相比|同比|环比)?"
    r"(提高|增长|增加|上升|提升|下降|降低|减少|压减|缩减|缩短)(.+)$"
)
_PER = re.compile(r"^每(年度|年|半年|季度|季|月|周|日|天)(.+)$")
_ZERO = re.compile(r"^(?:零|无)(\D{1,12})$")
# what a 零/无 target counts (``零事故``, ``无重大投诉``); 无障碍, 无害化, 无纸化 are no counts
_ZERO_NOUNS = (
    "事故",
    "投诉",
    "差错",
    "失误",
    "违规",
    "违纪",
    "违法",
    "事件",
    "案件",
    "伤亡",
    "死亡",
    "纠纷",
    "信访",
    "上访",
    "舆情",
    "泄密",
    "拖欠",
    "安全问题",
    "质量问题",
)
_LOWER_BOUNDS = (GE, GT)
_UPPER_BOUNDS = (LE, LT)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").replace("−", "-"))
    except InvalidOperation:
        return None


def _unit_ok(unit: str) -> bool:
    if len(unit) > _UNIT_MAX or _UNIT_BAD.search(unit):
        return False
    return not _DIGIT.search(unit) or bool(_LATIN.search(unit))


@lru_cache(maxsize=8192)
def parse_target(text: str | None) -> Target | None:
    """``"≥95%"`` → ``Target(op=≥, number=95, unit="%")``; ``""`` → ``None``."""
    if not text:
        return None
    raw = text.strip()
    if not raw or raw in PLACEHOLDERS:
        return None
    if raw[0] in _OPEN_QUOTES and raw[-1] in _CLOSE_QUOTES and len(raw) > 2:
        raw = raw[1:-1].strip()  # ``“优良”``: the quotes are not part of the value
    value = _SPACE.sub("", raw.translate(_TRANSLATE))
    if "含" in value:
        value = value.replace("（含）", "").replace("(含)", "")  # ``95%（含）以上``
    for filler in _FILLERS:
        if value.startswith(filler):
            value = value[len(filler) :]  # ``控制在100万元以内``
            break
    spelling: str | None = None
    if "$" in value:
        value = value.replace("$", "")
        for old, new in _LATEX:
            value = value.replace(old, new)
        spelling = "latex"
    special = _special(value)
    if special is not None:
        return special
    op: Comparison | None = None
    word_op = False
    if value and value[0] in _PREFIX_CHARS:
        for prefix, comparison, kind in _PREFIXES:
            if value.startswith(prefix):
                op, value = comparison, value[len(prefix) :]
                spelling = spelling or kind
                word_op = kind == "word"
                break
    if not value:
        if op is None:
            return Target(qualitative=raw)
        return Target(op=op, operator_only=True, spelling=spelling)
    match = _NUMBER.match(value)
    if match is None:
        if op is not None and not word_op:
            return Target(op=op, qualitative=value, spelling=spelling)
        return Target(qualitative=raw)
    number = _decimal(match.group())
    rest = value[match.end() :]
    if op is None and rest and rest[-1] in _TRAILING_OPS:
        op, rest, spelling = _TRAILING_OPS[rest[-1]], rest[:-1], "reversed"
    for suffix, comparison in _SUFFIXES:
        if rest.endswith(suffix):
            rest = rest[: -len(suffix)]
            if op is None:
                op, spelling = comparison, "suffix"
            break
    if rest.endswith("完成") and number is not None:
        rest = rest[:-2]  # ``100%完成``: the verb is not part of the unit
    approximate = False
    if rest[:1] in ("余", "多") and len(rest) > 1:
        approximate, rest = True, rest[1:]
    if number is None or not _unit_ok(rest):
        return Target(qualitative=raw)
    return Target(
        op=op,
        number=number,
        unit=rest.replace("％", "%") or None,
        approximate=approximate,
        spelling=spelling,
    )


def _special(value: str) -> Target | None:
    """The wordings that are more than ``[comparison] number [unit]``: a range, a change against a
    baseline, a frequency, a zero; ``None`` for anything else."""
    return _range(value) or _relative(value) or _per_period(value) or _zero(value)


def _range(value: str) -> Target | None:
    """``1-2次``, ``90%-95%``, ``3至5天``; ``不少于2次且不超过5次`` (a lower and an upper bound)."""
    match = _RANGE.match(value)
    if match is not None:
        low, high = _decimal(match.group(1)), _decimal(match.group(3))
        first_unit, unit = match.group(2), match.group(4)
        for suffix in ("以内", "之内", "内"):  # ``3-5天以内``: the range is its own bound
            if unit.endswith(suffix):
                unit = unit[: -len(suffix)]
                break
        if first_unit and first_unit != unit:
            return None  # ``2030年6-8月``: not one unit
        return _bounds(low, high, unit, "range")
    both = _BOTH.match(value)
    if both is None:
        return None
    lower, upper = parse_target(both.group(1)), parse_target(both.group(2))
    if lower is None or upper is None or lower.op not in _LOWER_BOUNDS or upper.op not in _UPPER_BOUNDS:
        return None
    if lower.unit and upper.unit and lower.unit != upper.unit:
        return None
    return _bounds(lower.number, upper.number, upper.unit or lower.unit or "", "range_words")


def _bounds(low: Decimal | None, high: Decimal | None, unit: str, spelling: str) -> Target | None:
    if low is None or high is None or low >= high or not _unit_ok(unit):
        return None  # ``2030-06``: not a range
    return Target(number=low, upper=high, unit=unit or None, spelling=spelling)


def _relative(value: str) -> Target | None:
    """``较上年提高5%``, ``同比下降不低于3%``: the size of the change, with its baseline and direction."""
    match = _RELATIVE.match(value)
    if match is None:
        return None
    size = parse_target(match.group(3))
    if size is None or size.number is None or size.is_range:
        return None
    return size.model_copy(update={"baseline": match.group(1), "change": match.group(2)})


def _per_period(value: str) -> Target | None:
    """``每季度1次`` → 1 ``次/季度`` (written as ``≥1次/年`` is)."""
    match = _PER.match(value)
    if match is None:
        return None
    count = parse_target(match.group(2))
    if count is None or count.number is None or count.is_range or not count.unit or "/" in count.unit:
        return None
    return count.model_copy(update={"unit": f"{count.unit}/{match.group(1)}"})


def _zero(value: str) -> Target | None:
    """``零事故``, ``无重大投诉``: none of something counted."""
    match = _ZERO.match(value)
    if match is None or not any(noun in match.group(1) for noun in _ZERO_NOUNS):
        return None
    return Target(number=Decimal(0), subject=match.group(1))
