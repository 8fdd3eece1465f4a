#!/usr/bin/env python3
"""Independent scorer for rosters of Rotor problems (docs/model.md).

Written only from docs/model.md, docs/problem.schema.json, the "Roster files" section of README.md,
the examples and a list of decided semantics handed to its author (folded into the rules below),
NOT from Rotor's Swift sources, so that a disagreement with `rotor score` points at a bug in the
engine or a gap in the docs.

Usage:
    python3 Tests/model/evaluate.py PROBLEM.(json|yaml) ROSTER.json [--verbose]

prints one JSON object: {"feasible", "objective", "hardPenalty", "byRule": {rule: {"hard", "soft"}}}
and with --verbose also "violations": [{rule, staff, day, amount, unit, penalty, hard}, ...].
Exit status: 0 feasible, 1 infeasible, 2 bad input (message on stderr).
As a library: score(problem_dict, roster_dict, verbose=False) -> the same dict; it raises InputError
on bad input. load_problem(path) reads a problem file (YAML by the 1.2 core schema, like Rotor).

Roster JSON: {"roster": [{"staff": ID, "shifts": [POST or null, ... one per horizon day]}], ...}.
A post is the shift id, then "@site" when the problem has more than one site, then "/skill" when the
person is assigned with a skill ("night@north/nurse", "day/lead", "early"); null is a day off.

Time. Every instant is an integer number of minutes since the epoch. A shift on date D at a site
starts at its `start` on D on the site's wall clock (zoneinfo) and ends at start + `hours` of
wall-clock time; each wall time is resolved with fold=0: a repeated time is its first occurrence, a
time in a DST gap is moved later by the gap. Its length is the real difference. History shifts are
placed the same way at their site (default home). "The sequence" of a person is all their shifts,
history included, ordered by real start (then date); "the next shift" is the next one in it. A pair
(or run, window, stretch) made of history shifts only is never judged.
rest(a, b) = max(0, start(b) - end(a)).

Weighing (docs/model.md, "Contracts and rules"): a breach counted in hours weighs, when hard, 1 per
minute (a fractional minute rounded up), and when soft `weight` x its hours rounded UP per breach;
a breach counted in days, shifts, nights, weekends, people, cells or occurrences weighs 60 per unit
when hard and `weight` per unit when soft (a fractional count rounded up).

Rules (unit of breach in brackets; "per X" = one breach per X). The name is the one in "byRule".
  contract rules (docs/model.md table; each rule of a contract judged on its own, except as said
  for forbidden-succession; presets expanded as listed there, the preset's weight on each rule):
  min-rest hours           [hour short] each consecutive pair of the sequence: hours - rest
  max-hours-in-window days, hours
                           [hour over, per window] real minutes of shifts dated s..s+days-1, for
                           every window ending inside the horizon: s >= 0, or s >= 1-days when
                           history is given (its shifts count). A window longer than the horizon
                           is the horizon alone, limit x horizonDays/days (no history then)
  hours-per-period         [hour short/over, per period] real minutes of horizon shifts dated in
                           the period; periods of periodDays (default: the horizon) from the
                           start; a period cut short by the horizon's end (the last, or the
                           horizon itself when periodDays is longer) has min and max
                           x length/periodDays, exactly
  shifts-per-period        [shift short/over, per period] same, counting shifts
  max-consecutive-days     [day over, per stretch] stretches of consecutive dates with a shift;
                           one on the first date continues the history's
  min-consecutive-days     [day short, per stretch] the same stretches, except one that ends on
                           the last date, one that starts on the first date when history is not
                           given, and one wholly in the history
  min-consecutive-days-off [day short, per stretch] days off between two dates with a shift, the
                           later in the horizon, the earlier possibly in history (so a stretch
                           wholly before the horizon counts when the first date is worked)
  max-consecutive-nights   [night over, per run] runs of consecutive dates with a night-tagged
                           shift (continued from history)
  min-rest-after-nights    [hour short] a night shift whose next shift is not a night on the next
                           date: hours - rest to that next shift
  max-shifts-of-type       [shift over] horizon shifts of that type, any site or skill
  forbidden-succession     [occurrence] `to` in the horizon on the date after `from` (which may
                           be a history shift); a contract's rules for one (from, to) pair are
                           one rule, hard when any is, else weighing the sum of their weights
  max-weekends             [weekend over] Sat+Sun weekends with a day in the horizon (a half
                           weekend at either edge is one), worked when a horizon day of it is
  complete-weekends        [weekend half-worked] weekends with both days in the horizon
  work-rest-ratio work,rest
                           [hour short, per shift] rest to the next shift >= length x rest/work
  max-shift-hours          [hour over, per shift] horizon shifts' real length
  weekly-rest hours        [hour short, per period] the longest free interval inside each whole
                           7-day period [00:00 of start+7k, 00:00 of start+7k+7) on the horizon's
                           clock, shifts (history included) clipped to the period; a last
                           shorter period is not judged
  max-deployment-days      [day over, per deployment] maximal runs of consecutive shifts in date
                           order away from home (days off do not end one), history included, not
                           wholly in history; span = last date - first date + 1
  rotation pattern,start   [day off the pattern] horizon dates whose assignment misses the
                           pattern day ((date - first day) mod length): "-" worked, "*" off, a
                           shift id off or another shift; first day = the person's rotationStart,
                           else start, else the phase with the fewest misses (ties: first day
                           earliest on or after the horizon start)
  eu-working-time-directive = min-rest 11, weekly-rest 35, max-hours-in-window 816 h / 119 days
  us-wildland-fire          = max-shift-hours 16, work-rest-ratio 2:1, max-deployment-days 14,
                              max-consecutive-days 14, min-consecutive-days-off 2
  rules for everyone, hard:
  unavailable              [cell] a shift on a date the person is unavailable
  eligibility              [cell] a shift at a site that is neither home nor deployable, or with
                                  a skill the person lacks (both: one breach)
  pinned                   [cell] a pinned date worked otherwise than pinned (other post, or off)
  overlap                  [minute] each pair of a person's shifts that overlap: the intersection
  travel-time              [hour short] consecutive shifts of the sequence at two different
                           sites: travel time - rest (a listed pair applies both ways; unlisted: 0)
  cover, per (date, site, shift, skill or none): the demand lines for it that apply on the date add
  up: minimums summed (hard when any line's is, else the largest weight), preferred summed (a line
  without one prefers its minimum; the largest preferredWeight), maximums summed when every line
  has one (the largest overWeight). n = people on that shift at that site with that skill, or with
  any skill (or none) for a skill-less line:
  cover-minimum            [person short of the minimum]
  cover-preferred          [person short of preferred] (stacked on the minimum's shortfall)
  cover-over               [person over the maximum]
  soft:
  shift-on-request, shift-off-request
                           [occurrence] weight default 1; on: off that day (with shift: not on
                           that shift at any site or skill); off: working (with shift: that one)
  fairness                 per goal: floor(weight x sum over the group of (x - mean)^2), exact
                           fractions; x = night-tagged shifts, weekends worked (as max-weekends)
                           or real hours (minutes/60) in the horizon
  crew                     [person, per crew and date] members free that date (not unavailable, not
                           pinned to a day off) outside the largest group of them on one
                           (shift, site), skills aside, or off; weight default hard
  crew-apart               [person, per crew and date] members beyond the first on each
                           (shift, site)
  stability                [person-date] every horizon cell whose post differs from `previous`
                           (a person-date absent from `previous` was a day off)
Pins and stability entries without a skill: when a demand line for that shift and site has no
skill, the skill-less post; else the first skill in the problem's `skills` order that the person has
and a line for that shift and site names. A stability entry whose skill no line for that shift and
site names is read as naming none; it falls back to the first skill in `skills` order a line names
even when the person lacks it, and is a day off only when no line asks for that shift at that site. A pin for which none results expects the post with no skill.
A roster cell must name a post that demand offers (docs/model.md, "Demand"): (shift, site, skill)
where a line for that shift and site names the skill, (shift, site) without a skill where a line
without a skill exists; any other post is bad input. Posts that the person may not hold (site or
skill) are scored, by the eligibility rule.
"""

