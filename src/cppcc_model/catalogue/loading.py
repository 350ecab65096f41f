"""Codes ``L``: loading — files, sheets, tables, headers, cells, JSON, databases, data frames."""

from __future__ import annotations

from cppcc_model.catalogue._entry import Entry

__all__ = ["HINTS", "MESSAGES"]

MESSAGES: tuple[Entry, ...] = (
    # L0xx: the dataset, its files and workbooks
    Entry("cannot load the dataset {path}", "无法读取数据 {path}", "L001"),
    Entry("cannot load the dataset from {value}", "无法从 {value} 读取数据", "L002"),
    Entry("cannot load the ledger", "无法读取台账", "L003"),
    Entry("there is no such file or directory", "没有这个文件或目录", "L004"),
    Entry("cannot read a {value} as a dataset", "不能把{value}当作数据集读取", "L005"),
    Entry("cannot read {value} files", "不能读取 {value} 文件", "L006"),
    Entry("cannot read the file: {reason}", "无法读取文件：{reason}", "L007"),
    Entry("cannot list the directory: {reason}", "无法列出目录：{reason}", "L008"),
    Entry(
        "the file links to a place outside the dataset directory",
        "文件链接到了数据目录之外的位置",
        "L009",
    ),
    Entry(
        "{value} is {kind}, not a file, so no table could be read from it",
        "{value} 是{kind}，不是文件，无法从中读取表",
        "L010",
    ),
    Entry(
        "the file is not UTF-8: it looks like GBK (GB2312/GB18030), which Excel writes for "
        "“CSV (逗号分隔)” on Chinese Windows",
        "文件不是 UTF-8 编码：看起来是 GBK（GB2312/GB18030），"
        "即中文 Windows 上 Excel 另存为“CSV (逗号分隔)”时的编码",
        "L011",
    ),
    Entry(
        "the file is not UTF-8 text (byte {value} cannot be read)",
        "文件不是 UTF-8 文本（第 {value} 个字节无法读取）",
        "L012",
    ),
    Entry(
        "the file is UTF-16 text (Excel's “Unicode text”), not CSV in UTF-8",
        "文件是 UTF-16 文本（Excel 的“Unicode 文本”），不是 UTF-8 编码的 CSV",
        "L013",
    ),
    Entry(
        "the file is empty: it has no header row, so the table {table} would be read as having "
        "no records",
        "文件是空的：没有表头行，表 {table} 将被当作没有任何记录",
        "L014",
    ),
    Entry("the CSV text is malformed: {reason}", "CSV 文本格式有误：{reason}", "L015"),
    Entry(
        "the row has {value} cells, more than the {limit} allowed",
        "这一行有 {value} 个单元格，超过了上限 {limit}",
        "L016",
    ),
    Entry(
        "{table} has more than {limit} rows, the limit for one table",
        "{table}超过了 {limit} 行，这是一个表的上限",
        "L017",
    ),
    Entry(
        "cannot read the workbook: it is not a valid .xlsx file ({reason})",
        "无法读取工作簿：它不是有效的 .xlsx 文件（{reason}）",
        "L018",
    ),
    Entry(
        "the workbook unpacks to {value} bytes, more than the {limit} allowed",
        "工作簿解压后有 {value} 字节，超过了上限 {limit}",
        "L019",
    ),
    Entry(
        "cannot read the workbook: {exception}: {reason}",
        "无法读取工作簿：{exception}：{reason}",
        "L020",
    ),
    Entry(
        "the sheet {value} is not a table of the dataset", "工作表 {value} 不是数据集中的表", "L021"
    ),
    Entry(
        "the sheet {value} is damaged and cannot be read: {exception}: {reason}",
        "工作表 {value} 已损坏，无法读取：{exception}：{reason}",
        "L022",
    ),
    Entry(
        "the sheet {value} is empty: it has no header row, so the table {table} would be read "
        "as having no records",
        "工作表 {value} 是空的：没有表头行，表 {table} 将被当作没有任何记录",
        "L023",
    ),
    Entry(
        "the sheet {value} has no relationship {rel} to its part",
        "工作表 {value} 缺少指向其内容部件的关系 {rel}",
        "L024",
    ),
    Entry(
        "the sheet {value} points outside the workbook ({target}); its rows were not read",
        "工作表 {value} 指向工作簿之外（{target}）；没有读取它的行",
        "L025",
    ),
    Entry(
        "the sheet {value} is damaged: its part {part} is missing from the workbook",
        "工作表 {value} 已损坏：工作簿中缺少它的部件 {part}",
        "L026",
    ),
    Entry(
        "the sheet {value} is damaged: its part {part} cannot be read ({reason})",
        "工作表 {value} 已损坏：它的部件 {part} 无法读取（{reason}）",
        "L027",
    ),
    Entry(
        "the file {value} is not a table of the dataset", "文件 {value} 不是数据集中的表", "L028"
    ),
    Entry("the table {table} is also in {place}", "表 {table} 也出现在 {place}", "L029"),
    Entry("[Errno {errno}] {reason}: {value}", "系统错误 {errno}（{reason}）：{value}", "L030"),
    Entry(
        "{value} codec can't decode byte {byte} in position {position}: {reason}",
        "无法按 {value} 编码解读第 {position} 个字节 {byte}：{reason}",
        "L031",
    ),
    Entry("cannot load the ledger from {value}", "无法从 {value} 读取台账", "L032"),
    # L1xx: tables, headers, rows
    Entry("column {value} has values but no header", "第 {value} 列有内容，但没有表头", "L101"),
    Entry("unknown column {value} in {table}", "{table}中没有 {value} 这一列", "L102"),
    Entry(
        "the column {value} appears twice (also as {other})",
        "{value} 这一列出现了两次（另一处写作 {other}）",
        "L103",
    ),
    Entry(
        "the required column {value} is missing from {table}", "{table}缺少必填的列 {value}", "L104"
    ),
    Entry("{value} is required but the cell is empty", "{value} 必须填写，但这一格是空的", "L105"),
    Entry("the key cell is empty", "项目一格是空的", "L106"),
    Entry("unknown committee key {value}", "委员会表中没有 {value} 这一项", "L107"),
    Entry(
        "the committee key {value} is given twice (also on row {row})",
        "委员会的项目 {value} 写了两次（另一处在第 {row} 行）",
        "L108",
    ),
    Entry("the committee's {value} is empty", "委员会的 {value} 没有填写", "L109"),
    Entry("the committee's {value} is missing", "委员会缺少 {value}", "L110"),
    Entry("the dataset has no committee table", "数据中没有委员会表", "L111"),
    Entry("the tables have no committee table", "这些表中没有委员会表", "L112"),
    Entry("{value} is not a table of the dataset", "{value} 不是数据集中的表", "L113"),
    Entry(
        "the table {table} is given twice (also as {other})",
        "表 {table} 给了两次（另一处写作 {other}）",
        "L114",
    ),
    Entry(
        "the rows of {table} are a {value}, not an iterable of rows",
        "{table}的行是 {value}，不是可逐行读取的序列",
        "L115",
    ),
    Entry(
        "the row is a {value}, not a mapping of column to value",
        "这一行是 {value}，不是“列 → 值”的映射",
        "L116",
    ),
    Entry(
        "the tables are a {value}, not a mapping of table name to rows",
        "给出的表是 {value}，不是“表名 → 行”的映射",
        "L117",
    ),
    Entry("max_rows must be at least 1, got {value}", "max_rows 至少为 1，实际为 {value}", "L118"),
    Entry(
        "the id {value} is already used on row {row}", "编号 {value} 已在第 {row} 行用过", "L119"
    ),
    Entry(
        "{value} is neither in {table} nor in {other}",
        "{value} 既不在{table}中，也不在{other}中",
        "L120",
    ),
    Entry(
        "{kind}_kind and {other}_id go together, but this one is empty",
        "{kind}_kind 和 {other}_id 要一起填写，但这一格是空的",
        "L121",
        value="kind",
    ),
    Entry(
        "{label} on {value} is dated before the step above it ({previous} on {previous_on}, "
        "row {row})",
        "{value} 的“{label}”早于上一行的环节（第 {row} 行，{previous_on} 的“{previous}”）",
        "L122",
    ),
    Entry(
        "{value} for {subject} over that period is already given on row {row}",
        "{subject} 在该期间的 {value} 已在第 {row} 行给出",
        "L123",
    ),
    Entry(
        "{label} on {value} is dated before the {what} was submitted on {submitted}",
        "{value} 的“{label}”早于{what}的提交日 {submitted}",
        "L124",
    ),
    Entry(
        "the member {value} is already on this activity's roll call (row {row})",
        "委员 {value} 已在这次活动的点名册上（第 {row} 行）",
        "L125",
    ),
    Entry(
        "{value} half-days attended, but the activity {activity} lasts {total}",
        "出勤 {value} 个半天，但活动 {activity} 只有 {total} 个半天",
        "L126",
    ),
    Entry(
        "item {value} of the work plan {plan} is already on row {row}",
        "工作要点 {plan} 的第 {value} 项已在第 {row} 行",
        "L127",
    ),
    # L2xx: cells
    Entry("the id {value} contains a space", "编号 {value} 含有空格", "L201"),
    Entry("{value} is not a whole number: {t_reason}", "{value} 不是整数：{t_reason}", "L202"),
    Entry("{value} is not a whole number", "{value} 不是整数", "L203"),
    Entry(
        "{value} is {what}; this column needs a whole number of at least {minimum}",
        "{value} 是{what}；这一列需要不小于 {minimum} 的整数",
        "L204",
    ),
    Entry(
        "{value} is larger than {limit}, more than any count of a ledger",
        "{value} 大于 {limit}，超过了台账中任何计数的可能",
        "L205",
    ),
    Entry("{value} is not an Excel date number", "{value} 不是 Excel 的日期序号", "L206"),
    Entry("{value} is not a date", "{value} 不是日期", "L207"),
    Entry("{value} is not yes or no", "{value} 不是“是”或“否”", "L208"),
    Entry("{value} is not a number", "{value} 不是数字", "L209"),
    Entry("{value} is not an exact number", "{value} 不是精确的数", "L210"),
    Entry('a double quote (") in the list is not closed', '列表中的双引号（"）没有闭合', "L211"),
    Entry("the handling unit {value} has no name", "承办单位 {value} 没有名称", "L212"),
    Entry("the handling unit {value}: {t_message}", "承办单位 {value}：{t_message}", "L213"),
    Entry(
        "the id {value} in the list contains a space or is empty",
        "列表中的编号 {value} 含有空格或是空的",
        "L214",
    ),
    Entry("the list names {value} twice", "列表中 {value} 出现了两次", "L215"),
    # L3xx: JSON
    Entry("the format key is missing", "缺少 format 键", "L301"),
    Entry("the format is {value}, not {expected}", "format 是 {value}，不是 {expected}", "L302"),
    Entry("the version key is missing", "缺少 version 键", "L303"),
    Entry(
        "the version must be a whole number, got {value}",
        "version 必须是整数，实际为 {value}",
        "L304",
    ),
    Entry(
        "version {value} of the format is not one this library reads",
        "本程序不能读取第 {value} 版的格式",
        "L305",
    ),
    Entry(
        "the document must be a JSON object, got {value}",
        "文档必须是 JSON 对象，实际为 {value}",
        "L306",
    ),
    Entry(
        "the key {value} appears more than once in one object",
        "键 {value} 在同一个对象中出现了不止一次",
        "L307",
    ),
    Entry(
        "not valid JSON: {reason} (line {line}, column {column})",
        "不是有效的 JSON：{reason}（第 {line} 行，第 {column} 列）",
        "L308",
        value="reason",
    ),
    Entry(
        "a number in the file has more than 4,300 digits", "文件中有一个数超过了 4,300 位", "L309"
    ),
    Entry("cannot read the text as JSON: {reason}", "无法把文本读作 JSON：{reason}", "L310"),
    Entry("this required field is missing", "缺少这个必填字段", "L311"),
    Entry("unknown key {value} in a {record}", "{record} 中没有 {value} 这个键", "L312"),
    Entry("expected text, got {value}", "应为文本，实际为 {value}", "L313"),
    Entry("expected a whole number, got {value}", "应为整数，实际为 {value}", "L314"),
    Entry("expected true or false, got {value}", "应为 true 或 false，实际为 {value}", "L315"),
    Entry(
        "expected a date written YYYY-MM-DD, got {value}",
        "应为 YYYY-MM-DD 格式的日期，实际为 {value}",
        "L316",
    ),
    Entry("expected an exact number, got {value}", "应为精确的数，实际为 {value}", "L317"),
    Entry(
        "expected a period as text, got {value}", "应为文本形式的考核期间，实际为 {value}", "L318"
    ),
    Entry("expected a {kind} as text, got {value}", "应为文本形式的{kind}，实际为 {value}", "L319"),
    Entry("expected a list, got {value}", "应为列表，实际为 {value}", "L320"),
    Entry(
        "expected an object ({{ … }}) for a {record}, got {value}",
        "{record} 应为对象（{{ … }}），实际为 {value}",
        "L321",
    ),
    # L4xx: databases and data frames
    Entry(
        "reading or writing a database needs SQLAlchemy, which is not installed",
        "读写数据库需要 SQLAlchemy，但没有安装",
        "L401",
    ),
    Entry("cannot {t_what} the database {value}", "无法{t_what}数据库 {value}", "L402"),
    Entry("{exception}: {reason}", "数据库报错 {exception}：{reason}", "L403", value="reason"),
    Entry("cannot read the database {value}", "无法读取数据库 {value}", "L404"),
    Entry("there is no SQLite database file {value}", "没有 SQLite 数据库文件 {value}", "L405"),
    Entry("unknown header language {value}", "未知的表头语言 {value}", "L406"),
    Entry("unknown frame library {value}", "未知的数据框库 {value}", "L407"),
    Entry(
        "data frames need pyarrow, which is not installed", "数据框需要 pyarrow，但没有安装", "L408"
    ),
    Entry(
        "polars frames need polars, which is not installed",
        "polars 数据框需要 polars，但没有安装",
        "L409",
    ),
    Entry(
        "pandas frames need pandas, which is not installed",
        "pandas 数据框需要 pandas，但没有安装",
        "L410",
    ),
    Entry("unknown table format {value}", "未知的表格式 {value}", "L411"),
)
"""Every message of loading, with its code."""

