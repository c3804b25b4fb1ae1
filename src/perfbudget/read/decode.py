"""Bytes → text for plain-text documents: UTF-8 (with or without BOM), GB18030/GBK, UTF-16."""

from __future__ import annotations

import codecs
import re

from perfbudget.read.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: CJK and ASCII text puts NULs at every other byte for ASCII."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > half * 0.2 and even_nuls < half * 0.05:
        return "utf-16-le"
    if even_nuls > half * 0.2 and odd_nuls < half * 0.05:
        return "utf-16-be"
    return None


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def _plausible(text: str) -> bool:
    """Decoded text that is mostly printable (not binary that happened to decode)."""
    sample = text[:20000]
    bad = len(_CONTROL.findall(sample))
    return bad <= len(sample) * 0.001 + 1


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`ReadError`."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadError(
                    path, f"bad {encoding} byte at offset {exc.start}", f"byte {exc.start}"
                ) from None
            return text.lstrip("\ufeff"), encoding.replace("-sig", "")
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), "utf-16"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        utf16_text = _utf16_cjk(data)
        if utf16_text is not None:
            return utf16_text, "utf-16"
        raise ReadError(path, "binary content, not a text document (NUL bytes)")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as utf8_error:
        utf16 = _utf16_cjk(data)
        if utf16 is not None:
            return utf16, "utf-16"
        # Chinese government text that is not UTF-8 is nearly always GB18030/GBK; GB18030 is a
        # superset of both, so decode with it and let charset-normalizer arbitrate the rest.
        try:
            text = data.decode("gb18030")
            encoding = "gb18030"
        except UnicodeDecodeError:
            text, encoding = _guess(data, path, utf8_error)
    if not _plausible(text):
        raise ReadError(path, f"binary or wrongly encoded content (not readable as {encoding})")
    return text, encoding


_CJK_OR_TEXT = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\t\n\r -~]")


def _utf16_cjk(data: bytes) -> str | None:
    """UTF-16 without a BOM and mostly Chinese: few NUL bytes, but it decodes to CJK text."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:4000]
        if sample and len(_CJK_OR_TEXT.findall(sample)) >= 0.95 * len(sample):
            return text
    return None


def _guess(data: bytes, path: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("ascii",):
        line = data[: utf8_error.start].count(b"\n") + 1
        raise ReadError(path, "not valid UTF-8, GB18030 or UTF-16 text", f"{line}") from None
    return str(best), best.encoding
