#!/usr/bin/env python3
"""Record what a casus binary answers to a fixed corpus of questions, so two
builds can be compared byte for byte (docs/performance.md: a speed change
must not change one byte of any answer).

    bench/same-output.py BINARY OUTDIR [N_RANDOM]
    diff -r OUTDIR_A OUTDIR_B

The corpus: the founding and reference cases (Stepanakert 2020, Ankara
2020, Kinmen 1958, Kuwait 1990, 9/11, Przewodów 2022, …) in every format,
then N_RANDOM (default 300) questions drawn with a fixed seed from the
knowledge base in kb/ (attackers, places, dates 1900-2025, targets and
attack characters), each as `--format json` and as `--proof` text, and
`escalate` for the shipped example scenarios and a few flag forms. Each
answer is stored with its exit status and standard error.
"""

import pathlib
import random
import subprocess
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def load(pattern):
    out = []
    for path in sorted(ROOT.glob(pattern)):
        with open(path, "rb") as f:
            out.append(tomllib.load(f))
    return out


def exists(polity, date):
    """Whether a spell of the polity covers the day (bounds compared as
    text: a year or month bound is a prefix of the day)."""
    spells = polity.get("existence") or [{}]
    return any(
        str(s.get("from", "0000"))[: len(date)] <= date
        and date[: len(str(s.get("to", "9999")))] <= str(s.get("to", "9999"))
        for s in spells
    )


def corpus(n_random):
    polities = [p for doc in load("kb/polities*.toml") for p in doc.get("polity", [])]
    states = [p for p in polities if p.get("kind") == "state"]
    groups = [p for p in polities if p.get("kind") != "state"]
    territories = load("kb/territories/*.toml")
    places = [p["name"] for doc in territories for p in doc.get("place", [])]
    places += [t["name"] for doc in territories for t in doc.get("territory", [])]

    fixed = [
        ["--attacker", "Azerbaijan", "--defender", "Armenia", "--at", "Stepanakert", "--on", "2020-10-07"],
        ["--attacker", "Azerbaijan", "--at", "Stepanakert", "--on", "2020-10-07"],
        ["--attacker", "Azerbaijan", "--at", "Jermuk", "--on", "2022-09-13"],
        ["--attacker", "Russia", "--at", "Ankara", "--on", "2020-10-07"],
        ["--attacker", "Russia", "--defender", "Turkey", "--at", "Ankara", "--on", "2020-10-07"],
        ["--attacker", "China", "--at", "Kinmen", "--on", "1958-08-23"],
        ["--attacker", "Iraq", "--at", "Kuwait", "--on", "1990-08-02"],
        ["--attacker", "al-Qaeda", "--at", "New York", "--on", "2001-09-11"],
        ["--attacker", "Ukraine", "--at", "Przewodów", "--on", "2022-11-15", "--intent", "accidental"],
        ["--attacker", "Russia", "--at", "Przewodów", "--on", "2022-11-15", "--intent", "unknown"],
        ["--attacker", "Russia", "--at", "Kyiv", "--on", "2022-02-24"],
        ["--attacker", "Russia", "--defender", "France", "--at", "Kyiv", "--on", "2022-02-24", "--target", "forces"],
        ["--attacker", "Argentina", "--at", "Falkland Islands", "--on", "1982-04-02"],
        ["--attacker", "El Salvador", "--at", "Honduras", "--on", "1969-07-14"],
        ["--attacker", "China", "--at", "Senkaku Islands", "--on", "1971-06-17"],
        ["--attacker", "China", "--at", "Senkaku Islands", "--on", "2024-06-17"],
        ["--attacker", "Russia", "--at", "Tallinn", "--on", "2007-04-27", "--means", "cyber"],
        ["--attacker", "Russia", "--at", "Riga", "--on", "2023-01-01", "--scale", "incident"],
        ["--attacker", "Houthis", "--at", "Red Sea", "--on", "2023-12-01", "--defender", "USA", "--target", "forces"],
        ["--attacker", "unknown", "--at", "Warsaw", "--on", "2024-05-01"],
        ["--attacker", "Russia", "--attacker", "Belarus", "--at", "Vilnius", "--on", "2024-05-01"],
        ["--attacker", "North Korea", "--at", "Seoul", "--on", "1950-06-25"],
        ["--attacker", "Iran", "--at", "Crimea", "--on", "2014-03-01"],
        ["--attacker", "Russia", "--at", "Crimea", "--on", "2014-03-01"],
    ]
    cases = []
    for args in fixed:
        for fmt in (["--format", "json"], ["--proof"], [], ["--format", "csv"]):
            cases.append(["why", *args, *fmt])

    rng = random.Random(8)
    for _ in range(n_random):
        date = f"{rng.randint(1900, 2025)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
        # Mostly attackers that exist on the date (the others are refused,
        # which is worth a few runs but not half of them).
        alive = [p for p in states if exists(p, date)]
        alive_groups = [p for p in groups if exists(p, date)] or alive
        pool = states if rng.random() < 0.05 else (alive if rng.random() < 0.85 else alive_groups)
        attackers = [rng.choice(pool)["id"]]
        if rng.random() < 0.1:
            attackers.append(rng.choice(alive)["id"])
        args = []
        for a in attackers:
            args += ["--attacker", a]
        args += ["--at", rng.choice(places)]
        args += ["--on", date]
        if rng.random() < 0.15:
            args += ["--defender", rng.choice(alive)["id"]]
        if rng.random() < 0.15:
            args += ["--target", "forces"]
        if rng.random() < 0.1:
            args += ["--intent", rng.choice(["accidental", "unknown"])]
        if rng.random() < 0.1:
            args += ["--scale", "incident"]
        if rng.random() < 0.05:
            args += ["--means", "cyber"]
        cases.append(["why", *args, "--format", "json"])
        cases.append(["why", *args, "--proof"])

    for example in sorted((ROOT / "examples").glob("*.toml")):
        cases.append(["escalate", str(example)])
        cases.append(["escalate", str(example), "--format", "json"])
    for args in fixed[:8]:
        cases.append(["escalate", *args])
        cases.append(["escalate", *args, "--format", "json"])
    return cases


def main():
    binary, outdir = sys.argv[1], pathlib.Path(sys.argv[2])
    n_random = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    outdir.mkdir(parents=True, exist_ok=True)
    cases = corpus(n_random)
    for i, args in enumerate(cases):
        run = subprocess.run([binary, "--color", "never", *args], capture_output=True, cwd=ROOT)
        with open(outdir / f"{i:04}.out", "wb") as f:
            f.write((" ".join(args) + f"\nexit {run.returncode}\n").encode())
            f.write(run.stdout)
            f.write(b"\n--- stderr\n")
            f.write(run.stderr)
    print(f"{len(cases)} runs of {binary} in {outdir}")


if __name__ == "__main__":
    main()
