"""casus.panel: a pyarrow Table, the same rows as `casus panel`, read without a copy."""

from __future__ import annotations

import csv
import io

import pytest

pa = pytest.importorskip("pyarrow", reason="pyarrow is needed for casus.panel")
pc = pytest.importorskip("pyarrow.compute", reason="pyarrow is needed for casus.panel")

import casus  # noqa: E402

FLAGS = ["defense", "offense", "neutral", "nonagg", "consul"]


@pytest.fixture(scope="module")
def years_1990_2026():
    return casus.panel(start=1990, end=2026, unit="year")


def _cli_panel(cli, *args: str) -> list[dict]:
    done = cli.run("panel", *args, "--out", "-")
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(io.StringIO(done.stdout)))


def _flag_sums(rows) -> dict:
    return {flag: sum(int(r[flag]) for r in rows if r[flag] not in ("", None)) for flag in FLAGS}


def test_year_panel_is_a_table_with_the_documented_columns(years_1990_2026):
    table = years_1990_2026
    assert isinstance(table, pa.Table)
    assert table.num_rows > 0
    for name in ["ccode1", "ccode2", "year", *FLAGS, "iso1", "iso2", "instruments", "why"]:
        assert name in table.column_names
    years = table.column("year").to_pylist()
    assert min(years) >= 1990 and max(years) <= 2026


def test_year_panel_matches_the_cli(cli, years_1990_2026):
    rows = _cli_panel(cli, "--from", "1990", "--to", "2026", "--unit", "year")
    table = years_1990_2026
    assert table.num_rows == len(rows)
    ours = {flag: pc.sum(table.column(flag)).as_py() or 0 for flag in FLAGS}
    assert ours == _flag_sums(rows)


def test_undirected_spell_panel_matches_the_cli(cli):
    table = casus.panel(start="2014-01-01", end="2024-12-31", unit="spell", directed=False)
    rows = _cli_panel(cli, "--from", "2014-01-01", "--to", "2024-12-31", "--unit", "spell", "--undirected")
    assert table.num_rows == len(rows)
    assert {flag: pc.sum(table.column(flag)).as_py() or 0 for flag in FLAGS} == _flag_sums(rows)
    assert {"start", "end"} <= set(table.column_names)


def test_all_pairs_year_panel_matches_the_cli(cli):
    table = casus.panel(start=1946, end=1947, all_pairs=True, columns="atop")
    rows = _cli_panel(cli, "--from", "1946", "--to", "1947", "--all-pairs", "--columns", "atop")
    assert table.num_rows == len(rows)
    assert {flag: pc.sum(table.column(flag)).as_py() or 0 for flag in FLAGS} == _flag_sums(rows)
    pairs_without_obligation = sum(
        1 for r in rows if all(r[flag] in ("0", "") for flag in FLAGS)
    )
    assert pairs_without_obligation > 0


def test_csto_russia_owes_armenia_defense_in_2022(years_1990_2026):
    rows = years_1990_2026.filter(
        pc.and_(
            pc.equal(years_1990_2026.column("iso1"), "RUS"),
            pc.and_(
                pc.equal(years_1990_2026.column("iso2"), "ARM"),
                pc.equal(years_1990_2026.column("year"), 2022),
            ),
        )
    ).to_pylist()
    assert len(rows) == 1
    assert rows[0]["defense"] == 1
    assert "csto" in rows[0]["defense_ids"].split()


def test_to_pandas_works(years_1990_2026):
    pytest.importorskip("pandas", reason="pandas is not installed")
    frame = years_1990_2026.to_pandas()
    assert len(frame) == years_1990_2026.num_rows
    assert list(frame.columns) == years_1990_2026.column_names
    assert int(frame["defense"].sum()) == pc.sum(years_1990_2026.column("defense")).as_py()


def test_polars_from_arrow_works(years_1990_2026):
    pl = pytest.importorskip("polars", reason="polars is not installed")
    frame = pl.from_arrow(years_1990_2026)
    assert frame.height == years_1990_2026.num_rows
    assert frame["defense"].sum() == pc.sum(years_1990_2026.column("defense")).as_py()


def test_duckdb_reads_the_table(years_1990_2026):
    duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed")
    table = years_1990_2026  # noqa: F841 (duckdb finds it by name)
    count = duckdb.sql("select count(*) from table").fetchone()[0]
    assert count == years_1990_2026.num_rows


def test_table_columns_point_into_the_rust_buffer():
    """Zero copy: the table's column buffers lie inside the bytes Rust wrote."""
    stream = casus._casus.panel_stream("2000", "2001", "year", True, False, "full")
    raw = pa.py_buffer(stream)
    assert raw.size == len(stream)
    table = pa.ipc.open_stream(raw).read_all()
    start, end = raw.address, raw.address + raw.size
    buffers = [b for column in table.columns for chunk in column.chunks for b in chunk.buffers() if b is not None]
    # An empty buffer (a column of nulls' offsets) may be pyarrow's shared one.
    buffers = [b for b in buffers if b.size > 0]
    assert len(buffers) > len(table.columns)
    assert all(start <= b.address and b.address + b.size <= end for b in buffers)
    del stream, raw
    assert table.num_rows > 0 and table.column("year").to_pylist()[0] == 2000


def test_stream_is_read_only():
    stream = casus._casus.panel_stream("2000", "2000", "year", True, False, "atop")
    view = memoryview(stream)
    assert view.readonly and view.nbytes == len(stream)
    with pytest.raises(TypeError):
        view[0] = 0


def test_atop_columns_only():
    table = casus.panel(start=2000, end=2000, columns="atop")
    assert table.column_names == ["ccode1", "ccode2", "year", *FLAGS]


def test_dates_and_years_give_the_same_panel():
    import datetime

    by_year = casus.panel(start=2010, end=2010)
    by_day = casus.panel(start=datetime.date(2010, 1, 1), end="2010-12-31")
    assert by_year.equals(by_day)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"start": 2000, "end": 1990}, "end"),
        ({"start": "19x0", "end": 2000}, "start"),
        ({"start": 1990, "end": "2000-02-30"}, "end"),
        ({"start": 1990, "end": 2000, "unit": "week"}, "unit"),
        ({"start": 1990, "end": 2000, "columns": "some"}, "columns"),
    ],
)
def test_bad_arguments_name_the_field(kwargs, field):
    with pytest.raises(casus.CasusError) as info:
        casus.panel(**kwargs)
    assert info.value.field == field


def test_missing_atop_file_is_the_atop_field(tmp_path):
    with pytest.raises(casus.CasusError) as info:
        casus.panel(start=1990, end=1991, atop=tmp_path / "absent.csv")
    assert info.value.field == "atop"
