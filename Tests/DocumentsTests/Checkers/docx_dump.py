#!/usr/bin/env python3
"""Prints what a .docx contains as JSON, read with python-docx (an independent reader of our output).

Usage: docx_dump.py FILE.docx

Output: {"properties": {...}, "body": [...], "paragraphs": [...], "tables": [...], "sections": [...],
"links": [...], "bookmarks": [...], "footers": [...], "styles": {...}}
- body: the body in order, each {"type": "paragraph", "style", "text", "pageBreakBefore"} or {"type": "table",
  "index"}.
- paragraphs: the texts of the body paragraphs that are not empty.
- tables: per table {"texts": the grid of texts (a merged cell's text at its top-left position, "" where it is
  covered), "cells": python-docx's view (merged text repeated), "merges": each cell's gridSpan / vMerge,
  "headerRows", "gridCols", "width"}.
- sections: page size, orientation and margins in twips.
Works on any .docx (e.g. a real report), not only ours.
"""
import json
import sys

import docx
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph


def twips(length):
    return None if length is None else int(round(length.twips))


def table_dump(table):
    tbl = table._tbl
    texts, merges, header_rows = [], [], 0
    for tr in tbl.tr_lst:
        trPr = tr.trPr
        if trPr is not None and trPr.find(qn("w:tblHeader")) is not None:
            header_rows += 1
        row_texts, row_merges = [], []
        for tc in tr.tc_lst:
            span = tc.grid_span
            vmerge = tc.vMerge
            text = "" if vmerge == "continue" else _Cell(tc, table).text
            row_texts.append(text)
            row_texts.extend([""] * (span - 1))
            row_merges.append({"colSpan": span, "vMerge": vmerge})
        texts.append(row_texts)
        merges.append(row_merges)
    grid = [int(col.get(qn("w:w"))) for col in tbl.tblGrid.findall(qn("w:gridCol"))]
    tblW = tbl.tblPr.find(qn("w:tblW"))
    return {
        "texts": texts,
        "cells": [[cell.text for cell in row.cells] for row in table.rows],
        "merges": merges,
        "headerRows": header_rows,
        "gridCols": grid,
        "width": int(tblW.get(qn("w:w"))) if tblW is not None else None,
    }


def main(path):
    document = docx.Document(path)
    body, paragraphs, tables, links = [], [], [], []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            paragraph = Paragraph(element, document)
            pPr = element.pPr
            body.append({
                "type": "paragraph",
                "style": paragraph.style.name if paragraph.style is not None else None,
                "text": paragraph.text,
                "pageBreakBefore": pPr is not None and pPr.find(qn("w:pageBreakBefore")) is not None,
            })
            if paragraph.text:
                paragraphs.append(paragraph.text)
            for link in element.findall(qn("w:hyperlink")):
                links.append({
                    "anchor": link.get(qn("w:anchor")),
                    "text": "".join(t.text or "" for t in link.iter(qn("w:t"))),
                })
        elif element.tag == qn("w:tbl"):
            body.append({"type": "table", "index": len(tables)})
            tables.append(table_dump(Table(element, document)))
    sections = []
    for section in document.sections:
        sections.append({
            "orientation": "landscape" if section.orientation == 1 else "portrait",
            "width": twips(section.page_width),
            "height": twips(section.page_height),
            "top": twips(section.top_margin),
            "bottom": twips(section.bottom_margin),
            "left": twips(section.left_margin),
            "right": twips(section.right_margin),
        })
    footers = []
    for section in document.sections:
        footer = section.footer
        instructions = [i.text for i in footer._element.iter(qn("w:instrText"))]
        footers.append({"text": "\n".join(p.text for p in footer.paragraphs), "fields": instructions})
    styles = {}
    for style in document.styles:
        element = style.element
        rPr = element.find(qn("w:rPr"))
        fonts = rPr.find(qn("w:rFonts")) if rPr is not None else None
        size = rPr.find(qn("w:sz")) if rPr is not None else None
        styles[style.style_id] = {
            "name": style.name,
            "eastAsia": fonts.get(qn("w:eastAsia")) if fonts is not None else None,
            "size": int(size.get(qn("w:val"))) if size is not None else None,
            "bold": rPr is not None and rPr.find(qn("w:b")) is not None,
        }
    defaults = document.styles.element.find(qn("w:docDefaults"))
    default_fonts = defaults.find(".//" + qn("w:rFonts")) if defaults is not None else None
    default_lang = defaults.find(".//" + qn("w:lang")) if defaults is not None else None
    core = document.core_properties
    result = {
        "properties": {
            "title": core.title,
            "subject": core.subject,
            "author": core.author,
            "keywords": core.keywords,
            "created": core.created.isoformat() if core.created else None,
            "modified": core.modified.isoformat() if core.modified else None,
        },
        "body": body,
        "paragraphs": paragraphs,
        "tables": tables,
        "sections": sections,
        "links": links,
        "bookmarks": [b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))],
        "footers": footers,
        "styles": styles,
        "defaults": {
            "eastAsia": default_fonts.get(qn("w:eastAsia")) if default_fonts is not None else None,
            "langEastAsia": default_lang.get(qn("w:eastAsia")) if default_lang is not None else None,
        },
    }
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: docx_dump.py FILE.docx")
    main(sys.argv[1])
