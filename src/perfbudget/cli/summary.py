"""A short human summary of a parsed document."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from perfbudget.model.document import Document


def print_document(document: Document) -> None:
    console = Console()
    source = document.source
    console.print(
        f"[bold]{source.path}[/bold]  {source.format}"
        + (f"/{source.encoding}" if source.encoding else "")
        + f"  {document.department or '（部门未识别）'}  {document.fiscal_year or ''} {document.stage or ''}"
        + f"  金额单位：{document.money_unit or '—'}"
    )
    table = Table("id", "种类", "标题（原文）", "行", "位置", show_edge=False)
    for t in document.tables:
        where = f"p{t.page}" if t.page else (f"{t.sheet}!{t.line}" if t.sheet else str(t.line or ""))
        table.add_row(t.id, t.kind_name, t.title or "—", str(len(t.rows)), where)
    if document.tables:
        console.print(table)
    forms = Table("绩效表单", "数量", "首个", show_edge=False)
    for label, items, name in (
        ("整体绩效目标", document.department_targets, lambda f: f.unit_name),
        ("项目绩效目标", document.project_targets, lambda f: f.name),
        ("绩效自评表", document.self_evaluations, lambda f: f.project_name or f.unit_name),
        ("绩效评价报告", document.evaluation_reports, lambda f: f.title),
    ):
        if items:
            first = name(items[0])
            forms.add_row(label, str(len(items)), first.text if first is not None else "—")
    if forms.row_count:
        console.print(forms)
    statements = getattr(document, "statements", None)
    if statements:
        console.print(f"情况说明中的数字陈述：{len(statements)} 条")
    if document.findings:
        console.print(f"[yellow]读取时发现 {len(document.findings)} 处无法识别的部分[/yellow]")
        for finding in document.findings:
            console.print(f"  {finding.ref.where() if finding.ref else ''}  {finding.message}", markup=False)
