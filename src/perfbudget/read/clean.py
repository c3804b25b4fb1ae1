"""Cell-text cleaning shared by every reader: markup noise out, printed text kept."""

from __future__ import annotations

import re

# Markup that converters leave in cells and paragraphs: HTML tags, Markdown bold, Word bookmarks.
_TAGS = re.compile(r"</?(?:b|p|sub|sup|strong|em|i|u|br|span)\s*/?>", re.IGNORECASE)
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
# Blank-ish characters that frame cells: ASCII space, ideographic space, no-break space, BOM.
STRIP_CHARS = " \u3000\u00a0\ufeff\u200b\t\r\n"
# Every piece of markup clean() removes holds one of these; text without them is only stripped.
NOISE_MARKS = ("<", "[", "*", "\x00")


def clean(text: str) -> str:
    """Remove markup noise and framing blanks; keep everything else as printed."""
    if not text:
        return text
    if "<" not in text and "[" not in text and "*" not in text and "\x00" not in text:
        return text.strip(STRIP_CHARS)  # the common case: nothing to remove (str scans beat a regex)
    if "<" in text:
        text = _TAGS.sub("", text)
    if "[bookmark:" in text:
        text = _BOOKMARK.sub("", text)
    if "**" in text:
        text = text.replace("**", "")
    if "\x00" in text:
        text = text.replace("\x00", "")  # a stray NUL is never content (and databases refuse it)
    return text.strip(STRIP_CHARS)


def indent_of(text: str) -> int:
    """How many blanks a printed cell starts with (indentation carries hierarchy)."""
    if not text or text[0] not in " \u3000\u00a0":
        return 0
    return len(text) - len(text.lstrip(" \u3000\u00a0"))


def strip_heading(text: str) -> tuple[str, bool]:
    """Remove a Markdown heading marker; tell whether there was one."""
    if "#" in text and text.lstrip(" ").startswith("#"):
        return _HEADING.sub("", text, count=1), True
    return text, False


def squash(text: str) -> str:
    """A matching key: no whitespace at all (``收     入`` → ``收入``), full-width parens and colons."""
    return "".join(text.split()).replace("(", "（").replace(")", "）").replace(":", "：")
