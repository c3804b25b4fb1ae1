"""``perfbudget``: read, check, import and explore performance-budgeting documents.

Commands that work on files directly (``parse``, ``check FILE…``, ``rules``, ``schema``) never
import Django, so they start fast; the others set up the database first.
"""

import sys
from pathlib import Path
from typing import Annotated

import typer

from perfbudget.cli.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, report_unreadable

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="perfbudget: 预算绩效管理 — read, check, store and serve budget disclosures and performance forms.",
    pretty_exceptions_enable=False,
)

Files = Annotated[
    list[Path],
    typer.Argument(
        help="Files (.txt, .docx, .xlsx, .pdf) or folders to search for them.", show_default=False
    ),
]


@app.command()
def parse(
    files: Files,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print each document's model as one JSON line.")
    ] = False,
) -> None:
    """Read and recognise FILES; print what was found (no database)."""
    import gc

    from perfbudget.pipeline import load_document
    from perfbudget.read import ReadError
    from perfbudget.read.paths import expand_paths

    status = EXIT_OK
    write = _json_writer() if as_json else None
    # A document is many small objects and (for text files) no reference cycles: the cyclic
    # collector would only walk them again and again. It runs between files, once a document is
    # printed and freed.
    collecting = gc.isenabled()
    for path in expand_paths(files):
        gc.disable()
        try:
            document = load_document(path)
            if write is not None:
                write(document)
            else:
                from perfbudget.cli.summary import print_document

                print_document(document)
            del document
        except ReadError as error:
            report_unreadable(str(error))
            status = EXIT_USAGE
        finally:
            if collecting:
                gc.enable()
    raise typer.Exit(status)


def _json_writer():
    """A function that prints a document as one JSON line: the serializer's UTF-8 bytes go straight
    to standard output when it takes UTF-8 bytes (no decoding to str and encoding back)."""
    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    encoding = (getattr(out, "encoding", None) or "").lower().replace("_", "-")
    if buffer is None or encoding not in ("utf-8", "utf8"):

        def write_text(document) -> None:
            out.write(document.model_dump_json())
            out.write("\n")

        return write_text
    out.flush()

    def write_bytes(document) -> None:
        buffer.write(document.__pydantic_serializer__.to_json(document))
        buffer.write(b"\n")

    return write_bytes


@app.command()
def check(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders to check; none = the imported documents."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print findings as JSON.")] = False,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also show information (rounding within tolerance).")
    ] = False,
    rules: Annotated[
        list[str] | None, typer.Option("--rule", help="Run only this rule (repeatable).")
    ] = None,
    brief: Annotated[
        bool, typer.Option("--brief", help="One line per finding, without the cited cells.")
    ] = False,
) -> None:
    """Check FILES (or the imported documents). Exit 1 if any error is found, 0 if none, 2 on bad usage."""
    from perfbudget.check import RULES, all_rules, check_corpus, run_checks
    from perfbudget.cli.output import finding_lines, findings_json
    from perfbudget.model.findings import Severity

    all_rules()
    unknown = [r for r in rules or [] if r not in RULES]
    if unknown:
        report_unreadable(f"unknown rule: {', '.join(unknown)} (see `perfbudget rules`)")
        raise typer.Exit(EXIT_USAGE)
    results: list[tuple[str, list]] = []
    documents = []  # for the checks across documents of one department and year
    status = EXIT_OK
    if files:
        from perfbudget.pipeline import load_document
        from perfbudget.read import ReadError
        from perfbudget.read.paths import expand_paths

        for path in expand_paths(files):
            try:
                document = load_document(path)
            except ReadError as error:
                report_unreadable(str(error))
                status = EXIT_USAGE
                continue
            results.append((document.source.path, run_checks(document, rules)))
            documents.append(document)
    else:
        from perfbudget.cli.database import stored_documents

        for document in stored_documents():
            results.append((document.source.path, run_checks(document, rules)))
            documents.append(document)
    # a finding between documents is listed with the file its first citation is in (the form, the
    # final account), after that file's own findings
    by_path = {path: findings for path, findings in results}
    for finding in check_corpus(documents, rules):
        path = finding.ref.file if finding.ref else ""
        by_path.get(path, results[0][1] if results else []).append(finding)
    errors = sum(1 for _, fs in results for f in fs if f.severity == Severity.ERROR)
    if as_json:
        sys.stdout.write(findings_json(results) + "\n")
    else:
        shown = 0
        for _path, findings in results:
            for finding in findings:
                if finding.severity == Severity.INFO and not show_all:
                    continue
                shown += 1
                sys.stdout.write("\n".join(finding_lines(finding, verbose=not brief)) + "\n")
        counts = {s: sum(1 for _, fs in results for f in fs if f.severity == s) for s in Severity}
        if shown:
            sys.stdout.flush()  # the summary comes after the findings when both go to one pipe
            sys.stderr.write(
                f"{len(results)} 个文件：错误 {counts[Severity.ERROR]}，警告 {counts[Severity.WARNING]}，"
                f"提示 {counts[Severity.INFO]}\n"
            )
        elif results:  # say that the files were checked, and how to see the rounding notes
            more = f"；提示 {counts[Severity.INFO]} 条（--all 显示）" if counts[Severity.INFO] else ""
            sys.stderr.write(f"{len(results)} 个文件：未发现错误或警告{more}\n")
    if status == EXIT_OK and errors:
        status = EXIT_FINDINGS
    raise typer.Exit(status)