import datetime
import json
import math
import re
import sys
import zoneinfo
from fractions import Fraction

HARD = "hard"
UNIT_WEIGHT_HARD = 60       # a hard breach counted in units (days, shifts, people, ...)
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
            "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
PRESETS = {
    "eu-working-time-directive": [
        {"rule": "min-rest", "hours": 11},
        {"rule": "weekly-rest", "hours": 35},
        {"rule": "max-hours-in-window", "days": 119, "hours": 816},
    ],
    "us-wildland-fire": [
        {"rule": "max-shift-hours", "hours": 16},
        {"rule": "work-rest-ratio", "work": 2, "rest": 1},
        {"rule": "max-deployment-days", "days": 14},
        {"rule": "max-consecutive-days", "days": 14},
        {"rule": "min-consecutive-days-off", "days": 2},
    ],
}


class InputError(Exception):
    pass


# ---------------------------------------------------------------------------- reading files

def yaml_12_loader():
    """A PyYAML SafeLoader whose plain scalars follow the YAML 1.2 core schema (19:00, 2027-03-01,
    on and off stay text), as docs/model.md says."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {}
    Loader.add_implicit_resolver("tag:yaml.org,2002:null",
                                 re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                                 re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))
    Loader.add_implicit_resolver("tag:yaml.org,2002:int",
                                 re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
                                 list("-+0123456789"))
    Loader.add_implicit_resolver("tag:yaml.org,2002:float",
                                 re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)"
                                            r"(?:[eE][-+]?[0-9]+)?"
                                            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
                                 list("-+0123456789."))

    def construct_int(loader, node):
        text = loader.construct_scalar(node)
        return int(text, 0) if text[:2] in ("0o", "0x") else int(text)

    Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
    return Loader


def load_problem(path):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise InputError(f"cannot read problem {path}: {e.strerror}")
    as_json = path.endswith(".json") or (not path.endswith((".yaml", ".yml"))
                                         and text.lstrip().startswith("{"))
    try:
        if as_json:
            return json.loads(text)
        import yaml
        return yaml.load(text, Loader=yaml_12_loader())
    except ImportError:
        raise InputError("reading YAML needs PyYAML (pip install pyyaml)")
    except Exception as e:  # json.JSONDecodeError, yaml.YAMLError
        raise InputError(f"{path}: {e}")


def load_roster(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        raise InputError(f"cannot read roster {path}: {e.strerror}")
    except json.JSONDecodeError as e:
        raise InputError(f"{path}: {e}")


# ---------------------------------------------------------------------------- the problem

def minutes_of(hours, where):
    """A duration in hours (a number that comes to whole minutes) as integer minutes."""
    if isinstance(hours, bool) or not isinstance(hours, (int, float)):
        raise InputError(f"{where}: expected hours as a number, found {hours!r}")
    m = hours * 60
    if abs(m - round(m)) > 1e-6:
        raise InputError(f"{where}: {hours} hours is not a whole number of minutes")
    return int(round(m))


def parse_date(text, where):
    try:
        return datetime.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise InputError(f"{where}: expected a date YYYY-MM-DD, found {text!r}")


def parse_time(text, where):
    m = re.fullmatch(r"([01]?[0-9]|2[0-3]):([0-5][0-9])", text if isinstance(text, str) else "")
    if not m:
        raise InputError(f"{where}: expected a time HH:MM, found {text!r}")
    return int(m.group(1)) * 60 + int(m.group(2))


def parse_zone(name, where):
    try:
        return zoneinfo.ZoneInfo(name)
    except Exception:
        raise InputError(f"{where}: unknown time zone {name!r}")


def parse_weight(weight, where, default=HARD):
    if weight is None:
        return default
    if weight == HARD:
        return HARD
    if isinstance(weight, bool) or not isinstance(weight, int) or weight < 0:
        raise InputError(f"{where}: expected \"hard\" or a whole number >= 0, found {weight!r}")
    return weight


def merge_successions(rules):
    """A contract's forbidden-succession rules for one (from, to) pair are one rule: hard when any
    of them is, else weighing the sum of their weights. Every other rule stays on its own."""
    merged, result = {}, []
    for rule, weight in rules:
        if rule.get("rule") != "forbidden-succession":
            result.append((rule, weight))
            continue
        key = (rule.get("from"), rule.get("to"))
        if key not in merged:
            merged[key] = len(result)
            result.append((rule, weight))
        else:
            first, before = result[merged[key]]
            result[merged[key]] = (first, HARD if HARD in (before, weight) else before + weight)
    return result


def ident(entry):
    """Sites and skills may be written as a bare identifier or an object with an id."""
    return entry if isinstance(entry, str) else entry["id"]


class Problem:
    """The problem document, with defaults filled in and identifiers checked."""

    def __init__(self, doc):
        if not isinstance(doc, dict):
            raise InputError("the problem is not an object")
        try:
            self._read(doc)
        except (KeyError, TypeError, AttributeError) as e:
            raise InputError(f"malformed problem ({type(e).__name__}: {e})")

    def _read(self, doc):
        hz = doc["horizon"]
        self.start = parse_date(hz["start"], "$.horizon.start")
        self.days = hz["days"]
        if isinstance(self.days, bool) or not isinstance(self.days, int) or self.days < 1:
            raise InputError(f"$.horizon.days: expected a whole number >= 1, found {self.days!r}")
        self.zone = parse_zone(hz["timeZone"], "$.horizon.timeZone")

        self.sites = {}                    # id -> ZoneInfo, in document order
        for i, s in enumerate(doc["sites"]):
            zone = self.zone
            if isinstance(s, dict) and s.get("timeZone") is not None:
                zone = parse_zone(s["timeZone"], f"$.sites[{i}].timeZone")
            self.sites[ident(s)] = zone
        self.skills = [ident(k) for k in (doc.get("skills") or [])]

        self.shifts = {}                   # id -> dict(start=minute of day, minutes, night)
        for i, sh in enumerate(doc["shifts"]):
            self.shifts[sh["id"]] = dict(
                start=parse_time(sh["start"], f"$.shifts[{i}].start"),
                minutes=minutes_of(sh["hours"], f"$.shifts[{i}].hours"),
                night="night" in (sh.get("tags") or []))

        self.contracts = {}                # id -> list of (rule dict, weight)
        for i, c in enumerate(doc["contracts"]):
            rules = []
            for j, r in enumerate(c.get("rules") or []):
                where = f"$.contracts[{i}].rules[{j}]"
                if r.get("preset") is not None:
                    if r["preset"] not in PRESETS:
                        raise InputError(f"{where}.preset: unknown preset {r['preset']!r}")
                    weight = parse_weight(r.get("weight"), where)
                    rules += [(dict(p), weight) for p in PRESETS[r["preset"]]]
                else:
                    rules.append((r, parse_weight(r.get("weight"), where)))
            self.contracts[c["id"]] = merge_successions(rules)

        self.staff = []
        for i, p in enumerate(doc["staff"]):
            where = f"$.staff[{i}]"
            if p["contract"] not in self.contracts:
                raise InputError(f"{where}.contract: unknown contract {p['contract']!r}")
            self._check_site(p["homeSite"], f"{where}.homeSite")
            deployable = p.get("deployableSites") or []
            for s in deployable:
                self._check_site(s, f"{where}.deployableSites")
            unavailable = set()
            for u in p.get("unavailable") or []:
                if isinstance(u, dict):
                    d0 = parse_date(u["from"], f"{where}.unavailable")
                    d1 = parse_date(u["to"], f"{where}.unavailable")
                    while d0 <= d1:
                        unavailable.add(d0)
                        d0 += datetime.timedelta(days=1)
                else:
                    unavailable.add(parse_date(u, f"{where}.unavailable"))
            history = None
            if p.get("history") is not None:
                history = []
                for h in p["history"]:
                    self._check_shift(h["shift"], f"{where}.history")
                    site = h.get("site") or p["homeSite"]
                    self._check_site(site, f"{where}.history")
                    day = self.day_of(parse_date(h["date"], f"{where}.history"))
                    if day >= 0 or day in [x[0] for x in history]:
                        raise InputError(f"{where}.history: {h['date']} is not before the horizon "
                                         "or has a second shift")
                    history.append((day, h["shift"], site))
            self.staff.append(dict(
                id=p["id"], skills=set(p.get("skills") or []), home=p["homeSite"],
                sites={p["homeSite"], *deployable}, contract=p["contract"],
                unavailable=unavailable, requests=p.get("requests") or [],
                pinned=p.get("pinned") or [], history=history,
                rotationStart=None if p.get("rotationStart") is None
                else self.day_of(parse_date(p["rotationStart"], f"{where}.rotationStart"))))
        self.staff_by_id = {p["id"]: p for p in self.staff}

        self.demand = []                   # dicts: shift, site, skill, days (set of indexes), ...
        for i, d in enumerate(doc["demand"]):
            where = f"$.demand[{i}]"
            self._check_shift(d["shift"], where)
            self._check_site(d["site"], where)
            self.demand.append(dict(
                shift=d["shift"], site=d["site"], skill=d.get("skill"),
                days=self.demand_days(d.get("days"), where),
                minimum=d["minimum"],
                minimumWeight=parse_weight(d.get("minimumWeight"), where),
                preferred=d.get("preferred"),
                preferredWeight=parse_weight(d.get("preferredWeight"), where, default=0),
                maximum=d.get("maximum"),
                overWeight=parse_weight(d.get("overWeight"), where, default=0)))

        self.travel = {}                   # (from, to) -> minutes; a listed pair applies both ways
        for i, t in enumerate(doc.get("travel") or []):
            m = minutes_of(t["hours"], f"$.travel[{i}].hours")
            self.travel.setdefault((t["from"], t["to"]), m)
        for (a, b), m in list(self.travel.items()):
            self.travel.setdefault((b, a), m)

        self.fairness = doc.get("fairness") or []
        self.crews = doc.get("crews") or []
        self.stability = doc.get("stability")

    def _check_site(self, site, where):
        if site not in self.sites:
            raise InputError(f"{where}: unknown site {site!r}")

    def _check_shift(self, shift, where):
        if shift not in self.shifts:
            raise InputError(f"{where}: unknown shift {shift!r}")

    def day_of(self, date):
        """Day index of a date: 0 for the horizon's start, negative before it."""
        return (date - self.start).days

    def date_of(self, day):
        return self.start + datetime.timedelta(days=day)

    def demand_days(self, days, where):
        if days is None or days == "every-day":
            return set(range(self.days))
        if isinstance(days, dict):     # a range reaching outside the horizon: its dates inside
            lo = self.day_of(parse_date(days["from"], f"{where}.days.from"))
            hi = self.day_of(parse_date(days["to"], f"{where}.days.to"))
            return set(range(max(lo, 0), min(hi, self.days - 1) + 1))
        if not isinstance(days, list):
            raise InputError(f"{where}.days: expected \"every-day\", a list or {{from, to}}")
        result = set()
        for item in days:
            if isinstance(item, str) and item.lower() in WEEKDAYS:
                wd = WEEKDAYS[item.lower()]
                result |= {d for d in range(self.days) if self.date_of(d).weekday() == wd}
            else:
                result.add(self.day_in_horizon(item, f"{where}.days"))
        return result

    def day_in_horizon(self, text, where):
        day = self.day_of(parse_date(text, where))
        if not 0 <= day < self.days:
            raise InputError(f"{where}: {text} is outside the horizon")
        return day

    # -- posts

    def post_name(self, shift, site, skill):
        name = shift
        if len(self.sites) > 1:
            name += "@" + site
        if skill is not None:
            name += "/" + skill
        return name

    def post_table(self):
        """Every (shift, site, skill or None) by its name; names that collide map to None."""
        table = {}
        for shift in self.shifts:
            for site in self.sites:
                for skill in [None] + self.skills:
                    name = self.post_name(shift, site, skill)
                    table[name] = None if name in table else (shift, site, skill)
        return table

    def offered(self, shift, site):
        """The posts demand offers for a shift at a site: (has a skill-less post, skills named)."""
        lines = [d for d in self.demand if d["shift"] == shift and d["site"] == site]
        return (any(d["skill"] is None for d in lines),
                {d["skill"] for d in lines if d["skill"] is not None})

    def post_without_skill(self, person, shift, site, any_skill=False):
        """The post of a pin or previous entry that names no skill (module docstring), or None
        when no post fits the person. A previous entry (`any_skill`) falls back to the first skill
        in `skills` order that a line names, whether or not the person has it."""
        skill_less, named = self.offered(shift, site)
        if skill_less:
            return (shift, site, None)
        fitting = [k for k in self.skills if k in named and k in person["skills"]]
        if not fitting and any_skill:
            fitting = [k for k in self.skills if k in named]
        return (shift, site, fitting[0]) if fitting else None

    # -- time

    def instant(self, site, date, minute_of_day):
        """Epoch minutes of a wall-clock time (fold=0: first occurrence / moved later by a gap)."""
        wall = datetime.datetime.combine(date, datetime.time()) \
            + datetime.timedelta(minutes=minute_of_day)
        aware = wall.replace(tzinfo=self.sites[site] if site else self.zone, fold=0)
        delta = aware.astimezone(datetime.timezone.utc) - EPOCH
        return delta.days * 1440 + delta.seconds // 60

    def shift_interval(self, shift, site, day):
        sh = self.shifts[shift]
        date = self.date_of(day)
        return (self.instant(site, date, sh["start"]),
                self.instant(site, date, sh["start"] + sh["minutes"]))


