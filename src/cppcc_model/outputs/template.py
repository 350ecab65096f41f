"""A blank dataset workbook to start from, so a clerk never needs Python to begin.

:func:`template_workbook` builds an empty workbook of the dataset format
(:mod:`cppcc_model.io.tables`): a #填写说明 (instructions) sheet first, then one sheet per
table with its Chinese header row, bold and frozen, required columns marked, a comment on every
header saying what goes in it, and drop-down lists (data validation) for every column that
takes a fixed list of labels (出勤状态, 提案环节 …) or yes/no; date columns accept only dates.
The 委员会 sheet has its 项目 rows filled in, waiting for their 内容. What the workbook holds
reads back with :func:`~cppcc_model.io.dataset.load_dataset` once it is filled in.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from cppcc_model.io._tables_schema import KEY_COLUMN, TABLES, VALUE_COLUMN, CellKind, Column
from cppcc_model.outputs.write import write_atomically

__all__ = [
    "GUIDE_SHEET",
    "INSTRUCTIONS",
    "LISTS_SHEET",
    "ROWS",
    "template_workbook",
    "write_template",
]

ROWS = 2000
"""How many rows of each sheet get the drop-down lists and date checks."""

LISTS_SHEET = "#选项"
"""The hidden sheet that holds the drop-down lists (``#``: the reader leaves it alone)."""

GUIDE_SHEET = "#填写说明"
"""The instructions sheet (``#``: the reader leaves it alone)."""

INSTRUCTIONS = (
    "填写说明",
    "",
    "1. 每张工作表是一类记录：委员会（本委基本信息）、届次、会议、界别、参加单位、专门委员会、"
    "活动组、委员、职务、活动、出勤、提案、提案办理、社情民意、社情民意办理、履职成果、工作要点、工作事项。",
    "2. 第一行是表头，请勿修改；从第二行起每行一条记录。列的先后顺序可以调整，不用的列可以留空。",
    "3. 带 * 的列必须填写。鼠标停在表头上可看到该列的说明和示例。",
    "4. 有下拉箭头的列只能从列表中选择（如出勤状态、提案环节、是/否）。",
    "5. 日期写成 2022-06-30（也可写 2022/6/30 或 2022年6月30日），或使用 Excel 的日期格式。",
    "6. 引用其他记录时写它的“编号”，不写名称：如委员表的“界别”列写界别的编号，"
    "出勤表写活动编号和委员编号。",
    "7. 多个编号写在同一格内时用顿号、逗号或分号隔开（如联名委员：m01、m02）。",
    "8. 填好后在命令行检查：cppcc validate 本文件.xlsx —— 所有问题一次列出，并指明工作表、行和列。",
    "",
    "下表列出每张工作表的每一列。",
)
"""The lines at the top of the instructions sheet."""


def _label_list(column: Column) -> list[str]:
    if column.kind is CellKind.BOOL:
        return ["是", "否"]
    if column.enum is not None:
        return [member.label for member in column.enum]
    return []


def _kind_text(column: Column) -> str:
    return {
        CellKind.TEXT: "文字",
        CellKind.ID: "编号",
        CellKind.POSITIVE: "正整数",
        CellKind.COUNT: "非负整数",
        CellKind.DATE: "日期",
        CellKind.BOOL: "是/否",
        CellKind.ENUM: "从列表选择",
        CellKind.IDS: "多个编号",
        CellKind.TEXTS: "多项文字",
        CellKind.UNITS: "承办单位列表",
        CellKind.NUMBER: "精确数值（8、8.5、17/2）",
        CellKind.PERIOD: "期间（2023、2023-Q3、2023-H1 或 起..止）",
    }[column.kind]


def template_workbook() -> Any:
    """The blank dataset workbook (an :class:`openpyxl.Workbook`), as the module describes."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    guide = book.active
    guide.title = GUIDE_SHEET
    for number, line in enumerate(INSTRUCTIONS, start=1):
        guide.cell(row=number, column=1, value=line)
    guide["A1"].font = Font(bold=True, size=14)
    header_row = len(INSTRUCTIONS) + 1
    headers = ("工作表", "列", "必填", "类型", "可选值", "示例", "说明")
    for index, text in enumerate(headers, start=1):
        guide.cell(row=header_row, column=index, value=text).font = Font(bold=True)
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    list_ranges: dict[tuple[str, ...], str] = {}
    row = header_row + 1
    fill = PatternFill("solid", fgColor="E7E6E6")
    required_font = Font(bold=True, color="C00000")

    def list_range(values: list[str]) -> str:
        key = tuple(values)
        if key not in list_ranges:
            column = len(list_ranges) + 1
            for offset, value in enumerate(values, start=1):
                lists.cell(row=offset, column=column, value=value)
            letter = get_column_letter(column)
            list_ranges[key] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(values)}"
        return list_ranges[key]

    for table in TABLES:
        sheet = book.create_sheet(table.zh)
        columns = (KEY_COLUMN, VALUE_COLUMN) if table.key_value else table.columns
        for index, column in enumerate(columns, start=1):
            header = sheet.cell(row=1, column=index, value=column.zh)
            header.font = required_font if column.required else Font(bold=True)
            header.fill = fill
            header.alignment = Alignment(horizontal="center")
            about = f"{column.zh}（{column.name}）：{_kind_text(column)}"
            if column.required:
                about += "，必填"
            if column.example:
                about += f"。示例：{column.example}"
            header.comment = Comment(about, "cppcc")
            width = max(10, 2 * len(column.zh) + 4)
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        fields = table.columns
        if table.key_value:
            for offset, field in enumerate(table.columns, start=2):
                sheet.cell(row=offset, column=1, value=field.zh)
                values = _label_list(field)
                if values:
                    check = DataValidation(type="list", formula1=list_range(values))
                    sheet.add_data_validation(check)
                    check.add(f"B{offset}")
            sheet.column_dimensions["A"].width = 16
            sheet.column_dimensions["B"].width = 32
        else:
            for index, column in enumerate(fields, start=1):
                letter = get_column_letter(index)
                cells = f"{letter}2:{letter}{ROWS + 1}"
                values = _label_list(column)
                if values:
                    check = DataValidation(
                        type="list",
                        formula1=list_range(values),
                        showErrorMessage=True,
                        errorTitle="请从列表中选择",
                        error=f"{column.zh}只能是：{'、'.join(values)}",
                    )
                elif column.kind is CellKind.DATE:
                    check = DataValidation(
                        type="date",
                        operator="greaterThan",
                        formula1="1",
                        showErrorMessage=True,
                        errorTitle="请填写日期",
                        error="请写成 2022-06-30 这样的日期",
                    )
                else:
                    continue
                sheet.add_data_validation(check)
                check.add(cells)
        for field in fields:
            values = _label_list(field)
            cells_row = [
                table.zh,
                f"{field.zh}（{field.name}）",
                "是" if field.required else None,
                _kind_text(field),
                "、".join(values) or None,
                field.example or None,
                field.note or None,
            ]
            for index, value in enumerate(cells_row, start=1):
                guide.cell(row=row, column=index, value=value)
            row += 1
    for letter, width in zip("ABCDEFG", (12, 26, 6, 12, 40, 24, 40), strict=True):
        guide.column_dimensions[letter].width = width
    guide.freeze_panes = f"A{header_row + 1}"
    book.move_sheet(LISTS_SHEET, offset=len(book.sheetnames))
    return book


def write_template(path: str | os.PathLike[str]) -> None:
    """Write the blank dataset workbook to ``path`` (whole, or not at all).

    Raises:
        OutputError: when the file cannot be written.

    """
    book = template_workbook()
    write_atomically(Path(path), lambda target: book.save(target))