HINTS: tuple[Entry, ...] = (
    Entry(
        "fix the problems listed; nothing was loaded", "请逐条改正下列问题；本次没有读入任何数据"
    ),
    Entry(
        "rename it after its table (docs/reference/dataset-format.md lists them), or start its "
        "name with # to keep it as notes",
        "按它所属的表重新命名（各表名称见 docs/reference/dataset-format.md），"
        "或在名称前加 # 作为备注保留",
    ),
    Entry("keep each table in one file or sheet", "每个表只放在一个文件或工作表中"),
    Entry(
        "write the column's header in the first row, or delete the column",
        "在第一行写上这一列的表头，或删除这一列",
    ),
    Entry(
        "docs/reference/dataset-format.md lists the columns of every table",
        "各表的列见 docs/reference/dataset-format.md",
    ),
    Entry("keep one of the two columns", "只保留其中一列"),
    Entry("keep one of the two rows", "只保留其中一行"),
    Entry("add a column headed {name} or {zh}", "添加表头为 {zh}（或 {name}）的一列"),
    Entry("fill it in", "请填写"),
    Entry(
        "add a row with key {key} ({zh}) and its value",
        "添加一行：项目写 {zh}（或 {key}），并填写内容",
    ),
    Entry("the keys are: {keys}", "可用的项目：{keys}"),
    Entry("give every record its own id", "每条记录用不同的编号"),
    Entry("write ids without spaces", "编号中不要有空格"),
    Entry("write a number such as 3", "请写数字，如 3"),
    Entry("write 是 or 否 (or true / false)", "请写“是”或“否”"),
    Entry("list each item once", "每项只写一次"),
)
"""The hints of loading."""