# ---------------------------------------------------------------------------- the roster

def read_cells(problem, roster):
    """Return {staff id: [(shift, site, skill) or None per horizon day]}."""
    if not isinstance(roster, dict) or not isinstance(roster.get("roster"), list):
        raise InputError("the roster has no \"roster\" list")
    posts = problem.post_table()
    offered = {(d["shift"], d["site"], d["skill"]) for d in problem.demand}
    cells = {}
    for i, row in enumerate(roster["roster"]):
        if not isinstance(row, dict) or not isinstance(row.get("shifts"), list):
            raise InputError(f"roster[{i}]: expected {{staff, shifts: [...]}}")
        sid = row.get("staff")
        if sid not in problem.staff_by_id:
            raise InputError(f"roster[{i}]: unknown staff {sid!r}")
        if sid in cells:
            raise InputError(f"roster[{i}]: staff {sid!r} appears twice")
        if len(row["shifts"]) != problem.days:
            raise InputError(f"roster[{i}] ({sid}): {len(row['shifts'])} cells, "
                             f"expected {problem.days}")
        days = []
        for d, post in enumerate(row["shifts"]):
            if post is None:
                days.append(None)
            elif posts.get(post) is None:
                raise InputError(f"roster[{i}] ({sid}), day {d}: unknown or ambiguous post "
                                 f"{post!r}")
            elif posts[post] not in offered:
                raise InputError(f"roster[{i}] ({sid}), day {d}: no demand line asks for {post!r}")
            else:
                days.append(posts[post])
        cells[sid] = days
    for p in problem.staff:
        if p["id"] not in cells:
            raise InputError(f"the roster has no row for staff {p['id']!r}")
    return cells


