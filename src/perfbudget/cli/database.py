"""Commands that use the database: import, check of stored documents, the demo."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from perfbudget.cli.errors import EXIT_OK, EXIT_USAGE
from perfbudget.model.document import Document

console = Console(stderr=True)


def _database() -> None:
    from perfbudget.store.django_setup import migrate

    migrate()


def stored_documents() -> Iterator[Document]:
    _database()
    from perfbudget.store.importer import document_from_store
    from perfbudget.store.models import Document as StoredDocument

    for stored in StoredDocument.objects.order_by("pk").iterator():
        yield document_from_store(stored)


def run_import(paths: list[Path], *, quiet: bool = False) -> int:
    _database()
    from perfbudget.check import run_checks
    from perfbudget.read.paths import expand_paths
    from perfbudget.store.importer import import_paths

    files = expand_paths(paths)
    with Progress(
        TextColumn("[bold]导入"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[name]}"),
        TimeRemainingColumn(),
        console=console,
        disable=quiet,
        transient=True,
    ) as progress:
        task = progress.add_task("import", total=len(files), name="")

        def advance(event) -> None:
            progress.update(task, completed=event.index, name=Path(event.result.path).name)
            if event.result.status == "error":
                progress.console.print(f"[red]✗[/red] {event.result.message}")

        summary = import_paths(files, run_checks=run_checks, progress=advance)
    if not quiet:
        _print_summary(summary)
    return EXIT_USAGE if summary.errors else EXIT_OK


def _print_summary(summary) -> None:
    table = Table(title="导入结果", show_header=True)
    table.add_column("文件")
    table.add_column("结果")
    table.add_column("表格", justify="right")
    table.add_column("行", justify="right")
    table.add_column("错误/警告/提示", justify="right")
    labels = {
        "stored": "[green]已入库[/green]",
        "duplicate": "[yellow]重复（已存在）[/yellow]",
        "error": "[red]失败[/red]",
    }
    for result in summary.results:
        counts = result.findings
        table.add_row(
            Path(result.path).name,
            labels[result.status] + (f" {result.message}" if result.status == "error" else ""),
            str(result.tables or ""),
            str(result.rows or ""),
            f"{counts.get('error', 0)}/{counts.get('warning', 0)}/{counts.get('info', 0)}" if counts else "",
        )
    out = Console()
    out.print(table)
    found = summary.findings
    out.print(
        f"入库 {summary.stored} 个，重复 {summary.duplicates} 个，失败 {summary.errors} 个；"
        f"表格 {summary.tables} 张，数据行 {summary.rows} 行；"
        f"发现错误 {found.get('error', 0)} 项、警告 {found.get('warning', 0)} 项、提示 {found.get('info', 0)} 项。"
    )


def _publish(files: list[Path]) -> None:
    """The sample department's disclosures are public documents: every signed-in reader sees them."""
    import hashlib

    from django.utils import timezone

    from perfbudget.store.models import Document as StoredDocument

    digests = [hashlib.sha256(f.read_bytes()).hexdigest() for f in files]
    StoredDocument.objects.filter(sha256__in=digests, published=False).update(
        published=True, published_at=timezone.now()
    )


def run_demo(home: Path | None) -> int:
    """Import the sample department's documents and print what the checks found."""
    if home is not None:
        os.environ["PERFBUDGET_HOME"] = str(home)
    from perfbudget.demo import sample_files

    files = sample_files()
    status = run_import(files)
    if status != EXIT_OK:
        return status
    _publish(files)
    from perfbudget.check import run_checks
    from perfbudget.cli.output import finding_lines
    from perfbudget.model.findings import Severity

    out = Console()
    out.print("\n[bold]示例部门的检查结果（错误与警告）[/bold]")
    errors = 0
    for document in stored_documents():
        if not any(Path(document.source.path).resolve() == f.resolve() for f in files):
            continue
        for finding in run_checks(document):
            if finding.severity == Severity.INFO:
                continue
            errors += finding.severity == Severity.ERROR
            for line in finding_lines(finding, verbose=False):
                sys.stdout.write(line + "\n")  # one finding, one line: grep-able, never wrapped
    out.print(
        f"\n共发现错误 {errors} 项（示例数据中有意埋入了一处错误）。"
        "用 `perfbudget check` 检查你自己的文件：有错误时退出码为 1。"
    )
    return EXIT_OK  # the demo ran as intended; `check` is the command whose exit code reports errors
