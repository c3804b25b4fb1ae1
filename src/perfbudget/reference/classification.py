"""政府收支分类科目: the national budget classification, and lookups used by recognizers and checks.

Four systems are held, one CSV each under ``reference/data/``:

* ``functional`` — 支出功能分类科目: 类 (3 digits) → 款 (5) → 项 (7).
* ``economic`` — 部门预算支出经济分类科目: 类 (3 digits, 301…399) → 款 (5).
* ``government_economic`` — 政府预算支出经济分类科目: 类 (501…599) → 款.
* ``revenue`` — 收入分类科目: 类 (101…110) → 款 → 项.

The CSVs are parsed lazily, once per system, on the first lookup; importing this module reads no file.

Printed names are compared after :func:`normalize_name`, which

1. applies Unicode NFKC (full-width parentheses, digits and spaces become half-width),
2. drops HTML tags (``<b>…</b>``) and Markdown emphasis (``**``),
3. removes all whitespace,
4. reads ``其它`` as ``其他``,
5. drops a ``等`` right before a final ``支出`` (``资源勘探工业信息等支出`` = ``资源勘探工业信息支出``).

:func:`name_matches` also strips a leading ordinal (``十一、``, ``（三）``, ``3．``) from the printed name.
A printed name matches a subject when it equals, after normalisation, the subject's current name or
one of its aliases (former names of the same code).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "LEVEL_NAMES",
    "Classification",
    "ExpenseKind",
    "NameCheck",
    "NameStatus",
    "Subject",
    "System",
    "check_name",
    "economic",
    "functional",
    "get_classification",
    "government_economic",
    "join_code",
    "level_of",
    "name_matches",
    "normalize_code",
    "normalize_name",
    "parse_path",
    "revenue",
    "strip_ordinal",
    "system_for_code",
]


class System(StrEnum):
    """A classification system."""

    FUNCTIONAL = "functional"  # 支出功能分类
    ECONOMIC = "economic"  # 部门预算支出经济分类
    GOVERNMENT_ECONOMIC = "government_economic"  # 政府预算支出经济分类
    REVENUE = "revenue"  # 收入分类

    @property
    def label(self) -> str:
        return _SYSTEM_LABELS[self]


_SYSTEM_LABELS = {
    System.FUNCTIONAL: "支出功能分类科目",
    System.ECONOMIC: "部门预算支出经济分类科目",
    System.GOVERNMENT_ECONOMIC: "政府预算支出经济分类科目",
    System.REVENUE: "收入分类科目",
}

# Other spellings accepted by get_classification(); "economic_dept" is the name used in model.tables.Row.
_SYSTEM_ALIASES = {
    "economic_dept": System.ECONOMIC,
    "dept_economic": System.ECONOMIC,
    "economic_gov": System.GOVERNMENT_ECONOMIC,
    "gov_economic": System.GOVERNMENT_ECONOMIC,
    "government": System.GOVERNMENT_ECONOMIC,
    "income": System.REVENUE,
}


class ExpenseKind(StrEnum):
    """The basic-expenditure split a 经济分类 subject normally falls in."""

    PERSONNEL = "personnel"  # 人员经费
    PUBLIC = "public"  # 公用经费

    @property
    def label(self) -> str:
        return "人员经费" if self is ExpenseKind.PERSONNEL else "公用经费"


LEVEL_NAMES = {1: "类", 2: "款", 3: "项"}
_LEVEL_BY_LENGTH = {3: 1, 5: 2, 7: 3}


def level_of(code: str) -> int | None:
    """1 for a 3-digit code (类), 2 for 5 digits (款), 3 for 7 digits (项); ``None`` for anything else."""
    code = normalize_code(code)
    return _LEVEL_BY_LENGTH.get(len(code)) if code else None


def normalize_code(code: object) -> str | None:
    """The digits of a printed code (``" 2110101"``, ``"211-01-01"``, full-width digits), or ``None``.

    Only whitespace and hyphens are dropped, so an amount such as ``455.42`` is never read as a code.
    Returns ``None`` unless the result is 3, 5 or 7 digits.
    """
    if code is None:
        return None
    text = unicodedata.normalize("NFKC", str(code))
    text = re.sub(r"[\s\-]", "", text)
    if not text.isascii() or not text.isdigit() or len(text) not in _LEVEL_BY_LENGTH:
        return None
    return text


def join_code(lei: str, kuan: str = "", xiang: str = "") -> str | None:
    """Join split 类/款/项 columns (``"211", "01", "01"``) into one code (``"2110101"``)."""
    parts = [unicodedata.normalize("NFKC", p or "").strip() for p in (lei, kuan, xiang)]
    if parts[2] and not parts[1]:
        return None
    return normalize_code("".join(parts))


def system_for_code(code: str) -> System | None:
    """The system a code belongs to by its first digit: 1 收入, 2 功能, 3 部门经济, 5 政府经济."""
    code = normalize_code(code)
    if code is None:
        return None
    return {
        "1": System.REVENUE,
        "2": System.FUNCTIONAL,
        "3": System.ECONOMIC,
        "5": System.GOVERNMENT_ECONOMIC,
    }.get(code[0])


# --------------------------------------------------------------------------- names

_ORDINAL_RE = re.compile(
    r"""^\s*(?:
        [一二三四五六七八九十百零〇两]+\s*[、.．]          # 十一、
      | [（(]\s*[一二三四五六七八九十\d]+\s*[）)]\s*[、.．]?  # （三） (3)
      | \d+\s*[、．]                                       # 3、 3．
      | \d+\.(?!\d)                                        # 3.  (not 3.5)
    )\s*""",
    re.VERBOSE,
)
_MARKUP_RE = re.compile(r"<[^>]*>|\*+")
_SPACE_RE = re.compile(r"\s+")
_TRAILING_DENG_RE = re.compile(r"等支出$")
_TRAILING_ORDINAL_PAREN_RE = re.compile(r"\([一二三四五六七八九十]\)$")


def strip_ordinal(text: str) -> str:
    """Drop a leading list ordinal: ``十一、节能环保支出`` → ``节能环保支出``."""
    return _ORDINAL_RE.sub("", text, count=1)


def normalize_name(text: str) -> str:
    """The comparison form of a subject name (see the module docstring for the rules)."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _MARKUP_RE.sub("", text)
    text = _SPACE_RE.sub("", text)
    text = text.replace("其它", "其他")
    return _TRAILING_DENG_RE.sub("支出", text)


