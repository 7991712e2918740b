#!/usr/bin/env python3
"""Prints what an .xlsx contains as JSON, read with openpyxl (an independent reader of our output).

Usage: xlsx_dump.py FILE.xlsx

Output: {"properties": {...}, "sheets": [{"name", "rows": values row by row (numbers as numbers, empty as null),
"formats": the number format of each numeric cell (null elsewhere), "bordered": whether each cell has a border
on all four sides (null where a merged cell covers it), "merged": merged ranges sorted, "printTitleRows", "orientation", "fitToPage", "fitToWidth",
"fitToHeight", "widths": {column letter: width}}]}
Works on any .xlsx (e.g. a real report), not only ours.
"""
import json
import sys

import openpyxl
from openpyxl.cell.cell import MergedCell


def bordered(cell):
    b = cell.border
    return all(side is not None and side.style is not None for side in (b.left, b.right, b.top, b.bottom))


def main(path):
    workbook = openpyxl.load_workbook(path)
    sheets = []
    for sheet in workbook.worksheets:
        rows, formats, borders = [], [], []
        for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=sheet.max_column):
            rows.append([cell.value for cell in row])
            formats.append([
                cell.number_format if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)
                else None
                for cell in row
            ])
            borders.append([None if isinstance(cell, MergedCell) else bordered(cell) for cell in row])
        setup = sheet.page_setup
        properties = sheet.sheet_properties
        sheets.append({
            "name": sheet.title,
            "rows": rows,
            "formats": formats,
            "bordered": borders,
            "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
            "printTitleRows": sheet.print_title_rows,
            "orientation": setup.orientation,
            "fitToPage": bool(properties.pageSetUpPr.fitToPage) if properties.pageSetUpPr is not None else False,
            "fitToWidth": setup.fitToWidth,
            "fitToHeight": setup.fitToHeight,
            "widths": {key: dim.width for key, dim in sorted(sheet.column_dimensions.items())},
        })
    core = workbook.properties
    result = {
        "properties": {
            "title": core.title,
            "subject": core.subject,
            "author": core.creator,
            "keywords": core.keywords,
            "created": core.created.isoformat() if core.created else None,
        },
        "sheets": sheets,
    }
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: xlsx_dump.py FILE.xlsx")
    main(sys.argv[1])