class Work:
    """One shift worked by one person: in the horizon, or from history."""

    def __init__(self, problem, day, shift, site, skill, history):
        self.day, self.shift, self.site, self.skill, self.history = day, shift, site, skill, history
        self.start, self.end = problem.shift_interval(shift, site, day)
        self.minutes = self.end - self.start
        self.night = problem.shifts[shift]["night"]


def rest(a, b):
    return max(0, b.start - a.end)


# ---------------------------------------------------------------------------- scoring

class Tally:
    """Collects breaches and weighs them (module docstring, "Weighing")."""

    def __init__(self, problem):
        self.problem = problem
        self.violations = []

    def add(self, rule, weight, amount, unit, staff=None, day=None):
        """amount: minutes (unit "minutes") or a count (any other unit); may be a Fraction."""
        if amount <= 0:
            return
        if unit == "minutes":
            if weight == HARD:
                penalty = math.ceil(amount)
            else:
                penalty = weight * math.ceil(Fraction(amount) / 60)
        else:
            units = math.ceil(amount)
            penalty = UNIT_WEIGHT_HARD * units if weight == HARD else weight * units
        if penalty == 0:
            return
        shown = Fraction(amount) / 60 if unit == "minutes" else Fraction(amount)
        self.violations.append(dict(
            rule=rule, staff=staff,
            day=None if day is None else self.problem.date_of(day).isoformat(),
            amount=int(shown) if shown.denominator == 1 else float(shown),
            unit="hours" if unit == "minutes" else unit,
            penalty=penalty, hard=weight == HARD))

    def add_soft_total(self, rule, penalty, staff=None):
        if penalty > 0:
            self.violations.append(dict(rule=rule, staff=staff, day=None, amount=penalty,
                                        unit="cost", penalty=penalty, hard=False))


