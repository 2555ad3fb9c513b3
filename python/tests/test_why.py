"""casus.why: the founding case, and the same document as `casus why --format json`."""

from __future__ import annotations

import datetime

import casus


def _csto_art4(answer: dict, beneficiary: str = "ARM") -> list[dict]:
    return [
        v
        for v in answer["verdicts"]
        if v["treaty"] == "csto" and v["article"] == "4" and v["beneficiary"] == beneficiary
    ]


def _proof_text(node: dict) -> str:
    """Every statement and citation of a proof tree, flattened."""
    parts = [node.get("statement", ""), (node.get("source") or {}).get("citation", "")]
    for premise in node.get("premises", []):
        parts.append(_proof_text(premise))
    return "\n".join(parts)


def test_founding_case_csto_art4_not_triggered_at_stepanakert_with_peskov():
    answer = casus.why(attacker="AZE", defender="ARM", at="Stepanakert", on="2020-10-07")
    rows = _csto_art4(answer)
    assert rows, "no CSTO Art. 4 verdict for Armenia"
    assert {v["verdict"] for v in rows} == {"not_triggered"}
    russia = next(v for v in rows if v["obligor"] == "RUS")
    speakers = [c["speaker"] for c in russia["claims"]]
    assert "Dmitry Peskov" in speakers
    peskov = next(c for c in russia["claims"] if c["speaker"] == "Dmitry Peskov")
    assert peskov["agrees"] is True and peskov["date"] == "2020-10-07"
    assert "outside the scope of Art. 4" in " ".join(russia["reasons"])
    assert "Nagorno-Karabakh" in _proof_text(russia["proof"])


def test_jermuk_2022_csto_art4_triggered():
    answer = casus.why(attacker="Azerbaijan", defender="Armenia", at="Jermuk", on="2022-09-13")
    rows = _csto_art4(answer)
    assert rows and {v["verdict"] for v in rows} == {"triggered"}
    assert "RUS" in {v["obligor"] for v in rows}


def test_same_document_as_cli_for_founding_case(cli):
    ours = casus.why(attacker="AZE", defender="ARM", at="Stepanakert", on="2020-10-07")
    theirs = cli.json("why", "--attacker", "AZE", "--defender", "ARM", "--at", "Stepanakert", "--on", "2020-10-07")
    assert ours == theirs


def test_same_document_as_cli_with_default_defenders_and_coordinates(cli):
    ours = casus.why(attacker="AZE", at="39.8153,46.7519", on="2020-10-07")
    theirs = cli.json("why", "--attacker", "AZE", "--at", "39.8153,46.7519", "--on", "2020-10-07")
    assert ours == theirs
    assert "geo" in ours


def test_same_document_as_cli_for_forces_and_character(cli):
    ours = casus.why(
        attacker=["RUS"], defender="POL", at="Przewodów", on="2022-11-15", target="forces", intent="accidental"
    )
    theirs = cli.json(
        "why", "--attacker", "RUS", "--defender", "POL", "--at", "Przewodów", "--on", "2022-11-15",
        "--target", "forces", "--intent", "accidental",
    )
    assert ours == theirs


def test_date_objects_are_accepted():
    by_string = casus.why(attacker="AZE", defender="ARM", at="Jermuk", on="2022-09-13")
    by_date = casus.why(attacker="AZE", defender="ARM", at="Jermuk", on=datetime.date(2022, 9, 13))
    assert by_string == by_date


def test_cli_spelling_of_choices_is_accepted():
    cli_words = casus.why(attacker="AZE", at="Jermuk", on="2022-09-13", scale="armed-attack")
    json_words = casus.why(attacker="AZE", at="Jermuk", on="2022-09-13", scale="armed_attack")
    assert cli_words == json_words


def test_commitments_same_document_as_cli(cli):
    ours = casus.commitments("Armenia", on="2024-06-01")
    theirs = cli.json("commitments", "Armenia", "--on", "2024-06-01")
    assert ours == theirs
    assert ours["polity"] == "ARM"
    assert any(m["treaty"] == "csto" for m in ours["memberships"])
