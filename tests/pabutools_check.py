#!/usr/bin/env python3
"""Checks urna's Pabulib output with pabutools, the Pabulib project's own tools.

    pabutools_check.py --ensure-venv
        Makes sure a venv with pabutools exists (target/pabutools-venv, or
        $URNA_PABUTOOLS_VENV), creating it with `python3 -m venv` and pip if
        it is missing. CI runs this before `cargo test`.

    pabutools_check.py RESULTS_JSON PABULIB_DIR
        The same, then, inside that venv: every .pb file in PABULIB_DIR is read
        with pabutools' parse_pabulib, and from pabutools' instance and profile
        alone the count is made again (points, voters and top-points votes
        per project, then greedy by points, projects level on points ordered
        by the file's META `tie_break` keys, a project with points selected
        if its cost fits what is left of the budget). It must agree with
        urna's results (`urna tally results --format json`): budget, costs
        (exactly, grosze included), points, voters, winners, and every tie
        that decided something with the key that settled it, for every list. Exit status 1 and every disagreement on
        stderr if not.
"""

import fcntl
import json
from decimal import Decimal
from fractions import Fraction
import os
import pathlib
import re
import shutil
import subprocess
import sys

PABUTOOLS = "pabutools==1.2.3"
ROOT = pathlib.Path(__file__).resolve().parent.parent
VENV = pathlib.Path(
    os.environ.get("URNA_PABUTOOLS_VENV") or ROOT / "target" / "pabutools-venv"
).resolve()
READY = VENV / ".urna-ready"
PYTHON = VENV / "bin" / "python"
# What ends a line for str.splitlines, which pabutools reads with.
LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def ensure_venv():
    """Creates the venv once; parallel callers wait for the first."""
    if READY.is_file():
        return
    VENV.parent.mkdir(parents=True, exist_ok=True)
    with open(VENV.parent / (VENV.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if READY.is_file():
            return
        if VENV.exists():  # left half-made by an interrupted run
            shutil.rmtree(VENV)
        print(f"creating {VENV} with {PABUTOOLS}", file=sys.stderr)
        try:
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
            subprocess.run(
                [str(PYTHON), "-m", "pip", "install", "--quiet",
                 "--disable-pip-version-check", PABUTOOLS],
                check=True,
            )
        except (OSError, subprocess.CalledProcessError) as e:
            sys.exit(f"cannot make the pabutools venv ({e}): `bash test.sh` "
                     "installs python3-venv and python3-pip, then makes it")
        READY.write_text(PABUTOOLS + "\n")


def in_venv():
    return pathlib.Path(sys.prefix).resolve() == VENV


def greedy(order, cost, points, budget):
    """Projects in `order`, each with points selected if its cost fits what
    is left; also what was left before each project."""
    left = budget
    chosen = set()
    left_before = {}
    for p in order:
        left_before[p] = left
        if points[p] > 0 and cost[p] <= left:
            chosen.add(p)
            left -= cost[p]
    return chosen, left_before


def check_file(path, units, problems):
    from pabutools.election import parse_pabulib
    from pabutools.election.profile import CumulativeProfile

    instance, profile = parse_pabulib(str(path))
    meta = instance.meta
    district = meta.get("district")
    label = f"{path.name} ({district or 'city-wide'})"

    def problem(what):
        problems.append(f"{label}: {what}")

    unit = units.pop(district, None)
    if unit is None:
        problem("no such list in urna's results, or a second file for it")
        return
    if not isinstance(profile, CumulativeProfile):
        problem(f"a {type(profile).__name__}, not a cumulative profile")
    if int(meta["num_votes"]) != len(profile):
        problem(f"num_votes {meta['num_votes']} but {len(profile)} votes")
    if int(meta["num_projects"]) != len(instance):
        problem(f"num_projects {meta['num_projects']} but {len(instance)} projects")

    # What urna counted, by project id.
    urna = {p["id"]: p for p in unit["projects"]}
    # pabutools' numbers (gmpy2's mpq or Fraction) and urna's, exactly.
    exact = lambda v: Fraction(str(v)) if v is not None else None
    budget = exact(instance.budget_limit)
    if budget != exact(unit["budget"]):
        problem(f"budget {instance.budget_limit} in pabutools, {unit['budget']} in urna")
    cost = {p.name: exact(p.cost) for p in instance}
    urna_cost = {i: exact(p["cost"]) for i, p in urna.items()}
    if cost != urna_cost:
        problem(f"costs differ: pabutools {cost}, urna {urna_cost}")
        return

    # The count again, from pabutools' profile only.
    points = {p: 0 for p in cost}
    voters = {p: 0 for p in cost}
    top = {p: 0 for p in cost}
    max_points = int(meta["max_points"])
    lengths = (int(meta["min_length"]), int(meta["max_length"]))
    total = int(meta["max_sum_points"])
    for ballot in profile:
        voter = ballot.meta.get("voter_id", "")
        if re.fullmatch(r"\d{11}", voter):
            problem(f"voter id {voter[:6]}***** looks like a PESEL")
        if ballot.meta.get("voting_method") not in ("paper", "internet"):
            problem(f"voter {voter}: voting_method {ballot.meta.get('voting_method')}")
        if not lengths[0] <= len(ballot) <= lengths[1] or sum(ballot.values()) != total:
            problem(f"voter {voter}: {dict(ballot)} breaks the META's lengths or points")
        for p, n in ballot.items():
            points[p.name] += n
            voters[p.name] += 1
            if n == max_points:
                top[p.name] += 1
    for i, p in urna.items():
        if (points[i], voters[i], top[i]) != (p["points"], p["voters"], p["top_points"]):
            problem(
                f"project {i}: pabutools counts {points[i]} points from {voters[i]} voters "
                f"({top[i]} of {max_points} points), "
                f"urna {p['points']} from {p['voters']} ({p['top_points']})"
            )
        column = instance.project_meta[instance.get_project(i)]
        if (int(column["score"]), int(column["votes"])) != (p["points"], p["voters"]):
            problem(f"project {i}: score/votes columns {column['score']}/{column['votes']}")
        # The title as urna wrote it: on one line.
        title = LINE_BREAKS.sub(" ", p["title"]).strip()
        if column.get("name") != title:
            problem(f"project {i}: name {column.get('name')!r}, urna's title {title!r}")

    # Greedy by points, projects level on points ordered by the tie-break
    # keys; a tie still left keeps the file's order (urna's). A tie that
    # decided anything must be one urna reported, with the key that settled it.
    keys = [k for k in meta.get("tie_break", "").split(",") if k]
    value = {"top_points": top, "voters": voters}
    for k in keys:
        if k not in value:
            problem(f"unknown tie_break key {k!r}")
            return
    in_file = [p.name for p in instance.project_meta]
    order = sorted(in_file, key=lambda p: (-points[p], *[-value[k][p] for k in keys]))
    chosen, left_before = greedy(order, cost, points, budget)
    urna_chosen = {i for i, p in urna.items() if p["selected"]}
    if chosen != urna_chosen:
        problem(f"greedy selects {sorted(chosen)}, urna {sorted(urna_chosen)}")
    for i, p in urna.items():
        column = instance.project_meta[instance.get_project(i)].get("selected")
        if column != ("1" if p["selected"] else "0"):
            problem(f"project {i}: selected column {column}, urna {p['selected']}")
    level = {}
    for p in order:
        level.setdefault(points[p], []).append(p)
    reported = {frozenset(t["projects"]): t["settled_by"] for t in unit["ties"]}
    for group in level.values():
        # The order inside the group decided something if a member left out
        # would have fitted had it come first; the key that put the selected
        # members ahead of it settled it (none: undecided).
        start = left_before[group[0]]
        deciding = [
            (x, p) for x, p in enumerate(group)
            if p not in chosen and points[p] > 0 and cost[p] <= start
        ]
        decided = len(group) > 1 and bool(deciding)
        found = frozenset(group) in reported
        if decided != found:
            problem(f"projects {group}: order decided {decided}, urna reports a tie: {found}")
            continue
        if not decided:
            continue
        deepest = 0
        for x, p in deciding:
            for q in group[:x]:
                if q not in chosen:
                    continue
                differ = [i for i, k in enumerate(keys) if value[k][q] != value[k][p]]
                deepest = None if deepest is None or not differ else max(deepest, differ[0])
        settled = None if deepest is None else keys[deepest]
        if reported[frozenset(group)] != settled:
            problem(f"projects {group}: settled by {settled}, urna says {reported[frozenset(group)]}")
    print(f"ok {label}: {len(profile)} votes, {len(chosen)} of {len(cost)} selected")


def check(results_json, pabulib_dir):
    with open(results_json, encoding="utf-8") as f:
        # Amounts with grosze exactly, never as binary fractions.
        results = json.load(f, parse_float=Decimal)
    units = {None: results["citywide"]}
    units.update({d["name"]: d for d in results["districts"]})
    files = sorted(pathlib.Path(pabulib_dir).glob("*.pb"))
    problems = []
    if not files:
        problems.append(f"no .pb files in {pabulib_dir}")
    for path in files:
        check_file(path, units, problems)
    for name in units:
        problems.append(f"no file for {name or 'the city-wide list'}")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


def main(args):
    if args == ["--ensure-venv"]:
        ensure_venv()
        return 0
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    if not in_venv():
        ensure_venv()
        os.execv(str(PYTHON), [str(PYTHON), str(pathlib.Path(__file__).resolve()), *args])
    return check(*args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