class Person:
    """One staff member's shifts, in the horizon and from history, in the forms rules need."""

    def __init__(self, problem, p, cells):
        self.p = p
        self.id = p["id"]
        self.cells = cells
        self.has_history = p["history"] is not None
        self.horizon = [Work(problem, d, c[0], c[1], c[2], False)
                        for d, c in enumerate(cells) if c is not None]
        self.past = [Work(problem, d, shift, site, None, True)
                     for d, shift, site in (p["history"] or [])]
        self.sequence = sorted(self.past + self.horizon, key=lambda w: (w.start, w.day, w.end))
        self.by_day = {}                   # day index -> [Work], history included
        for w in self.past + self.horizon:
            self.by_day.setdefault(w.day, []).append(w)
        self.first_day = min([0] + [w.day for w in self.past])

    def worked(self, day):
        return day in self.by_day

    def night(self, day):
        return any(w.night for w in self.by_day.get(day, []))

    def pairs(self):
        """Consecutive pairs of the sequence, except pairs of two history shifts."""
        for a, b in zip(self.sequence, self.sequence[1:]):
            if not (a.history and b.history):
                yield a, b

    def runs(self, flag, last_day):
        """Maximal runs of days with flag(day), from first_day to last_day: (first, last)."""
        start = None
        for d in range(self.first_day, last_day + 2):
            on = d <= last_day and flag(d)
            if on and start is None:
                start = d
            elif not on and start is not None:
                yield start, d - 1
                start = None


