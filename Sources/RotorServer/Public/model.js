// A problem document (GET /api/problems/{id}/document) turned into what the page needs: the dates of the
// horizon, the posts a person can be rostered on — named and ordered as the engine names and orders
// them (CompiledProblem) — who may hold which post, and the cover each post needs on each day.

const weekdayShort = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const weekdayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const weekdayFull = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const monthShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const millisecondsPerDay = 24 * 60 * 60 * 1000;

/// A calendar date as the number of days since 1970-01-01, so that adding days is plain arithmetic.
function dayNumber(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / millisecondsPerDay);
}

function isoDate(dayNo) {
  return new Date(dayNo * millisecondsPerDay).toISOString().slice(0, 10);
}

const identified = (entry) => (typeof entry === "string" ? { id: entry, name: entry } : { ...entry, name: entry.name ?? entry.id });

export function buildModel(doc) {
  const sites = doc.sites.map(identified);
  const skills = (doc.skills ?? []).map(identified);
  const shifts = doc.shifts.map((s) => ({ ...s, name: s.name ?? s.id, night: (s.tags ?? []).includes("night") }));
  const startNo = dayNumber(doc.horizon.start);
  const dates = Array.from({ length: doc.horizon.days }, (_, d) => {
    const no = startNo + d;
    const date = new Date(no * millisecondsPerDay);
    const weekday = (date.getUTCDay() + 6) % 7; // 0 = Monday, as ISO counts
    return {
      iso: isoDate(no),
      weekday,
      weekdayName: weekdayShort[weekday],
      dayOfMonth: date.getUTCDate(),
      month: monthShort[date.getUTCMonth()],
      weekend: weekday >= 5,
    };
  });
  const dayIndex = (iso) => dayNumber(iso) - startNo;

  // Posts: for each shift, each site, the post without a skill when a demand line names none, then
  // one per skill the lines name, in the problem's skill order.
  const skillOrder = new Map(skills.map((k, i) => [k.id, i]));
  const posts = [];
  shifts.forEach((shift) => {
    sites.forEach((site) => {
      const lines = doc.demand.filter((l) => l.shift === shift.id && l.site === site.id);
      const named = [...new Set(lines.filter((l) => l.skill != null).map((l) => l.skill))]
        .sort((a, b) => skillOrder.get(a) - skillOrder.get(b));
      const postSkills = (lines.some((l) => l.skill == null) ? [null] : []).concat(named);
      for (const skill of postSkills) {
        const name = shift.id + (sites.length > 1 ? `@${site.id}` : "") + (skill != null ? `/${skill}` : "");
        posts.push({ name, shift, site, skill: skill != null ? skills[skillOrder.get(skill)] : null, index: posts.length });
      }
    });
  });
  const postByName = new Map(posts.map((p) => [p.name, p]));

  const staff = doc.staff.map((m) => {
    const workSites = new Set([m.homeSite, ...(m.deployableSites ?? [])]);
    const skillSet = new Set(m.skills ?? []);
    const unavailable = new Set();
    for (const range of m.unavailable ?? []) {
      const from = dayIndex(typeof range === "string" ? range : range.from);
      const to = dayIndex(typeof range === "string" ? range : range.to);
      for (let d = Math.max(from, 0); d <= Math.min(to, dates.length - 1); d++) unavailable.add(d);
    }
    const pinned = new Set((m.pinned ?? []).map((p) => dayIndex(p.date)));
    return {
      id: m.id,
      name: m.name ?? m.id,
      skills: m.skills ?? [],
      homeSite: m.homeSite,
      sites: workSites,
      contract: m.contract,
      eligible: posts.filter((p) => workSites.has(p.site.id) && (p.skill == null || skillSet.has(p.skill.id))),
      unavailable,
      pinned,
    };
  });

  // Cover per (post, day), summed over the lines of a post as the engine sums them: a maximum only
  // when some line has one.
  const cover = posts.map(() => dates.map(() => null));
  for (const line of doc.demand) {
    const post = postByName.get(line.shift + (sites.length > 1 ? `@${line.site}` : "") + (line.skill != null ? `/${line.skill}` : ""));
    if (!post) continue;
    dates.forEach((date, d) => {
      if (!appliesOn(line.days, date)) return;
      const c = (cover[post.index][d] ??= { minimum: 0, preferred: 0, maximum: null, hardMinimum: false });
      c.minimum += line.minimum;
      c.preferred += line.preferred ?? line.minimum;
      if (line.maximum != null) c.maximum = (c.maximum ?? 0) + line.maximum;
      if (line.minimumWeight == null || line.minimumWeight === "hard") c.hardMinimum = true;
    });
  }

  return { name: doc.name, sites, skills, shifts, dates, posts, postByName, staff, cover };
}

/// Whether a demand line's `days` (every-day, dates, weekdays or a range) include `date`.
function appliesOn(days, date) {
  if (days == null || days === "every-day") return true;
  if (Array.isArray(days)) {
    return days.some((entry) => {
      const key = String(entry).toLowerCase();
      const weekday = weekdayKeys.indexOf(key) >= 0 ? weekdayKeys.indexOf(key) : weekdayFull.indexOf(key);
      return weekday >= 0 ? weekday === date.weekday : entry === date.iso;
    });
  }
  return date.iso >= days.from && date.iso <= days.to;
}

/// How many people hold each post on each day of `roster` (rows of post names or null).
export function assignedCounts(model, roster) {
  const counts = model.posts.map(() => model.dates.map(() => 0));
  for (const row of roster) {
    row.forEach((name, d) => {
      const post = name && model.postByName.get(name);
      if (post) counts[post.index][d] += 1;
    });
  }
  return counts;
}

/// The roster as CSV, in the layout of GET /api/jobs/{id}/roster?format=csv (RosterCSV): RFC 4180
/// quoting, and a value a spreadsheet would run as a formula written behind a `'` (OWASP).
export function rosterCSV(model, roster) {
  const header = ["employee", ...model.dates.map((_, d) => String(d))].join(",");
  const rows = model.staff.map((m, e) => [m.id, ...roster[e].map((name) => name ?? "")].map(csvField).join(","));
  return [header, ...rows].join("\n") + "\n";
}

const formulaStarts = new Set(["=", "+", "-", "@", "\t", "\r"]);

/// One field as RosterCSV writes it, so that the server reads it back unchanged.
export function csvField(value) {
  let field = String(value);
  if (formulaStarts.has(field[0]) || (field[0] === "'" && field.length > 1 && (formulaStarts.has(field[1]) || field[1] === "'"))) {
    field = "'" + field;
  }
  const first = field[0], last = field[field.length - 1];
  const needsQuotes = /[",\r\n]/.test(field) || first === " " || first === "\t" || last === " " || last === "\t";
  return needsQuotes ? `"${field.replaceAll('"', '""')}"` : field;
}

export function longDate(date) {
  return `${date.weekdayName} ${date.dayOfMonth} ${date.month}`;
}
