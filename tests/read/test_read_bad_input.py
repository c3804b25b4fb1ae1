"""Files that cannot be read: each gives one ReadError line naming the file and the reason."""

from __future__ import annotations

import io
import random
import shutil
import zipfile

import pytest

from perfbudget.read import ReadError, read_file
from perfbudget.read.sniff import OLE2_MAGIC


def read_error(path) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_file(path)
    error = caught.value
    message = str(error)
    assert message.startswith(str(path)), message
    assert "\n" not in message and "Traceback" not in message
    assert error.path == str(path)
    return error


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def replace_member(data: bytes, member: str, body: bytes) -> bytes:
    """A copy of a zip archive with one member's content replaced (a damaged Office file)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, body if info.filename == member else source.read(info))
    return out.getvalue()


def test_empty_file(tmp_path):
    assert read_error(write(tmp_path, "empty.txt", b"")).reason == "the file is empty"


def test_binary_junk_with_nul_bytes(tmp_path):
    generator = random.Random(1)
    junk = bytes(generator.randrange(256) for _ in range(4096))
    error = read_error(write(tmp_path, "junk.txt", b"\x00\x01" + junk))
    assert "binary" in error.reason


def test_png_image(tmp_path, build):
    error = read_error(write(tmp_path, "scan.png", build.tiny_png()))
    assert error.reason == "unsupported file type (a PNG image)"


def test_truncated_docx(tmp_path, budget_docx):
    data = budget_docx.read_bytes()
    error = read_error(write(tmp_path, "cut.docx", data[: len(data) // 2]))
    assert "truncated" in error.reason


def test_docx_with_damaged_xml(tmp_path, budget_docx):
    data = replace_member(budget_docx.read_bytes(), "word/document.xml", b"<w:document><w:body>")
    error = read_error(write(tmp_path, "damaged.docx", data))
    assert error.reason.startswith("damaged Word file")


def test_xlsx_with_damaged_xml(tmp_path, budget_xlsx):
    data = replace_member(budget_xlsx.read_bytes(), "xl/worksheets/sheet1.xml", b"<worksheet><sheetData>")
    error = read_error(write(tmp_path, "damaged.xlsx", data))
    assert error.reason.startswith("damaged Excel file")


def test_truncated_pdf(tmp_path, build):
    data = build.minimal_pdf(["Budget 2025", "Page two"])
    error = read_error(write(tmp_path, "cut.pdf", data[: len(data) // 2]))
    assert "truncated" in error.reason


def test_pdf_with_damaged_body(tmp_path):
    data = b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
    error = read_error(write(tmp_path, "damaged.pdf", data))
    assert error.reason.startswith("damaged PDF")


def test_text_in_an_undecodable_encoding(tmp_path):
    # high bytes only: neither UTF-8, nor GB18030, nor UTF-16, and no NUL to call it binary
    generator = random.Random(2)
    data = bytes(generator.randrange(0x80, 0x100) for _ in range(4096))
    error = read_error(write(tmp_path, "wrong-encoding.txt", data))
    assert "UTF-8" in error.reason


LEGACY_WORD = OLE2_MAGIC + bytes(1024) + "WordDocument".encode("utf-16-le") + bytes(2) + bytes(1024)


def test_legacy_word_document_without_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    error = read_error(write(tmp_path, "old.doc", LEGACY_WORD))
    assert "LibreOffice" in error.reason and ".docx" in error.reason


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_legacy_word_document_that_cannot_be_converted(tmp_path):
    error = read_error(write(tmp_path, "old.doc", LEGACY_WORD))  # a directory entry's name, no content
    assert "could not convert" in error.reason


def test_damaged_legacy_office_file(tmp_path):
    error = read_error(write(tmp_path, "old.xls", OLE2_MAGIC + bytes(2048)))
    assert "damaged" in error.reason


def test_password_protected_docx(tmp_path, build, budget_docx):
    error = read_error(write(tmp_path, "secret.docx", build.encrypted_docx(budget_docx)))
    assert "password-protected" in error.reason


def test_password_protected_pdf(tmp_path, build):
    data = build.encrypted_pdf(build.minimal_pdf(["Budget 2025"]))
    error = read_error(write(tmp_path, "secret.pdf", data))
    assert error.reason == "the file is password-protected (encrypted PDF)"


def test_zip_that_is_not_an_office_file(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    error = read_error(write(tmp_path, "bundle.docx", out.getvalue()))
    assert "neither" in error.reason


def test_missing_file(tmp_path):
    assert read_error(tmp_path / "absent.docx").reason == "no such file"