def _printed_key(printed_name: str) -> str:
    return normalize_name(strip_ordinal(unicodedata.normalize("NFKC", printed_name or "")))


_PATH_RE = re.compile(r"(.+?)[（(]\s*\d*\s*([类款项])\s*[）)]")


def parse_path(text: str) -> list[str]:
    """Split prose like ``教育支出（类）进修及培训（款）培训支出（项）`` into ``["教育支出", "进修及培训", "培训支出"]``.

    Codes inside the markers (``（208类）``) are ignored, and so is text after the last marker.
    A leading list ordinal (``1．``) is stripped.
    """
    text = strip_ordinal(text.strip().strip("“”\"'"))
    return [m.group(1).strip().strip("“”\"'") for m in _PATH_RE.finditer(text)]


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Subject:
    """One 科目 of a classification.

    ``parent`` is the parent's code (``None`` for a 类). ``aliases`` are other names of the same code,
    mostly names of earlier editions. ``valid_from``/``valid_to`` are the first and last edition years
    in which the code exists, where known (``None`` = unknown or open). ``expense_kind`` is set for
    经济分类 subjects that fall in 人员经费 or 公用经费. ``evidence`` says where the row was checked:
    ``seed`` (printed with this name in a seed disclosure), ``web`` (seen in public material) or
    ``memory`` (compiled from knowledge of the editions, not checked against the official text).
    """

    system: System
    code: str
    name: str
    level: int
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    valid_from: int | None = None
    valid_to: int | None = None
    expense_kind: ExpenseKind | None = None
    evidence: str = ""
    note: str = ""

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES[self.level]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def in_force(self, year: int) -> bool:
        """False only when the recorded validity years exclude ``year``."""
        if self.valid_from is not None and year < self.valid_from:
            return False
        return not (self.valid_to is not None and year > self.valid_to)

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


def name_matches(subject: Subject, printed_name: str) -> bool:
    """Whether a printed name is the subject's name or one of its aliases, after normalisation.

    A leading ordinal (``十一、``) is ignored. See :func:`normalize_name`.
    """
    key = _printed_key(printed_name)
    return bool(key) and any(normalize_name(n) == key for n in subject.names)


class NameStatus(StrEnum):
    MATCH = "match"  # the printed name is the code's current name
    ALIAS = "alias"  # it is an alias (an earlier name) of the code
    MISMATCH = "mismatch"  # the code is known and the name is not its name: 科目名称与编码不符
    UNKNOWN_CODE = "unknown_code"  # the code is not in the reference data