def weekend_saturdays(problem):
    """Day indexes of the Saturdays of the weekends with at least one day in the horizon."""
    first = problem.date_of(0).weekday()
    sat = (5 - first) % 7
    if sat == 6:                # the horizon starts on a Sunday: its Saturday is day -1
        sat = -1
    return list(range(sat, problem.days, 7))


def weekends_worked(problem, person):
    return sum(1 for s in weekend_saturdays(problem)
               if any(0 <= d < problem.days and person.cells[d] is not None for d in (s, s + 1)))


def score_contract_rule(problem, tally, person, rule, weight):
    name = rule.get("rule")
    H = problem.days
    sid = person.id

    if name == "min-rest":
        need = minutes_of(rule["hours"], name)
        for a, b in person.pairs():
            tally.add(name, weight, need - rest(a, b), "minutes", sid, b.day)

    elif name == "max-hours-in-window":
        W = rule["days"]
        limit = Fraction(minutes_of(rule["hours"], name))
        per_day = {}
        for w in person.past + person.horizon:
            per_day[w.day] = per_day.get(w.day, 0) + w.minutes
        if W > H:
            total = sum(per_day.get(d, 0) for d in range(H))
            tally.add(name, weight, total - limit * H / W, "minutes", sid, 0)
        else:
            first = 1 - W if person.has_history else 0
            for s in range(first, H - W + 1):
                total = sum(per_day.get(d, 0) for d in range(s, s + W))
                tally.add(name, weight, total - limit, "minutes", sid, s)

    elif name in ("hours-per-period", "shifts-per-period"):
        P = rule.get("periodDays") or H
        for k in range(0, H, P):
            length = min(P, H - k)
            factor = Fraction(length, P)
            works = [w for w in person.horizon if k <= w.day < k + length]
            if name == "hours-per-period":
                total, unit = sum(w.minutes for w in works), "minutes"
                lo = None if rule.get("min") is None else minutes_of(rule["min"], name) * factor
                hi = None if rule.get("max") is None else minutes_of(rule["max"], name) * factor
            else:
                total, unit = len(works), "shifts"
                lo = None if rule.get("min") is None else rule["min"] * factor
                hi = None if rule.get("max") is None else rule["max"] * factor
            if lo is not None:
                tally.add(name, weight, lo - total, unit, sid, k)
            if hi is not None:
                tally.add(name, weight, total - hi, unit, sid, k)

    elif name == "max-consecutive-days":
        for first, last in person.runs(person.worked, H - 1):
            if last >= 0:
                tally.add(name, weight, last - first + 1 - rule["days"], "days", sid, first)

    elif name == "min-consecutive-days":
        for first, last in person.runs(person.worked, H - 1):
            if last < 0 or last == H - 1 or (first == 0 and not person.has_history):
                continue
            tally.add(name, weight, rule["days"] - (last - first + 1), "days", sid, first)

    elif name == "min-consecutive-days-off":
        worked = sorted(person.by_day)
        for a, b in zip(worked, worked[1:]):
            if b >= 0 and b - a > 1:
                tally.add(name, weight, rule["days"] - (b - a - 1), "days", sid, a + 1)

    elif name == "max-consecutive-nights":
        for first, last in person.runs(person.night, H - 1):
            if last >= 0:
                tally.add(name, weight, last - first + 1 - rule["nights"], "nights", sid, first)

    elif name == "min-rest-after-nights":
        need = minutes_of(rule["hours"], name)
        for a, b in person.pairs():
            if a.night and not (b.night and b.day == a.day + 1):
                tally.add(name, weight, need - rest(a, b), "minutes", sid, b.day)

    elif name == "max-shifts-of-type":
        n = sum(1 for w in person.horizon if w.shift == rule["shift"])
        tally.add(name, weight, n - rule["max"], "shifts", sid)

    elif name == "forbidden-succession":
        for b in person.horizon:
            if b.shift == rule["to"] and \
                    any(a.shift == rule["from"] for a in person.by_day.get(b.day - 1, [])):
                tally.add(name, weight, 1, "occurrences", sid, b.day)
        # a contract's rules for one (from, to) pair arrive merged (see merge_successions)

    elif name == "max-weekends":
        n = weekends_worked(problem, person)
        tally.add(name, weight, n - rule["weekends"], "weekends", sid)

    elif name == "complete-weekends":
        for s in weekend_saturdays(problem):
            if 0 <= s and s + 1 < H and person.worked(s) != person.worked(s + 1):
                tally.add(name, weight, 1, "weekends", sid, s)

    elif name == "work-rest-ratio":
        for a, b in person.pairs():
            need = Fraction(a.minutes * rule["rest"], rule["work"])
            tally.add(name, weight, need - rest(a, b), "minutes", sid, a.day)

    elif name == "max-shift-hours":
        limit = minutes_of(rule["hours"], name)
        for w in person.horizon:
            tally.add(name, weight, w.minutes - limit, "minutes", sid, w.day)

    elif name == "weekly-rest":
        need = minutes_of(rule["hours"], name)
        for k in range(0, H - 6, 7):
            lo = problem.instant(None, problem.date_of(k), 0)
            hi = problem.instant(None, problem.date_of(k + 7), 0)
            tally.add(name, weight, need - longest_free(person.sequence, lo, hi), "minutes", sid, k)

    elif name == "max-deployment-days":
        by_date = sorted(person.past + person.horizon, key=lambda w: (w.day, w.start))
        run = []
        for w in by_date + [None]:
            if w is not None and w.site != person.p["home"]:
                run.append(w)
                continue
            if run and not run[-1].history:
                tally.add(name, weight, run[-1].day - run[0].day + 1 - rule["days"], "days",
                          sid, run[0].day)
            run = []

    elif name == "rotation":
        pattern = rule["pattern"].split()
        L = len(pattern)

        def misses(day, first):
            token, cell = pattern[(day - first) % L], person.cells[day]
            if token == "-":
                return cell is not None
            if token == "*":
                return cell is None
            return cell is None or cell[0] != token

        first = person.p["rotationStart"]
        if first is None and rule.get("start") is not None:
            first = problem.day_of(parse_date(rule["start"], f"rotation of {sid}"))
        if first is not None:
            missed = [d for d in range(H) if misses(d, first)]
        else:
            missed = None
            for f in range(L):
                candidate = [d for d in range(H) if misses(d, f)]
                if missed is None or len(candidate) < len(missed):
                    missed = candidate
        for d in missed:
            tally.add(name, weight, 1, "days", sid, d)

    else:
        raise InputError(f"contract {person.p['contract']}: unknown rule {name!r}")


