"""``Where`` criteria: ``None`` means "any" (as leaving the criterion out does), one value is a
list of one, and anything else is a typed error naming the criterion."""

from __future__ import annotations

import pytest

from cppcc_model.errors import CppccError, InvalidValueError
from cppcc_model.rules import Reached, Stage, Where
from cppcc_model.rules.facts import AuthorRole


@pytest.mark.parametrize(
    "criterion",
    [
        "kinds",
        "statuses",
        "roles",
        "reached",
        "reached_any",
        "not_reached",
        "organisers",
        "levels",
        "keys",
    ],
)
def test_none_for_a_criterion_means_any_as_leaving_it_out_does(criterion: str) -> None:
    assert Where("proposal", **{criterion: None}) == Where("proposal")
    assert Where("proposal", **{criterion: []}) == Where("proposal")


def test_one_value_for_a_criterion_is_a_list_of_one() -> None:
    assert Where("proposal", roles="first") == Where("proposal", roles=["first"])
    assert Where("proposal", roles=AuthorRole.FIRST).roles == frozenset({AuthorRole.FIRST})
    assert Where("proposal", reached=Reached("filed")).reached == (Reached(Stage.FILED),)
    assert Where("contribution", kinds="大会发言") == Where("contribution", kinds=["大会发言"])


@pytest.mark.parametrize("criterion", ["roles", "kinds", "reached_any", "levels", "keys"])
def test_a_criterion_that_is_not_a_list_is_a_typed_error_naming_it(criterion: str) -> None:
    with pytest.raises(InvalidValueError) as raised:
        Where("proposal", **{criterion: 5})
    assert isinstance(raised.value, CppccError)
    assert f"Where({criterion}=…) takes a list of {criterion}, got 5" in str(raised.value)
    assert "leave it out (None) for any" in str(raised.value)
