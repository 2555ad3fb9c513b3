"""Bad input raises casus.CasusError (a ValueError) naming the argument; never a crash."""

from __future__ import annotations

import pytest

import casus


def test_unknown_state_names_field_and_suggestion():
    with pytest.raises(casus.CasusError) as info:
        casus.why(attacker="Azerbaijan", defender="Armenai", at="Jermuk", on="2022-09-13")
    error = info.value
    assert isinstance(error, ValueError)
    assert error.field == "defender"
    assert error.kind == "unknown"
    assert "Armenai" in error.reason
    assert error.did_you_mean == "Armenia"
    assert str(error).startswith("defender: ")


def test_unknown_attacker_is_the_attacker_field():
    with pytest.raises(casus.CasusError) as info:
        casus.why(attacker="Azerbaijn", at="Jermuk", on="2022-09-13")
    assert info.value.field == "attacker"
    assert info.value.did_you_mean == "Azerbaijan"


def test_unknown_place():
    with pytest.raises(casus.CasusError) as info:
        casus.why(attacker="AZE", at="Stepanakertxyzq", on="2020-10-07")
    assert info.value.field == "at"


@pytest.mark.parametrize("bad", ["2022-13-01", "yesterday", "2022-02-30", "", "99-01-01"])
def test_bad_dates(bad):
    with pytest.raises(casus.CasusError) as info:
        casus.why(attacker="AZE", at="Jermuk", on=bad)
    assert info.value.field == "on"
    assert info.value.suggestions == []


def test_bad_choice_names_the_field_and_lists_the_options():
    with pytest.raises(casus.CasusError) as info:
        casus.why(attacker="AZE", at="Jermuk", on="2022-09-13", target="ships")
    assert info.value.field == "target"
    assert info.value.kind == "malformed"
    assert "territory" in info.value.reason and "forces" in info.value.reason


@pytest.mark.parametrize(
    ("keyword", "value"),
    [("intent", "on purpose"), ("scale", "war"), ("means", "nuclear")],
)
def test_bad_character_names_its_field(keyword, value):
    with pytest.raises(casus.CasusError) as info:
        casus.why(attacker="AZE", at="Jermuk", on="2022-09-13", **{keyword: value})
    assert info.value.field == keyword


def test_wrong_type_in_a_request_names_the_field():
    with pytest.raises(casus.CasusError) as info:
        casus.why(attacker="AZE", at=["Jermuk"], on="2022-09-13")
    assert info.value.field == "at"


def test_unknown_treaty_suggests():
    with pytest.raises(casus.CasusError) as info:
        casus.show("CSTP")
    assert info.value.field == "treaty"
    assert info.value.kind == "unknown"


def test_state_that_did_not_exist_on_the_date():
    with pytest.raises(casus.CasusError) as info:
        casus.commitments("Armenia", on="1950-01-01")
    assert info.value.field == "polity"
    assert info.value.kind == "conflict"
    assert "did not exist" in info.value.reason


def test_attacker_also_defender():
    with pytest.raises(casus.CasusError) as info:
        casus.why(attacker="AZE", defender="AZE", at="Jermuk", on="2022-09-13")
    assert info.value.field == "defender"


def test_no_attacker():
    with pytest.raises(casus.CasusError) as info:
        casus.why(attacker=[], at="Jermuk", on="2022-09-13")
    assert info.value.field == "attacker"


def test_reason_matches_the_cli_error_line(cli):
    done = cli.run("why", "--attacker", "AZE", "--defender", "Armenai", "--at", "Jermuk", "--on", "2022-09-13")
    assert done.returncode == 2
    with pytest.raises(casus.CasusError) as info:
        casus.why(attacker="AZE", defender="Armenai", at="Jermuk", on="2022-09-13")
    assert f"error: {info.value.reason}" in done.stderr


def test_missing_kb_directory(tmp_path):
    with pytest.raises(casus.CasusError) as info:
        casus.KnowledgeBase(tmp_path / "absent")
    assert info.value.field == "kb"
    assert "does not exist" in info.value.reason


def test_broken_kb_directory_lists_the_problem(tmp_path):
    (tmp_path / "treaties").mkdir()
    (tmp_path / "treaties" / "bad.toml").write_text("this is = = not toml\n")
    with pytest.raises(casus.CasusError) as info:
        casus.KnowledgeBase(tmp_path)
    assert info.value.field == "kb"
    assert "bad.toml" in info.value.reason
