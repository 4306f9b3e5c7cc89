"""A worded requirements outline as a Word document. The presenter decides the words; this
module only lays them out (headings, paragraphs, a table)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from docx import Document


@dataclass
class OutlineSection:
    heading: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Outline:
    title: str
    intro: str
    sections: list[OutlineSection]
    table_heading: str
    table_headers: list[str]
    table_rows: list[list[str]]
    language: str = "sv"


def outline_docx(outline: Outline) -> bytes:
    document = Document()
    document.core_properties.title = outline.title
    document.core_properties.language = outline.language
    document.add_heading(outline.title, level=0)
    document.add_paragraph(outline.intro)
    for section in outline.sections:
        document.add_heading(section.heading, level=1)
        for text in section.paragraphs:
            document.add_paragraph(text)
    document.add_heading(outline.table_heading, level=1)
    table = document.add_table(rows=1, cols=len(outline.table_headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, outline.table_headers, strict=True):
        cell.text = header
    for row in outline.table_rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
