"""``--by`` names bodies with the one body vocabulary (BodyKind), and the old short words still work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cppcc_model.cli import cli
from cppcc_model.cli.options import BODY_WORDS
from cppcc_model.model import BodyKind

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DAWA = str(EXAMPLES / "dawa" / "dataset")


def run(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(cli, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert isinstance(out, dict)
    out.pop("by", None)
    return out


def test_every_body_word_is_a_body_kinds_value_or_an_old_short_word() -> None:
    spelled = {
        word: kind for word, kind in BODY_WORDS.items() if word == kind.value.replace("_", "-")
    }
    assert set(spelled.values()) == {
        BodyKind.ACTIVITY_GROUP,
        BodyKind.UNIT,
        BodyKind.SECTOR,
        BodyKind.SPECIAL_COMMITTEE,
    }
    assert BODY_WORDS["group"] is BodyKind.ACTIVITY_GROUP
    assert BODY_WORDS["party"] is BodyKind.UNIT
    # in --by, "committee" has always meant the special committees, not the whole committee
    assert BODY_WORDS["committee"] is BodyKind.SPECIAL_COMMITTEE


@pytest.mark.parametrize(
    ("new", "old"), [("activity-group", "group"), ("special-committee", "committee")]
)
def test_the_body_kind_and_the_short_word_give_the_same_roster(new: str, old: str) -> None:
    by_kind = run("members", "stats", DAWA, "--by", new)
    assert by_kind == run("members", "stats", DAWA, "--by", old)
    assert by_kind["members"] == 209


def test_the_body_kind_and_the_short_word_give_the_same_proposal_figures() -> None:
    args = ("proposals", "stats", DAWA, "--year", "2023", "--by")
    assert run(*args, "activity-group") == run(*args, "group")
    assert run(*args, "unit") == run(*args, "party")
