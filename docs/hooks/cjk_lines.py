"""MkDocs hook: join the lines of a Chinese paragraph without a space between them.

Markdown turns a line break inside a paragraph into a space. Between two Chinese characters
that space shows ("报送了哪些 社情民意信息"), so the Chinese pages (``*.zh.md``) get their lines
joined where one ends and the next begins with a CJK character or full-width punctuation and
the next line continues the paragraph (it does not open a list item, heading, table row,
quotation, admonition or tab). Code blocks are left as they are. Authors keep writing short
lines; readers see unbroken text.
"""

from __future__ import annotations

import re
from typing import Any

CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2014\u2026\u201c\u201d"
ENDS_CJK = re.compile(rf"[{CJK}]$")
STARTS_CJK = re.compile(rf"^\s*[{CJK}]")
OPENS_BLOCK = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#|\||>|!!!|\?\?\?|===|<|:::|\[\^)")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def join_lines(markdown: str) -> str:
    r"""``markdown`` with the line breaks between Chinese characters of a paragraph removed.

    >>> join_lines("报送了哪些\n社情民意信息。\n\n- 一\n- 二\n")
    '报送了哪些社情民意信息。\n\n- 一\n- 二\n'
    >>> join_lines("- 委员活动组\n  排名\n```\n中\n文\n```\n")
    '- 委员活动组排名\n```\n中\n文\n```\n'
    """
    out: list[str] = []
    fence: str | None = None
    for line in markdown.split("\n"):
        opening = FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if opening:
            fence = opening.group(1)
            out.append(line)
            continue
        if (
            out
            and ENDS_CJK.search(out[-1])
            and STARTS_CJK.match(line)
            and not OPENS_BLOCK.match(line)
            and not FENCE.match(out[-1])
        ):
            out[-1] += line.lstrip()
            continue
        out.append(line)
    return "\n".join(out)


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    """MkDocs event: join the lines of the Chinese pages."""
    if page.file.src_uri.endswith(".zh.md"):
        return join_lines(markdown)
    return markdown
