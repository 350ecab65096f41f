"""姓氏笔画排序 and pinyin order of names.

The surname list below was worked out by hand: stroke count, then the strokes one by one in the
order 横(h) 竖(s) 撇(p) 点(n) 折(z). Strokes that turn count as 折 — 竖提 included, so 比 is
h z p z and 毕 (h z p z h s) follows 成 (h p z z p n); 卯 is p z n z s, so 柳 follows 柏. The
stroke sequence used for each neighbour decision is noted where it is not obvious.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cppcc_model.errors import CppccError
from cppcc_model.names import (
    COMPOUND_SURNAMES,
    ChineseName,
    NameOrderRegistry,
    PinyinOrder,
    StrokeOrder,
    UnknownCharacterError,
    known_characters,
    name_orders,
    sort_names,
    split_name,
    stroke_count,
    stroke_key,
)
from cppcc_model.names.strokes import _lookup, _table
from cppcc_model.testing.codes import raises_code

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "cppcc_model" / "names" / "data"

# Surnames by stroke count, each group in official order (see the module docstring).
HAND_ORDER = {
    2: ["丁", "卜", "刁", "力"],  # hs, sn, zh, zp
    3: ["于", "万", "上官", "山", "千", "广", "门", "弓", "卫", "习", "马"],
    4: [
        "王", "区", "尤", "车", "戈", "贝", "牛", "毛", "仇", "公",  # hhsh hpnz hpzn hzhs hzpn
        "卞", "文", "方", "计", "尹", "孔", "邓", "双",  # nhsn nhpn nhzp nzhs zhhp zshz znzs znzn
    ],
    5: [
        "玉", "甘", "艾", "古", "左", "石", "龙",  # hhshn hsshh hsspn hsszh hphsh hpszh hpzpn
        "卢", "叶", "田", "史", "冉",  # shzhp szhhs szhsh szhpn szshh
        "丘", "付", "白", "丛", "令", "乐", "包",  # pshsh pshsn pszhh pnpnh pnnzn pzspn pzzhz
        "冯", "兰", "宁", "司", "司马", "皮", "边", "台",  # nh np nn; zhszh zpszn zpnzn znszh
    ],
    6: [
        "匡", "邢", "吉", "巩", "朴", "权", "成", "毕",  # hhhshz hhpszs ... hpzzpn hzpzhs
        "师", "曲", "吕",  # sphszs szhssh szhszh
        "朱", "乔", "伍", "仲", "任", "华", "向", "全",
        "庄", "刘", "齐", "关", "米", "江", "汤", "安", "祁", "许",
        "阮", "孙", "牟", "纪",  # zshhpz zshspn znphhs zzhzhz
    ],
    7: [
        # hhsh.. hssn hssz hspnh hspnp hspnzs hspnzp hz
        "麦", "劳", "苏", "杜", "巫", "李", "杨", "连",
        "肖", "吴", "岑",  # snp szh szs
        "邱", "何", "余", "谷", "邹",  # pshsh pshsz pnh pnp pz
        "应", "冷", "辛", "汪", "沙", "沈", "宋",  # nhpnnp nhpnnz nhn nnhh nnhs nnhn nnz
        "张", "陆", "陈", "邵",  # zh zshh zshz zp
    ],
    8: [
        "苗", "范", "林", "郁", "欧", "欧阳",  # hsss hssn hsp hps hpn
        "卓", "易", "罗",  # sh szhh szss
        "季", "岳", "金", "周",  # ph ps pn pz
        "庞", "郑", "单", "宗", "官", "房",  # nh nph nps nnzh nnzs nz
        "屈", "孟",  # zh zs
    ],
    9: [
        "项", "赵", "郝", "荣", "胡", "南", "柯", "查", "柏", "柳",
        "战", "钟", "俞", "施", "姜", "洪", "祝", "姚", "贺", "骆",
    ],
    10: [
        "秦", "袁", "耿", "聂", "莫", "桂", "贾", "夏", "顾", "柴",
        "钱", "徐", "翁", "凌", "高", "郭", "唐", "诸葛", "谈",
    ],
    11: ["黄", "梅", "曹", "龚", "盛", "常", "崔", "符", "麻", "康", "章", "梁"],
    12: [
        "彭", "葛", "董", "蒋", "韩", "覃", "喻", "程", "傅",
        "焦", "舒", "鲁", "童", "温", "游", "谢", "强",
    ],
    13: ["蓝", "蒲", "雷", "路", "简", "鲍", "解", "窦"],
    14: ["蔡", "裴", "管", "廖", "谭", "翟", "熊", "缪"],
    15: ["樊", "颜", "潘"],
    16: ["薛", "薄", "霍", "冀"],
    17: ["戴", "魏"],
    18: ["瞿"],
}  # fmt: skip

OFFICIAL = [surname for count in sorted(HAND_ORDER) for surname in HAND_ORDER[count]]


def test_the_hand_list_is_long_enough():
    assert len(OFFICIAL) >= 100
    assert len(set(OFFICIAL)) == len(OFFICIAL)


@pytest.mark.parametrize("count", sorted(HAND_ORDER))
def test_stroke_counts_match_the_hand_counts(count):
    for surname in HAND_ORDER[count]:
        assert stroke_count(surname[0]) == count, surname


def test_sort_reproduces_the_official_surname_order():
    shuffled = sorted(OFFICIAL, key=lambda s: (hash(s) % 97, s))
    assert sort_names(shuffled) == OFFICIAL


def test_sort_reproduces_the_order_for_full_names():
    names = [surname + "明" for surname in OFFICIAL]
    assert sort_names(reversed(names)) == names


def test_given_names_break_ties_character_by_character():
    names = ["王一", "王二", "王十", "王三", "王小明", "王小", "王", "王山"]
    # 一 (h) < 二 (hh) < 十 (hs); 三 (hhh) < 小 (snp) < 山 (szs); a prefix sorts first
    assert sort_names(names) == ["王", "王一", "王二", "王十", "王三", "王小", "王小明", "王山"]


def test_single_surname_comes_before_the_compound_that_starts_with_it():
    assert sort_names(["欧阳明", "欧明", "欧阳一", "欧静"]) == ["欧明", "欧静", "欧阳一", "欧阳明"]


def test_compound_surnames_are_recognised():
    assert split_name("欧阳修") == ChineseName("欧阳", "修")
    assert split_name("司马光") == ChineseName("司马", "光")
    assert split_name("诸葛亮") == ChineseName("诸葛", "亮")
    assert split_name("尉迟恭") == ChineseName("尉迟", "恭")
    assert split_name("欧阳") == ChineseName("欧", "阳")
    assert split_name("王 芳") == ChineseName("王", "芳")
    assert split_name("买买提·艾力") == ChineseName("买", "买提艾力")
    for surname in ["上官", "东方", "皇甫", "令狐", "慕容", "长孙", "宇文", "司徒", "夏侯"]:
        assert surname in COMPOUND_SURNAMES


def test_an_explicit_split_is_respected():
    order = StrokeOrder()
    explicit = ChineseName("东", "方红")
    assert split_name("东方红") == ChineseName("东方", "红")
    assert order.key(explicit) != order.key("东方红")
    assert [len(part) for part in order.key(explicit)] == [1, 2]
    # surname 东 (5 strokes) with given name 方红 sorts before 东 + a 6-stroke given name
    assert order.key(explicit) < order.key("东红")


def test_stroke_key_counts_and_order():
    assert stroke_key("一") == (1, 0)
    assert stroke_key("王").strokes == 4
    assert stroke_key("丰") < stroke_key("王")  # hhhs < hhsh


def test_character_without_data_is_a_clear_error():
    with pytest.raises(UnknownCharacterError) as caught:
        StrokeOrder().key("王A")
    error = caught.value
    assert isinstance(error, CppccError)
    assert (error.code, error.value) == ("V409", "A")  # no stroke data for the character
    # the message names the code point and the whole name, and the hint the way out: what
    # a clerk needs to find the character, checked in the text on purpose
    assert "U+0041" in str(error)
    assert "王A" in str(error)
    assert "unknown='last'" in str(error)


def test_multi_character_lookup_is_an_error():
    with pytest.raises(UnknownCharacterError):
        stroke_key("王芳")


def test_documented_fallback_places_unknown_characters_last():
    order = StrokeOrder(unknown="last")
    assert sorted(["王X", "王龘", "王一", "Z"], key=order.key) == ["王一", "王龘", "王X", "Z"]
    with pytest.raises(CppccError):
        StrokeOrder(unknown="guess")  # type: ignore[arg-type]


def test_empty_names_are_refused():
    with pytest.raises(CppccError):
        split_name("  ")
    with pytest.raises(CppccError):
        ChineseName("", "")


def test_data_covers_the_basic_block_common_characters():
    chars = known_characters()
    assert len(chars) > 20000
    basic = [chr(c) for c in range(0x4E00, 0x9FA6)]
    assert sum(c in chars for c in basic) / len(basic) > 0.99
    assert all(s[0] in chars for s in OFFICIAL)


def test_data_file_is_small_and_states_its_sources_and_licences():
    path = DATA / "strokes.txt"
    assert path.stat().st_size < 300_000
    head = path.read_text("utf-8").split("\n", 30)[:20]
    text = "\n".join(head)
    assert "kTotalStrokes" in text
    assert "Unicode License" in text
    assert "MIT" in text
    assert "GENERATED by scripts/generate_stroke_data.py" in text
    notice = (DATA / "NOTICE.txt").read_text("utf-8")
    assert "Permission is hereby granted" in notice
    assert "Copyright (c) bmxbmx3" in notice


def test_each_character_appears_once_in_the_data():
    lines = [
        line.split("\t")[1]
        for line in (DATA / "strokes.txt").read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    joined = "".join(lines)
    assert len(joined) == len(set(joined)) == len(_table())


def test_a_character_found_in_the_data_text_has_its_row_and_place_in_the_row():
    # the lookup finds a character in the rows joined; the table reads them row by row
    expected = {}
    for line in (DATA / "strokes.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            count, chars = line.split("\t")
            expected.update({char: (int(count), order) for order, char in enumerate(chars)})
    assert _table() == expected
    for char, (count, order) in expected.items():
        assert stroke_key(char) == (count, order), char
    for absent in ("a", " ", "\t", "\U0001f600"):
        assert _lookup(absent) is None


def _generator_inputs():
    unihan = Path("/usr/share/unicode/Unihan_IRGSources.txt.bz2")
    spec = importlib.util.find_spec("cn_sort")
    candidates = [Path("/tmp/cnsort/cn_sort/res/all_word.json")]
    if spec is not None and spec.submodule_search_locations:
        candidates.insert(
            0, Path(next(iter(spec.submodule_search_locations))) / "res" / "all_word.json"
        )
    cn_sort = next((c for c in candidates if c.is_file()), None)
    return unihan if unihan.is_file() else None, cn_sort


def test_generator_reproduces_the_committed_file(tmp_path):
    unihan, cn_sort = _generator_inputs()
    if unihan is None or cn_sort is None:
        pytest.skip("stroke data sources not installed (apt-get install unicode-data; cn-sort)")
    output = tmp_path / "strokes.txt"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "generate_stroke_data.py"),
            "--unihan",
            str(unihan),
            "--cn-sort-json",
            str(cn_sort),
            "--output",
            str(output),
        ],
        check=True,
        capture_output=True,
    )
    assert output.read_bytes() == (DATA / "strokes.txt").read_bytes()


# ---- properties ----------------------------------------------------------------------------

common = sorted(set("".join(OFFICIAL)) | set("明芳伟静一二三小红建国华军平丽敏强磊洋艳勇杰娟涛"))
names_st = st.text(st.sampled_from(common), min_size=1, max_size=4)


@settings(max_examples=200)
@given(st.lists(names_st, max_size=20), st.randoms(use_true_random=False))
def test_sorting_is_deterministic_and_independent_of_input_order(names, rnd):
    shuffled = names[:]
    rnd.shuffle(shuffled)
    assert sort_names(shuffled) == sort_names(names)


@settings(max_examples=300)
@given(names_st, names_st, names_st)
def test_stroke_order_is_a_total_order(a, b, c):
    key = StrokeOrder().key
    ka, kb, kc = key(a), key(b), key(c)
    assert (ka == kb) == (a == b)  # distinct names never compare equal
    assert (ka < kb) or (kb < ka) or (a == b)
    if ka < kb and kb < kc:
        assert ka < kc


@settings(max_examples=200)
@given(names_st, st.text(st.sampled_from(common), min_size=1, max_size=2))
def test_a_name_sorts_before_its_extensions(name, more):
    key = StrokeOrder().key
    full = name + more
    if split_name(full).surname == split_name(name).surname:
        assert key(name) < key(full)


@settings(max_examples=200)
@given(st.sampled_from(common), st.sampled_from(common))
def test_fewer_strokes_always_first(a, b):
    if stroke_count(a) < stroke_count(b):
        assert StrokeOrder().key(a + "一") < StrokeOrder().key(b + "一")


# ---- registry ------------------------------------------------------------------------------


class ReverseStroke:
    name = "reverse_stroke"
    label = "笔画倒序"

    def key(self, name):
        count, order = stroke_key(split_name(name).surname[0])
        return (-count, -order)


def test_builtin_orders_are_registered():
    assert list(name_orders) == ["pinyin", "stroke"]
    assert name_orders.get("stroke").label == "姓氏笔画排序"
    assert "pinyin" in name_orders


def test_a_district_can_register_its_own_order():
    registry = NameOrderRegistry([StrokeOrder()])
    registry.register(ReverseStroke())
    assert sort_names(["丁一", "王芳", "魏征"], "reverse_stroke", registry=registry) == [
        "魏征",
        "王芳",
        "丁一",
    ]
    assert sort_names(["王芳", "丁一"], ReverseStroke()) == ["王芳", "丁一"]


def test_registry_refuses_duplicates_and_strangers():
    registry = NameOrderRegistry([StrokeOrder()])
    with raises_code(CppccError, "V406", value="stroke"):
        registry.register(StrokeOrder(unknown="last"))
    registry.register(StrokeOrder(unknown="last"), replace=True)
    assert registry.get("stroke").unknown == "last"
    with raises_code(CppccError, "V405"):
        registry.register(object())  # type: ignore[arg-type]
    with raises_code(CppccError, "V407", value="zhuyin"):
        registry.get("zhuyin")


# ---- pinyin --------------------------------------------------------------------------------


@pytest.fixture
def pinyin():
    pytest.importorskip("pypinyin")
    return PinyinOrder()


@pytest.mark.parametrize(
    ("surname", "reading"),
    [
        ("曾", "zeng1"),
        ("单", "shan4"),
        ("解", "xie4"),
        ("区", "ou1"),
        ("查", "zha1"),
        ("朴", "piao2"),
        ("仇", "qiu2"),
        ("繁", "po2"),
        ("盖", "ge3"),
        ("乐", "yue4"),
        ("种", "chong2"),
        ("覃", "qin2"),
        ("尉迟", "yu4 chi2"),
        ("万俟", "mo4 qi2"),
    ],
)
def test_polyphonic_surnames_read_as_surnames(pinyin, surname, reading):
    readings = pinyin.readings(surname + "明")
    assert " ".join(readings[0]) == reading
    assert readings[1] == ("ming2",)


def test_pinyin_order_of_surnames(pinyin):
    names = ["张伟", "曾明", "单立", "区华", "李娜", "吕方", "卢强", "罗兵", "查理", "章伟"]
    assert sort_names(names, "pinyin") == [
        "李娜",  # li
        "卢强",  # lu
        "罗兵",  # luo
        "吕方",  # lv: ü after u
        "区华",  # ou
        "单立",  # shan
        "曾明",  # zeng
        "查理",  # zha
        "张伟",  # zhang1, 张 (7 strokes) before 章 (11)
        "章伟",
    ]


def test_pinyin_compares_tone_after_letters(pinyin):
    assert sort_names(["马力", "麻力", "骂力"], "pinyin") == ["麻力", "马力", "骂力"]


def test_pinyin_order_is_deterministic(pinyin):
    names = ["欧阳修", "欧明", "王Mary", "王芳", "汪洋"]
    assert sort_names(names, "pinyin") == sort_names(list(reversed(names)), "pinyin")
    assert sort_names(names, "pinyin")[0] == "欧明"


def test_missing_pypinyin_is_a_clear_error(monkeypatch):
    from cppcc_model.names import order

    order._pypinyin.cache_clear()
    monkeypatch.setitem(sys.modules, "pypinyin", None)
    try:
        with raises_code(CppccError, "V404") as raised:
            PinyinOrder().key("王芳")
        assert raised.value.hint is not None
        assert "pip install pypinyin" in raised.value.hint
    finally:
        order._pypinyin.cache_clear()
