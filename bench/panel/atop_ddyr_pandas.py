"""The all-pairs directed ATOP dyad-year panel, as an analyst writes it in
pandas (vectorised): every ordered pair of COW system members in each year
1816-2016 (system2016.csv), with ATOP's five obligation flags rebuilt from
the member file atop5_1m.csv by the codebook's rules (the rules of
docs/validation.md):

- two members of one alliance form a dyad in every year both rows cover
  (an exit of 0 runs to 2018), unless one joined on or after the day the
  other left;
- the flag on (A, B, year) is A's own flag, OR-ed over alliances; within
  one alliance a year spanning a phase change takes the last phase.

Usage: python atop_ddyr_pandas.py ATOP_DIR system2016.csv OUT.csv
"""

import sys

import numpy as np
import pandas as pd

FLAGS = ["defense", "offense", "neutral", "nonagg", "consul"]
FIRST, LAST = 1816, 2016


def main(atop_dir: str, system_csv: str, out: str) -> None:
    cols = ["atopid", "member", "phase", "yrent", "moent", "dayent",
            "yrexit", "moexit", "dayexit"] + FLAGS
    m = pd.read_csv(f"{atop_dir}/atop5_1m.csv", usecols=cols)
    mo_ent = m["moent"].fillna(0).astype(int).replace(0, 1)
    day_ent = m["dayent"].fillna(0).astype(int).replace(0, 1)
    mo_exit = m["moexit"].fillna(0).astype(int).replace(0, 12)
    day_exit = m["dayexit"].fillna(0).astype(int).replace(0, 31)
    m["entry"] = m["yrent"] * 10000 + mo_ent * 100 + day_ent
    m["exit"] = np.where(m["yrexit"] > 0,
                         m["yrexit"] * 10000 + mo_exit * 100 + day_exit,
                         np.iinfo(np.int64).max)
    m["y0"] = m["yrent"]
    m["y1"] = np.where(m["yrexit"] > 0, m["yrexit"], 2018)

    p = m.merge(m, on="atopid", suffixes=("_a", "_b"))
    p = p[p["member_a"] != p["member_b"]]
    never_together = (p["entry_b"] >= p["exit_a"]) | (p["entry_a"] >= p["exit_b"])
    p = p[~never_together]
    p = p.assign(
        phase=np.minimum(p["phase_a"], p["phase_b"]),
        lo=np.maximum(p["y0_a"], p["y0_b"]),
        hi=np.minimum(p["y1_a"], p["y1_b"]),
    )
    p = p[p["lo"] <= p["hi"]]
    p = p[["atopid", "member_a", "member_b", "phase", "lo", "hi"]
          + [f"{f}_a" for f in FLAGS]]
    # One row per year of each pair.
    n = (p["hi"] - p["lo"] + 1).to_numpy()
    yrs = p.loc[p.index.repeat(n)].reset_index(drop=True)
    offset = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    yrs["year"] = yrs["lo"].to_numpy() + offset
    key = ["atopid", "member_a", "member_b", "year"]
    last_phase = yrs.groupby(key)["phase"].transform("max")
    yrs = yrs[yrs["phase"] == last_phase]
    flags = (yrs.groupby(["member_a", "member_b", "year"])[[f"{f}_a" for f in FLAGS]]
             .max()
             .reset_index()
             .rename(columns={"member_a": "ccode1", "member_b": "ccode2",
                              **{f"{f}_a": f for f in FLAGS}}))

    s = pd.read_csv(system_csv, usecols=["ccode", "year"])
    s = s[(s["year"] >= FIRST) & (s["year"] <= LAST)]
    d = s.merge(s, on="year", suffixes=("1", "2"))
    d = d[d["ccode1"] != d["ccode2"]]
    d = d.merge(flags, on=["ccode1", "ccode2", "year"], how="left")
    d[FLAGS] = d[FLAGS].fillna(0).astype(np.int8)
    d = d.sort_values(["year", "ccode1", "ccode2"])
    d[["ccode1", "ccode2", "year"] + FLAGS].to_csv(out, index=False)


if __name__ == "__main__":
    main(*sys.argv[1:4])
