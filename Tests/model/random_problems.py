#!/usr/bin/env python3
"""Random Rotor problem documents for the differential test (Tests/model/differential.py).

    generate(rng: random.Random, size="small") -> dict

returns a JSON-able problem document, valid per docs/model.md and docs/problem.schema.json, that
`rotor score` and `rotor solve` accept. Across many draws every part of the model is switched on:
every contract rule and both presets (each hard or soft, with random weights), several sites in far-apart
time zones with and without daylight saving, horizons that cross the clock changes both ways, shifts of
4 to 24 hours starting at any time (small hours, times a clock change skips or repeats, past midnight),
night-tagged shifts, skills, demand lines with and without a skill (minimum, preferred, maximum; hard and
soft; every kind of day selector), travel, deployable sites, unavailability, requests, pins (with and
without site and skill, days off), history (absent, null, [] or shifts before the horizon, at other sites
and at sites where no demand line asks for the shift), fairness and stability.

Sizes: "tiny" (2-4 staff, 3-7 days), "small" (2-10 staff, 3-21 days, mostly at the low end), "medium"
(5-10 staff, 10-21 days). Problems stay small so that scoring is fast.

Run as a script to print one problem: `python3 Tests/model/random_problems.py [SEED] [SIZE]`.

Standard library only.
"""

import datetime as dt
import json
import random
import sys

# Far-apart time zones, with daylight saving (northern and southern hemispheres, 30-minute changes)
# and without, and offsets that are not whole hours.
ZONES = [
    "Pacific/Auckland",      # +12/+13, DST southern (late Sep / early Apr)
    "America/Los_Angeles",   # -8/-7, US DST (2nd Sun Mar / 1st Sun Nov)
    "Europe/London",         # +0/+1, EU DST (last Sun Mar / last Sun Oct)
    "Asia/Kolkata",          # +5:30, no DST
    "America/St_Johns",      # -3:30/-2:30, US dates
    "Europe/Berlin",         # +1/+2, EU DST at 02:00/03:00 local
    "America/New_York",      # -5/-4, US DST
    "Australia/Lord_Howe",   # +10:30/+11, a 30-minute DST change (1st Sun Oct / 1st Sun Apr)
    "Pacific/Chatham",       # +12:45/+13:45, NZ dates
    "Asia/Kathmandu",        # +5:45, no DST
    "UTC",
    "Asia/Tokyo",            # +9, no DST
]

# Clock-change families: the zones that follow them and the changes of a year (date function).
def _nth_sunday(year, month, n):
    d = dt.date(year, month, 1)
    d += dt.timedelta(days=(6 - d.weekday()) % 7)
    return d + dt.timedelta(days=7 * (n - 1))


def _last_sunday(year, month):
    d = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() - 6) % 7)


DST_FAMILIES = [
    (["Europe/London", "Europe/Berlin"], lambda y: [_last_sunday(y, 3), _last_sunday(y, 10)]),
    (["America/Los_Angeles", "America/New_York", "America/St_Johns"], lambda y: [_nth_sunday(y, 3, 2), _nth_sunday(y, 11, 1)]),
    (["Pacific/Auckland", "Pacific/Chatham"], lambda y: [_nth_sunday(y, 4, 1), _last_sunday(y, 9)]),
    (["Australia/Lord_Howe"], lambda y: [_nth_sunday(y, 4, 1), _nth_sunday(y, 10, 1)]),
]

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SKILL_IDS = ["medic", "lead", "driver", "radio", "chef"]
SHIFT_IDS = ["early", "day", "late", "night", "long", "short", "swing", "dawn"]
SITE_IDS = ["north", "south", "east", "west", "hq"]
RULES = [
    "min-rest", "max-hours-in-window", "hours-per-period", "shifts-per-period", "max-consecutive-days",
    "min-consecutive-days", "min-consecutive-days-off", "max-consecutive-nights", "min-rest-after-nights",
    "max-shifts-of-type", "forbidden-succession", "max-weekends", "complete-weekends", "work-rest-ratio",
    "max-shift-hours", "weekly-rest", "max-deployment-days", "rotation",
]
PRESETS = ["eu-working-time-directive", "us-wildland-fire"]


def hours_value(minutes):
    """A duration as the problem file writes it: whole hours as an integer, else a float (quarter hours
    and halves are exact in binary)."""
    return minutes // 60 if minutes % 60 == 0 else minutes / 60


