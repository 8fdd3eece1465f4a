#!/usr/bin/env python3
"""Differential test of Rotor's scorer (`rotor score`) against the independent scorer written from
docs/model.md alone (Tests/model/evaluate.py).

    python3 Tests/model/differential.py --rotor PATH_TO_ROTOR [--count N] [--seed S] [--keep DIR]
                                        [--evaluate PATH] [--only I ...] [--named-only] [--no-named]
                                        [--jobs 1|2] [--solve-time SECONDS] [--size tiny|small|medium]

First the NAMED CASES: small hand-written problems and rosters, one per semantic decided for the model,
each with its objective and hard penalty computed by hand (see the comment of each); a named case passes
when `rotor score` and evaluate.score() both give exactly the hand values.

Then N random problems from Tests/model/random_problems.py (problem i of seed S is drawn from
random.Random("S/i"), so `--seed S --only i` replays it). For each: three random rosters (cells null
or a post name, mostly posts the person may hold) and one roster from
`rotor solve --time-limit 1 --threads 1 --seed K`. Each roster is scored by `rotor score PROBLEM ROSTER
--json` and by evaluate.score(problem, roster); the case passes when feasible, objective and
hardPenalty all agree. A problem that rotor rejects (exit 2) fails once, as a generator or engine bug.

On a failure the seed, the problem index, both results and the per-rule difference (the engine's
breakdown.violations summed by rule, hard and soft apart, against evaluate's byRule) are printed;
with --keep DIR the problem, the roster and both scorers' output are saved under DIR.

Problems run in parallel in at most two worker processes. The last line printed is
`differential: N passed, M failed`; the exit status is 1 when M > 0 (2 on bad usage).

Standard library only (Python 3.11).
"""

import argparse
import collections
import importlib.util
import json
import multiprocessing
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import random_problems  # noqa: E402

# The engine's name for a rule where docs/model.md has another; used only to line breakdowns up.
RULE_ALIASES = {"shift-succession": "forbidden-succession"}

# Seconds for one `rotor score` (a small problem takes well under one), and beyond --time-limit for
# `rotor solve`. A run past it is killed and reported as a failure ("timeout"); the problem's other
# rosters are then not scored.
SCORE_TIMEOUT = 15
SOLVE_GRACE = 15

# A crash in rotor should fail fast, not wait for the Swift runtime's backtracer to symbolicate.
ROTOR_ENV = dict(os.environ)
ROTOR_ENV.setdefault("SWIFT_BACKTRACE", "enable=no")


# ============================================================================ named cases
#
# Each case: name, decision, problem, roster, expected {"objective", "hardPenalty"} (feasible is
# hardPenalty == 0), or expected {"reject": "message part"} for a roster rotor must refuse.
# Units (docs/model.md): a hard breach counted in days/shifts/nights/weekends/people weighs 60 per unit,
# one counted in hours weighs 1 per minute; a soft rule costs its weight per unit, a part hour counting
# as a whole one.

def _staff(id, contract="c", home="ward", **kw):
    m = {"id": id, "homeSite": home, "contract": contract}
    m.update(kw)
    return m


def _row(staff, *cells):
    return {"staff": staff, "shifts": list(cells)}


def _off(n):
    return [None] * n