@dataclass(frozen=True, slots=True)
class NameCheck:
    """The result of comparing a printed (code, name) pair with the reference data.

    ``candidates`` lists, for a mismatch or an unknown code, the subjects whose name is the printed
    name (the code the printer may have meant). ``in_force`` is ``None`` when no year was given.
    """

    system: System
    code: str
    printed_name: str
    status: NameStatus
    subject: Subject | None = None
    matched_name: str | None = None
    candidates: tuple[Subject, ...] = ()
    year: int | None = None
    in_force: bool | None = None

    @property
    def ok(self) -> bool:
        return self.status in (NameStatus.MATCH, NameStatus.ALIAS)

    @property
    def reference_name(self) -> str | None:
        return self.subject.name if self.subject else None

    @property
    def message(self) -> str:
        label = self.system.label
        if self.status is NameStatus.MATCH:
            return f"{self.code} “{self.printed_name}”与{label}一致"
        if self.status is NameStatus.ALIAS:
            return f"{self.code} “{self.printed_name}”是旧称或别称，现行名称为“{self.reference_name}”"
        if self.status is NameStatus.UNKNOWN_CODE:
            text = f"{label}中没有编码 {self.code}"
        else:
            text = f"科目名称与编码不符：{self.code} 印为“{self.printed_name}”，应为“{self.reference_name}”"
        if self.candidates:
            text += "；名称“{}”对应 {}".format(self.printed_name, "、".join(c.code for c in self.candidates))
        return text


# --------------------------------------------------------------------------- the classification


@dataclass(slots=True)
class _Index:
    by_code: dict[str, Subject]
    children: dict[str | None, tuple[Subject, ...]]
    by_name: dict[str, list[tuple[Subject, bool]]]  # normalized name -> [(subject, via_alias)]
    by_loose_name: dict[str, list[Subject]]  # name without a trailing （一）/（二）


