"""A batch plan: a table with one skeleton per row (.csv, .tsv, .xlsx or a YAML list of mappings).

The first non-empty row of a table is its header; each later non-empty row becomes a ``Row`` with
its line in the file (the row number in a spreadsheet) and its cells as ``(column, text)`` pairs.
CSV files may be UTF-8 (with or without BOM) or GB18030, as Excel saves them on Chinese Windows.
A YAML plan is a list of mappings; nested values become dotted keys as in an answers file.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import DrafterError, PlanError
from drafter.ingest.text import decode
from drafter.io import check_input, read_input
from drafter.outlines.values import flatten

#: column names of a plan that are not values, with their Chinese aliases.
RESERVED = {"outline": "outline", "提纲": "outline", "output": "output", "输出文件": "output",
            "style": "style", "版式": "style"}
SUFFIXES = (".csv", ".tsv", ".xlsx", ".yaml", ".yml")


@dataclass
class Row:
    """One row of a plan: where it starts in the file, its non-empty cells in column order, and
    why it cannot be used, if it cannot (the other rows still can)."""

    line: int
    cells: list[tuple[str, str]]
    error: str | None = None

    def get(self, field: str) -> str:
        """The cell of a reserved column (``outline``, ``output``, ``style``) by any of its names."""
        return next((text for column, text in self.cells if RESERVED.get(column) == field), "")


def read_plan(path: str | os.PathLike) -> list[Row]:
    """The rows of a plan file; an empty plan or one without an ``outline`` column is an error."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise PlanError(f"不支持的计划表格式 '{suffix or path.name}'："
                           f"请用 {' '.join(SUFFIXES)}", where=str(path))
    check_input(path)
    if suffix in (".yaml", ".yml"):
        rows, columns = _yaml_rows(path)
    else:
        table = _xlsx_table(path) if suffix == ".xlsx" else _text_table(path, "\t" if suffix == ".tsv" else ",")
        rows, columns = _table_rows(path, table)
    if columns and not any(RESERVED.get(c) == "outline" for c in columns):
        raise PlanError(f"计划表没有 outline（提纲）列；"
                           f"现有的列：{', '.join(columns)}", where=str(path))
    if not rows:
        raise PlanError("计划表是空的：第一行是表头，之后每行一份骨架", where=str(path))
    return rows


def _text_table(path: Path, delimiter: str) -> list[tuple[int, list[str]]]:
    """The lines of a CSV/TSV file as (first line of the record, cells)."""
    data = read_input(path)
    reader = csv.reader(io.StringIO(decode(data, where=str(path)), newline=""), delimiter=delimiter)
    table, line = [], 1
    try:
        for cells in reader:
            table.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise PlanError(f"表格格式错误：{exc}", where=f"{path}:{line}") from None
    return table


def _xlsx_table(path: Path) -> list[tuple[int, list[str]]]:
    """The rows of the first sheet of an Excel workbook as (row number, cells)."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from drafter.io import check_zip

    check_zip(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise PlanError(f"无法作为 Excel 工作簿 (.xlsx) 读取：{exc}", where=str(path)) from None
    except Exception as exc:  # openpyxl and its XML parsers fail in many ways (a DTD, bad XML); all mean one thing
        raise PlanError(f"无法作为 Excel 工作簿 (.xlsx) 读取：{type(exc).__name__}: {exc}",
                           where=str(path)) from None
    try:
        sheet = book.worksheets[0]
        return [(n, [_cell_text(v) for v in values])
                for n, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1)]
    except Exception as exc:
        raise PlanError(f"无法读取第一个工作表：{type(exc).__name__}: {exc}",
                           where=str(path)) from None
    finally:
        book.close()


def _cell_text(value: object) -> str:
    """A spreadsheet cell as text: whole numbers without ".0", midnight datetimes as dates."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _table_rows(path: Path, table: list[tuple[int, list[str]]]) -> tuple[list[Row], list[str]]:
    """Header and rows of a table; blank rows are skipped, a value under no header fails its row."""
    records = [(line, [c.strip() for c in cells]) for line, cells in table if any(c.strip() for c in cells)]
    if not records:
        return [], []
    header_line, header = records[0]
    seen: dict[str, int] = {}
    for i, column in enumerate(header):
        same = RESERVED.get(column, column)
        if column and same in seen:
            raise PlanError(f"表头重复：'{column}'（第 {seen[same] + 1} 与第 {i + 1} 列）",
                               where=f"{path}:{header_line}")
        seen[same] = i
    rows = []
    for line, cells in records[1:]:
        named = [(header[i] if i < len(header) else "", text) for i, text in enumerate(cells) if text]
        stray = next((i + 1 for i, text in enumerate(cells) if text and (i >= len(header) or not header[i])), None)
        error = f"第 {stray} 列有值但没有表头" if stray else None
        rows.append(Row(line, [(column, text) for column, text in named if column], error))
    return rows, [c for c in header if c]


def _yaml_rows(path: Path) -> tuple[list[Row], list[str]]:
    """The rows of a YAML plan: a list of mappings, each at the line where it starts."""
    from drafter.yamlfile import read_yaml

    doc = read_yaml(path)
    if doc.data is None:
        return [], []
    if not isinstance(doc.data, list):
        raise PlanError("YAML 计划表应是映射的列表（- outline: …）",
                           where=doc.where())
    rows, columns = [], {}
    assert doc.root is not None   # a document with data has its node
    for i, item in enumerate(doc.data):
        line = doc.root.value[i].start_mark.line + 1
        if not isinstance(item, dict):
            rows.append(Row(line, [], "这一项应是“列: 值”的映射"))
            continue
        try:
            cells = list(flatten(item).items())
        except DrafterError as exc:
            rows.append(Row(line, [], str(exc)))
            continue
        columns.update(dict.fromkeys(c for c, _ in cells))
        rows.append(Row(line, cells))
    return rows, list(columns)
