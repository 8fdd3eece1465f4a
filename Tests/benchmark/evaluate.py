#!/usr/bin/env python3
"""Independent evaluator for rosters of the Curtois & Qu staff-scheduling benchmark.

Written only from /work/shared/benchmarks/curtois/FORMAT.md (not from Rotor's Swift sources),
so that it can cross-check Rotor's own scorer.

Usage:
    python3 Tests/benchmark/evaluate.py INSTANCE.txt ROSTER.csv [--verbose]
    python3 Tests/benchmark/evaluate.py --check-dir DIR

Roster CSV: header `employee,0,1,...,H-1`, then one row per employee in the instance's order;
each cell is the shift ID worked that day, or empty for a day off.

Hard rules (FORMAT.md, "Hard rules"; numbers as there):
  1 one shift per employee per day   -- guaranteed by the CSV layout (one cell per day)
  2 days off                          -- no shift on a listed day
  3 shift rotation                    -- shift on d+1 not in "cannot follow" of the shift on d;
                                         nothing assumed outside the horizon
  4 max shifts of each type
  5 total minutes within [min, max], inclusive
  6 max consecutive shifts            -- every maximal worked run, boundary runs included
  7 min consecutive shifts            -- every maximal worked run, EXCEPT one starting on day 0
                                         or ending on day H-1
  8 min consecutive days off          -- every maximal off run, same exception as 7
  9 max weekends                      -- weekend w = days 7w+5, 7w+6; worked if either is worked
Objective (FORMAT.md, "Objective"): shift-on requests + shift-off requests + cover under/over.

Exit status: 0 feasible, 1 infeasible, 2 bad input. With --check-dir: 0 if every roster is
feasible, 1 otherwise.
"""

import csv
import os
import re
import sys

BENCH_DIRS = [
    "/work/shared/benchmarks/curtois",
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                 "shared", "benchmarks", "curtois"),
]


class InputError(Exception):
    pass


# ---------------------------------------------------------------------------- parsing

def parse_instance(path):
    """Return a dict describing the instance (sections as in FORMAT.md, "File format")."""
    try:
        with open(path, newline="") as f:
            lines = [line.strip() for line in f]
    except OSError as e:
        raise InputError(f"cannot read instance {path}: {e.strerror}")
    sections, current = {}, None
    for line in lines:
        if not line or line.startswith("#"):
            continue
        if line.startswith("SECTION_"):
            current = sections.setdefault(line, [])
        elif current is None:
            raise InputError(f"{path}: data before the first SECTION_ line: {line!r}")
        else:
            current.append([field.strip() for field in line.split(",")])
    try:
        horizon = int(sections["SECTION_HORIZON"][0][0])
        shifts = {}   # id -> (minutes, set of ids that cannot follow it)
        for sid, minutes, *rest in sections["SECTION_SHIFTS"]:
            banned = rest[0] if rest else ""
            shifts[sid] = (int(minutes), {s for s in banned.split("|") if s})
        staff = []    # in file order
        for row in sections["SECTION_STAFF"]:
            eid, maxes, max_min, min_min, max_cons, min_cons, min_off, max_we = row
            max_shifts = {}
            for item in filter(None, maxes.split("|")):
                sid, n = item.split("=")
                max_shifts[sid] = int(n)
            staff.append(dict(id=eid, max_shifts=max_shifts, max_minutes=int(max_min),
                              min_minutes=int(min_min), max_cons=int(max_cons),
                              min_cons=int(min_cons), min_off=int(min_off),
                              max_weekends=int(max_we)))
        days_off = {row[0]: {int(d) for d in row[1:] if d}
                    for row in sections.get("SECTION_DAYS_OFF", [])}
        on_requests = [(e, int(d), s, int(w))
                       for e, d, s, w in sections.get("SECTION_SHIFT_ON_REQUESTS", [])]
        off_requests = [(e, int(d), s, int(w))
                        for e, d, s, w in sections.get("SECTION_SHIFT_OFF_REQUESTS", [])]
        cover = [(int(d), s, int(r), int(wu), int(wo))
                 for d, s, r, wu, wo in sections.get("SECTION_COVER", [])]
    except (KeyError, IndexError, ValueError) as e:
        raise InputError(f"{path}: malformed instance ({type(e).__name__}: {e})")
    employees = {emp["id"] for emp in staff}
    for e, d, s, _ in on_requests + off_requests:
        if e not in employees or not 0 <= d < horizon:
            raise InputError(f"{path}: request ({e}, day {d}, {s}) names an unknown employee or day")
    for d, s, *_ in cover:
        if not 0 <= d < horizon:
            raise InputError(f"{path}: cover for day {d} lies outside the {horizon}-day horizon")
    return dict(horizon=horizon, shifts=shifts, staff=staff, days_off=days_off,
                on_requests=on_requests, off_requests=off_requests, cover=cover)