NAMED_CASES = [
    # 1. A demand line without a skill counts everyone on that shift at that site, whatever skill they
    #    were assigned with. ana is on day/lead, bo on day (no skill).
    #    Line "day, no skill": counts ana and bo = 2 -> minimum 2 met; preferred 3 -> 1 short x 5 = 5.
    #    Line "day, lead": counts ana = 1 -> minimum 1 met.
    #    Expected: objective 5, hard 0. (Counting per post instead: "day" has 1 -> 1 short of the hard
    #    minimum = 60 hard, 2 short of preferred = 10.)
    dict(name="1-demand-without-skill-counts-everyone",
         problem={
             "horizon": {"start": "2027-03-01", "days": 1, "timeZone": "UTC"},
             "sites": ["ward"], "skills": ["lead"],
             "shifts": [{"id": "day", "start": "08:00", "hours": 8}],
             "contracts": [{"id": "c", "rules": []}],
             "staff": [_staff("ana", skills=["lead"]), _staff("bo")],
             "demand": [{"site": "ward", "shift": "day", "minimum": 2, "preferred": 3, "preferredWeight": 5},
                        {"site": "ward", "shift": "day", "skill": "lead", "minimum": 1}]},
         roster={"roster": [_row("ana", "day/lead"), _row("bo", "day")]},
         expected={"objective": 5, "hardPenalty": 0}),

    # 2a. History: days off that began before the horizon after a history shift, followed by work in
    #     the horizon, are judged by min-consecutive-days-off.
    #     History: day on 03-01 (03-02 not worked). Roster from 03-03: off, day, off.
    #     Days off 03-02..03-03 = 2 between work on 03-01 and 03-04; rule 3 (weight 7) -> 1 short x 7 = 7.
    #     The last day off (03-05) runs into the end of the horizon: not judged.
    #     Expected: objective 7, hard 0.
    dict(name="2a-history-days-off-before-horizon",
         problem={
             "horizon": {"start": "2027-03-03", "days": 3, "timeZone": "UTC"},
             "sites": ["ward"],
             "shifts": [{"id": "day", "start": "08:00", "hours": 8}],
             "contracts": [{"id": "c", "rules": [{"rule": "min-consecutive-days-off", "days": 3, "weight": 7}]}],
             "staff": [_staff("ana", history=[{"date": "2027-03-01", "shift": "day"}])],
             "demand": [{"site": "ward", "shift": "day", "minimum": 0}]},
         roster={"roster": [_row("ana", None, "day", None)]},
         expected={"objective": 7, "hardPenalty": 0}),

    # 2b. History: a deployment continuing from history shifts away from home (max-deployment-days).
    #     History: day@camp on 03-01 and 03-02; roster day@camp on 03-03 and 03-04, off 03-05.
    #     Deployment 03-01..03-04 = 4 days, hard limit 2 -> 2 days over x 60 = 120.
    #     Expected: objective 0, hard 120. (Horizon alone: 2 days, no breach.)
    dict(name="2b-history-deployment",
         problem={
             "horizon": {"start": "2027-03-03", "days": 3, "timeZone": "UTC"},
             "sites": ["home", "camp"],
             "shifts": [{"id": "day", "start": "08:00", "hours": 8}],
             "contracts": [{"id": "c", "rules": [{"rule": "max-deployment-days", "days": 2}]}],
             "staff": [_staff("ana", home="home", deployableSites=["camp"],
                              history=[{"date": "2027-03-01", "shift": "day", "site": "camp"},
                                       {"date": "2027-03-02", "shift": "day", "site": "camp"}])],
             "demand": [{"site": "home", "shift": "day", "minimum": 0},
                        {"site": "camp", "shift": "day", "minimum": 0}]},
         roster={"roster": [_row("ana", "day@camp", "day@camp", None)]},
         expected={"objective": 0, "hardPenalty": 120}),

    # 2c. History: weekly-rest and work-rest-ratio see a history shift's real length.
    #     Site on Europe/London, horizon clock UTC (so the weekly period is exactly 168 h).
    #     History night 2027-03-27 19:00 GMT (19:00 UTC) to 03-28 07:00 BST (06:00 UTC): 11 real hours
    #     (clocks go forward at 01:00 GMT on 03-28).
    #     ana (work-rest-ratio 1:1, weight 5): needs 11 h rest; late 03-28 17:00 BST = 16:00 UTC; rest
    #       06:00 -> 16:00 UTC = 10 h -> 1 h short x 5 = 5.
    #     bo (weekly-rest 165 h, hard): week 03-28 00:00 UTC .. 04-04 00:00 UTC; the history shift covers
    #       it to 06:00 UTC, nothing else worked: longest rest 162 h -> 3 h = 180 minutes short = 180.
    #     Expected: objective 5, hard 180. (Nominal 12 h: 10 and 240; history ignored: 0 and 0.)
    dict(name="2c-history-real-length",
         problem={
             "horizon": {"start": "2027-03-28", "days": 7, "timeZone": "UTC"},
             "sites": [{"id": "ward", "timeZone": "Europe/London"}],
             "shifts": [{"id": "night", "start": "19:00", "hours": 12, "tags": ["night"]},
                        {"id": "late", "start": "17:00", "hours": 8}],
             "contracts": [{"id": "ratio", "rules": [{"rule": "work-rest-ratio", "work": 1, "rest": 1, "weight": 5}]},
                           {"id": "weekly", "rules": [{"rule": "weekly-rest", "hours": 165}]}],
             "staff": [_staff("ana", contract="ratio", history=[{"date": "2027-03-27", "shift": "night"}]),
                       _staff("bo", contract="weekly", history=[{"date": "2027-03-27", "shift": "night"}])],
             "demand": [{"site": "ward", "shift": "night", "minimum": 0},
                        {"site": "ward", "shift": "late", "minimum": 0}]},
         roster={"roster": [_row("ana", "late", *_off(6)), _row("bo", *_off(7))]},
         expected={"objective": 5, "hardPenalty": 180}),

    # 2d. History: a history shift at a site/shift for which no demand line exists is still worked at
    #     that site, on that site's clock. No line asks for night at pune (Asia/Kolkata, +5:30).
    #     History night@pune 2027-01-10 22:00 IST = 16:30 UTC to 01-11 06:00 IST = 00:30 UTC.
    #     Roster: early@london 01-11 06:00 GMT = 06:00 UTC. Rest 5.5 h; hard min-rest 11 h ->
    #     5.5 h = 330 minutes short = 330. No travel listed.
    #     Expected: objective 0, hard 330. (Night taken at london instead: rest 0 -> 660.)
    dict(name="2d-history-at-site-without-demand",
         problem={
             "horizon": {"start": "2027-01-11", "days": 1, "timeZone": "Europe/London"},
             "sites": [{"id": "london", "timeZone": "Europe/London"}, {"id": "pune", "timeZone": "Asia/Kolkata"}],
             "shifts": [{"id": "night", "start": "22:00", "hours": 8, "tags": ["night"]},
                        {"id": "early", "start": "06:00", "hours": 8}],
             "contracts": [{"id": "c", "rules": [{"rule": "min-rest", "hours": 11}]}],
             "staff": [_staff("ana", home="london", deployableSites=["pune"],
                              history=[{"date": "2027-01-10", "shift": "night", "site": "pune"}])],
             "demand": [{"site": "london", "shift": "night", "minimum": 0},
                        {"site": "london", "shift": "early", "minimum": 0}]},
         roster={"roster": [_row("ana", "early@london")]},
         expected={"objective": 0, "hardPenalty": 330}),

    # 3. Two overlapping shifts at one site: one overlap breach equal to the intersection in minutes
    #    (hard, 1 per minute), no travel breach; rest rules measure rest as max(0, gap).
    #    night 01-11 20:00 -> 01-12 08:00 UTC; early 01-12 06:00 -> 14:00: intersection 2 h = 120.
    #    Rest = max(0, -2 h) = 0: min-rest 11 h (weight 2) -> 11 h short x 2 = 22;
    #    work-rest-ratio 2:1 (weight 1) after 12 h -> needs 6 h -> 6 h short x 1 = 6.
    #    Expected: objective 28, hard 120. (Negative rest: 26 + 8 = 34; overlap also as travel: 240.)
    dict(name="3-overlap-at-one-site",
         problem={
             "horizon": {"start": "2027-01-11", "days": 2, "timeZone": "UTC"},
             "sites": ["ward"],
             "shifts": [{"id": "night", "start": "20:00", "hours": 12},
                        {"id": "early", "start": "06:00", "hours": 8}],
             "contracts": [{"id": "c", "rules": [{"rule": "min-rest", "hours": 11, "weight": 2},
                                                 {"rule": "work-rest-ratio", "work": 2, "rest": 1, "weight": 1}]}],
             "staff": [_staff("ana")],
             "demand": [{"site": "ward", "shift": "night", "minimum": 0},
                        {"site": "ward", "shift": "early", "minimum": 0}]},
         roster={"roster": [_row("ana", "night", "early")]},
         expected={"objective": 28, "hardPenalty": 120}),

    # 4. "Next shift" by real start time across two sites in distant time zones, where date order and
    #    start order differ.
    #    late@la 2027-01-11 20:00 PST = 01-12 04:00 UTC -> 08:00 UTC.
    #    early@nz 2027-01-12 06:00 NZDT = 01-11 17:00 UTC -> 21:00 UTC: it comes first.
    #    Rest 21:00 -> 04:00 UTC = 7 h: hard min-rest 11 h -> 4 h = 240 minutes short = 240.
    #    Travel la-nz 2 h <= 7 h: no travel breach; no overlap.
    #    Expected: objective 0, hard 240. (Date order: a 15 h overlap.)
    dict(name="4-next-shift-by-real-start",
         problem={
             "horizon": {"start": "2027-01-11", "days": 2, "timeZone": "UTC"},
             "sites": [{"id": "la", "timeZone": "America/Los_Angeles"}, {"id": "nz", "timeZone": "Pacific/Auckland"}],
             "shifts": [{"id": "late", "start": "20:00", "hours": 4},
                        {"id": "early", "start": "06:00", "hours": 4}],
             "contracts": [{"id": "c", "rules": [{"rule": "min-rest", "hours": 11}]}],
             "staff": [_staff("ana", home="la", deployableSites=["nz"])],
             "demand": [{"site": "la", "shift": "late", "minimum": 0},
                        {"site": "nz", "shift": "early", "minimum": 0}],
             "travel": [{"from": "la", "to": "nz", "hours": 2}]},
         roster={"roster": [_row("ana", "late@la", "early@nz")]},
         expected={"objective": 0, "hardPenalty": 240}),

    # 5a. DST, spring forward: a shift starting in the gap is moved later by the gap, west and east of
    #     Greenwich. Shift g 02:30 for 4 h.
    #     ana at ny, 2027-03-14 (02:00 EST -> 03:00 EDT): starts 03:30 EDT = 07:30 UTC, ends 06:30 EDT =
    #       10:30 UTC: 3 real hours; hours-per-period min 4 over the horizon (weight 3) -> 1 h x 3 = 3.
    #     bo at be, 2027-03-28 (02:00 CET -> 03:00 CEST): 03:30 CEST = 01:30 UTC to 06:30 CEST = 04:30
    #       UTC: 3 real hours; hard min 4 h -> 60 minutes short = 60.
    #     Expected: objective 3, hard 60.
    dict(name="5a-dst-spring-gap",
         problem={
             "horizon": {"start": "2027-03-14", "days": 15, "timeZone": "UTC"},
             "sites": [{"id": "ny", "timeZone": "America/New_York"}, {"id": "be", "timeZone": "Europe/Berlin"}],
             "shifts": [{"id": "g", "start": "02:30", "hours": 4}],
             "contracts": [{"id": "soft", "rules": [{"rule": "hours-per-period", "min": 4, "weight": 3}]},
                           {"id": "hard", "rules": [{"rule": "hours-per-period", "min": 4}]}],
             "staff": [_staff("ana", contract="soft", home="ny"), _staff("bo", contract="hard", home="be")],
             "demand": [{"site": "ny", "shift": "g", "minimum": 0}, {"site": "be", "shift": "g", "minimum": 0}]},
         roster={"roster": [_row("ana", "g@ny", *_off(14)), _row("bo", *_off(14), "g@be")]},
         expected={"objective": 3, "hardPenalty": 60}),

    # 5b. DST, fall back: a shift starting at a wall time that happens twice starts at its first
    #     occurrence, west and east of Greenwich. 4-hour shifts.
    #     ana at ny, fn 01:30 on 2027-11-07: 01:30 EDT = 05:30 UTC to 05:30 EST = 10:30 UTC: 5 real
    #       hours; max-shift-hours 4 (weight 5) -> 1 h x 5 = 5.
    #     bo at be, fe 02:30 on 2027-10-31: 02:30 CEST = 00:30 UTC to 06:30 CET = 05:30 UTC: 5 real
    #       hours; hard max 4 h -> 60 minutes over = 60.
    #     Expected: objective 5, hard 60. (Second occurrence: 4 h, no breach.)
    dict(name="5b-dst-fall-repeated-hour",
         problem={
             "horizon": {"start": "2027-10-31", "days": 8, "timeZone": "UTC"},
             "sites": [{"id": "ny", "timeZone": "America/New_York"}, {"id": "be", "timeZone": "Europe/Berlin"}],
             "shifts": [{"id": "fn", "start": "01:30", "hours": 4}, {"id": "fe", "start": "02:30", "hours": 4}],
             "contracts": [{"id": "soft", "rules": [{"rule": "max-shift-hours", "hours": 4, "weight": 5}]},
                           {"id": "hard", "rules": [{"rule": "max-shift-hours", "hours": 4}]}],
             "staff": [_staff("ana", contract="soft", home="ny"), _staff("bo", contract="hard", home="be")],
             "demand": [{"site": "ny", "shift": "fn", "minimum": 0}, {"site": "be", "shift": "fe", "minimum": 0}]},
         roster={"roster": [_row("ana", *_off(7), "fn@ny"), _row("bo", "fe@be", *_off(7))]},
         expected={"objective": 5, "hardPenalty": 60}),

    # 6. A max-hours-in-window window longer than the horizon becomes the horizon, its limit scaled by
    #    days/windowDays. 7-day horizon, 10 h shifts, no history.
    #    ana: 40 h in 14 days (hard) -> 40 x 7/14 = 20 h; works 30 h -> 10 h = 600 minutes over = 600.
    #    bo: 50 h in 21 days (weight 2) -> 50 x 7/21 = 16 h 40 min; works 20 h -> 3 h 20 min over,
    #        a part hour counting whole: 4 h x 2 = 8.
    #    Expected: objective 8, hard 600. (Window dropped: 0 and 0.)
    dict(name="6-window-longer-than-horizon",
         problem={
             "horizon": {"start": "2027-01-11", "days": 7, "timeZone": "UTC"},
             "sites": ["ward"],
             "shifts": [{"id": "d", "start": "08:00", "hours": 10}],
             "contracts": [{"id": "hard", "rules": [{"rule": "max-hours-in-window", "days": 14, "hours": 40}]},
                           {"id": "soft", "rules": [{"rule": "max-hours-in-window", "days": 21, "hours": 50, "weight": 2}]}],
             "staff": [_staff("ana", contract="hard"), _staff("bo", contract="soft")],
             "demand": [{"site": "ward", "shift": "d", "minimum": 0}]},
         roster={"roster": [_row("ana", "d", "d", "d", *_off(4)), _row("bo", "d", "d", *_off(5))]},
         expected={"objective": 8, "hardPenalty": 600}),

    # 7. Fairness on hours with real (fractional) hours, the total rounded down; hours-per-period with a
    #    shorter last period (exact fraction, breach rounded up); periodDays longer than the horizon.
    #    14-day horizon; shifts ten (10 h) and half (7.5 h).
    #    Fairness hours over contract "fair" (weight 2): ana 7.5 h, bo 0; mean 3.75;
    #      sum of squares 2 x 3.75^2 = 28.125; x 2 = 56.25 -> 56. (Whole hours 7 and 0: 49.)
    #    cy, hours-per-period periodDays 9 min 20 (hard): days 0-8: 20 h, met; days 9-13 (5 days):
    #      min 20 x 5/9 = 11 h 6 2/3 min; works 10 h -> 66 2/3 minutes short, rounded up: 67.
    #    dee, periodDays 28 min 30 (weight 4) on 14 days: min 30 x 14/28 = 15 h; works 10 h ->
    #      5 h x 4 = 20.
    #    Expected: objective 56 + 20 = 76, hard 67.
    dict(name="7-fractional-hours-and-period-scaling",
         problem={
             "horizon": {"start": "2027-01-11", "days": 14, "timeZone": "UTC"},
             "sites": ["ward"],
             "shifts": [{"id": "ten", "start": "08:00", "hours": 10}, {"id": "half", "start": "08:00", "hours": 7.5}],
             "contracts": [{"id": "fair", "rules": []},
                           {"id": "last", "rules": [{"rule": "hours-per-period", "periodDays": 9, "min": 20}]},
                           {"id": "long", "rules": [{"rule": "hours-per-period", "periodDays": 28, "min": 30, "weight": 4}]}],
             "staff": [_staff("ana", contract="fair"), _staff("bo", contract="fair"),
                       _staff("cy", contract="last"), _staff("dee", contract="long")],
             "demand": [{"site": "ward", "shift": "ten", "minimum": 0}, {"site": "ward", "shift": "half", "minimum": 0}],
             "fairness": [{"measure": "hours", "contract": "fair", "weight": 2}]},
         roster={"roster": [_row("ana", "half", *_off(13)), _row("bo", *_off(14)),
                            _row("cy", "ten", "ten", *_off(7), "ten", *_off(4)),
                            _row("dee", "ten", *_off(13))]},
         expected={"objective": 76, "hardPenalty": 67}),

    # 8. A pin without a skill where several posts fit: the skill-less post when the demand has one,
    #    else the first fitting skill in the problem's `skills` order (zeta before alpha here; the
    #    demand lists alpha first).
    #    Pin "day" -> day/zeta; pin "eve" -> eve (the skill-less post).
    #    ana holds day/zeta and eve: pins kept. bo holds day/alpha and eve/alpha: 2 pins broken x 60.
    #    Expected: objective 0, hard 120.
    dict(name="8-pin-without-skill",
         problem={
             "horizon": {"start": "2027-01-11", "days": 2, "timeZone": "UTC"},
             "sites": ["ward"], "skills": ["zeta", "alpha"],
             "shifts": [{"id": "day", "start": "08:00", "hours": 8}, {"id": "eve", "start": "16:00", "hours": 8}],
             "contracts": [{"id": "c", "rules": []}],
             "staff": [_staff("ana", skills=["alpha", "zeta"], pinned=[{"date": "2027-01-11", "shift": "day"},
                                                                       {"date": "2027-01-12", "shift": "eve"}]),
                       _staff("bo", skills=["alpha", "zeta"], pinned=[{"date": "2027-01-11", "shift": "day"},
                                                                      {"date": "2027-01-12", "shift": "eve"}])],
             "demand": [{"site": "ward", "shift": "day", "skill": "alpha", "minimum": 0},
                        {"site": "ward", "shift": "day", "skill": "zeta", "minimum": 0},
                        {"site": "ward", "shift": "eve", "skill": "alpha", "minimum": 0},
                        {"site": "ward", "shift": "eve", "minimum": 0}]},
         roster={"roster": [_row("ana", "day/zeta", "eve"), _row("bo", "day/alpha", "eve/alpha")]},
         expected={"objective": 0, "hardPenalty": 120}),

    # 9. A roster cell naming a real shift at a site where no demand line asks for it is bad input:
    #    `rotor score` exits 2 with a message containing "no demand line asks for"; evaluate.score()
    #    must refuse it too (raise).
    dict(name="9-cell-without-demand-line",
         problem={
             "horizon": {"start": "2027-01-11", "days": 1, "timeZone": "UTC"},
             "sites": ["home", "away"],
             "shifts": [{"id": "day", "start": "08:00", "hours": 8}],
             "contracts": [{"id": "c", "rules": []}],
             "staff": [_staff("ana", home="home", deployableSites=["away"])],
             "demand": [{"site": "home", "shift": "day", "minimum": 0}]},
         roster={"roster": [_row("ana", "day@away")]},
         expected={"reject": "no demand line asks for"}),
]


