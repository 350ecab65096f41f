"""Every golden case of the rule-language examples, under the Python and the TOML form alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.rule_language._forms import (
    CASES,
    python_form,
    registries,
    registry,
    toml_form,
    years_python,
    years_toml,
)

from cppcc_model.testing.golden import GoldenCaseFailure, load_golden_case


def test_the_toml_forms_are_the_python_forms() -> None:
    assert toml_form() == python_form()
    assert years_toml() == years_python()


@pytest.mark.parametrize("form", ["python", "toml"])
@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_golden_case(path: Path, form: str) -> None:
    load_golden_case(path).check(registries()[form])


def test_a_wrong_expectation_names_the_figure(tmp_path: Path) -> None:
    text = (CASES[0].parent / "inputs.golden.toml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.golden.toml"
    broken.write_text(text.replace('complete = false\ntotal = "22"', "complete = true"), "utf-8")
    with pytest.raises(GoldenCaseFailure) as failure:
        load_golden_case(broken).check(registry(python_form()))
    assert "b: complete=False" in failure.value.message
    assert "no 'employer_rating' was given" in failure.value.message
