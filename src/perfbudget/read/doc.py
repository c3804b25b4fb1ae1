"""Legacy Word (.doc) documents, read through LibreOffice when it is installed.

Word 97–2003 files are binary; no maintained Python library reads their tables. When LibreOffice
(``soffice``) is on the PATH, the file is converted to .docx in a scratch folder (with a
throw-away profile, so that parallel runs do not collide) and read by the Word reader; the source
keeps its own name, format and checksum. Without LibreOffice the file is refused with the advice
to save it as .docx.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from perfbudget.model.document import SourceFile
from perfbudget.read.blocks import RawDocument
from perfbudget.read.errors import ReadError

CONVERSION_SECONDS = 120


def read_doc(data: bytes, source: SourceFile) -> RawDocument:
    from perfbudget.read.docx import read_docx

    return read_docx(_as_docx(data, source.path), source)


def _as_docx(data: bytes, path: str) -> bytes:
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        raise ReadError(
            path,
            "legacy Word (.doc) files need LibreOffice to be read, and it is not installed; save as .docx",
        )
    with tempfile.TemporaryDirectory(prefix="perfbudget-doc-") as scratch:
        original = Path(scratch, "document.doc")
        original.write_bytes(data)
        environment = {**os.environ, "HOME": scratch, "TMPDIR": scratch}
        command = [
            program,
            f"-env:UserInstallation={Path(scratch, 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            scratch,
            str(original),
        ]
        try:
            subprocess.run(
                command, capture_output=True, env=environment, timeout=CONVERSION_SECONDS, check=False
            )
        except subprocess.TimeoutExpired:
            raise ReadError(path, "legacy Word (.doc) file: LibreOffice did not convert it in time") from None
        converted = Path(scratch, "document.docx")
        if not converted.exists():
            raise ReadError(
                path,
                "legacy Word (.doc) file that LibreOffice could not convert (damaged or password-protected?)",
            )
        return converted.read_bytes()