def longest_free(works, lo, hi):
    """The longest interval inside [lo, hi) that no shift occupies, in minutes."""
    best, free_from = 0, lo
    for w in sorted(works, key=lambda w: w.start):
        if w.end <= lo or w.start >= hi:
            continue
        best = max(best, min(w.start, hi) - free_from)
        free_from = max(free_from, w.end)
    return max(best, hi - free_from)


def score_everyone_rules(problem, tally, person):
    """Unavailability, eligibility, pins, requests, overlap and travel."""
    p, sid = person.p, person.id
    for w in person.horizon:
        if problem.date_of(w.day) in p["unavailable"]:
            tally.add("unavailable", HARD, 1, "cells", sid, w.day)
        if w.site not in p["sites"] or (w.skill is not None and w.skill not in p["skills"]):
            tally.add("eligibility", HARD, 1, "cells", sid, w.day)

    for pin in p["pinned"]:
        day = problem.day_of(parse_date(pin["date"], f"pin of {sid}"))
        if not 0 <= day < problem.days:
            raise InputError(f"pin of {sid} on {pin['date']}: outside the horizon")
        expected = None
        if pin.get("shift") is not None:
            site = pin.get("site") or p["home"]
            expected = (pin["shift"], site, pin.get("skill"))
            if pin.get("skill") is None:
                expected = problem.post_without_skill(p, pin["shift"], site) or expected
        if person.cells[day] != expected:
            tally.add("pinned", HARD, 1, "cells", sid, day)

    for r in p["requests"]:
        day = problem.day_of(parse_date(r["date"], f"request of {sid}"))
        if not 0 <= day < problem.days:
            raise InputError(f"request of {sid} on {r['date']}: outside the horizon")
        cell = person.cells[day]
        works = cell is not None and (r.get("shift") is None or cell[0] == r["shift"])
        if r["want"] not in ("on", "off"):
            raise InputError(f"request of {sid} on {r['date']}: want must be on or off")
        if works != (r["want"] == "on"):
            weight = parse_weight(r.get("weight"), f"request of {sid}", default=1)
            tally.add(f"shift-{r['want']}-request", weight, 1, "occurrences", sid, day)

    seq = person.sequence
    for i, a in enumerate(seq):
        for j in range(i + 1, len(seq)):
            b = seq[j]
            if b.start >= a.end:
                break
            if a.history and b.history:
                continue
            both = min(a.end, b.end) - max(a.start, b.start)
            tally.add("overlap", HARD, both, "minutes", sid, max(a.day, b.day))

    for a, b in person.pairs():
        if a.site != b.site:
            need = problem.travel.get((a.site, b.site), 0)
            tally.add("travel-time", HARD, need - rest(a, b), "minutes", sid, b.day)


def score_demand(problem, tally, cells):
    on_post, on_shift = {}, {}
    for days in cells.values():
        for d, c in enumerate(days):
            if c is not None:
                on_post[(d, *c)] = on_post.get((d, *c), 0) + 1
                on_shift[(d, c[0], c[1])] = on_shift.get((d, c[0], c[1]), 0) + 1
    groups = {}                            # (day, shift, site, skill) -> the lines that apply
    for line in problem.demand:
        for d in line["days"]:
            groups.setdefault((d, line["shift"], line["site"], line["skill"]), []).append(line)
    for (d, shift, site, skill), lines in sorted(groups.items(), key=lambda g: str(g[0])):
        if skill is None:
            n = on_shift.get((d, shift, site), 0)
        else:
            n = on_post.get((d, shift, site, skill), 0)
        minimum = sum(x["minimum"] for x in lines)
        weights = [x["minimumWeight"] for x in lines]
        min_weight = HARD if HARD in weights else max(weights)
        tally.add("cover-minimum", min_weight, minimum - n, "people", day=d)
        preferred = sum(x["minimum"] if x["preferred"] is None else x["preferred"] for x in lines)
        tally.add("cover-preferred", max(x["preferredWeight"] for x in lines), preferred - n,
                  "people", day=d)
        if all(x["maximum"] is not None for x in lines):
            maximum = sum(x["maximum"] for x in lines)
            tally.add("cover-over", max(x["overWeight"] for x in lines), n - maximum, "people",
                      day=d)


