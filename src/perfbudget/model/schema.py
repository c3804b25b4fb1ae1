"""The JSON Schema of the interchange format, generated from the model (docs/schema/)."""

from __future__ import annotations

from perfbudget.model.document import Document

SCHEMA_ID = "https://perfbudget.example/schema/document.json"


def document_schema() -> dict:
    schema = Document.model_json_schema(mode="serialization")
    schema["$id"] = SCHEMA_ID
    schema["title"] = "perfbudget document"
    return schema