def read_roster(path, inst):
    """Return {employee id: [shift id or None per day]}, checking the CSV's shape."""
    H, staff = inst["horizon"], inst["staff"]
    try:
        with open(path, newline="") as f:
            rows = [row for row in csv.reader(f) if row]
    except OSError as e:
        raise InputError(f"cannot read roster {path}: {e.strerror}")
    expected_header = ["employee"] + [str(d) for d in range(H)]
    if not rows or [c.strip() for c in rows[0]] != expected_header:
        raise InputError(f"{path}: header must be 'employee,0,...,{H - 1}' (horizon {H} days)")
    body = rows[1:]
    if len(body) != len(staff):
        raise InputError(f"{path}: {len(body)} employee rows, instance has {len(staff)} employees")
    roster = {}
    for line_no, (row, emp) in enumerate(zip(body, staff), start=2):
        if row[0].strip() != emp["id"]:
            raise InputError(f"{path}:{line_no}: employee {row[0]!r}, expected {emp['id']!r} "
                             "(rows must follow the instance's order)")
        if len(row) != H + 1:
            raise InputError(f"{path}:{line_no}: {len(row) - 1} day cells, expected {H}")
        days = [cell.strip() or None for cell in row[1:]]
        for d, s in enumerate(days):
            if s is not None and s not in inst["shifts"]:
                raise InputError(f"{path}:{line_no}: unknown shift {s!r} on day {d}")
        roster[emp["id"]] = days
    return roster


# ---------------------------------------------------------------------------- evaluation

def runs(flags):
    """Maximal runs of equal values: yields (value, first day, last day)."""
    start = 0
    for d in range(1, len(flags) + 1):
        if d == len(flags) or flags[d] != flags[start]:
            yield flags[start], start, d - 1
            start = d


