"""place, treaties, show and search: the same documents as the CLI's --format json."""

from __future__ import annotations

import pytest

import casus


def test_place_same_document_as_cli(cli):
    ours = casus.place("Stepanakert", on="2020-10-07")
    assert ours == cli.json("place", "Stepanakert", "--on", "2020-10-07")
    assert ours["territory"] == "nagorno-karabakh" or "Karabakh" in ours["territory_name"]


def test_place_coordinates_same_document_as_cli(cli):
    ours = casus.place("21.3069,-157.8583", on="2024-01-01")
    assert ours == cli.json("place", "21.3069,-157.8583", "--on", "2024-01-01")
    assert "geo" in ours


def test_treaties_same_document_as_cli(cli):
    assert casus.treaties() == cli.json("treaties")
    on_date = casus.treaties(on="1960-01-01")
    assert on_date == cli.json("treaties", "--on", "1960-01-01")
    assert len(str(on_date)) < len(str(casus.treaties()))


def test_show_same_document_as_cli(cli):
    ours = casus.show("CSTO")
    assert ours == cli.json("show", "CSTO")


def test_search_finds_states_and_treaties():
    hits = casus.search("Armen", limit=5)["results"]
    assert len(hits) <= 5
    assert "ARM" in [h["id"] for h in hits if h["kind"] == "state"]
    treaties = casus.search("NATO", kinds=["treaty"])["results"]
    assert treaties and {h["kind"] for h in treaties} == {"treaty"}


def test_search_rejects_an_unknown_kind():
    with pytest.raises(casus.CasusError) as info:
        casus.search("Armen", kinds=["planet"])
    assert info.value.field == "kinds"
