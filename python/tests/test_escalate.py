"""escalate: the same documents as ``casus escalate … --format json``, from
flags or a scenario file, with Monte Carlo runs and counterfactuals; bad
input names the argument."""

from __future__ import annotations

from pathlib import Path

import pytest

import casus

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_flags_form_same_document_as_cli(cli):
    ours = casus.escalate(attacker="AZE", at="Jermuk", on="2022-09-13")
    assert ours == cli.json("escalate", "--attacker", "AZE", "--at", "Jermuk", "--on", "2022-09-13")
    assert ours["rounds"], ours


def test_scenario_file_same_document_as_cli(cli):
    path = str(EXAMPLES / "yerevan.toml")
    ours = casus.escalate(path)
    assert ours == cli.json("escalate", path)
    assert ours["scenario"]["date"] == "2020-10-07"
    # A date given with the file overrides the file's.
    later = casus.escalate(path, on="2021-10-07")
    assert later == cli.json("escalate", path, "--on", "2021-10-07")
    assert later["scenario"]["date"] == "2021-10-07"


def test_monte_carlo_and_counterfactual_same_document_as_cli(cli):
    path = str(EXAMPLES / "yerevan.toml")
    ours = casus.escalate(path, runs=200, seed=7, with_="ARM:nato@1999-01-01", without="ARM:csto")
    theirs = cli.json(
        "escalate", path, "--runs", "200", "--seed", "7", "--with", "ARM:nato@1999-01-01", "--without", "ARM:csto"
    )
    assert ours == theirs
    assert "monte_carlo" in ours and "counterfactual" in ours and "diff" in ours


def test_policy_words_take_the_cli_spelling(cli):
    ours = casus.escalate(
        attacker="AZE", at="Jermuk", on="2022-09-13", policy="automatic", contested="stay-out", max_rounds=3
    )
    theirs = cli.json(
        "escalate",
        "--attacker",
        "AZE",
        "--at",
        "Jermuk",
        "--on",
        "2022-09-13",
        "--policy",
        "automatic",
        "--contested",
        "stay-out",
        "--max-rounds",
        "3",
    )
    assert ours == theirs


def test_unknown_attacker_names_the_field():
    with pytest.raises(casus.CasusError) as e:
        casus.escalate(attacker="Azerbaijn", at="Jermuk", on="2022-09-13")
    assert e.value.field == "attacker"
    assert e.value.did_you_mean == "Azerbaijan"


def test_missing_scenario_file_names_the_field(tmp_path):
    with pytest.raises(casus.CasusError) as e:
        casus.escalate(tmp_path / "nowhere.toml")
    assert e.value.field == "scenario"
    assert "nowhere.toml" in e.value.reason


def test_zero_runs_is_malformed():
    with pytest.raises(casus.CasusError) as e:
        casus.escalate(attacker="AZE", at="Jermuk", on="2022-09-13", runs=0)
    assert e.value.field == "runs"