def iso(d):
    return d.isoformat()


def _weight(rng, soft_max=10):
    """A rule weight: hard (left out or "hard") about half the time, else a whole number (0 sometimes)."""
    r = rng.random()
    if r < 0.3:
        return None           # default: hard
    if r < 0.5:
        return "hard"
    return rng.choice([0] + list(range(1, soft_max + 1)))


def _set(obj, key, value, rng, null_chance=0.0):
    """Sets an optional key: left out when value is None, sometimes written as an explicit null."""
    if value is None:
        if null_chance and rng.random() < null_chance:
            obj[key] = None
        return
    obj[key] = value


def _quarter_hours(rng, lo_minutes, hi_minutes):
    return rng.randrange(lo_minutes // 15, hi_minutes // 15 + 1) * 15


class _Builder:
    def __init__(self, rng, size):
        self.rng = rng
        self.size = size

    # ------------------------------------------------------------------ horizon and sites

    def horizon(self):
        rng = self.rng
        if self.size == "tiny":
            days = rng.randint(3, 7)
        elif self.size == "medium":
            days = rng.randint(10, 21)
        else:
            days = rng.choice([rng.randint(3, 8), rng.randint(3, 14), rng.randint(7, 21)])
        year = rng.choice([2026, 2027, 2028])
        self.dst_zones = []
        if rng.random() < 0.65:
            zones, changes = rng.choice(DST_FAMILIES)
            change = rng.choice(changes(year))
            # Mostly the horizon holds the change's Sunday and the night before it; sometimes it starts
            # on the Sunday, or just after it (so that only history crosses the change).
            r = rng.random()
            if r < 0.7 and days >= 2:
                k = rng.randint(1, days - 1)
            elif r < 0.85:
                k = 0
            else:
                k = -rng.randint(1, 3)
            start = change - dt.timedelta(days=k)
            self.dst_zones = zones
        else:
            start = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        self.start = start
        self.days = days
        self.dates = [start + dt.timedelta(days=i) for i in range(days)]
        pool = self.dst_zones + self.dst_zones + ZONES
        self.zone = rng.choice(pool)
        return {"start": iso(start), "days": days, "timeZone": self.zone}

    def sites(self):
        rng = self.rng
        n = rng.choices([1, 2, 3], weights=[3, 4, 3])[0]
        self.site_ids = rng.sample(SITE_IDS, n)
        out = []
        pool = self.dst_zones + self.dst_zones + ZONES
        for sid in self.site_ids:
            r = rng.random()
            if r < 0.25:
                out.append(sid)                     # just the identifier: the horizon's zone
                continue
            site = {"id": sid}
            if rng.random() < 0.3:
                site["name"] = sid.capitalize() + " site"
            if r < 0.85:
                site["timeZone"] = rng.choice(pool)
            else:
                _set(site, "timeZone", None, rng, null_chance=0.5)
            out.append(site)
        if self.dst_zones:
            # The clock change happens at one site at least.
            zones = [s.get("timeZone") or self.zone if isinstance(s, dict) else self.zone for s in out]
            if not set(zones) & set(self.dst_zones):
                i = rng.randrange(len(out))
                site = out[i] if isinstance(out[i], dict) else {"id": out[i]}
                site["timeZone"] = rng.choice(self.dst_zones)
                out[i] = site
        return out

    def skills(self):
        rng = self.rng
        n = rng.choices([0, 1, 2, 3], weights=[2, 3, 3, 2])[0]
        self.skill_ids = rng.sample(SKILL_IDS, n)     # random order: not alphabetical
        out = []
        for k in self.skill_ids:
            out.append(k if rng.random() < 0.6 else {"id": k, "name": k.upper()})
        return out

    # ------------------------------------------------------------------ shifts

    def shifts(self):
        rng = self.rng
        n = rng.choices([1, 2, 3, 4], weights=[1, 3, 3, 2])[0]
        ids = rng.sample(SHIFT_IDS, n)
        self.shift_ids = ids
        self.night_ids = set()
        self.shift_minutes = {}
        out = []
        for sid in ids:
            kind = rng.random()
            if kind < 0.25:
                start = rng.randrange(0, 4 * 60, 15)                       # small hours
            elif kind < 0.45:
                start = rng.choice([60, 90, 120, 150, 165, 180, 210])      # times clock changes skip or repeat
            elif kind < 0.65:
                start = rng.randrange(18 * 60, 24 * 60, 15)                # evenings: past midnight
            else:
                start = rng.randrange(0, 24 * 60, 15)
            r = rng.random()
            if r < 0.5:
                minutes = rng.choice([4, 6, 7.5, 8, 8.5, 10, 12, 12, 16, 24]) * 60
                minutes = int(minutes)
            else:
                minutes = _quarter_hours(rng, 4 * 60, 24 * 60)
            shift = {"id": sid, "start": "%02d:%02d" % divmod(start, 60), "hours": hours_value(minutes)}
            if rng.random() < 0.2:
                shift["name"] = sid.capitalize()
            crosses = start + minutes > 24 * 60
            night = (crosses or start < 5 * 60) and rng.random() < 0.7 or rng.random() < 0.1
            tags = []
            if night:
                tags.append("night")
                self.night_ids.add(sid)
            if rng.random() < 0.2:
                tags.append(rng.choice(["weekend", "x-ray", "Night"]))   # other labels are not night
            rng.shuffle(tags)
            if tags:
                shift["tags"] = tags
            elif rng.random() < 0.2:
                _set(shift, "tags", [] if rng.random() < 0.5 else None, rng, null_chance=1)
            self.shift_minutes[sid] = minutes
            out.append(shift)
        return out

    # ------------------------------------------------------------------ contracts

    def rule(self, name):
        rng = self.rng
        H = self.days
        r = {"rule": name}
        if name == "min-rest":
            r["hours"] = hours_value(_quarter_hours(rng, 0, 16 * 60))
        elif name == "max-hours-in-window":
            days = rng.choice([rng.randint(1, H), rng.randint(1, H), H + rng.randint(1, 3 * H), 7, 14, 28])
            r["days"] = days
            r["hours"] = hours_value(_quarter_hours(rng, 0, days * 12 * 60) if rng.random() < 0.3
                                     else days * _quarter_hours(rng, 3 * 60, 10 * 60))
        elif name in ("hours-per-period", "shifts-per-period"):
            choice = rng.random()
            if choice < 0.25:
                period = None                               # the whole horizon
            elif choice < 0.45:
                period = H + rng.randint(1, 2 * H)          # longer than the horizon
            else:
                period = rng.randint(1, H)                  # often not dividing H: a shorter last period
            span = period or H
            _set(r, "periodDays", period, rng, null_chance=0.3)
            bounds = rng.choice(["min", "max", "both", "both"])
            if name == "hours-per-period":
                lo = span * _quarter_hours(rng, 0, 6 * 60)
                hi = span * _quarter_hours(rng, 4 * 60, 12 * 60)
                if rng.random() < 0.3:
                    lo = _quarter_hours(rng, 0, span * 8 * 60)
                    hi = lo + _quarter_hours(rng, 0, span * 6 * 60)
                lo, hi = min(lo, hi), max(lo, hi)
                lo, hi = hours_value(lo), hours_value(hi)
            else:
                lo = rng.randint(0, max(0, span * 2 // 3))
                hi = lo + rng.randint(0, max(1, span // 2))
            if bounds in ("min", "both"):
                r["min"] = lo
            if bounds in ("max", "both"):
                r["max"] = hi
        elif name == "max-consecutive-days":
            r["days"] = rng.choice([0, 1, 2, 3, 4, 5, 6, 7]) if rng.random() < 0.1 else rng.randint(1, 6)
        elif name == "min-consecutive-days":
            r["days"] = rng.randint(1, 4)
        elif name == "min-consecutive-days-off":
            r["days"] = rng.randint(1, 3)
        elif name == "max-consecutive-nights":
            r["nights"] = rng.randint(0, 4) if rng.random() < 0.15 else rng.randint(1, 4)
        elif name == "min-rest-after-nights":
            r["hours"] = hours_value(_quarter_hours(rng, 8 * 60, 48 * 60))
        elif name == "max-shifts-of-type":
            r["shift"] = rng.choice(self.shift_ids)
            r["max"] = rng.randint(0, max(1, H // 2))
        elif name == "forbidden-succession":
            r["from"] = rng.choice(self.shift_ids)
            r["to"] = rng.choice(self.shift_ids)
        elif name == "max-weekends":
            r["weekends"] = rng.randint(0, 2)
        elif name == "complete-weekends":
            pass
        elif name == "work-rest-ratio":
            r["work"] = rng.randint(1, 3)
            r["rest"] = rng.randint(1, 2)
        elif name == "max-shift-hours":
            r["hours"] = hours_value(_quarter_hours(rng, 4 * 60, 16 * 60))
        elif name == "weekly-rest":
            r["hours"] = hours_value(rng.choice([_quarter_hours(rng, 12 * 60, 60 * 60), 24 * 60, 35 * 60, 168 * 60])
                                     if rng.random() < 0.3 else _quarter_hours(rng, 12 * 60, 60 * 60))
        elif name == "max-deployment-days":
            r["days"] = rng.randint(1, 5)
        elif name == "rotation":
            r["pattern"] = " ".join(rng.choice(self.shift_ids + ["-", "*"]) for _ in range(rng.randint(1, 9)))
            if rng.random() < 0.5:
                r["start"] = iso(self.start + dt.timedelta(days=rng.randint(-20, 20)))
        w = _weight(rng)
        if w is not None:
            r["weight"] = w
        return r

    def contracts(self):
        rng = self.rng
        n = rng.choices([1, 2, 3], weights=[3, 4, 3])[0]
        self.contract_ids = ["c%d" % i for i in range(n)] if rng.random() < 0.5 else rng.sample(["std", "nights", "flex", "fire"], n)
        out = []
        density = rng.choice([0.15, 0.3, 0.45])
        for cid in self.contract_ids:
            rules = []
            for name in RULES:
                if rng.random() < density:
                    rules.append(self.rule(name))
                    if rng.random() < 0.1:
                        rules.append(self.rule(name))      # a second instance of the same rule
            for preset in PRESETS:
                if rng.random() < 0.12:
                    p = {"preset": preset}
                    w = _weight(rng)
                    if w is not None:
                        p["weight"] = w
                    rules.append(p)
            rng.shuffle(rules)
            out.append({"id": cid, "rules": rules})
        return out

    # ------------------------------------------------------------------ staff (first pass: who is where)

    def staff_skeleton(self):
        rng = self.rng
        if self.size == "tiny":
            n = rng.randint(2, 4)
        elif self.size == "medium":
            n = rng.randint(5, 10)
        else:
            n = rng.choice([rng.randint(2, 5), rng.randint(2, 10)])
        ids = ["p%d" % i for i in range(n)] if rng.random() < 0.5 else rng.sample(
            ["ana", "bo", "cy", "dee", "eli", "fay", "gus", "hal", "ivy", "jo", "kim", "lu"], n)
        self.staff = []
        for sid in ids:
            home = rng.choice(self.site_ids)
            others = [x for x in self.site_ids if x != home]
            deploy = [x for x in others if rng.random() < 0.5]
            skills = [k for k in self.skill_ids if rng.random() < 0.55]
            rng.shuffle(skills)
            self.staff.append({"id": sid, "home": home, "deploy": deploy, "skills": skills,
                               "contract": rng.choice(self.contract_ids)})

    def can_work(self, member, site, skill):
        return (site == member["home"] or site in member["deploy"]) and (skill is None or skill in member["skills"])

    # ------------------------------------------------------------------ demand

    def day_selector(self):
        rng = self.rng
        r = rng.random()
        if r < 0.35:
            return rng.choice(["every-day", "every-day", "omit", "null"])
        if r < 0.55:
            k = rng.randint(1, self.days)
            return [iso(d) for d in sorted(rng.sample(self.dates, k))]
        if r < 0.8:
            k = rng.randint(1, 6)
            idx = sorted(rng.sample(range(7), k))
            names = [rng.choice([WEEKDAYS[i], WEEKDAY_NAMES[i]]) for i in idx]
            return [rng.choice([s, s.upper(), s.capitalize()]) for s in names]
        if rng.random() < 0.05:
            # Now and then a range that overlaps the horizon but reaches past one of its ends (the docs
            # do not say whether that is allowed; rotor takes the overlap).
            a = rng.randrange(-3, self.days)
            b = rng.randrange(max(a, 0), self.days + 3)
        else:
            a = rng.randrange(0, self.days)
            b = rng.randrange(a, self.days)
        return {"from": iso(self.start + dt.timedelta(days=a)), "to": iso(self.start + dt.timedelta(days=b))}

    def demand_line(self, shift, site, skill):
        rng = self.rng
        line = {"site": site, "shift": shift}
        if skill is not None:
            line["skill"] = skill
        days = self.day_selector()
        if days == "null":
            line["days"] = None
        elif days != "omit":
            line["days"] = days
        fillable = any(self.can_work(m, site, skill) for m in self.staff)
        minimum = rng.choices([0, 1, 2], weights=[4, 4, 2])[0] if fillable else 0
        line["minimum"] = minimum
        w = _weight(rng, soft_max=20)
        if w is not None:
            line["minimumWeight"] = w
        maximum = None
        if rng.random() < 0.35:
            maximum = minimum + rng.randint(0, 2)
        if rng.random() < 0.4:
            top = maximum if maximum is not None else minimum + 2
            line["preferred"] = rng.randint(minimum, top)
            if rng.random() < 0.8:
                line["preferredWeight"] = rng.randint(0, 10)
        if maximum is not None:
            line["maximum"] = maximum
            if rng.random() < 0.8:
                line["overWeight"] = rng.randint(0, 10)
        return line

    def demand(self):
        rng = self.rng
        lines = []
        pairs = [(s, x) for s in self.shift_ids for x in self.site_ids]
        chosen = [p for p in pairs if rng.random() < 0.7] or [rng.choice(pairs)]
        for shift, site in chosen:
            skills = [k for k in self.skill_ids if rng.random() < 0.45]
            with_none = not skills or rng.random() < 0.6
            keys = ([None] if with_none else []) + skills
            for k in keys:
                lines.append(self.demand_line(shift, site, k))
                if rng.random() < 0.04:
                    lines.append(self.demand_line(shift, site, k))    # two lines for one post
        rng.shuffle(lines)
        self.demand_lines = lines
        # Posts: (shift, site, skill) for each skill a line names for the pair, (shift, site, None)
        # where a line names none.
        posts = []
        for s in self.shift_ids:
            for x in self.site_ids:
                ls = [l for l in lines if l["shift"] == s and l["site"] == x]
                if any("skill" not in l for l in ls):
                    posts.append((s, x, None))
                for k in self.skill_ids:
                    if any(l.get("skill") == k for l in ls):
                        posts.append((s, x, k))
        self.posts = posts
        return lines

    # ------------------------------------------------------------------ staff (second pass)

    def unavailable(self, member):
        rng = self.rng
        out = []
        for _ in range(rng.randint(1, 2)):
            r = rng.random()
            if r < 0.02:
                # Wholly outside the horizon (before or after it): valid, and without effect.
                a = rng.choice([-rng.randint(1, 5), self.days + rng.randint(0, 3)])
                b = a + rng.randint(0, 1) if a >= 0 else rng.randint(a, -1)
                out.append(iso(self.start + dt.timedelta(days=a)) if a == b else
                           {"from": iso(self.start + dt.timedelta(days=a)), "to": iso(self.start + dt.timedelta(days=b))})
            elif r < 0.5:
                out.append(iso(rng.choice(self.dates)))
            else:
                # A range that may start before the horizon or run past its end.
                a = rng.randrange(-2, self.days)
                b = max(a + rng.randint(0, 3), 0)
                out.append({"from": iso(self.start + dt.timedelta(days=a)), "to": iso(self.start + dt.timedelta(days=b))})
        return out

    @staticmethod
    def unavailable_days(entries, dates):
        days = set()
        for e in entries:
            if isinstance(e, str):
                lo = hi = dt.date.fromisoformat(e)
            else:
                lo, hi = dt.date.fromisoformat(e["from"]), dt.date.fromisoformat(e["to"])
            for i, d in enumerate(dates):
                if lo <= d <= hi:
                    days.add(i)
        return days

    def pin(self, member, day, off_days):
        """A pin on `day`: a day off, or a post the person may hold (site and skill given or left to
        their defaults); None when no post fits."""
        rng = self.rng
        if rng.random() < 0.25:
            return {"date": iso(self.dates[day])}
        if day in off_days:
            return None
        fits = [p for p in self.posts if self.can_work(member, p[1], p[2])]
        if not fits:
            return None
        shift, site, skill = rng.choice(fits)
        pin = {"date": iso(self.dates[day]), "shift": shift}
        if site != member["home"] or rng.random() < 0.3:
            pin["site"] = site
        if skill is not None and rng.random() < 0.6:
            pin["skill"] = skill
        elif skill is None and rng.random() < 0.15:
            # The skill-less post, named by leaving the skill out; sometimes a skill post of the
            # same pair is named instead.
            with_skill = [p for p in fits if p[0] == shift and p[1] == site and p[2] is not None]
            if with_skill:
                pin["skill"] = rng.choice(with_skill)[2]
        return pin

    def history(self, member):
        rng = self.rng
        r = rng.random()
        if r < 0.3:
            return "omit"
        if r < 0.38:
            return None           # explicit null: unknown
        if r < 0.53:
            return []
        out = []
        back = rng.randint(1, 12)
        for k in range(back, 0, -1):
            if rng.random() < 0.55 or (k == 1 and rng.random() < 0.5):
                shift = rng.choice(self.shift_ids)
                if k <= 2 and self.night_ids and rng.random() < 0.5:
                    shift = rng.choice(sorted(self.night_ids))    # nights right before the horizon
                h = {"date": iso(self.start - dt.timedelta(days=k)), "shift": shift}
                s = rng.random()
                if s < 0.25:
                    h["site"] = rng.choice(self.site_ids)          # any site, demand or not
                elif s < 0.4:
                    h["site"] = member["home"]
                elif s < 0.55 and member["deploy"]:
                    h["site"] = rng.choice(member["deploy"])
                out.append(h)
        return out

    def staff_documents(self):
        rng = self.rng
        out = []
        for m in self.staff:
            doc = {"id": m["id"]}
            if rng.random() < 0.2:
                doc["name"] = m["id"].capitalize() + " " + rng.choice(["Byrne", "Okafor", "Ng", "Silva"])
            if m["skills"] or rng.random() < 0.5:
                doc["skills"] = list(m["skills"])
            doc["homeSite"] = m["home"]
            if m["deploy"] or rng.random() < 0.3:
                doc["deployableSites"] = list(m["deploy"])
            doc["contract"] = m["contract"]
            off_days = set()
            if rng.random() < 0.3:
                doc["unavailable"] = self.unavailable(m)
                off_days = self.unavailable_days(doc["unavailable"], self.dates)
            if rng.random() < 0.4:
                reqs = []
                for _ in range(rng.randint(1, 3)):
                    q = {"date": iso(rng.choice(self.dates))}
                    if rng.random() < 0.5:
                        q["shift"] = rng.choice(self.shift_ids)
                    q["want"] = rng.choice(["on", "off"])
                    if rng.random() < 0.7:
                        q["weight"] = rng.randint(0, 10)
                    reqs.append(q)
                doc["requests"] = reqs
            if rng.random() < 0.4:
                pins = []
                for day in rng.sample(range(self.days), min(self.days, rng.randint(1, 3))):
                    p = self.pin(m, day, off_days)
                    if p is not None:
                        pins.append(p)
                if pins:
                    doc["pinned"] = pins
            h = self.history(m)
            if h != "omit":
                doc["history"] = h
            if rng.random() < 0.15:
                doc["rotationStart"] = iso(self.start + dt.timedelta(days=rng.randint(-30, 10)))
            out.append(doc)
        return out

    # ------------------------------------------------------------------ the rest

    def travel(self):
        rng = self.rng
        if len(self.site_ids) < 2 or rng.random() < 0.35:
            return None
        out = []
        for i, a in enumerate(self.site_ids):
            for b in self.site_ids[i + 1:]:
                if rng.random() < 0.7:
                    pair = [a, b]
                    rng.shuffle(pair)
                    out.append({"from": pair[0], "to": pair[1], "hours": hours_value(_quarter_hours(rng, 0, 8 * 60))})
                    if rng.random() < 0.2:   # the other way listed too, with its own time
                        out.append({"from": pair[1], "to": pair[0], "hours": hours_value(_quarter_hours(rng, 0, 8 * 60))})
        return out

    def fairness(self):
        rng = self.rng
        if rng.random() < 0.55:
            return None
        out = []
        for _ in range(rng.randint(1, 3)):
            g = {"measure": rng.choice(["nights", "weekends", "hours"])}
            if rng.random() < 0.4:
                g["contract"] = rng.choice(self.contract_ids)
            g["weight"] = rng.randint(0, 6)
            out.append(g)
        return out

    def stability(self):
        rng = self.rng
        if rng.random() < 0.75:
            return None
        previous = []
        for m in self.staff:
            fits = [p for p in self.posts if self.can_work(m, p[1], p[2])]
            if not fits:
                continue
            for d in range(self.days):
                if rng.random() < 0.35:
                    shift, site, skill = rng.choice(fits)
                    a = {"staff": m["id"], "date": iso(self.dates[d]), "shift": shift}
                    if site != m["home"] or rng.random() < 0.3:
                        a["site"] = site
                    if skill is not None:
                        a["skill"] = skill
                    previous.append(a)
        rng.shuffle(previous)
        return {"weight": rng.randint(0, 5), "previous": previous}


def generate(rng, size="small"):
    """A random problem document (a dict that json.dumps writes as a Rotor problem file)."""
    b = _Builder(rng, size)
    doc = {}
    if rng.random() < 0.7:
        doc["name"] = "random-%06d" % rng.randrange(10 ** 6)
    doc["horizon"] = b.horizon()
    doc["sites"] = b.sites()
    skills = b.skills()
    if skills or rng.random() < 0.5:
        doc["skills"] = skills
    doc["shifts"] = b.shifts()
    doc["contracts"] = b.contracts()
    b.staff_skeleton()
    demand = b.demand()
    doc["staff"] = b.staff_documents()
    doc["demand"] = demand
    travel = b.travel()
    if travel is not None:
        doc["travel"] = travel
    fairness = b.fairness()
    if fairness is not None:
        doc["fairness"] = fairness
    stability = b.stability()
    if stability is not None:
        doc["stability"] = stability
    if len(doc["staff"]) >= 2 and rng.random() < 0.4:
        ids = [m["id"] for m in doc["staff"]]
        crews = []
        for i in range(rng.randint(1, 3)):
            crew = {"id": "crew%d" % i, "members": rng.sample(ids, rng.randint(2, min(4, len(ids))))}
            if rng.random() < 0.4:
                crew["apart"] = True
            w = _weight(rng)
            if w is not None:
                crew["weight"] = w
            crews.append(crew)
        doc["crews"] = crews
    return doc


# ---------------------------------------------------------------------- helpers for rosters

def post_names(problem):
    """Every post of a problem as (name, shift, site, skill): a (shift, site) pair with each skill its
    demand lines name, and without a skill where a line names none. The name is the shift id, then
    "@site" when the problem has more than one site, then "/skill"."""
    site_ids = [s if isinstance(s, str) else s["id"] for s in problem["sites"]]
    skill_ids = [k if isinstance(k, str) else k["id"] for k in problem.get("skills") or []]
    shift_ids = [s["id"] for s in problem["shifts"]]
    out = []
    for s in shift_ids:
        for x in site_ids:
            lines = [l for l in problem["demand"] if l["shift"] == s and l["site"] == x]
            names = []
            if any(l.get("skill") is None for l in lines):
                names.append(None)
            names += [k for k in skill_ids if any(l.get("skill") == k for l in lines)]
            for k in names:
                name = s + ("@" + x if len(site_ids) > 1 else "") + ("/" + k if k is not None else "")
                out.append((name, s, x, k))
    return out


def random_roster(rng, problem, off_chance=None, eligible_chance=0.9):
    """A random roster document: each cell null or a post name, mostly posts the person may hold."""
    posts = post_names(problem)
    if off_chance is None:
        off_chance = rng.choice([0.2, 0.4, 0.6])
    rows = []
    for m in problem["staff"]:
        home = m["homeSite"]
        sites = {home} | set(m.get("deployableSites") or [])
        skills = set(m.get("skills") or [])
        fits = [p[0] for p in posts if p[2] in sites and (p[3] is None or p[3] in skills)]
        cells = []
        for _ in range(problem["horizon"]["days"]):
            if rng.random() < off_chance:
                cells.append(None)
            elif fits and rng.random() < eligible_chance:
                cells.append(rng.choice(fits))
            else:
                cells.append(rng.choice(posts)[0])
        rows.append({"staff": m["id"], "shifts": cells})
    return {"roster": rows}


if __name__ == "__main__":
    seed = sys.argv[1] if len(sys.argv) > 1 else "1"
    size = sys.argv[2] if len(sys.argv) > 2 else "small"
    print(json.dumps(generate(random.Random(seed), size), indent=2))
