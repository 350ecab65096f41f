"""Chinese names: splitting, 姓氏笔画排序 (surname stroke order) and pinyin order.

Official name lists (委员名单, 表彰名单, 公示名单) are "按姓氏笔画排序": by the surname's stroke
count, then its strokes one by one (横 竖 撇 点 折), then the given name the same way, character
by character::

    >>> from cppcc_model.names import sort_names
    >>> sort_names(["王芳", "丁一", "欧阳明", "王方"])
    ['丁一', '王方', '王芳', '欧阳明']

:func:`sort_names` and the orders in :data:`name_orders` (``"stroke"``, ``"pinyin"``) are the
public entry points; a district may register its own :class:`NameOrder`. See
``docs/name-order.md`` for the rule, the data and its licences.
"""

from cppcc_model.names.order import (
    NameOrder,
    NameOrderRegistry,
    PinyinOrder,
    StrokeOrder,
    name_orders,
    sort_names,
)
from cppcc_model.names.strokes import (
    StrokeKey,
    UnknownCharacterError,
    known_characters,
    stroke_count,
    stroke_key,
)
from cppcc_model.names.surnames import (
    COMPOUND_SURNAMES,
    SURNAME_READINGS,
    ChineseName,
    normalize_name,
    split_name,
)

__all__ = [
    "COMPOUND_SURNAMES",
    "SURNAME_READINGS",
    "ChineseName",
    "NameOrder",
    "NameOrderRegistry",
    "PinyinOrder",
    "StrokeKey",
    "StrokeOrder",
    "UnknownCharacterError",
    "known_characters",
    "name_orders",
    "normalize_name",
    "sort_names",
    "split_name",
    "stroke_count",
    "stroke_key",
]
