"""The TOML rule file shipped with the plugin scores every ledger as the Python rule set does."""

from importlib import resources

from cppcc_rules_tongcheng import build_rule_set
from hypothesis import HealthCheck, given, settings

from cppcc_model.assess.engine import assess
from cppcc_model.ledger import Ledger
from cppcc_model.model import Period
from cppcc_model.rules.toml import loads_rule_set
from cppcc_model.testing.strategies import ledgers

WHOLE = Period.parse("2000-01-01..2035-12-31")


def toml_rule_set():
    text = (
        resources.files("cppcc_rules_tongcheng").joinpath("tongcheng-2019.toml").read_text("utf-8")
    )
    return loads_rule_set(text, source="tongcheng-2019.toml")


def test_the_toml_file_loads_with_the_same_shape() -> None:
    from_toml, from_python = toml_rule_set(), build_rule_set()
    assert [c.id for c in from_toml.categories] == [c.id for c in from_python.categories]
    assert [i.id for i in from_toml.items()] == [i.id for i in from_python.items()]
    assert from_toml.jurisdiction == from_python.jurisdiction


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(min_members=1, max_members=6, max_records=10))
def test_toml_and_python_score_every_ledger_identically(ledger: Ledger) -> None:
    from_toml = assess(ledger, toml_rule_set(), WHOLE).to_dict()
    from_python = assess(ledger, build_rule_set(), WHOLE).to_dict()
    from_toml.pop("rule_set")
    from_python.pop("rule_set")
    for card in from_toml["cards"] + from_python["cards"]:
        card.pop("rule_set")
    assert from_toml == from_python