class Classification:
    """One classification system: lookups by code and by name. Data are loaded on first use."""

    def __init__(self, system: System, filename: str) -> None:
        self.system = system
        self.filename = filename
        self._index: _Index | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Classification({self.system.value!r}, loaded={self.is_loaded})"

    # ----- loading

    @property
    def is_loaded(self) -> bool:
        return self._index is not None

    def _data(self) -> _Index:
        index = self._index
        if index is None:
            with self._lock:
                if self._index is None:
                    self._index = _build_index(self.system, _read_rows(self.filename))
                index = self._index
        return index

    # ----- by code

    def get(self, code: object) -> Subject | None:
        key = normalize_code(code)
        return self._data().by_code.get(key) if key else None

    def __contains__(self, code: object) -> bool:
        return self.get(code) is not None

    def __iter__(self) -> Iterator[Subject]:
        return iter(self._data().by_code.values())

    def __len__(self) -> int:
        return len(self._data().by_code)

    def name_of(self, code: object) -> str | None:
        subject = self.get(code)
        return subject.name if subject else None

    def classes(self) -> tuple[Subject, ...]:
        """The 类 subjects, in code order."""
        return self._data().children.get(None, ())

    def children(self, code: object) -> tuple[Subject, ...]:
        """The subjects one level below ``code``, in code order (the 类 for ``None``)."""
        if code is None:
            return self.classes()
        key = normalize_code(code)
        return self._data().children.get(key, ()) if key else ()

    def parent(self, code: object) -> Subject | None:
        subject = self.get(code)
        return self.get(subject.parent) if subject and subject.parent else None

    def ancestors(self, code: object) -> tuple[Subject, ...]:
        """The chain from the 类 down to ``code`` itself (empty if unknown)."""
        chain: list[Subject] = []
        subject = self.get(code)
        while subject is not None:
            chain.append(subject)
            subject = self.get(subject.parent) if subject.parent else None
        return tuple(reversed(chain))

    def descendants(self, code: object) -> tuple[Subject, ...]:
        out: list[Subject] = []
        stack = list(reversed(self.children(code)))
        while stack:
            s = stack.pop()
            out.append(s)
            stack.extend(reversed(self.children(s.code)))
        return tuple(out)

    # ----- by name

    def find_by_name(
        self, name: str, *, level: int | None = None, under: str | None = None, year: int | None = None
    ) -> tuple[Subject, ...]:
        """Every subject whose name or alias is ``name`` (normalised; a leading ordinal is ignored).

        ``level`` keeps one level, ``under`` keeps descendants of a code, ``year`` drops subjects whose
        validity years exclude it. Current-name matches come before alias matches, then by level and code.
        If nothing matches exactly, subjects whose name differs only by a trailing ``（一）``/``（二）``
        are returned (``资本性支出`` → 50601 资本性支出（一） and 50602 资本性支出（二）).
        """
        key = _printed_key(name)
        if not key:
            return ()
        data = self._data()
        hits = [(s, alias) for s, alias in data.by_name.get(key, []) if self._keep(s, level, under, year)]
        if hits:
            hits.sort(key=lambda h: (h[1], h[0].level, h[0].code))
            unique: dict[str, Subject] = {}
            for s, _ in hits:
                unique.setdefault(s.code, s)
            return tuple(unique.values())
        loose = [s for s in data.by_loose_name.get(key, []) if self._keep(s, level, under, year)]
        return tuple(sorted(loose, key=lambda s: (s.level, s.code)))

    def by_name(
        self, name: str, *, level: int | None = None, under: str | None = None, year: int | None = None
    ) -> Subject | None:
        """The one subject called ``name``, or ``None`` when there is none or the name is ambiguous.

        Among several matches a current-name match beats an alias match, and then a single match at the
        highest level (类 before 款 before 项) wins: ``其他支出`` in ``economic`` is 399, not 39999.
        Names repeated at one level (``行政运行``, ``办公设备购置``) need ``under`` (or ``level``).
        """
        hits = self.find_by_name(name, level=level, under=under, year=year)
        if len(hits) <= 1:
            return hits[0] if hits else None
        key = _printed_key(name)
        current = [s for s in hits if normalize_name(s.name) == key]
        pool = current or list(hits)
        top = min(s.level for s in pool)
        best = [s for s in pool if s.level == top]
        return best[0] if len(best) == 1 else None

    def class_by_name(self, printed_name: str, *, year: int | None = None) -> Subject | None:
        """A 类 from its printed name, with or without its ordinal (``十一、节能环保支出``), drift tolerated."""
        return self.by_name(printed_name, level=1, year=year)

    def resolve_path(self, names: Sequence[str] | str, *, strict: bool = False) -> Subject | None:
        """The subject named by a 类/款/项 name path, e.g. ``["教育支出", "进修及培训", "培训支出"]``.

        A string is split with :func:`parse_path` first. Each name is looked up among the children of
        the subject found so far. Unless ``strict``, a name that does not resolve there is skipped and
        the next one is looked up among all descendants (so a misprinted 款 name does not hide a
        correct 项 name); the result must still be unique.
        """
        if isinstance(names, str):
            names = parse_path(names)
        if not names:
            return None
        current = self.class_by_name(names[0])
        if current is None and not names[0].endswith("支出"):
            current = self.class_by_name(names[0] + "支出")  # 一般公共服务（类）: the 类 name without 支出
        if current is None:
            return None
        skipped = False
        for name in names[1:]:
            found = self._child_by_name(current.code, name)
            if found is None and skipped:
                found = self.by_name(name, under=current.code)
            if found is None:
                if strict:
                    return None
                skipped = True
                continue
            current, skipped = found, False
        return None if skipped else current

    def _child_by_name(self, code: str, name: str) -> Subject | None:
        key = _printed_key(name)
        hits = [s for s in self.children(code) if any(normalize_name(n) == key for n in s.names)]
        return hits[0] if len(hits) == 1 else None

    def check_name(self, code: object, printed_name: str, *, year: int | None = None) -> NameCheck:
        """Compare a printed (code, name) pair with the reference: see :class:`NameCheck`."""
        key = normalize_code(code)
        shown = key or str(code)
        subject = self.get(key) if key else None
        if subject is None:
            return NameCheck(
                self.system,
                shown,
                printed_name,
                NameStatus.UNKNOWN_CODE,
                candidates=self._likely_codes(key or "", printed_name),
                year=year,
            )
        in_force = subject.in_force(year) if year is not None else None
        wanted = _printed_key(printed_name)
        if normalize_name(subject.name) == wanted:
            return NameCheck(
                self.system,
                shown,
                printed_name,
                NameStatus.MATCH,
                subject,
                subject.name,
                year=year,
                in_force=in_force,
            )
        for alias in subject.aliases:
            if normalize_name(alias) == wanted:
                return NameCheck(
                    self.system,
                    shown,
                    printed_name,
                    NameStatus.ALIAS,
                    subject,
                    alias,
                    year=year,
                    in_force=in_force,
                )
        others = tuple(s for s in self._likely_codes(subject.code, printed_name) if s.code != subject.code)
        return NameCheck(
            self.system,
            shown,
            printed_name,
            NameStatus.MISMATCH,
            subject,
            candidates=others,
            year=year,
            in_force=in_force,
        )

    def _likely_codes(self, code: str, printed_name: str, limit: int = 5) -> tuple[Subject, ...]:
        """Subjects called ``printed_name`` nearest to ``code``: siblings, else same 类, else anywhere.

        Nothing is returned when the nearest group holds more than ``limit`` subjects.
        """
        prefixes = [code[:n] for n in (5, 3) if len(code) > n] if code else []
        for prefix in [*prefixes, None]:
            if prefix is not None and prefix not in self:
                continue
            hits = self.find_by_name(printed_name, under=prefix)
            if prefix is None and len(code) == 3:
                hits = tuple(s for s in hits if s.level == 1) or hits
            if hits:
                return hits if len(hits) <= limit else ()
        return ()

    @staticmethod
    def _keep(s: Subject, level: int | None, under: str | None, year: int | None) -> bool:
        if level is not None and s.level != level:
            return False
        if under is not None:
            prefix = normalize_code(under)
            if prefix is None or s.code == prefix or not s.code.startswith(prefix):
                return False
        return year is None or s.in_force(year)


