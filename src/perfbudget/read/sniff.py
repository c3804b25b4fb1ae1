"""Which reader a file needs, from its first bytes (not its name)."""

from __future__ import annotations

import zipfile
from io import BytesIO

from perfbudget.read.errors import ReadError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes, path: str) -> str:
    """Return ``"docx"``, ``"doc"``, ``"xlsx"``, ``"xls"``, ``"pdf"`` or ``"text"``; raise for what we
    cannot read."""
    if not data:
        raise ReadError(path, "the file is empty")
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(OLE2_MAGIC):
        if _stream_named("EncryptedPackage", data):
            raise ReadError(path, "the file is password-protected (encrypted Office document)")
        if _stream_named("Workbook", data) or _stream_named("Book", data):
            return "xls"  # a legacy Excel workbook (BIFF), read by xlrd
        if _stream_named("WordDocument", data):
            return "doc"  # a legacy Word document, read through LibreOffice where installed
        raise ReadError(path, "damaged or truncated legacy Office file (no Word or Excel content found)")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        try:
            names = set(zipfile.ZipFile(BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            raise ReadError(path, "damaged or truncated Office file (not a readable zip archive)") from None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise ReadError(path, "a zip archive that is neither a Word (.docx) nor an Excel (.xlsx) file")
    for magic, what in (
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"{\\rtf", "an RTF file"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xbc\xaf", "a 7z archive"),
        (b"\x7fELF", "an executable"),
    ):
        if data.startswith(magic):
            raise ReadError(path, f"unsupported file type ({what})")
    return "text"


def _stream_named(name: str, data: bytes) -> bool:
    """Whether an OLE2 compound file names a stream ``name`` (directory entries are UTF-16LE,
    so the name is followed by its NUL terminator)."""
    return (name.encode("utf-16-le") + b"\x00\x00") in data
