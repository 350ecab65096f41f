"""Codes ``O``: outputs — files and reports written."""

from __future__ import annotations

from cppcc_model.catalogue._entry import Entry

__all__ = ["HINTS", "MESSAGES"]

MESSAGES: tuple[Entry, ...] = (
    Entry("cannot write {value}: {reason}", "无法写入 {value}：{reason}", "O001"),
    Entry("unknown output format {value}", "未知的输出格式 {value}", "O002"),
    Entry(
        "--format {value} does not match the file name {name}, which is {implied}",
        "--format {value} 与文件名 {name}（{implied} 格式）不符",
        "O003",
    ),
    Entry(
        "an Excel workbook cannot be written to the terminal", "Excel 工作簿不能输出到终端", "O004"
    ),
    Entry("an HTML report cannot be written to the terminal", "HTML 报告不能输出到终端", "O005"),
    Entry("{value} cannot be written to the terminal", "{value} 不能输出到终端", "O006"),
    Entry("format {value} is not written as text", "{value} 格式不能写成文本", "O007"),
    Entry(
        "{t_error}; it cannot be written to a workbook without cutting it",
        "{t_error}；不截断就无法写入工作簿",
        "O008",
    ),
    Entry(
        "the text has {value} characters, more than the {limit} a worksheet cell holds",
        "文本有 {value} 个字符，超过了工作表单元格能容纳的 {limit} 个",
        "O009",
    ),
    Entry(
        "the output {value} is the input {source}; writing it would destroy the data it was made "
        "from",
        "输出 {value} 就是输入 {source}；写入会毁掉生成它的数据",
        "O010",
    ),
    Entry(
        "the output {value} is inside the dataset directory {source}; it would be read as part of "
        "the data next time",
        "输出 {value} 在数据目录 {source} 之内；下次会被当作数据读入",
        "O011",
    ),
    Entry("cannot write the dataset to {value}", "无法把数据写入 {value}", "O012"),
    Entry("writing failed: {reason}", "写入失败：{reason}", "O013"),
    Entry("cannot write the Popolo export to {value}", "无法把 Popolo 导出写入 {value}", "O014"),
    Entry("the workbook {value} does not end in .xlsx", "工作簿 {value} 不是以 .xlsx 结尾", "O015"),
    Entry(
        "the directory already holds this table under another name; both would be read",
        "目录中已有这个表的另一个名称的文件；两者都会被读入",
        "O016",
    ),
    Entry(
        "the database already holds tables of a dataset or of results: {value}",
        "数据库中已有数据集或结果的表：{value}",
        "O017",
    ),
    Entry(
        "the template is an Excel workbook; {value} does not end in .xlsx",
        "模板是 Excel 工作簿，{value} 不是以 .xlsx 结尾",
        "O018",
    ),
    Entry(
        "the database file {value} is the input {source}; writing it would destroy the data it "
        "was made from",
        "数据库文件 {value} 就是输入 {source}；写入会毁掉生成它的数据",
        "O019",
    ),
    Entry(
        "the database file {value} is inside the dataset directory {source}; it would be read "
        "as part of the data next time",
        "数据库文件 {value} 在数据目录 {source} 之内；下次会被当作数据读入",
        "O020",
    ),
    Entry(
        "the database {value} is the dataset {source} itself; writing into it would replace the "
        "data the results were made from",
        "数据库 {value} 就是数据集 {source} 本身；写入会替换生成结果的数据",
        "O021",
    ),
)
"""Every message about outputs, with its code."""

HINTS: tuple[Entry, ...] = (
    Entry("check the directory exists and can be written to", "请检查目录是否存在、能否写入"),
    Entry(
        "give URL a database file outside the dataset and apart from the rule file",
        "请为 URL 指定数据目录之外、且不是规则文件的数据库文件",
    ),
    Entry(
        "write into another database, or export the dataset to a file first",
        "请写入另一个数据库，或先把数据导出为文件",
    ),
    Entry(
        "check the directory exists and the file is not open in Excel",
        "请检查目录是否存在，以及文件是否正在 Excel 中打开",
    ),
    Entry(
        "check the directory exists and the file is not open elsewhere",
        "请检查目录是否存在，以及文件是否被其他程序打开",
    ),
    Entry(
        "drop --format (the extension decides), or give a file name ending in {extension}",
        "去掉 --format（按扩展名决定格式），或把文件名改为以 {extension} 结尾",
    ),
    Entry("add --output FILE{extension}", "请加上 --output 文件名{extension}"),
    Entry("give a file name ending in .xlsx", "请给出以 .xlsx 结尾的文件名"),
    Entry(
        "drop --format (the extension decides), or name the file …{value}",
        "去掉 --format（按扩展名决定格式），或把文件名改为 …{value}",
    ),
    Entry(
        "check the directory exists and the file is not open in another program",
        "请检查目录是否存在，以及文件是否被其他程序打开",
    ),
    Entry(
        "write this report as CSV, Markdown, HTML or JSON, which hold text of any length",
        "请把这份报告写成 CSV、Markdown、HTML 或 JSON，它们能容纳任意长度的文本",
    ),
    Entry("give --output a new file name", "请给 --output 一个新的文件名"),
    Entry("write the output outside the dataset directory", "请把输出写到数据目录之外"),
)
"""The hints about outputs."""
