"""A report a person reads: what the prose of a document states, what agrees and what does not.

``build_report(document)`` runs the checks and collects, for every finding, the sentence it quotes,
an excerpt of the table around each cited cell and the arithmetic; ``render_html`` and
``render_markdown`` print it. The report opens with a summary (statements read, checked, agreeing,
not agreeing) and lists the findings by severity, then by the section of the document they are in.

Everything taken from a document is escaped (HTML entities in HTML; in Markdown, the characters
Markdown or an HTML-rendering viewer would read as markup). No Django: plain string templates.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from string import Template

from perfbudget.model.document import Document
from perfbudget.model.findings import CitedCell, Finding, Severity
from perfbudget.model.narrative import Statement
from perfbudget.model.tables import Table

SEVERITY_NAMES = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_EXCERPT_ROWS = 2  # rows shown above and below a cited cell


# ------------------------------------------------------------------ the report's content


@dataclass
class Excerpt:
    """A few rows × the relevant columns of a table, around the cells a finding cites."""

    title: str
    headers: list[str]
    rows: list[list[str]]
    marked: set[tuple[int, int]] = field(default_factory=set)  # (row, column) of the cited cells
    where: str = ""


@dataclass
class Entry:
    finding: Finding
    title: str  # the rule's title
    section: str
    sentences: list[tuple[str, list[str]]]  # (sentence, the printed figures it is cited for)
    excerpts: list[Excerpt]
    arithmetic: list[str]


@dataclass
class Summary:
    statements: int = 0  # quantitative statements read from the prose
    mapped: int = 0  # … whose concept is in the vocabulary
    checked: int = 0  # … that took part in at least one comparison
    agree: int = 0  # … all of whose comparisons agree (rounding included)
    disagree: int = 0  # … with at least one comparison that does not
    by_severity: dict[str, int] = field(default_factory=dict)


@dataclass
class Report:
    title: str
    source: str
    summary: Summary
    entries: list[Entry]


def build_report(document: Document, extra_findings: Iterable[Finding] = ()) -> Report:
    """The report of one document: its checks (and ``extra_findings``, e.g. corpus checks)."""
    from perfbudget.check import RULES, all_rules, run_checks
    from perfbudget.check.rules.narrative import comparisons

    all_rules()
    findings = run_checks(document) + list(extra_findings)
    findings.sort(key=lambda f: (f.severity.rank, f.ref.line if f.ref and f.ref.line else 0, f.rule))
    summary = _summary(document, comparisons(document), findings)
    by_line = _statements_by_line(document)
    entries = []
    for finding in findings:
        rule = RULES.get(finding.rule)
        entries.append(
            Entry(
                finding=finding,
                title=rule.title if rule else finding.rule,
                section=_section(document, finding, by_line),
                sentences=_sentences(document, finding),
                excerpts=_excerpts(document, finding),
                arithmetic=_arithmetic(finding),
            )
        )
    parts = [
        document.department or "",
        f"{document.fiscal_year}年度" if document.fiscal_year else "",
        document.stage or "",
    ]
    title = " ".join(p for p in parts if p) or document.source.name
    return Report(title=title, source=document.source.path, summary=summary, entries=entries)


def _summary(document: Document, comparisons, findings: list[Finding]) -> Summary:
    summary = Summary(
        statements=len(document.statements), mapped=sum(1 for s in document.statements if s.concept)
    )
    checked: set[str] = set()
    wrong: set[str] = set()
    for comparison in comparisons:
        checked.add(comparison.statement.id)
        checked.update(f.statement for f in comparison.figures if f.statement)
        if comparison.verdict == "disagree":
            wrong.add(comparison.statement.id)  # the statement that makes the claim
    summary.checked = len(checked)
    summary.disagree = len(wrong)
    summary.agree = summary.checked - summary.disagree
    for severity in Severity:
        summary.by_severity[severity.value] = sum(1 for f in findings if f.severity == severity)
    return summary


def _statements_by_line(document: Document) -> dict[int, Statement]:
    out: dict[int, Statement] = {}
    for statement in document.statements:
        for figure in statement.figures:
            if figure.line is not None:
                out.setdefault(figure.line, statement)
        if statement.line is not None:
            out.setdefault(statement.line, statement)
    return out


def _section(document: Document, finding: Finding, by_line: dict[int, Statement]) -> str:
    for cell in finding.cells:
        if cell.ref.table is None and cell.ref.line is not None and cell.ref.line in by_line:
            return by_line[cell.ref.line].section or "情况说明"
    for cell in finding.cells:
        if cell.ref.table:
            try:
                return f"《{document.table(cell.ref.table).title}》"
            except KeyError:
                continue
    return "读取" if finding.rule.startswith("read.") else "其他"


def _sentences(document: Document, finding: Finding) -> list[tuple[str, list[str]]]:
    """The sentences a finding quotes, each once, with the figures cited in it."""
    out: dict[str, list[str]] = {}
    for cell in finding.cells:
        if cell.ref.table is None and cell.text and cell.ref.file == document.source.path:
            figures = out.setdefault(cell.text, [])
            if cell.value is not None:
                figures.append(_printed(cell))
        elif cell.ref.table is None and cell.text:
            out.setdefault(cell.text, [])
    return list(out.items())


def _printed(cell: CitedCell) -> str:
    value = cell.value
    if value is None:
        return ""
    return f"{abs(value)}"


def _excerpts(document: Document, finding: Finding) -> list[Excerpt]:
    """For each table a finding cites: the cited rows and their neighbours, the cited columns."""
    cited: dict[str, list[CitedCell]] = {}
    for cell in finding.cells:
        if cell.ref.table and cell.ref.file == document.source.path:
            cited.setdefault(cell.ref.table, []).append(cell)
    excerpts = []
    for table_id, cells in cited.items():
        try:
            table = document.table(table_id)
        except KeyError:
            continue
        excerpts.append(_excerpt(table, cells))
    return excerpts


def _excerpt(table: Table, cells: list[CitedCell]) -> Excerpt:
    rows_cited = sorted({c.ref.row for c in cells if c.ref.row is not None})
    sides = {table.rows[i].side for i in rows_cited if i < len(table.rows)}
    candidates = [i for i, r in enumerate(table.rows) if not sides or r.side in sides]
    shown: list[int] = []
    for index in rows_cited:
        if index not in candidates:
            continue
        at = candidates.index(index)
        for neighbour in candidates[max(0, at - _EXCERPT_ROWS) : at + _EXCERPT_ROWS + 1]:
            if neighbour not in shown:
                shown.append(neighbour)
    if len(shown) > 14:  # many cited rows (a sum over a whole table): the cited ones only
        shown = [i for i in rows_cited if i in candidates]
    shown.sort()
    columns = []
    for cell in cells:
        if cell.ref.column and cell.ref.column not in columns and cell.ref.column not in ("name", "code"):
            columns.append(cell.ref.column)  # (a cited name or code is shown by the first columns)
    side = next(iter(sides)) if len(sides) == 1 else None
    headers = ["编码", "项目"]
    for key in columns:
        column = table.column(key, side)
        headers.append("/".join(column.header) if column and column.header else key)
    rows: list[list[str]] = []
    marked: set[tuple[int, int]] = set()
    cited_at = {(c.ref.row, c.ref.column) for c in cells}
    for position, index in enumerate(shown):
        row = table.rows[index]
        values = [row.code or "", row.label]
        for j, key in enumerate(columns):
            cell = row.cells.get(key)
            values.append(cell.text if cell and cell.text else "")
            if (index, key) in cited_at:
                marked.add((position, j + 2))
        rows.append(values)
    if not any(r[0] for r in rows):
        headers = headers[1:]
        rows = [r[1:] for r in rows]
        marked = {(i, j - 1) for i, j in marked}
    where = ""
    lines = sorted({c.ref.where() for c in cells})
    if lines:
        where = "、".join(lines[:4]) + ("…" if len(lines) > 4 else "")
    return Excerpt(title=table.title, headers=headers, rows=rows, marked=marked, where=where)


_PERCENT_RULES = ("narrative.share", "narrative.change", "narrative.completion")


def _arithmetic(finding: Finding) -> list[str]:
    unit = "%" if finding.rule in _PERCENT_RULES else ""
    points = " 个百分点" if unit else ""
    out = []
    if finding.expected is not None:
        out.append(f"按其他数字算得：{_fmt(finding.expected)}{unit}")
    if finding.actual is not None:
        out.append(f"文中/表中印出：{_fmt(finding.actual)}{unit}")
    if finding.difference is not None:
        out.append(f"相差：{_fmt(finding.difference, signed=True)}{points}")
    if finding.tolerance is not None:
        out.append(f"允许的尾数误差：{_fmt(finding.tolerance)}{points}")
    return out


def _fmt(value: Decimal, signed: bool = False) -> str:
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -4:
        value = value.quantize(Decimal("0.0001"))
    return f"{value:+,}" if signed else f"{value:,}"


# ------------------------------------------------------------------ HTML

_PAGE = Template("""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>核对报告：$title</title>
<style>
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 60em; line-height: 1.6; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; } h3 { font-size: 1.05em; color: #444; }
.summary td, .summary th { padding: .2em .8em; text-align: left; }
.finding { border-left: 4px solid #999; padding: .3em 1em; margin: 1em 0; background: #fafafa; }
.finding.error { border-color: #c0392b; } .finding.warning { border-color: #e67e22; } .finding.info { border-color: #7f8c8d; }
.rule { font-family: monospace; color: #555; font-size: .9em; }
blockquote { margin: .5em 0; padding: .3em .8em; background: #fff; border: 1px solid #ddd; }
mark { background: #ffe08a; }
table.excerpt { border-collapse: collapse; margin: .5em 0; font-size: .9em; }
table.excerpt th, table.excerpt td { border: 1px solid #ccc; padding: .15em .5em; }
table.excerpt td.cited { background: #ffe08a; font-weight: bold; }
.arith { font-family: monospace; font-size: .9em; color: #333; }
.where { color: #777; font-size: .85em; }
</style>
</head>
<body>
<h1>核对报告：$title</h1>
<p class="where">文件：$source</p>
$summary
$body
</body>
</html>
""")


def render_html(report: Report) -> str:
    e = html.escape
    s = report.summary
    summary = (
        '<h2>摘要</h2>\n<table class="summary">\n'
        f"<tr><th>情况说明中读出的数字陈述</th><td>{s.statements}</td></tr>\n"
        f"<tr><th>其中概念可识别的</th><td>{s.mapped}</td></tr>\n"
        f"<tr><th>已核对的陈述</th><td>{s.checked}</td></tr>\n"
        f"<tr><th>核对一致（含尾数误差）</th><td>{s.agree}</td></tr>\n"
        f"<tr><th>核对不一致</th><td>{s.disagree}</td></tr>\n"
        f"<tr><th>发现（全部规则）</th><td>错误 {s.by_severity.get('error', 0)}，"
        f"警告 {s.by_severity.get('warning', 0)}，提示 {s.by_severity.get('info', 0)}</td></tr>\n"
        "</table>"
    )
    body: list[str] = []
    for severity in Severity:
        entries = [x for x in report.entries if x.finding.severity == severity]
        if not entries:
            continue
        inner: list[str] = []
        for section, group in _by_section(entries):
            inner.append(f"<h3>{e(section)}</h3>")
            inner.extend(_entry_html(entry) for entry in group)
        heading = f"<h2>{SEVERITY_NAMES[severity]}（{len(entries)}）</h2>"
        if severity == Severity.INFO:
            body.append(
                f"{heading}\n<details><summary>展开（在尾数误差以内的差异等）</summary>\n"
                + "\n".join(inner)
                + "\n</details>"
            )
        else:
            body.append(heading + "\n" + "\n".join(inner))
    if not body:
        body.append("<p>没有发现问题。</p>")
    return _PAGE.substitute(
        title=e(report.title), source=e(report.source), summary=summary, body="\n".join(body)
    )


def _by_section(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.section, []).append(entry)
    return list(groups.items())


def _entry_html(entry: Entry) -> str:
    e = html.escape
    finding = entry.finding
    where = e(finding.ref.where()) if finding.ref else ""
    parts = [
        f'<div class="finding {finding.severity.value}">',
        f'<p><span class="rule">{e(finding.rule)}</span> {e(entry.title)} <span class="where">{where}</span></p>',
        f"<p>{e(finding.message)}</p>",
    ]
    for sentence, figures in entry.sentences:
        parts.append(f"<blockquote>{_highlight_html(sentence, figures)}</blockquote>")
    for excerpt in entry.excerpts:
        parts.append(_excerpt_html(excerpt))
    if entry.arithmetic:
        parts.append('<p class="arith">' + "<br>".join(e(line) for line in entry.arithmetic) + "</p>")
    parts.append("</div>")
    return "\n".join(parts)


def _highlight_html(sentence: str, figures: list[str]) -> str:
    """The sentence, escaped, with the cited figures marked."""
    text = html.escape(sentence)
    for figure in sorted({f for f in figures if f}, key=len, reverse=True):
        pattern = _figure_pattern(figure)
        text = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", text, count=1)
    return text


def _figure_pattern(figure: str) -> re.Pattern[str]:
    """A printed number in any of its printings: 12305.48 matches ``12,305.48``; not inside another."""
    digits = figure.replace(",", "")
    integer, _, fraction = digits.partition(".")
    grouped = ",?".join(re.escape(ch) for ch in integer)
    body = grouped + (r"\." + re.escape(fraction) if fraction else "")
    return re.compile(rf"(?<![\d.,]){body}(?![\d]|\.\d)")


def _excerpt_html(excerpt: Excerpt) -> str:
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in excerpt.headers)
    rows = []
    for i, row in enumerate(excerpt.rows):
        cells = []
        for j, value in enumerate(row):
            css = ' class="cited"' if (i, j) in excerpt.marked else ""
            cells.append(f"<td{css}>{e(value)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption = f"《{e(excerpt.title)}》" + (
        f' <span class="where">{e(excerpt.where)}</span>' if excerpt.where else ""
    )
    return f'<table class="excerpt"><caption>{caption}</caption><tr>{head}</tr>' + "".join(rows) + "</table>"


# ------------------------------------------------------------------ Markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~])")


def md_escape(text: str) -> str:
    """Text from a document, safe in Markdown: markup characters backslash-escaped, and the characters
    an HTML-rendering viewer would read as tags turned into entities."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def render_markdown(report: Report) -> str:
    s = report.summary
    out = [
        f"# 核对报告：{md_escape(report.title)}",
        "",
        f"文件：{md_escape(report.source)}",
        "",
        "## 摘要",
        "",
        "| 项目 | 数量 |",
        "|---|---|",
        f"| 情况说明中读出的数字陈述 | {s.statements} |",
        f"| 其中概念可识别的 | {s.mapped} |",
        f"| 已核对的陈述 | {s.checked} |",
        f"| 核对一致（含尾数误差） | {s.agree} |",
        f"| 核对不一致 | {s.disagree} |",
        f"| 发现（全部规则） | 错误 {s.by_severity.get('error', 0)}，警告 {s.by_severity.get('warning', 0)}，"
        f"提示 {s.by_severity.get('info', 0)} |",
        "",
    ]
    if not report.entries:
        out.append("没有发现问题。")
    for severity in Severity:
        entries = [x for x in report.entries if x.finding.severity == severity]
        if not entries:
            continue
        out.append(f"## {SEVERITY_NAMES[severity]}（{len(entries)}）")
        out.append("")
        for section, group in _by_section(entries):
            out.append(f"### {md_escape(section)}")
            out.append("")
            for entry in group:
                out.extend(_entry_markdown(entry))
    return "\n".join(out).rstrip() + "\n"


def _entry_markdown(entry: Entry) -> list[str]:
    finding = entry.finding
    where = md_escape(finding.ref.where()) if finding.ref else ""
    lines = [
        f"- **{md_escape(entry.title)}**（`{finding.rule}`，{where}）",
        "",
        f"  {md_escape(finding.message)}",
        "",
    ]
    for sentence, _ in entry.sentences:
        lines.append(f"  > {md_escape(sentence)}")
        lines.append("")
    for excerpt in entry.excerpts:
        lines.append(f"  《{md_escape(excerpt.title)}》{md_escape(excerpt.where)}")
        lines.append("")
        lines.append("  | " + " | ".join(md_escape(h) for h in excerpt.headers) + " |")
        lines.append("  |" + "---|" * len(excerpt.headers))
        for i, row in enumerate(excerpt.rows):
            cells = [
                f"**{md_escape(v)}**" if (i, j) in excerpt.marked and v else md_escape(v)
                for j, v in enumerate(row)
            ]
            lines.append("  | " + " | ".join(cells) + " |")
        lines.append("")
    if entry.arithmetic:
        lines.append("  " + "；".join(md_escape(a) for a in entry.arithmetic))
        lines.append("")
    return lines