# ============================================================================ the two scorers

def load_evaluate(path):
    spec = importlib.util.spec_from_file_location("rotor_model_evaluate", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not hasattr(module, "score"):
        raise RuntimeError("%s has no score(problem, roster)" % path)
    return module


def exit_text(rc):
    """An exit status as a person reads it: `2`, or `SIGILL (signal 4)` for a process a signal ended."""
    if rc is None or rc >= 0:
        return str(rc)
    try:
        name = signal.Signals(-rc).name
    except ValueError:
        name = "signal"
    hint = " -- a Swift runtime trap (precondition, overflow, bad range); run it by hand for the message" \
        if -rc in (signal.SIGILL, signal.SIGTRAP) else ""
    return "%s (signal %d)%s" % (name, -rc, hint)


def rotor_score(rotor, problem_path, roster_path):
    """{"rc", "result": {...} or None, "byRule", "stderr"} from `rotor score --json`."""
    try:
        out = subprocess.run([rotor, "score", problem_path, roster_path, "--json"],
                             capture_output=True, text=True, timeout=SCORE_TIMEOUT, env=ROTOR_ENV)
    except subprocess.TimeoutExpired:
        return {"rc": None, "result": None, "byRule": {}, "stderr": "rotor score timed out after %d s" % SCORE_TIMEOUT,
                "raw": None, "timeout": True}
    r = {"rc": out.returncode, "result": None, "byRule": {}, "stderr": out.stderr.strip(), "raw": None}
    if out.returncode in (0, 1):
        try:
            doc = json.loads(out.stdout)
        except ValueError as e:
            r["stderr"] += "\n(unreadable JSON on stdout: %s)" % e
            return r
        r["raw"] = doc
        r["result"] = {"feasible": doc.get("feasible"), "objective": doc.get("objective"),
                       "hardPenalty": doc.get("hardPenalty")}
        by = collections.defaultdict(lambda: {"hard": 0, "soft": 0})
        for v in doc.get("breakdown", {}).get("violations", []):
            by[RULE_ALIASES.get(v["rule"], v["rule"])]["hard" if v.get("hard") else "soft"] += v.get("penalty", 0)
        r["byRule"] = dict(by)
    return r


def _normalise_by_rule(by):
    """evaluate's byRule as {rule: {"hard": h, "soft": s}} where it says which, else {"total": t}."""
    out = {}
    if not isinstance(by, dict):
        return out
    for rule, v in by.items():
        rule = RULE_ALIASES.get(rule, rule)
        if isinstance(v, bool):
            continue
        if isinstance(v, (int, float)):
            out[rule] = {"total": v}
        elif isinstance(v, dict):
            entry = {}
            for key, names in (("hard", ("hard", "hardPenalty")), ("soft", ("soft", "objective"))):
                for n in names:
                    if isinstance(v.get(n), (int, float)):
                        entry[key] = v[n]
                        break
            if not entry:
                for n in ("penalty", "total"):
                    if isinstance(v.get(n), (int, float)):
                        entry["total"] = v[n]
                        break
            out[rule] = entry or {"total": None}
    return out


def evaluate_score(module, problem, roster):
    """{"result": {...} or None, "byRule", "error"} from evaluate.score()."""
    try:
        got = module.score(problem, roster)
    except Exception:   # a scorer crash is a finding, not a harness crash
        return {"result": None, "byRule": {}, "error": traceback.format_exc(limit=-1).strip(), "raw": None}
    if not isinstance(got, dict):
        return {"result": None, "byRule": {}, "error": "score() returned %r, not a dict" % type(got).__name__, "raw": None}
    return {"result": {"feasible": got.get("feasible"), "objective": got.get("objective"),
                       "hardPenalty": got.get("hardPenalty")},
            "byRule": _normalise_by_rule(got.get("byRule")), "error": None, "raw": got}


def by_rule_differences(engine, model):
    """Rows (rule, engine text, evaluate text) where the two breakdowns differ."""
    rows = []
    for rule in sorted(set(engine) | set(model)):
        e = engine.get(rule, {"hard": 0, "soft": 0})
        m = model.get(rule)
        if m is None:
            m = {"hard": 0, "soft": 0}
        if "total" in m:
            same = (e["hard"] + e["soft"]) == m["total"]
            mtext = "total %s" % m["total"]
        else:
            same = e["hard"] == m.get("hard", 0) and e["soft"] == m.get("soft", 0)
            mtext = "hard %s soft %s" % (m.get("hard", 0), m.get("soft", 0))
        if not same:
            rows.append((rule, "hard %d soft %d" % (e["hard"], e["soft"]), mtext))
    return rows


def same_result(a, b):
    return a is not None and b is not None and all(a[k] == b[k] for k in ("feasible", "objective", "hardPenalty"))


def describe(result):
    if result is None:
        return "-"
    return "feasible=%s objective=%s hardPenalty=%s" % (result["feasible"], result["objective"], result["hardPenalty"])


# ============================================================================ one random problem

def _write_json(path, doc):
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


def _keep(keep_dir, label, problem_path, files):
    """Copies a failing case's files to keep_dir/label; returns the folder."""
    folder = os.path.join(keep_dir, label)
    os.makedirs(folder, exist_ok=True)
    shutil.copy(problem_path, os.path.join(folder, "problem.json"))
    for name, content in files.items():
        if isinstance(content, str):
            if os.path.exists(content):
                shutil.copy(content, os.path.join(folder, name))
        elif content is not None:
            _write_json(os.path.join(folder, name), content)
    return folder


def run_problem(task):
    """Scores the four rosters of random problem `index`; returns a list of case reports."""
    rotor, seed, index, size, solve_time, keep_dir = task
    evaluate = _WORKER["evaluate"]
    rng = random.Random("%s/%d" % (seed, index))
    problem = random_problems.generate(rng, size)
    reports = []
    tmp = tempfile.mkdtemp(prefix="rotor-diff-")
    try:
        problem_path = os.path.join(tmp, "problem.json")
        _write_json(problem_path, problem)
        rosters = []
        for k in range(3):
            rosters.append(("random%d" % k, random_problems.random_roster(rng, problem,
                                                                         eligible_chance=rng.choice([0.8, 0.95, 1.0]))))
        solve_seed = rng.randrange(1, 2 ** 31)
        solved_path = os.path.join(tmp, "solved.json")
        try:
            out = subprocess.run([rotor, "solve", problem_path, "--time-limit", str(solve_time), "--threads", "1",
                                  "--seed", str(solve_seed), "--out", solved_path, "--quiet"],
                                 capture_output=True, text=True, timeout=solve_time + SOLVE_GRACE, env=ROTOR_ENV)
            solve_rc, solve_err = out.returncode, out.stderr.strip()
        except subprocess.TimeoutExpired:
            solve_rc, solve_err = None, "timed out: still running %g s after its --time-limit" % SOLVE_GRACE
        if solve_rc == 2:
            reports.append({"label": "problem", "index": index, "passed": False, "kind": "rejected",
                            "message": "rotor solve rejected the generated problem (exit 2):\n" + solve_err,
                            "kept": _keep(keep_dir, "s%s-p%d" % (seed, index), problem_path, {}) if keep_dir else None})
            return reports
        timed_out = solve_rc is None
        if solve_rc != 0 or not os.path.exists(solved_path):
            reports.append({"label": "solved", "index": index, "passed": False,
                            "kind": "solve-timeout" if solve_rc is None else "solve-failed",
                            "message": ("rotor solve --seed %d: %s" % (solve_seed, solve_err) if solve_rc is None else
                                        "rotor solve --seed %d exited %s:\n%s" % (solve_seed, exit_text(solve_rc), solve_err)),
                            "kept": _keep(keep_dir, "s%s-p%d-solve" % (seed, index), problem_path, {}) if keep_dir else None})
        else:
            with open(solved_path) as f:
                rosters.append(("solved", json.load(f)))
        for label, roster in rosters:
            roster_path = os.path.join(tmp, "roster-%s.json" % label)
            if label != "solved":
                _write_json(roster_path, roster)
            else:
                roster_path = solved_path
            if timed_out:
                reports.append({"label": label, "index": index, "passed": False, "kind": "not-run",
                                "message": "not scored: an earlier rotor run on this problem timed out", "kept": None})
                continue
            eng = rotor_score(rotor, problem_path, roster_path)
            mod = evaluate_score(evaluate, problem, roster)
            report = {"label": label, "index": index, "engine": eng["result"], "model": mod["result"], "kept": None}
            if eng.get("timeout"):
                timed_out = True
                report.update(passed=False, kind="timeout", message=eng["stderr"])
            elif eng["rc"] == 2 or eng["result"] is None:
                report.update(passed=False, kind="rotor-error",
                              message="rotor score exited %s:\n%s" % (exit_text(eng["rc"]), eng["stderr"]))
            elif mod["error"]:
                report.update(passed=False, kind="evaluate-error", message="evaluate.score() failed:\n" + mod["error"])
            elif same_result(eng["result"], mod["result"]):
                report.update(passed=True)
            else:
                report.update(passed=False, kind="disagree", message=None,
                              rules=by_rule_differences(eng["byRule"], mod["byRule"]))
            if not report["passed"]:
                if keep_dir:
                    report["kept"] = _keep(keep_dir, "s%s-p%d-%s" % (seed, index, label), problem_path,
                                           {"roster.json": roster, "rotor.json": eng["raw"], "evaluate.json": mod["raw"]})
            reports.append(report)
        return reports
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


_WORKER = {}


def _init_worker(evaluate_path):
    _WORKER["evaluate"] = load_evaluate(evaluate_path)


# ============================================================================ named cases

def run_named(rotor, evaluate, keep_dir, only=None):
    """Runs the named cases; returns (passed, failed) and prints one line per case (details on failure)."""
    passed = failed = 0
    for case in NAMED_CASES:
        if only and case["name"] not in only:
            continue
        tmp = tempfile.mkdtemp(prefix="rotor-named-")
        try:
            problem_path = os.path.join(tmp, "problem.json")
            roster_path = os.path.join(tmp, "roster.json")
            _write_json(problem_path, case["problem"])
            _write_json(roster_path, case["roster"])
            eng = rotor_score(rotor, problem_path, roster_path)
            mod = evaluate_score(evaluate, case["problem"], case["roster"])
            expected = case["expected"]
            problems = []
            if "reject" in expected:
                if eng["rc"] != 2:
                    problems.append("rotor: expected exit 2 (bad input), got exit %s (%s)" % (eng["rc"], describe(eng["result"])))
                elif expected["reject"] not in eng["stderr"]:
                    problems.append("rotor: exit 2 but the message lacks %r: %s" % (expected["reject"], eng["stderr"]))
                if not mod["error"]:
                    problems.append("evaluate: expected score() to refuse the roster (raise), got %s" % describe(mod["result"]))
                want = "rejected (%r)" % expected["reject"]
            else:
                want_result = {"feasible": expected["hardPenalty"] == 0, "objective": expected["objective"],
                               "hardPenalty": expected["hardPenalty"]}
                want = describe(want_result)
                if eng["result"] is None:
                    problems.append("rotor: score exited %s: %s" % (eng["rc"], eng["stderr"]))
                elif not same_result(eng["result"], want_result):
                    problems.append("rotor:    %s" % describe(eng["result"]))
                if mod["error"]:
                    problems.append("evaluate: score() failed:\n" + _indent(mod["error"], "    "))
                elif not same_result(mod["result"], want_result):
                    problems.append("evaluate: %s" % describe(mod["result"]))
            if problems:
                failed += 1
                print("FAIL named %s" % case["name"])
                print("  hand:     %s" % want)
                for p in problems:
                    print("  " + p)
                if eng["byRule"] or mod["byRule"]:
                    print("  by rule (rotor | evaluate):")
                    for rule in sorted(set(eng["byRule"]) | set(mod["byRule"])):
                        e = eng["byRule"].get(rule, {"hard": 0, "soft": 0})
                        m = mod["byRule"].get(rule, {})
                        print("    %-26s hard %d soft %d | %s" % (rule, e["hard"], e["soft"], _model_text(m)))
                if keep_dir:
                    folder = _keep(keep_dir, "named-" + case["name"], problem_path,
                                   {"roster.json": roster_path, "rotor.json": eng["raw"], "evaluate.json": mod["raw"]})
                    print("  kept in %s" % folder)
            else:
                passed += 1
                print("ok   named %s (%s)" % (case["name"], want))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return passed, failed


def _model_text(m):
    if not m:
        return "-"
    if "total" in m:
        return "total %s" % m["total"]
    return "hard %s soft %s" % (m.get("hard", 0), m.get("soft", 0))


def _indent(text, prefix):
    return "\n".join(prefix + line for line in text.splitlines())


# ============================================================================ main

def print_failure(seed, report, rotor, evaluate_path):
    print("FAIL seed %s problem %d roster %s: %s" % (seed, report["index"], report["label"], report.get("kind")))
    if report.get("message"):
        print(_indent(report["message"], "  "))
    if "engine" in report:
        print("  rotor:    %s" % describe(report.get("engine")))
        print("  evaluate: %s" % describe(report.get("model")))
    rows = report.get("rules") or []
    if rows:
        print("  by rule where they differ (rotor | evaluate):")
        for rule, e, m in rows:
            print("    %-26s %-22s | %s" % (rule, e, m))
    elif report.get("kind") == "disagree":
        print("  (the per-rule breakdowns agree; only the totals differ)")
    print("  replay: python3 %s --rotor %s --seed %s --only %d --no-named" % (os.path.relpath(__file__), rotor, seed, report["index"]))
    if report.get("kept"):
        k = report["kept"]
        print("  kept in %s" % k)
        if os.path.exists(os.path.join(k, "roster.json")):
            print("    %s score %s/problem.json %s/roster.json" % (rotor, k, k))
            print("    python3 %s %s/problem.json %s/roster.json --verbose" % (os.path.relpath(evaluate_path), k, k))


CASES_DIR = os.path.join(HERE, "cases")


def run_cases(rotor, evaluate, only=None):
    """The edge cases kept in Tests/model/cases (problem, roster and a NOTE with the hand reading):
    each passes when rotor and evaluate.py agree on feasibility, objective and hard penalty, or both
    refuse the roster as bad input."""
    passed = failed = 0
    for name in sorted(os.listdir(CASES_DIR)) if os.path.isdir(CASES_DIR) else []:
        if only and name not in only:
            continue
        folder = os.path.join(CASES_DIR, name)
        problems = [f for f in os.listdir(folder) if f.startswith("problem.")]
        if not problems:
            continue
        problem_path, roster_path = os.path.join(folder, problems[0]), os.path.join(folder, "roster.json")
        eng = rotor_score(rotor, problem_path, roster_path)
        try:
            with open(roster_path, encoding="utf-8") as f:
                roster = json.load(f)
            mod = evaluate_score(evaluate, evaluate.load_problem(problem_path), roster)
        except Exception as e:   # a case the scorer cannot even load
            mod = {"result": None, "error": "%s: %s" % (type(e).__name__, e)}
        both_refuse = eng["rc"] == 2 and mod["error"]
        if both_refuse or (eng["result"] is not None and mod["result"] is not None and same_result(eng["result"], mod["result"])):
            passed += 1
            print("ok   case %s (%s)" % (name, "both refuse" if both_refuse else describe(eng["result"])))
        else:
            failed += 1
            print("FAIL case %s" % name)
            print("  rotor:    %s" % (describe(eng["result"]) if eng["result"] is not None else "exit %s: %s" % (eng["rc"], eng["stderr"].strip())))
            print("  evaluate: %s" % (describe(mod["result"]) if mod["result"] is not None else mod["error"]))
            print("  note: %s" % _note(folder))
    return passed, failed


def _note(folder):
    try:
        with open(os.path.join(folder, "NOTE.txt"), encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return "-"


def main(argv=None):
    ap = argparse.ArgumentParser(description="Differential test: rotor score against Tests/model/evaluate.py.")
    ap.add_argument("--rotor", required=True, help="the rotor executable (e.g. .build/debug/rotor)")
    ap.add_argument("--count", type=int, default=300, help="random problems (default 300)")
    ap.add_argument("--seed", default="1", help="seed of the random problems (default 1)")
    ap.add_argument("--keep", metavar="DIR", help="save each failing problem and roster here")
    ap.add_argument("--evaluate", default=os.path.join(HERE, "evaluate.py"),
                    help="the independent scorer (default Tests/model/evaluate.py)")
    ap.add_argument("--only", type=int, action="append", metavar="I", help="run only random problem I (repeatable)")
    ap.add_argument("--named-only", action="store_true", help="run only the named cases")
    ap.add_argument("--no-named", action="store_true", help="skip the named cases")
    ap.add_argument("--case", action="append", metavar="NAME", help="run only this named case (repeatable)")
    ap.add_argument("--jobs", type=int, default=2, choices=[1, 2], help="worker processes (at most 2)")
    ap.add_argument("--solve-time", type=float, default=1.0, help="rotor solve --time-limit (default 1)")
    ap.add_argument("--size", default="small", choices=["tiny", "small", "medium"], help="random problem size")
    args = ap.parse_args(argv)

    rotor = os.path.abspath(args.rotor) if os.path.sep in args.rotor else (shutil.which(args.rotor) or args.rotor)
    if not (os.path.isfile(rotor) and os.access(rotor, os.X_OK)):
        print("differential: %s is not an executable" % args.rotor, file=sys.stderr)
        return 2
    if not os.path.isfile(args.evaluate):
        print("differential: no independent scorer at %s" % args.evaluate, file=sys.stderr)
        return 2
    evaluate = load_evaluate(args.evaluate)
    keep = os.path.abspath(args.keep) if args.keep else None
    if keep:
        os.makedirs(keep, exist_ok=True)

    began = time.monotonic()
    passed = failed = 0
    if not args.no_named:
        print("named cases (rotor and evaluate.py against hand-computed values):")
        p, f = run_named(rotor, evaluate, keep, set(args.case) if args.case else None)
        passed += p
        failed += f
        print("edge cases in Tests/model/cases (rotor and evaluate.py must agree):")
        p, f = run_cases(rotor, evaluate, set(args.case) if args.case else None)
        passed += p
        failed += f
    disagreeing_rules = collections.Counter()
    kinds = collections.Counter()
    failing_problems = set()
    if not args.named_only:
        indices = args.only or list(range(args.count))
        print("random problems: %d (seed %s, size %s), 4 rosters each, %d worker(s)"
              % (len(indices), args.seed, args.size, args.jobs))
        tasks = [(rotor, args.seed, i, args.size, args.solve_time, keep) for i in indices]
        if args.jobs == 1:
            _init_worker(args.evaluate)
            results = map(run_problem, tasks)
            pool = None
        else:
            pool = multiprocessing.get_context("fork").Pool(args.jobs, initializer=_init_worker, initargs=(args.evaluate,))
            results = pool.imap_unordered(run_problem, tasks)
        try:
            for reports in results:
                for r in reports:
                    if r["passed"]:
                        passed += 1
                        continue
                    failed += 1
                    kinds[r.get("kind")] += 1
                    failing_problems.add(r["index"])
                    for rule, _, _ in r.get("rules") or []:
                        disagreeing_rules[rule] += 1
                    print_failure(args.seed, r, args.rotor, args.evaluate)
                sys.stdout.flush()
        finally:
            if pool is not None:
                pool.close()
                pool.join()
        if failed:
            print("failures by kind: " + ", ".join("%s %d" % kv for kv in kinds.most_common()))
            print("failing random problems: %d of %d" % (len(failing_problems), len(indices)))
            if disagreeing_rules:
                print("rules whose breakdown differs (failing rosters): "
                      + ", ".join("%s %d" % kv for kv in disagreeing_rules.most_common()))
    print("time: %.1f s" % (time.monotonic() - began))
    print("differential: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