def score_fairness(problem, tally, persons):
    for i, goal in enumerate(problem.fairness):
        weight = parse_weight(goal.get("weight"), f"$.fairness[{i}].weight", default=0)
        if weight == HARD:
            raise InputError(f"$.fairness[{i}].weight: fairness is soft only")
        group = [q for q in persons if goal.get("contract") is None
                 or q.p["contract"] == goal["contract"]]
        if not group:
            continue
        measure = goal["measure"]
        if measure == "nights":
            xs = [Fraction(sum(1 for w in q.horizon if w.night)) for q in group]
        elif measure == "weekends":
            xs = [Fraction(weekends_worked(problem, q)) for q in group]
        elif measure == "hours":
            xs = [Fraction(sum(w.minutes for w in q.horizon), 60) for q in group]
        else:
            raise InputError(f"$.fairness[{i}].measure: unknown measure {measure!r}")
        mean = sum(xs) / len(xs)
        tally.add_soft_total("fairness", math.floor(weight * sum((x - mean) ** 2 for x in xs)))


def score_stability(problem, tally, persons):
    st = problem.stability
    if not st:
        return
    weight = parse_weight(st.get("weight"), "$.stability.weight", default=0)
    previous = {}
    for i, e in enumerate(st.get("previous") or []):
        where = f"$.stability.previous[{i}]"
        p = problem.staff_by_id.get(e.get("staff"))
        if p is None:
            raise InputError(f"{where}.staff: unknown staff {e.get('staff')!r}")
        day = problem.day_of(parse_date(e["date"], f"{where}.date"))
        if not 0 <= day < problem.days:
            raise InputError(f"{where}.date: outside the horizon")
        if (p["id"], day) in previous:
            raise InputError(f"{where}: a second entry for {p['id']} on {e['date']}")
        site = e.get("site") or p["home"]
        if site not in problem.sites or e["shift"] not in problem.shifts:
            raise InputError(f"{where}: unknown shift or site")
        skill_less, named = problem.offered(e["shift"], site)
        if e.get("skill") is not None and e["skill"] in named:
            previous[(p["id"], day)] = (e["shift"], site, e["skill"])
        else:       # no skill, or one that names no post there; None: no post, a day off
            previous[(p["id"], day)] = problem.post_without_skill(p, e["shift"], site, any_skill=True)
    for q in persons:
        for d, cell in enumerate(q.cells):
            if cell != previous.get((q.id, d)):
                tally.add("stability", weight, 1, "person-dates", q.id, d)


def score_crews(problem, tally, persons):
    by_id = {q.id: q for q in persons}
    for i, crew in enumerate(problem.crews):
        weight = parse_weight(crew.get("weight"), f"$.crews[{i}].weight")
        members = [by_id[m] for m in crew["members"]]
        for d in range(problem.days):
            date = problem.date_of(d)
            groups = {}
            judged = 0
            for q in members:
                cell = q.cells[d]
                post = None if cell is None else (cell[0], cell[1])
                if crew.get("apart"):
                    if post is not None:
                        groups[post] = groups.get(post, 0) + 1
                    continue
                pinned_off = any(pin.get("shift") is None and parse_date(pin["date"], "pin") == date
                                 for pin in q.p["pinned"])
                if date in q.p["unavailable"] or pinned_off:
                    continue
                judged += 1
                groups[post] = groups.get(post, 0) + 1
            if crew.get("apart"):
                breach = sum(n - 1 for n in groups.values())
                tally.add("crew-apart", weight, breach, "people", None, d)
            else:
                tally.add("crew", weight, judged - max(groups.values(), default=0), "people", None, d)


def score(problem_doc, roster_doc, verbose=False):
    """Score a roster (the dict of rotor's roster JSON) against a problem (the parsed document)."""
    problem = Problem(problem_doc)
    cells = read_cells(problem, roster_doc)
    tally = Tally(problem)
    persons = [Person(problem, p, cells[p["id"]]) for p in problem.staff]
    for person in persons:
        for rule, weight in problem.contracts[person.p["contract"]]:
            score_contract_rule(problem, tally, person, rule, weight)
        score_everyone_rules(problem, tally, person)
    score_demand(problem, tally, cells)
    score_fairness(problem, tally, persons)
    score_stability(problem, tally, persons)
    score_crews(problem, tally, persons)

    by_rule = {}
    for v in tally.violations:
        entry = by_rule.setdefault(v["rule"], {"hard": 0, "soft": 0})
        entry["hard" if v["hard"] else "soft"] += v["penalty"]
    hard = sum(e["hard"] for e in by_rule.values())
    result = {"feasible": hard == 0,
              "objective": sum(e["soft"] for e in by_rule.values()),
              "hardPenalty": hard,
              "byRule": dict(sorted(by_rule.items()))}
    if verbose:
        result["violations"] = tally.violations
    return result


# ---------------------------------------------------------------------------- command line

def main(argv):
    args = [a for a in argv if a != "--verbose"]
    verbose = len(args) != len(argv)
    if len(args) != 2 or any(a.startswith("--") for a in args):
        print(__doc__.split("Roster JSON")[0].strip(), file=sys.stderr)
        return 2
    try:
        result = score(load_problem(args[0]), load_roster(args[1]), verbose)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=1 if verbose else None))
    return 0 if result["feasible"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
