"""Word (.docx) documents: body paragraphs and tables, in reading order.

python-docx opens the package; the body is then walked as XML, because ``row.cells`` repeats
horizontally merged cells, and to take exactly the text that prints: runs, hyperlinks, content
controls, tracked insertions and field results, but not deletions, hidden text or field codes.
``line`` is an ordinal in reading order: every body paragraph (empty ones included) and every
table row takes the next number, so a location can be found again by counting in Word.
"""

from __future__ import annotations

from io import BytesIO

from docx.oxml.ns import qn

from perfbudget.model.document import SourceFile
from perfbudget.read.blocks import RawCell, RawDocument, RawRow, ReadProblem
from perfbudget.read.clean import clean, indent_of
from perfbudget.read.errors import ReadError

_P, _R, _TBL, _TR, _TC = qn("w:p"), qn("w:r"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_TXBX_CONTENT, _DRAWING, _PICT = qn("w:txbxContent"), qn("w:drawing"), qn("w:pict")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Text that is not printed: deleted revisions, field instructions, properties.
_INVISIBLE = {qn("w:del"), qn("w:moveFrom"), qn("w:instrText"), qn("w:pPr"), qn("w:rPr"), _FALLBACK}
_CONTAINERS = (_SDT, _CUSTOM_XML)  # wrappers whose content belongs to the level they sit on


def read_docx(data: bytes, source: SourceFile) -> RawDocument:
    import docx

    try:
        document = docx.Document(BytesIO(data))
        body = document.element.body
        heading_styles = _heading_styles(document.styles.element)
    except Exception as exc:  # zipfile, lxml, KeyError, PackageNotFoundError …: all mean "damaged"
        raise ReadError(source.path, f"damaged Word file ({_short(exc)})") from None
    walker = _BodyWalker(heading_styles)
    try:
        walker.walk(body)
    except Exception as exc:  # malformed XML values (e.g. a non-numeric gridSpan) must not leak
        raise ReadError(source.path, f"damaged Word file ({_short(exc)})", f"{walker.line}") from None
    return RawDocument(source=source, rows=walker.rows, problems=walker.problems)


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}"[:160] if text else type(exc).__name__


class _BodyWalker:
    def __init__(self, heading_styles: tuple[set[str], str | None]):
        self.heading_ids, self.default_style = heading_styles
        self.rows: list[RawRow] = []
        self.problems: list[ReadProblem] = []
        self.line = 0
        self.grid = -1

    def walk(self, parent) -> None:
        for child in parent:
            if child.tag == _P:
                self.line += 1
                self._paragraph(child)
            elif child.tag == _TBL:
                if next(_children(child, _TR), None) is not None:  # a table without rows prints nothing
                    self.grid += 1
                    self._table(child)
            elif child.tag in _CONTAINERS:
                self.walk(_content_of(child))

    def _paragraph(self, p) -> None:
        text = clean(self.text_of(p))
        if text:
            self.rows.append(RawRow([RawCell(text, self.line)], line=self.line, heading=self._is_heading(p)))

    def _table(self, tbl) -> None:
        for tr in _children(tbl, _TR):
            self.line += 1
            cells = [RawCell(clean(text), self.line, None, indent_of(text)) for text in self._row_texts(tr)]
            self.rows.append(RawRow(cells, line=self.line, grid=self.grid))

    def _row_texts(self, tr) -> list[str]:
        """The printed cells' texts, uncleaned (leading blanks carry the indentation)."""
        texts = []
        for tc in _children(tr, _TC):
            merge = _merge_state(tc)
            if merge == "h-continue":
                continue  # legacy horizontal merge: the cell is printed by its first part
            texts.append("" if merge == "v-continue" else self._cell_text(tc))
        return texts

    def _cell_text(self, tc) -> str:
        parts = []
        for child in _flatten(tc):
            if child.tag == _P:
                parts.append(self.text_of(child))
            elif child.tag == _TBL:
                # A table inside a cell has no grid of its own: its text stays in the cell.
                self.problems.append(
                    ReadProblem(self.line, None, "a table nested in a cell was read as the cell's text")
                )
                for tr in _children(child, _TR):
                    parts.append(" ".join(clean(t) for t in self._row_texts(tr) if clean(t)))
        return "\n".join(parts)

    def text_of(self, p) -> str:
        """The printed text of a paragraph: runs, hyperlinks, insertions and field results."""
        out: list[str] = []
        self._collect(p, out)
        return "".join(out)

    def _collect(self, element, out: list[str]) -> None:
        for child in element:
            tag = child.tag
            if tag == _R and _is_hidden(child):
                continue  # hidden text (w:vanish) is not printed
            if tag == _T:
                out.append(child.text or "")
            elif tag == _TAB:
                out.append(" ")  # a TAB separates cells in the text layouts; in Word it is a gap
            elif tag in (_BR, _CR):
                if child.get(qn("w:type")) not in ("page", "column"):
                    out.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                out.append("-")
            elif tag in _INVISIBLE:
                continue
            elif tag == _TXBX_CONTENT:
                self._note_text_box(child)
            elif tag in (_DRAWING, _PICT):
                self._collect(child, out)
                if not _has_text_box(child):
                    self.problems.append(ReadProblem(self.line, None, "a picture or chart is not read"))
            elif isinstance(tag, str):  # skips comments and processing instructions
                self._collect(child, out)

    def _note_text_box(self, txbx) -> None:
        text = " ".join(t for t in (clean(self.text_of(p)) for p in txbx.iter(_P)) if t)
        if text:
            self.problems.append(ReadProblem(self.line, None, f"text in a text box is not read: {text[:60]}"))

    def _is_heading(self, p) -> bool:
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            level = ppr.find(qn("w:outlineLvl"))
            if level is not None:
                return level.get(qn("w:val")) not in (None, "9")
            style = ppr.find(qn("w:pStyle"))
            if style is not None:
                return style.get(qn("w:val")) in self.heading_ids
        return self.default_style in self.heading_ids


