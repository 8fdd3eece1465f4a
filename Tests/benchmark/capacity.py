#!/usr/bin/env python3
"""How many shifts must stay uncovered on each Curtois & Qu instance, whatever the roster, and how
many a given roster leaves uncovered.

Two counting bounds, both ignoring every rule that could only make cover harder (days off, shift
rotation, runs, shifts of each type), so that each is a true lower bound:
  - minutes: the staff's maximum total minutes together against the minutes the cover asks for;
    the minutes missing must be left uncovered, at most one longest shift per uncovered shift;
  - weekends: someone who works on a Saturday or Sunday uses one of their weekends (FORMAT.md rule
    9) and covers at most one shift a day, so with x people at work on weekend w its days leave at
    least (Saturday's demand - x)+ + (Sunday's demand - x)+ uncovered. The staff's maximum weekends
    bound the sum of the x; dealt out where they cover most (two shifts a person up to the smaller
    day's demand, then one), they leave the fewest uncovered.
Times the smallest under-cover weight, the larger bound is a lower bound on the cover penalty. On
instances where it is close to the optimum, the optimum's roster packs minutes or weekends almost
perfectly, which a walk of single moves reaches only through rosters that cost the same.

Usage:
    python3 Tests/benchmark/capacity.py [--roster-dir DIR] [INSTANCE.txt ...]

With no instance, every instance in the benchmark directory. With --roster-dir (as written by
`rotor bench --out-dir DIR`), also the roster's uncovered shifts, those on weekend days, and the
minutes its staff could still work.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evaluate import BENCH_DIRS, InputError, parse_instance, read_roster  # noqa: E402


def bounds(inst):
    H, shifts, staff, cover = inst["horizon"], inst["shifts"], inst["staff"], inst["cover"]
    demanded = sum(r * shifts[s][0] for _, s, r, _, _ in cover)
    available = sum(e["max_minutes"] for e in staff)
    longest = max(m for m, _ in shifts.values())
    by_minutes = max(0, -(-(demanded - available) // longest))
    day_demand = [0] * H
    for d, _, r, _, _ in cover:
        day_demand[d] += r
    weekends = [[day_demand[d] for d in (7 * w + 5, 7 * w + 6) if d < H] for w in range((H + 1) // 7)]
    weekends_needed = sum(max(days) for days in weekends)
    weekends_available = sum(e["max_weekends"] for e in staff)
    # People who cover both days of their weekend, then those who cover one.
    both = sum(min(days) if len(days) == 2 else 0 for days in weekends)
    one = sum(max(days) - (min(days) if len(days) == 2 else 0) for days in weekends)
    covered = 2 * min(weekends_available, both) + min(max(weekends_available - both, 0), one)
    by_weekends = sum(map(sum, weekends)) - covered
    under_weight = min((wu for *_, wu, _ in cover), default=0)
    return dict(demanded=demanded, available=available, by_minutes=by_minutes,
                weekends_needed=weekends_needed, weekends_available=weekends_available,
                by_weekends=by_weekends, cover_bound=max(by_minutes, by_weekends) * under_weight)


def roster_cover(inst, roster):
    """Uncovered shifts, those of them on Saturdays and Sundays, and the staff's unused minutes."""
    shifts = inst["shifts"]
    count = {}
    for days in roster.values():
        for d, s in enumerate(days):
            if s is not None:
                count[(d, s)] = count.get((d, s), 0) + 1
    short = weekend = 0
    for d, s, r, _, _ in inst["cover"]:
        missing = max(0, r - count.get((d, s), 0))
        short += missing
        if d % 7 in (5, 6):
            weekend += missing
    slack = sum(e["max_minutes"] - sum(shifts[s][0] for s in roster[e["id"]] if s is not None)
                for e in inst["staff"])
    return short, weekend, slack


def main(argv):
    roster_dir = None
    if len(argv) >= 2 and argv[0] == "--roster-dir":
        roster_dir, argv = argv[1], argv[2:]
    paths = argv
    if not paths:
        base = next((b for b in BENCH_DIRS if os.path.isdir(b)), None)
        if base is None:
            print("capacity.py: no benchmark directory found", file=sys.stderr)
            return 2
        names = [n for n in os.listdir(base) if re.fullmatch(r"Instance\d+\.txt", n)]
        paths = [os.path.join(base, n) for n in sorted(names, key=lambda n: int(re.sub(r"\D", "", n)))]
    header = ["instance", "minutes asked", "minutes available", "weekends needed",
              "weekends available", "uncovered at least", "cover penalty at least"]
    if roster_dir:
        header += ["roster: uncovered", "on weekends", "unused minutes"]
    print("| " + " | ".join(header) + " |")
    print("|---" + "|---:" * (len(header) - 1) + "|")
    try:
        for path in paths:
            inst = parse_instance(path)
            b = bounds(inst)
            name = os.path.splitext(os.path.basename(path))[0]
            cells = [name, f"{b['demanded']:,}", f"{b['available']:,}", str(b["weekends_needed"]),
                     str(b["weekends_available"]), str(max(b["by_minutes"], b["by_weekends"])),
                     f"{b['cover_bound']:,}"]
            if roster_dir:
                roster_path = os.path.join(roster_dir, name + ".csv")
                if os.path.isfile(roster_path):
                    short, weekend, slack = roster_cover(inst, read_roster(roster_path, inst))
                    cells += [str(short), str(weekend), f"{slack:,}"]
                else:
                    cells += ["-", "-", "-"]
            print("| " + " | ".join(cells) + " |")
    except InputError as e:
        print(f"capacity.py: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
