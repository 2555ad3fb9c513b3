"""Run the three implementations of the all-pairs directed ATOP dyad-year
panel 1816-2016 on the same input (casus panel, pandas, DuckDB SQL), print
each one's wall time and peak memory (max RSS of the child, from wait4) and
the ratios, and check that the three CSV outputs are byte-identical.

Usage:
  python bench/panel/compare.py --casus target/release/casus \\
      --atop ../shared/data/external/atop_5.1 \\
      --system ../shared/data/external/cow_state_system_2016/system2016.csv \\
      [--runs 3] [--keep DIR]

Needs pandas and duckdb (pip install pandas duckdb in a venv). Not part of
.ci/run: it is a benchmark, and its timings depend on the machine's load.
"""

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(cmd, env=None):
    """Run `cmd`; return (wall seconds, peak RSS in MiB, CPU seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}")
    return wall, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime


def digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--casus", required=True)
    ap.add_argument("--atop", required=True)
    ap.add_argument("--system", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep")
    args = ap.parse_args()
    out = Path(args.keep or tempfile.mkdtemp(prefix="casus-panel-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    sql = (HERE / "atop_ddyr_duckdb.sql").read_text()
    sql_path = out / "panel.sql"
    sql_path.write_text(
        sql.replace("${ATOP_DIR}", args.atop)
        .replace("${SYSTEM}", args.system)
        .replace("${OUT}", str(out / "duckdb.csv"))
    )
    duckdb_runner = (
        "import duckdb, sys; duckdb.connect().execute(open(sys.argv[1]).read())"
    )
    jobs = {
        "casus": [
            args.casus, "panel", "--source", "atop", args.atop, "--all-pairs",
            "--cow", args.system, "--columns", "atop", "--from", "1816",
            "--to", "2016", "--force", "--out", str(out / "casus.csv"),
        ],
        "pandas": [
            sys.executable, str(HERE / "atop_ddyr_pandas.py"), args.atop,
            args.system, str(out / "pandas.csv"),
        ],
        "duckdb": [sys.executable, "-c", duckdb_runner, str(sql_path)],
    }
    results = {}
    for name, cmd in jobs.items():
        best = None
        for _ in range(args.runs):
            wall, rss, cpu = run(cmd)
            if best is None or wall < best[0]:
                best = (wall, rss, cpu)
        results[name] = best
    base = results["casus"]
    print(f"{'':8} {'wall s (best of ' + str(args.runs) + ')':>22} {'CPU s':>7} "
          f"{'peak MiB':>10} {'x casus time':>13} {'x casus memory':>15}")
    for name, (wall, rss, cpu) in results.items():
        print(f"{name:8} {wall:22.3f} {cpu:7.3f} {rss:10.1f} {wall / base[0]:13.1f} "
              f"{rss / base[1]:15.1f}")
    digests = {n: digest(out / f"{n}.csv") for n in jobs}
    rows = sum(1 for _ in open(out / "casus.csv")) - 1
    size = (out / "casus.csv").stat().st_size
    print(f"rows {rows}, {size / 1e6:.1f} MB")
    same = len(set(digests.values())) == 1
    for n, d in digests.items():
        print(f"{n:8} sha256 {d}")
    print("outputs identical" if same else "OUTPUTS DIFFER")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
