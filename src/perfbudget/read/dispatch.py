"""Read any supported file into a :class:`RawDocument`."""

from __future__ import annotations

import hashlib
from pathlib import Path

from perfbudget.model.document import SourceFile
from perfbudget.read.blocks import RawDocument
from perfbudget.read.errors import ReadError
from perfbudget.read.sniff import sniff


def read_file(path: str | Path, data: bytes | None = None, display_path: str | None = None) -> RawDocument:
    """Read ``path`` (or ``data`` if given). Raises :class:`ReadError` with a one-line reason."""
    shown = display_path or str(path)
    if data is None:
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise ReadError(shown, "no such file") from None
        except IsADirectoryError:
            raise ReadError(shown, "is a directory") from None
        except PermissionError:
            raise ReadError(shown, "permission denied") from None
    fmt = sniff(data, shown)
    source = SourceFile(
        path=shown,
        name=Path(shown).name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        format=fmt,
    )
    if fmt == "text":
        from perfbudget.read.text import read_text

        return read_text(data, source)
    if fmt == "docx":
        from perfbudget.read.docx import read_docx

        return read_docx(data, source)
    if fmt == "xlsx":
        from perfbudget.read.xlsx import read_xlsx

        return read_xlsx(data, source)
    if fmt == "doc":
        from perfbudget.read.doc import read_doc

        return read_doc(data, source)
    if fmt == "xls":
        from perfbudget.read.xls import read_xls

        return read_xls(data, source)
    from perfbudget.read.pdf import read_pdf

    return read_pdf(data, source)