@app.command(name="import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to import.", show_default=False)],
) -> None:
    """Store documents in the database (idempotent: the same content twice is one document)."""
    from perfbudget.cli.database import run_import

    raise typer.Exit(run_import(paths))


@app.command()
def rules() -> None:
    """List the rules: id, severity, category and title."""
    from rich.console import Console
    from rich.table import Table

    from perfbudget.check import all_rules

    table = Table("规则 id", "级别", "类别", "说明")
    for item in all_rules():
        table.add_row(item.id, item.severity.value, item.category, item.title)
    Console().print(table)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the document model (the interchange format)."""
    import json

    from perfbudget.model.schema import document_schema

    sys.stdout.write(json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n")


@app.command()
def demo(
    home: Annotated[
        Path | None, typer.Option(help="Where to keep the demo database (default ./var).")
    ] = None,
    serve_after: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Start the web application afterwards.")
    ] = True,
    host: Annotated[str, typer.Option(help="Address for the web application.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port for the web application.")] = 8000,
) -> None:
    """Load the sample department, check it, print the summary, then serve it on the web."""
    from perfbudget.cli.database import run_demo

    status = run_demo(home)
    if status != EXIT_OK or not serve_after:
        raise typer.Exit(status)
    from perfbudget.serve.run import serve as run_server

    raise typer.Exit(run_server(host, port, None))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    home: Annotated[Path | None, typer.Option(help="Where the database lives (default ./var).")] = None,
) -> None:
    """Serve the web pages (in Chinese) and the JSON API; prints the address to open."""
    from perfbudget.serve.run import serve as run_server

    raise typer.Exit(run_server(host, port, home))


@app.command()
def report(
    file: Annotated[
        Path, typer.Argument(help="The document to report on (.txt, .docx, .xlsx, .pdf).", show_default=False)
    ],
    html_out: Annotated[
        Path | None, typer.Option("--html", help="Write the report as HTML to this file.")
    ] = None,
    markdown_out: Annotated[
        Path | None, typer.Option("--markdown", help="Write the report as Markdown to this file.")
    ] = None,
    others: Annotated[
        list[Path] | None,
        typer.Option(
            "--with",
            help="Another document of the same department and year (the budget of a final account); repeatable.",
        ),
    ] = None,
) -> None:
    """Check FILE and write a report a person reads: a summary of the figures its prose states, then the
    findings by severity and section, each with the quoted sentence, the table excerpt and the arithmetic.
    Without --html/--markdown the Markdown goes to standard output."""
    from perfbudget.check import run_corpus_checks
    from perfbudget.export.report import build_report, render_html, render_markdown
    from perfbudget.pipeline import load_document
    from perfbudget.read import ReadError

    try:
        document = load_document(file)
        companions = [load_document(other) for other in others or []]
    except ReadError as error:
        report_unreadable(str(error))
        raise typer.Exit(EXIT_USAGE) from None
    extra = []
    if companions:
        extra = [
            f for f in run_corpus_checks([document, *companions])
            if any(c.ref.file == document.source.path for c in f.cells)
        ]  # fmt: skip
    built = build_report(document, extra)
    if html_out is not None:
        html_out.write_text(render_html(built), encoding="utf-8")
    if markdown_out is not None:
        markdown_out.write_text(render_markdown(built), encoding="utf-8")
    if html_out is None and markdown_out is None:
        sys.stdout.write(render_markdown(built))
    raise typer.Exit(EXIT_OK)


@app.command()
def targets(
    files: Files,
    as_json: Annotated[bool, typer.Option("--json", help="Print the forms and findings as JSON.")] = False,
) -> None:
    """List the performance-target forms of FILES (整体/项目绩效目标) with the findings of the target
    rules (target.*). Exit 1 if any error is found, 0 if none, 2 on bad usage."""
    from rich.console import Console

    from perfbudget.cli.performance import dumps, print_targets, target_findings, targets_payload
    from perfbudget.model.findings import Severity
    from perfbudget.pipeline import load_document
    from perfbudget.read import ReadError

    status, errors, payload = EXIT_OK, 0, []
    console = Console(soft_wrap=True)
    for path in files:
        try:
            document = load_document(path)
        except ReadError as error:
            report_unreadable(str(error))
            status = EXIT_USAGE
            continue
        findings = target_findings(document)
        errors += sum(1 for f in findings if f.severity == Severity.ERROR)
        if as_json:
            payload.append(targets_payload(document, findings))
        else:
            print_targets(document, findings, console)
    if as_json:
        sys.stdout.write(dumps(payload) + "\n")
    raise typer.Exit(EXIT_FINDINGS if status == EXIT_OK and errors else status)


@app.command()
def scores(
    files: Files,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the score cards (with their trees) as JSON.")
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Print the explanation tree of every score.")
    ] = False,
    profiles: Annotated[
        list[str] | None,
        typer.Option(
            "--profile",
            help="A scoring profile (name in score/profiles or a .toml path); repeatable, one per kind.",
        ),
    ] = None,
) -> None:
    """Recompute the scores of the self-evaluations (绩效自评表) and evaluation reports of FILES and
    compare them with the printed ones. Exit 1 if any error is found, 0 if none, 2 on bad usage."""
    from rich.console import Console

    from perfbudget.cli.performance import cards_payload, dumps, print_scores
    from perfbudget.model.findings import Severity
    from perfbudget.pipeline import load_document
    from perfbudget.read import ReadError
    from perfbudget.score import load_profile, score_document

    chosen = {}
    for name in profiles or []:
        try:
            profile = load_profile(name)
        except (ValueError, OSError) as error:
            report_unreadable(str(error))
            raise typer.Exit(EXIT_USAGE) from None
        chosen[profile.kind] = profile
    status, errors, payload = EXIT_OK, 0, []
    console = Console(soft_wrap=True)
    for path in files:
        try:
            document = load_document(path)
        except ReadError as error:
            report_unreadable(str(error))
            status = EXIT_USAGE
            continue
        cards = score_document(document, chosen.get("self_evaluation"), chosen.get("evaluation"))
        errors += sum(1 for c in cards for f in c.findings if f.severity == Severity.ERROR)
        if as_json:
            payload.append(cards_payload(document, cards))
        else:
            print_scores(document, cards, console, explain)
    if as_json:
        sys.stdout.write(dumps(payload) + "\n")
    raise typer.Exit(EXIT_FINDINGS if status == EXIT_OK and errors else status)


def run() -> None:
    """Console entry point: a user never sees a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("perfbudget: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as error:  # a bug: one line for the user, the traceback on request
        import os

        if os.environ.get("PERFBUDGET_DEBUG_TRACEBACK"):
            raise
        report_unreadable(
            f"internal error: {type(error).__name__}: {error} (set PERFBUDGET_DEBUG_TRACEBACK=1 for details)"
        )
        sys.exit(70)


if __name__ == "__main__":
    run()