def _is_hidden(run) -> bool:
    vanish = run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
    return vanish is not None and vanish.get(qn("w:val"), "true") not in ("0", "false", "off")


def _content_of(container):
    content = container.find(_SDT_CONTENT)
    return content if content is not None else container


def _flatten(parent):
    """Children of ``parent``, with content controls and custom-XML wrappers opened."""
    for child in parent:
        if child.tag in _CONTAINERS:
            yield from _flatten(_content_of(child))
        else:
            yield child


def _children(parent, tag):
    return (child for child in _flatten(parent) if child.tag == tag)


def _merge_state(tc) -> str | None:
    props = tc.find(qn("w:tcPr"))
    if props is None:
        return None
    vmerge = props.find(qn("w:vMerge"))
    if vmerge is not None and vmerge.get(qn("w:val"), "continue") == "continue":
        return "v-continue"
    hmerge = props.find(qn("w:hMerge"))
    if hmerge is not None and hmerge.get(qn("w:val"), "continue") == "continue":
        return "h-continue"
    return None


def _has_text_box(element) -> bool:
    return next(element.iter(_TXBX_CONTENT), None) is not None


def _heading_styles(styles) -> tuple[set[str], str | None]:
    """Ids of paragraph styles that make a heading (Heading N, Title, an outline level, or based on one)."""
    info: dict[str, tuple[bool | None, str | None]] = {}  # id → (heading by itself or None, based on)
    default = None
    for style in styles.iter(qn("w:style")):
        if style.get(qn("w:type")) not in (None, "paragraph"):
            continue
        style_id = style.get(qn("w:styleId"))
        name_el = style.find(qn("w:name"))
        name = (name_el.get(qn("w:val")) if name_el is not None else style_id or "").lower()
        level = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        own: bool | None = None
        if level is not None:  # an explicit outline level decides; 9 is "body text"
            own = level.get(qn("w:val")) not in (None, "9")
        elif name.startswith("heading") or name in ("title", "subtitle"):
            own = True
        based = style.find(qn("w:basedOn"))
        info[style_id] = (own, based.get(qn("w:val")) if based is not None else None)
        if style.get(qn("w:default")) in ("1", "true"):
            default = style_id

    def heading(style_id: str | None, depth: int = 0) -> bool:
        if style_id not in info or depth > 20:
            return False
        own, based = info[style_id]
        return own if own is not None else heading(based, depth + 1)

    return {sid for sid in info if heading(sid)}, default
