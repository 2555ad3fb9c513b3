"""Compare the knowledge-base-sourced directed dyad-year panel with the
ATOP-sourced one (both from `casus panel`, full columns) and count every
difference class, flag by flag, with the instruments behind the largest
groups. The table in docs/validation.md ("Knowledge base against ATOP,
1945-2018") is this script's output.

Usage:
  casus panel --from 1945 --to 2018 --out kb.csv
  casus panel --source atop ATOP_DIR --from 1945 --to 2018 --out atop.csv
  python bench/panel/kb_vs_atop.py kb.csv atop.csv
"""

import csv
import sys
from collections import Counter, defaultdict

FLAGS = ["defense", "offense", "neutral", "nonagg", "consul"]


def read(path):
    rows = {}
    for r in csv.DictReader(open(path, newline="")):
        if not r["ccode1"] or not r["ccode2"]:
            continue
        rows[(int(r["ccode1"]), int(r["ccode2"]), int(r["year"]))] = r
    return rows


def index(rows):
    """(dyad, flag) -> years set; dyad -> years with any row."""
    flag_years = defaultdict(set)
    dyad_years = defaultdict(set)
    for (a, b, y), r in rows.items():
        dyad_years[(a, b)].add(y)
        for f in FLAGS:
            if r[f] == "1":
                flag_years[((a, b), f)].add(y)
    return flag_years, dyad_years


def classify(k, f, mine, theirs, t_flag, t_dyad):
    """Why `mine` has flag f on k and `theirs` does not."""
    d, y = (k[0], k[1]), k[2]
    if k in theirs:
        return "same pair and year, other obligations"
    if t_flag.get((d, f)):
        return "same pair and obligation in other years (dates differ)"
    if t_dyad.get(d):
        return "same pair in other years, other obligations"
    return "pair never allied in the other source"


def main(kb_path, atop_path):
    kb, atop = read(kb_path), read(atop_path)
    kb_flag, kb_dyad = index(kb)
    at_flag, at_dyad = index(atop)
    both = Counter()
    classes = Counter()
    examples = defaultdict(Counter)
    uncertain = Counter()
    for k in set(kb) | set(atop):
        for f in FLAGS:
            x = kb.get(k, {}).get(f) == "1"
            z = atop.get(k, {}).get(f) == "1"
            if x and z:
                both[f] += 1
            elif x:
                c = classify(k, f, kb, atop, at_flag, at_dyad)
                classes[("casus only", c, f)] += 1
                examples[("casus only", c)].update(kb[k][f + "_ids"].split())
                if kb[k][f + "_truth"] == "unknown":
                    uncertain[("casus only", c)] += 1
            elif z:
                c = classify(k, f, atop, kb, kb_flag, kb_dyad)
                classes[("ATOP only", c, f)] += 1
                examples[("ATOP only", c)].update(atop[k][f + "_ids"].split())
    print("| flag | both | casus only | ATOP only |")
    print("|---|---:|---:|---:|")
    for f in FLAGS:
        co = sum(v for (s, _, g), v in classes.items() if s == "casus only" and g == f)
        ao = sum(v for (s, _, g), v in classes.items() if s == "ATOP only" and g == f)
        print(f"| {f} | {both[f]:,} | {co:,} | {ao:,} |")
    print()
    print("| side | class | " + " | ".join(FLAGS) + " | cells | of which casus `unknown` | largest instruments |")
    print("|---|---|" + "---:|" * (len(FLAGS) + 2) + "---|")
    groups = sorted({(s, c) for (s, c, _) in classes})
    for s, c in groups:
        per = [classes.get((s, c, f), 0) for f in FLAGS]
        top = ", ".join(f"{i} ({n:,})" for i, n in examples[(s, c)].most_common(5))
        unk = uncertain.get((s, c), 0) if s == "casus only" else ""
        unk = f"{unk:,}" if unk != "" else "-"
        print(f"| {s} | {c} | " + " | ".join(f"{v:,}" for v in per)
              + f" | {sum(per):,} | {unk} | {top} |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