# --------------------------------------------------------------------------- loading

_COLUMNS = ("code", "name", "level", "parent", "aliases", "valid_from", "valid_to", "evidence", "note")


def _read_rows(filename: str) -> list[dict[str, str]]:
    import csv
    import io
    from importlib import resources

    text = resources.files(__package__).joinpath("data", filename).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in _COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"{filename}: missing columns {missing}")
    return list(reader)


def _year(value: str) -> int | None:
    value = (value or "").strip()
    return int(value) if value else None


def _build_index(system: System, rows: Iterable[dict[str, str]]) -> _Index:
    by_code: dict[str, Subject] = {}
    for row in rows:
        code = (row["code"] or "").strip()
        level = _LEVEL_BY_LENGTH.get(len(code))
        if not code.isdigit() or level is None:
            raise ValueError(f"{system}: bad code {code!r}")
        if code in by_code:
            raise ValueError(f"{system}: duplicate code {code}")
        if int(row["level"]) != level:
            raise ValueError(f"{system}: {code} has level {row['level']}, expected {level}")
        parent = (row["parent"] or "").strip() or None
        if parent != (code[:-2] if level > 1 else None):
            raise ValueError(f"{system}: {code} has parent {parent!r}")
        kind = (row.get("expense_kind") or "").strip()
        by_code[code] = Subject(
            system=system,
            code=code,
            name=row["name"].strip(),
            level=level,
            parent=parent,
            aliases=tuple(a.strip() for a in (row["aliases"] or "").split("|") if a.strip()),
            valid_from=_year(row["valid_from"]),
            valid_to=_year(row["valid_to"]),
            expense_kind=ExpenseKind(kind) if kind else None,
            evidence=(row["evidence"] or "").strip(),
            note=(row["note"] or "").strip(),
        )
    children: dict[str | None, list[Subject]] = {}
    by_name: dict[str, list[tuple[Subject, bool]]] = {}
    by_loose: dict[str, list[Subject]] = {}
    for code in sorted(by_code):
        s = by_code[code]
        if s.parent is not None and s.parent not in by_code:
            raise ValueError(f"{system}: {code} has no parent row {s.parent}")
        children.setdefault(s.parent, []).append(s)
        for i, n in enumerate(s.names):
            by_name.setdefault(normalize_name(n), []).append((s, i > 0))
        loose = _TRAILING_ORDINAL_PAREN_RE.sub("", normalize_name(s.name))
        if loose != normalize_name(s.name):
            by_loose.setdefault(loose, []).append(s)
    return _Index(by_code, {k: tuple(v) for k, v in children.items()}, by_name, by_loose)


# --------------------------------------------------------------------------- module-level systems

functional = Classification(System.FUNCTIONAL, "functional.csv")
economic = Classification(System.ECONOMIC, "economic.csv")
government_economic = Classification(System.GOVERNMENT_ECONOMIC, "government_economic.csv")
revenue = Classification(System.REVENUE, "revenue.csv")

_BY_SYSTEM = {c.system: c for c in (functional, economic, government_economic, revenue)}


def get_classification(system: System | str) -> Classification:
    """The classification for a :class:`System` or its string value (``"economic_dept"`` etc. accepted)."""
    if isinstance(system, str) and not isinstance(system, System):
        key = system.strip().lower()
        system = _SYSTEM_ALIASES.get(key) or System(key)
    return _BY_SYSTEM[system]


def check_name(
    system: System | str, code: object, printed_name: str, *, year: int | None = None
) -> NameCheck:
    """Whether ``printed_name`` is the name of ``code`` in ``system``; see :meth:`Classification.check_name`."""
    return get_classification(system).check_name(code, printed_name, year=year)
