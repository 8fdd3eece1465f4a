#!/usr/bin/env python3
"""The linear and integer programme over whole rows of a Curtois & Qu instance with one shift type,
independently of Rotor: every row of every person (2^days of them) is judged by evaluate.py's own
rules, those that keep the hard rules become columns priced by their requests, cover is priced per
unit short and over, and SciPy's HiGHS solves the programme as a linear one (the column-generation
bound's value) and as an integer one (the optimum).

    pip install scipy
    python3 Tests/benchmark/row_programme.py ../shared/benchmarks/curtois/Instance1.txt
    # rows 785, linear 558.0, integer 607.0
"""
import os
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csr_matrix, lil_matrix

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evaluate as ev  # noqa: E402


def main(path):
    inst = ev.parse_instance(path)
    days, staff = inst["horizon"], inst["staff"]
    if len(inst["shifts"]) != 1 or days > 20:
        sys.exit("only instances with one shift type and at most 20 days")
    shift = next(iter(inst["shifts"]))
    columns = []  # (person index, bits: day d worked, cost)
    for p, member in enumerate(staff):
        e = member["id"]
        for bits in range(1 << days):
            row = [shift if (bits >> d) & 1 else None for d in range(days)]
            roster = {m["id"]: [None] * days for m in staff}
            roster[e] = row
            hard, _ = ev.evaluate({**inst, "staff": [member]}, roster)
            if hard:
                continue
            cost = sum(w for (who, d, s, w) in inst["on_requests"] if who == e and row[d] != s)
            cost += sum(w for (who, d, s, w) in inst["off_requests"] if who == e and row[d] == s)
            columns.append((p, bits, cost))
    people, n = len(staff), len(columns)
    cover = {d: (req, under, over) for d, _, req, under, over in inst["cover"]}
    variables = n + 2 * days  # the rows, then each day's shortfall and excess
    cost = np.zeros(variables)
    a = lil_matrix((people + days, variables))
    b = np.zeros(people + days)
    for j, (p, bits, c) in enumerate(columns):
        cost[j] = c
        a[p, j] = 1
        for d in range(days):
            if (bits >> d) & 1:
                a[people + d, j] = 1
    b[:people] = 1
    for d in range(days):
        req, under, over = cover.get(d, (0, 0, 0))
        a[people + d, n + d], cost[n + d] = 1, under
        a[people + d, n + days + d], cost[n + days + d] = -1, over
        b[people + d] = req
    a = csr_matrix(a)
    linear = linprog(cost, A_eq=a, b_eq=b, bounds=(0, None), method="highs")
    integer = milp(cost, constraints=LinearConstraint(a, b, b), integrality=np.ones(variables),
                   bounds=Bounds(0, np.inf))
    print(f"rows {n}, linear {linear.fun}, integer {integer.fun}")


if __name__ == "__main__":
    main(sys.argv[1])
