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
    Entry(
        "the sheet {value} continues the table {table}, but the workbook has no sheet of that "
        "table to continue",
        "工作表 {value} 是表 {table} 的续表，但工作簿中没有这个表本身的工作表",
        "L033",
    ),
    Entry(
        "the committee table cannot continue on another sheet: it has one row per setting",
        "委员会表不能续到另一个工作表：它每个设置只占一行",
        "L034",
    ),
    Entry(
        "the sheet {value} is part {part} of the table {table}, but part {expected} ({other}) "
        "is missing",
        "工作表 {value} 是表 {table} 的第 {part} 部分，但缺少第 {expected} 部分（{other}）",
        "L035",
    ),
    Entry(
        "the sheet {value} is part {part} of the table {table}, but part {expected} ({other}) "
        "is given twice",
        "工作表 {value} 是表 {table} 的第 {part} 部分，但第 {expected} 部分（{other}）出现了两次",
        "L036",
    ),
    Entry(
        "{table} has more than {limit} rows over its sheets, the limit for one table",
        "{table}的各工作表合计超过了 {limit} 行，这是一个表的上限",
        "L037",
    ),
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
    Entry(
        'write "2023", "2023-Q3", "2023-H1" or "2023-01-01..2023-06-30"',
        '请写 "2023"、"2023-Q3"、"2023-H1" 或 "2023-01-01..2023-06-30"',
    ),
    Entry("write a JSON list: [ … ]", "请写成 JSON 列表：[ … ]"),
    Entry(
        "write the record as a JSON object with named fields",
        "请把记录写成带字段名的 JSON 对象",
    ),
    Entry("write it in double quotes, as a JSON string", "请加上双引号，写成 JSON 字符串"),
    Entry(
        'write a JSON integer such as 3 (not 3.0, not "3", not true)',
        '请写 JSON 整数，如 3（不要写 3.0、"3" 或 true）',
    ),
    Entry("write true or false", "请写 true 或 false"),
    Entry(
        'write dates as text in ISO form, such as "2022-05-03"',
        '日期请写成 ISO 格式的文本，如 "2022-05-03"',
    ),
    Entry(
        'write a whole number (8) or text ("8.5", "17/2"); never a float',
        '请写整数（8）或文本（"8.5"、"17/2"）；不要写浮点数',
    ),
    Entry(
        "add it; docs/reference/json-format.md lists the fields of every record",
        "请补上；各记录的字段见 docs/reference/json-format.md",
    ),
    Entry(
        "remove it or correct its spelling; docs/reference/json-format.md lists the keys",
        "请删除它或改正拼写；可用的键见 docs/reference/json-format.md",
    ),
    Entry("fill in both cells, or neither", "两格都填，或都不填"),
    Entry("correct the id", "请改正编号"),
    Entry("keep one row per member and activity", "每位委员每次活动只保留一行"),
    Entry(
        "a member cannot attend more half-days than the activity has",
        "委员出勤的半天数不能超过活动的半天数",
    ),
    Entry(
        "correct the date; no step can come before the submission",
        "请改正日期；任何环节都不能早于提交",
    ),
    Entry(
        "list the steps of each {what} in date order, or correct the date",
        "请按日期顺序列出每件{what}的环节，或改正日期",
    ),
    Entry("give each figure once per subject and period", "每个对象每个期间的数据只给一次"),
    Entry(
        "write a plain number such as 3 (digits only, no separators or signs)",
        "请写普通数字，如 3（只写数字，不加分隔符或符号）",
    ),
    Entry("correct the count", "请改正数量"),
    Entry("write the date as YYYY-MM-DD", "日期请写成 YYYY-MM-DD"),
    Entry("write a number such as 8.5", "请写数，如 8.5"),
    Entry("write 8, 8.5, -2 or 17/2", "请写 8、8.5、-2 或 17/2 这样的数"),
    Entry(
        'close the quote, or write "" for a quote inside a quoted item',
        '请补上后引号；引号内的引号写成 ""',
    ),
    Entry("write the unit's name before its part", "请在承办方式前写上单位名称"),
    Entry(
        "separate ids with ； or , and write each id without spaces",
        "编号之间用 ； 或 , 分隔，每个编号中不要有空格",
    ),
    Entry(
        "split the data into smaller datasets, or raise the row limit (--max-rows N, or "
        "max_rows=N in Python) if the data is genuine",
        "请把数据拆成较小的数据集；如果数据确实如此，可调大行数上限（命令行用 --max-rows N，"
        "Python 中用 max_rows=N）",
    ),
    Entry(
        "open it in Excel and save it as “CSV UTF-8 (逗号分隔)(*.csv)”, or save it as .xlsx",
        "请用 Excel 打开，另存为“CSV UTF-8 (逗号分隔)(*.csv)”，或另存为 .xlsx",
    ),
    Entry(
        "save the file as “CSV UTF-8 (逗号分隔)(*.csv)”",
        "请把文件另存为“CSV UTF-8 (逗号分隔)(*.csv)”",
    ),
    Entry("save it as “CSV UTF-8 (逗号分隔)(*.csv)”", "请另存为“CSV UTF-8 (逗号分隔)(*.csv)”"),
    Entry(
        "write the header row (docs/reference/dataset-format.md lists the columns), or delete "
        "the file",
        "请写上表头行（各列见 docs/reference/dataset-format.md），或删除这个文件",
    ),
    Entry(
        "check the quotes in this row (a cell with a quote must be quoted, with the quote "
        "doubled); save the file again from Excel",
        "请检查这一行的引号（含引号的单元格要整体加引号，其中的引号写两遍）；"
        "或用 Excel 重新保存文件",
    ),
    Entry(
        "open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx)",
        "请用 Excel 或 LibreOffice 打开，另存为 Excel 工作簿（.xlsx）",
    ),
    Entry(
        "split the data into smaller workbooks, or raise the row limit (--max-rows N, or "
        "max_rows=N in Python) if the data is genuine (the size limit grows with it)",
        "请把数据拆成较小的工作簿；如果数据确实如此，可调大行数上限（命令行用 --max-rows N，"
        "Python 中用 max_rows=N），解压大小的上限随之提高",
    ),
    Entry(
        "name the table's own sheet after the table, and its continuation sheets after it with "
        "(2), (3) …",
        "请把这个表本身的工作表按表名命名，续表在表名后加 (2)、(3) ……",
    ),
    Entry("move its rows into the committee sheet", "请把这些行移到委员会工作表中"),
    Entry(
        "number the continuation sheets (2), (3) … without gaps or repeats",
        "续表请按 (2)、(3) …… 依次编号，不要跳号或重复",
    ),
    Entry(
        "open the workbook in Excel or LibreOffice and save it again as .xlsx",
        "请用 Excel 或 LibreOffice 打开工作簿，重新保存为 .xlsx",
    ),
    Entry(
        "write the header row (docs/reference/dataset-format.md lists the columns), or delete "
        "the sheet",
        "请写上表头行（各列见 docs/reference/dataset-format.md），或删除这个工作表",
    ),
    Entry(
        "open it in Excel or LibreOffice and save it again as .xlsx",
        "请用 Excel 或 LibreOffice 打开，重新保存为 .xlsx",
    ),
    Entry(
        "save it as an Excel workbook (.xlsx) or as “CSV UTF-8 (逗号分隔)(*.csv)”",
        "请另存为 Excel 工作簿（.xlsx）或“CSV UTF-8 (逗号分隔)(*.csv)”",
    ),
    Entry("copy the file itself into the dataset directory", "请把文件本身复制到数据目录中"),
    Entry(
        "point the link at the table's file, or copy the file in its place",
        "请让链接指向表的文件，或把文件复制到这里",
    ),
    Entry(
        "put the table's file in its place, or remove it from the dataset directory",
        "请把表的文件放在这里，或把它移出数据目录",
    ),
    Entry("remove the stray cells at the end of the row", "请删除这一行末尾多余的单元格"),
    Entry(
        "the committee table has two columns: key (项目) and value (内容)",
        "委员会表有两列：项目（key）和内容（value）",
    ),
    Entry(
        "write which committee field the row gives (id, name, level, jurisdiction)",
        "请写明这一行是委员会的哪一项（id、name、level、jurisdiction）",
    ),
    Entry("{value} lists the columns of every table", "各表的列见 {value}"),
    Entry(
        "write the URL as dialect+driver://user:password@host/database (sqlite:///path.db for "
        "SQLite)",
        "URL 请写成 dialect+driver://user:password@host/database（SQLite 写 sqlite:///path.db）",
    ),
    Entry(
        "check the path: sqlite:///relative/path.db or sqlite:////absolute/path.db",
        "请检查路径：sqlite:///相对/路径.db 或 sqlite:////绝对/路径.db",
    ),
    Entry(
        "check that the server runs, the database exists and the user may read it",
        "请检查服务器是否运行、数据库是否存在、用户能否读取",
    ),
    Entry("check the URL and that the results were written", "请检查 URL，以及结果是否已经写入"),
    Entry("use 'en' or 'zh'", "请用 'en' 或 'zh'"),
    Entry(
        "write to an empty database, or replace those tables (replace=True, cppcc export-db "
        "--replace)",
        "请写入空数据库，或替换这些表（replace=True，cppcc export-db --replace）",
    ),
    Entry(
        "check that the server runs and the user may create tables",
        "请检查服务器是否运行、用户能否建表",
    ),
    Entry(
        "install the database driver (module {name}); {t_rest}",
        "请安装数据库驱动（模块 {name}）；{t_rest}",
    ),
    Entry(
        "for PostgreSQL: pip install 'psycopg[binary]' and write postgresql+psycopg://…",
        "PostgreSQL 用 pip install 'psycopg[binary]'，并写 postgresql+psycopg://…",
    ),
    Entry("check the path", "请检查路径"),
    Entry(
        "pip install pandas, or ask for library='polars' or 'arrow'",
        "请安装 pandas（pip install pandas），或改用 library='polars' 或 'arrow'",
    ),
    Entry("use 'polars', 'pandas' or 'arrow'", "请用 'polars'、'pandas' 或 'arrow'"),
    Entry(
        'write {{"format": "{format}", "version": {version}, "committee": …}}',
        '请写 {{"format": "{format}", "version": {version}, "committee": …}}',
    ),
    Entry(
        "keep one of them; JSON readers silently keep only the last",
        "只保留其中一个；JSON 读取程序会默默只保留最后一个",
    ),
    Entry(
        "fix the syntax: a missing comma, quote or bracket is the usual cause",
        "请改正语法：通常是少了逗号、引号或括号",
    ),
    Entry(
        "correct the number; counts and ids of a ledger are short",
        "请改正这个数；台账中的计数和编号都很短",
    ),
    Entry(
        "check the path and that the file is UTF-8 text", "请检查路径，以及文件是否为 UTF-8 文本"
    ),
    Entry('start the document with "format": "{format}"', '文档请以 "format": "{format}" 开头'),
    Entry('add "version": {version}', '请加上 "version": {version}'),
    Entry('write "version": {version}', '请写 "version": {version}'),
    Entry(
        "this version of cppcc-model reads version {version}; upgrade it or convert",
        "这一版 cppcc-model 读取第 {version} 版格式；请升级程序或转换文件",
    ),
    Entry("check the path and that you may write there", "请检查路径，以及是否有写入权限"),
    Entry(
        "give each table as a list of dicts (or a cursor, a result or a data frame)",
        "每个表请给出字典的列表（或游标、查询结果、数据框）",
    ),
    Entry("give each row as a dict of column name to value", "每一行请给出“列名 → 值”的字典"),
    Entry("give a positive row limit", "请给出正数的行数上限"),
    Entry(
        "give {{'members': [...], 'sectors': [...], ...}}",
        "请给出 {{'members': [...], 'sectors': [...], ...}}",
    ),
    Entry(
        "docs/reference/dataset-format.md lists the tables",
        "各表见 docs/reference/dataset-format.md",
    ),
    Entry("give each table once", "每个表只给一次"),
    Entry(
        "add a committee table (委员会): one mapping of id, name, level and jurisdiction, or "
        "key/value rows",
        "请添加委员会表：一个包含 id、name、level、jurisdiction 的映射，或“项目/内容”行",
    ),
    Entry("use 'csv' or 'xlsx'", "请用 'csv' 或 'xlsx'"),
    Entry(
        "name it with the .xlsx extension so that Excel and load_dataset recognise it",
        "请用 .xlsx 扩展名，让 Excel 和 load_dataset 能识别它",
    ),
    Entry("write to an empty directory, or remove the file", "请写入空目录，或删除这个文件"),
    Entry(
        "write the dataset as CSV or JSON, which hold text of any length",
        "请把数据写成 CSV 或 JSON，它们能容纳任意长度的文本",
    ),
    Entry(
        "add committee.csv (or 委员会.csv, or a sheet 委员会) with key and value columns: id, "
        "name, level, jurisdiction",
        "请添加 committee.csv（或 委员会.csv，或工作表“委员会”），含项目和内容两列："
        "id、name、level、jurisdiction",
    ),
    Entry("pip install {value}", "请安装：pip install {value}"),
    Entry(
        "pip install 'cppcc-model[frames]', or ask for library='arrow'",
        "请安装：pip install 'cppcc-model[frames]'，或改用 library='arrow'",
    ),
    # what a value was, in a message ("got the number inf")
    Entry("the text {value}", "文本 {value}"),
    Entry("the number {value}", "数 {value}"),
    Entry("a list", "列表"),
    Entry("an object", "对象"),
    # what the JSON reader says
    Entry("Expecting value", "此处应有一个值"),
    Entry("Expecting property name enclosed in double quotes", "此处应有用双引号括起的键名"),
    Entry("Expecting ',' delimiter", "此处应有逗号"),
    Entry("Expecting ':' delimiter", "此处应有冒号"),
    Entry("Extra data", "多余的内容"),
    Entry("Unterminated string starting at", "字符串没有结束"),
    Entry("Invalid control character at", "无效的控制字符"),
    Entry("Invalid \\escape", "无效的转义"),
    Entry("Invalid \\uXXXX escape", "无效的 \\uXXXX 转义"),
    # what the system says about a file
    Entry("No such file or directory", "没有这个文件或目录"),
    Entry("Permission denied", "没有权限"),
    Entry("Is a directory", "这是一个目录"),
    Entry("Not a directory", "这不是目录"),
    Entry("invalid start byte", "无效的起始字节"),
    Entry("invalid continuation byte", "无效的后续字节"),
    Entry("unexpected end of data", "数据意外结束"),
    Entry("number each work item once", "每个工作事项只编一个号"),
)
"""The hints of loading."""
