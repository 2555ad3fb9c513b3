"""casus.KnowledgeBase: a directory as the CLI's --kb, answering like the embedded base."""

from __future__ import annotations

import casus


def test_exported_kb_answers_like_the_embedded_one(cli, tmp_path):
    target = tmp_path / "kb"
    done = cli.run("kb", "export", str(target))
    assert done.returncode == 0, done.stderr
    kb = casus.KnowledgeBase(target)
    assert "KnowledgeBase" in repr(kb) and kb.path == target
    from_dir = casus.why(attacker="AZE", defender="ARM", at="Jermuk", on="2022-09-13", kb=kb)
    embedded = casus.why(attacker="AZE", defender="ARM", at="Jermuk", on="2022-09-13")
    assert [v["verdict"] for v in from_dir["verdicts"]] == [v["verdict"] for v in embedded["verdicts"]]
    assert casus.commitments("ARM", on="2022-09-13", kb=kb)["memberships"]


def test_edited_kb_changes_the_answer(cli, tmp_path):
    """An edit in the directory shows in the answer: the directory is really used."""
    target = tmp_path / "kb"
    assert cli.run("kb", "export", str(target)).returncode == 0
    csto = target / "treaties" / "csto.toml"
    text = csto.read_text()
    assert 'short_name = "CSTO"' in text
    csto.write_text(text.replace('short_name = "CSTO"', 'short_name = "CSTO (edited)"', 1))
    kb = casus.KnowledgeBase(target)
    answer = casus.why(attacker="AZE", defender="ARM", at="Jermuk", on="2022-09-13", kb=kb)
    names = {v["treaty_name"] for v in answer["verdicts"] if v["treaty"] == "csto"}
    assert names == {"CSTO (edited)"}
