"""Labelled enumerations: every member is found by id, name, label and alias, in both scripts."""

from __future__ import annotations

import functools

import opencc
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cppcc_model.model
from cppcc_model.errors import InvalidValueError, UnknownLabelError
from cppcc_model.labels import LabeledEnum, normalize_label, to_simplified
from cppcc_model.model import STANDARD_UNITS, AttendanceStatus, Level, standard_unit
from cppcc_model.testing.codes import raises_code


def _model_enums() -> list[type[LabeledEnum]]:
    found: set[type[LabeledEnum]] = set()
    pending = list(LabeledEnum.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("cppcc_model.model"):
            found.add(cls)
    return sorted(found, key=lambda cls: cls.__qualname__)


ENUMS = _model_enums()
MEMBERS = [member for cls in ENUMS for member in cls]


@functools.cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    return str(_s2t().convert(text))


def _ids(member: LabeledEnum) -> str:
    return f"{type(member).__name__}.{member.name}"


def test_every_model_enumeration_is_collected() -> None:
    exported = {
        obj
        for obj in vars(cppcc_model.model).values()
        if isinstance(obj, type) and issubclass(obj, LabeledEnum)
    }
    assert exported <= set(ENUMS)
    assert len(ENUMS) == len(exported) >= 19


@pytest.mark.parametrize("member", MEMBERS, ids=_ids)
def test_member_found_by_value_name_and_label(member: LabeledEnum) -> None:
    cls = type(member)
    assert cls.parse(member.value) is member
    assert cls.parse(member.name) is member
    assert cls.parse(member.name.lower()) is member
    assert cls.parse(member.label) is member
    assert cls.parse(f"  {member.label} ") is member
    assert cls.parse(member) is member


@pytest.mark.parametrize("member", MEMBERS, ids=_ids)
def test_member_found_by_traditional_label(member: LabeledEnum) -> None:
    cls = type(member)
    assert cls.parse(traditional(member.label)) is member
    assert to_simplified(traditional(member.label)) == member.label


@pytest.mark.parametrize("member", MEMBERS, ids=_ids)
def test_member_found_by_every_alias_in_both_scripts(member: LabeledEnum) -> None:
    cls = type(member)
    for alias in member.aliases:
        assert cls.parse(alias) is member, alias
        assert cls.parse(traditional(alias)) is member, alias


@pytest.mark.parametrize("cls", ENUMS, ids=lambda cls: cls.__name__)
def test_labels_and_values_are_unambiguous_within_an_enumeration(cls: type[LabeledEnum]) -> None:
    keys = [normalize_label(text) for member in cls for text in (member.value, member.label)]
    assert len(keys) == len(set(keys))
    assert all(member.value.isascii() and member.value == member.value.lower() for member in cls)
    assert str(next(iter(cls))) == next(iter(cls)).label
    assert cls.kind_label != "值 (value)", "every enumeration says what it is"


@pytest.mark.parametrize("cls", ENUMS, ids=lambda cls: cls.__name__)
def test_unknown_label_names_the_choices(cls: type[LabeledEnum]) -> None:
    with pytest.raises(UnknownLabelError) as caught:
        cls.parse("不存在的标签")
    error = caught.value
    assert isinstance(error, InvalidValueError)
    assert "不存在的标签" in error.message
    assert error.hint is not None
    for member in cls:
        assert member.label in error.hint


@pytest.mark.parametrize("bad", [None, 3, 2.5, True, ["出席"]])
def test_non_text_is_an_unknown_label(bad: object) -> None:
    with pytest.raises(UnknownLabelError):
        AttendanceStatus.parse(bad)  # type: ignore[arg-type]


def test_examples_from_the_documents() -> None:
    assert AttendanceStatus.parse("請假") is AttendanceStatus.EXCUSED
    assert AttendanceStatus.parse("excused-leave") is AttendanceStatus.EXCUSED
    assert Level.parse("區級") is Level.COUNTY
    assert Level.COUNTY.rank < Level.CITY.rank < Level.PROVINCE.rank < Level.NATIONAL.rank


@given(st.text(max_size=20))
def test_normalize_label_is_idempotent(text: str) -> None:
    once = normalize_label(text)
    assert normalize_label(once) == once
    assert not any(ch.isspace() for ch in once)


@pytest.mark.parametrize("unit", STANDARD_UNITS, ids=lambda unit: unit.id)
def test_standard_units_by_id_name_and_short_name_in_both_scripts(unit: object) -> None:
    assert standard_unit(unit.id) is unit  # type: ignore[attr-defined]
    for text in (unit.name, unit.short_name):  # type: ignore[attr-defined]
        assert standard_unit(text) is unit
        assert standard_unit(traditional(text)) is unit


def test_unknown_standard_unit() -> None:
    with raises_code(UnknownLabelError, "V115", value="不是党派"):
        standard_unit("不是党派")


def test_the_library_s_own_texts_are_fixed_points_of_opencc() -> None:
    # to_simplified gives the library's own labels and headers back without OpenCC, so OpenCC
    # t2s must leave every one of them as it is
    import importlib
    import pkgutil

    import cppcc_model
    from cppcc_model import labels

    for module in pkgutil.walk_packages(cppcc_model.__path__, "cppcc_model."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    pending = list(LabeledEnum.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        cls._lookup_table()
    own = set(labels._OWN_SIMPLIFIED)
    assert {"请假", "提案", "委员编号", "基本满意", "A类", "内容"} <= own
    converter = opencc.OpenCC("t2s")
    assert [text for text in sorted(own) if converter.convert(text) != text] == []


def test_a_plugin_s_labels_are_still_converted() -> None:
    class Mood(LabeledEnum, kind_label="心情 (mood)"):
        CALM = ("calm", "從容")

    from cppcc_model import labels

    assert Mood.parse("从容") is Mood.CALM
    assert "從容" not in labels._OWN_SIMPLIFIED
    assert Mood.parse("從容") is Mood.CALM
    assert normalize_label("從容") == normalize_label("从容") == "从容"