def evaluate(inst, roster):
    """Return (hard violations [(rule, employee, day, detail)], soft penalty by rule)."""
    H, shifts = inst["horizon"], inst["shifts"]
    hard = []
    for emp in inst["staff"]:
        e, days = emp["id"], roster[emp["id"]]
        worked = [s is not None for s in days]

        for d in sorted(inst["days_off"].get(e, ())):                         # rule 2
            if 0 <= d < H and worked[d]:
                hard.append(("days off", e, d, f"works {days[d]} on a day off"))

        for d in range(H - 1):                                                # rule 3
            if worked[d] and worked[d + 1] and days[d + 1] in shifts[days[d]][1]:
                hard.append(("shift rotation", e, d + 1, f"{days[d + 1]} after {days[d]}"))

        for sid, limit in emp["max_shifts"].items():                          # rule 4
            n = days.count(sid)
            if n > limit:
                hard.append(("max shifts per type", e, None, f"{n} x {sid} > {limit}"))

        minutes = sum(shifts[s][0] for s in days if s is not None)            # rule 5
        if minutes > emp["max_minutes"]:
            hard.append(("max total minutes", e, None, f"{minutes} > {emp['max_minutes']}"))
        if minutes < emp["min_minutes"]:
            hard.append(("min total minutes", e, None, f"{minutes} < {emp['min_minutes']}"))

        for is_work, first, last in runs(worked):                             # rules 6-8
            length = last - first + 1
            at_boundary = first == 0 or last == H - 1
            if is_work and length > emp["max_cons"]:
                hard.append(("max consecutive shifts", e, first,
                             f"run of {length} (days {first}-{last}) > {emp['max_cons']}"))
            if is_work and length < emp["min_cons"] and not at_boundary:
                hard.append(("min consecutive shifts", e, first,
                             f"run of {length} (days {first}-{last}) < {emp['min_cons']}"))
            if not is_work and length < emp["min_off"] and not at_boundary:
                hard.append(("min consecutive days off", e, first,
                             f"run of {length} (days {first}-{last}) < {emp['min_off']}"))

        weekends = sum(1 for w in range(H // 7)                               # rule 9
                       if worked[7 * w + 5] or worked[7 * w + 6])
        if weekends > emp["max_weekends"]:
            hard.append(("max weekends", e, None, f"{weekends} > {emp['max_weekends']}"))

    soft = {"shift-on requests": 0, "shift-off requests": 0, "cover under": 0, "cover over": 0}
    for e, d, s, w in inst["on_requests"]:
        if roster[e][d] != s:
            soft["shift-on requests"] += w
    for e, d, s, w in inst["off_requests"]:
        if roster[e][d] == s:
            soft["shift-off requests"] += w
    for d, s, required, w_under, w_over in inst["cover"]:
        n = sum(1 for days in roster.values() if days[d] == s)
        if n < required:
            soft["cover under"] += (required - n) * w_under
        elif n > required:
            soft["cover over"] += (n - required) * w_over
    return hard, soft


def evaluate_files(instance_path, roster_path):
    inst = parse_instance(instance_path)
    return evaluate(inst, read_roster(roster_path, inst))


def summary(hard, soft):
    status = "feasible" if not hard else f"infeasible ({len(hard)} hard violations)"
    return f"objective {sum(soft.values())}, {status}"


# ---------------------------------------------------------------------------- command line

def check_dir(directory):
    if not os.path.isdir(directory):
        raise InputError(f"not a directory: {directory}")
    found = []
    for name in os.listdir(directory):
        m = re.fullmatch(r"Instance(\d+)\.csv", name)
        if m:
            found.append(int(m.group(1)))
    if not found:
        raise InputError(f"no InstanceN.csv files in {directory}")
    all_feasible = True
    print(f"{'instance':>8}  {'objective':>9}  feasible")
    for n in sorted(found):
        candidates = [os.path.join(b, f"Instance{n}.txt") for b in BENCH_DIRS]
        instance_path = next((p for p in candidates if os.path.isfile(p)), candidates[0])
        try:
            hard, soft = evaluate_files(instance_path,
                                        os.path.join(directory, f"Instance{n}.csv"))
        except InputError as e:
            all_feasible = False
            print(f"{n:>8}  {'-':>9}  error: {e}")
            continue
        all_feasible &= not hard
        verdict = "yes" if not hard else f"NO ({len(hard)} hard violations)"
        print(f"{n:>8}  {sum(soft.values()):>9}  {verdict}")
    return 0 if all_feasible else 1


def main(argv):
    args = [a for a in argv if a != "--verbose"]
    verbose = len(args) != len(argv)
    try:
        if len(args) == 2 and args[0] == "--check-dir":
            return check_dir(args[1])
        if len(args) != 2 or any(a.startswith("--") for a in args):
            print(__doc__.split("Roster CSV")[0].strip(), file=sys.stderr)
            return 2
        hard, soft = evaluate_files(*args)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(summary(hard, soft))
    if verbose:
        for rule, e, d, detail in hard:
            print(f"  HARD {rule}: employee {e}, day {'-' if d is None else d}: {detail}")
        for rule, penalty in soft.items():
            print(f"  soft {rule}: {penalty}")
    return 0 if not hard else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
