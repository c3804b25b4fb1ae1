"""The committed JSON Schema (docs/schema/document.schema.json) is what the model generates."""

import json
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli.main import app
from perfbudget.model.schema import SCHEMA_ID, document_schema

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "schema" / "document.schema.json"
REGENERATE = "regenerate it: .venv/bin/perfbudget schema > docs/schema/document.schema.json"


def test_committed_schema_is_up_to_date():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == document_schema(), f"docs/schema/document.schema.json is stale; {REGENERATE}"


def test_schema_command_prints_the_committed_file():
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == SCHEMA_FILE.read_text(encoding="utf-8"), REGENERATE
    assert json.loads(result.stdout)["$id"] == SCHEMA_ID


def test_parse_json_follows_the_schema():
    """A parsed demo document, as ``perfbudget parse --json`` prints it, has the schema's top-level
    fields, and amounts are decimal strings."""
    from perfbudget.demo import sample_files

    result = CliRunner().invoke(app, ["parse", "--json", str(sample_files()[0])])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    document = json.loads(lines[0])
    schema = document_schema()
    assert set(document) <= set(schema["properties"])
    assert set(schema.get("required", [])) <= set(document)
    cells = [c for t in document["tables"] for r in t["rows"] for c in r["cells"].values()]
    values = [c["value"] for c in cells if c["value"] is not None]
    assert values and all(isinstance(v, str) for v in values)
