"""Readings: each rule set's options declared once, checked once, listed by `cppcc plugins`."""

from __future__ import annotations

import inspect
import json

import attrs
import pytest
from click.testing import CliRunner

from cppcc_model.cli import cli
from cppcc_model.errors import InvalidValueError
from cppcc_model.plugins import load_plugins
from cppcc_model.rules import Category, Reading, RuleSet, check_readings
from cppcc_model.rules.readings import readings_text
from cppcc_model.testing.codes import raises_code

JOINT = Reading(
    "joint",
    "whole",
    "how a joint proposal credits its authors",
    choices=("whole", "first", "split"),
    choice_meanings={"whole": "each the whole value", "split": "equal shares"},
)
COUNTS = Reading("training_counts", True, "whether training counts", choices=(True, False))


def test_a_reading_allows_its_choices_and_refuses_others_naming_them() -> None:
    assert JOINT.check("first") == "first"
    with raises_code(InvalidValueError, "P101", value="half") as raised:
        JOINT.check("half")
    assert raised.value.hint == "use one of: whole, first, split"


@pytest.mark.parametrize("value", [1, 0, "true", None])
def test_a_yes_or_no_reading_takes_only_true_or_false(value: object) -> None:
    with raises_code(InvalidValueError, "P101"):
        COUNTS.check(value)


def test_a_free_reading_takes_any_value_for_its_factory_to_check() -> None:
    floor = Reading("meetings_floor", None, "the least the meetings can fall to")
    assert floor.check(-5) == -5


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"default": "half"}, "P107"),  # the default is not one of its choices
        ({"choice_meanings": {"half": "halves"}}, "P108"),  # explains a choice it lacks
        ({"name": "two words"}, "P105"),  # not a keyword argument name
        ({"meaning": "  "}, "P106"),  # must say what it decides
    ],
)
def test_a_reading_that_contradicts_itself_is_refused(fields: dict[str, object], code: str) -> None:
    given: dict[str, object] = {
        "name": "joint",
        "default": "whole",
        "meaning": "how a joint proposal credits its authors",
        "choices": ("whole", "split"),
        **fields,
    }
    with raises_code(InvalidValueError, code):
        Reading(**given)  # type: ignore[arg-type]


def test_check_readings_refuses_an_option_no_reading_declares() -> None:
    check_readings((JOINT,), joint="split")
    with raises_code(InvalidValueError, "P109", value="ties"):
        check_readings((JOINT,), joint="split", ties="exclude")


def _factory(*, joint: str = "whole") -> RuleSet:
    check_readings((JOINT,), joint=joint)
    return RuleSet(
        jurisdiction="x",
        name=f"x-{joint}",
        title="t",
        effective_from="2022-01-01",
        categories=[Category("c", "c", items=[])],
        options={"joint": joint},
        factory=_factory,
        readings=(JOINT,),
    )


def test_with_options_checks_the_reading_before_the_factory_runs() -> None:
    calls: list[str] = []

    def counting(**options: str) -> RuleSet:
        calls.append(options["joint"])
        return _factory(**options)

    rule_set = _factory()
    watched = attrs.evolve(rule_set, factory=counting)
    assert watched.with_options(joint="split").name == "x-split"
    with raises_code(InvalidValueError, "P101", value="half") as raised:
        watched.with_options(joint="half")
    assert raised.value.where is not None
    assert raised.value.where.rule_set == "x-whole"
    assert calls == ["split"]
    assert rule_set.reading("joint") is JOINT
    with pytest.raises(KeyError):
        rule_set.reading("ties")


def test_readings_must_name_exactly_the_options() -> None:
    with raises_code(InvalidValueError, "P110", value="joint"):
        RuleSet(
            jurisdiction="x",
            name="x",
            title="t",
            effective_from="2022-01-01",
            categories=[Category("c", "c", items=[])],
            options={"joint": "whole", "ties": "exclude"},
            readings=(JOINT,),
        )


def test_a_listing_shows_the_value_in_force_and_the_choices() -> None:
    text = readings_text((JOINT, COUNTS), {"joint": "split"})
    assert text == "joint=split (whole|first|split); training_counts=True (True|False)"


def _as_tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list | tuple) else value


@pytest.mark.installed_plugins
def test_every_bundled_rule_set_declares_a_reading_for_each_option_with_its_default() -> None:
    plugins = load_plugins(entry_points=True, strict=True)
    declared = 0
    for rule_set in plugins.rule_sets:
        if rule_set.factory is None:
            continue
        assert rule_set.readings, rule_set.name
        parameters = inspect.signature(rule_set.factory).parameters
        for reading in rule_set.readings:
            declared += 1
            assert reading.name in parameters, (rule_set.name, reading.name)
            default = parameters[reading.name].default
            # The reading's default is the factory's (a converter may turn a list to a tuple).
            assert _as_tuple(reading.default) == _as_tuple(default)
            assert rule_set.options[reading.name] == rule_set.factory().options[reading.name]
            for choice in reading.choices:
                rebuilt = rule_set.with_options(**{reading.name: choice})
                assert rebuilt.options[reading.name] == choice
    assert declared >= 20


@pytest.mark.installed_plugins
def test_cppcc_plugins_lists_each_reading_with_its_value_and_choices() -> None:
    result = CliRunner().invoke(cli, ["plugins", "-f", "json"])
    assert result.exit_code == 0, result.output
    plugins = {p["name"]: p for p in json.loads(result.output)["plugins"]}
    (minhang,) = plugins["minhang"]["rule_sets"]
    readings = {r["name"]: r for r in minhang["readings"]}
    assert readings["key_and_excellent"]["choices"] == ["higher", "both"]
    assert readings["key_and_excellent"]["value"] == "higher"
    assert readings["training_counts"]["default"] is True
    assert "一、2" in readings["training_counts"]["meaning"]
    table = CliRunner().invoke(cli, ["plugins", "-f", "csv"])
    assert "key_and_excellent=higher (higher|both)" in table.output
