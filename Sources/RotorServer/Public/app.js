// The planner's page: choose or upload a problem, solve it while watching the score fall, read and
// edit the roster (every edit re-scored by the server), check cover, and download the result.

import * as api from "./api.js";
import { buildModel, rosterCSV } from "./model.js";
import { RosterGrid, escapeHTML } from "./grid.js";
import { ScoreChart } from "./chart.js";
import { renderCoverage } from "./coverage.js";
import { renderViolations, ruleTitle, setRuleTitles } from "./explain.js";

const $ = (id) => document.getElementById(id);

const state = {
  problemId: null,
  model: null,
  roster: null,       // rows of post names (null: off), in the problem's staff order
  result: null,       // the server's scored roster (RosterJSON) for `roster`
  jobId: null,        // the job whose saved roster the page started from
  edited: false,
  pins: new Set(),    // "e:d" of cells the planner pinned (kept in this browser)
  undo: [],
  solving: null,      // {jobId, controller} while a solve runs
  scoreRequest: 0,
};

const grid = new RosterGrid($("grid"), $("cell-menu"), {
  change: applyChanges,
  togglePin,
  recommend,
  say: (text) => say(text),
});
const chart = new ScoreChart($("chart"));

// Messages -------------------------------------------------------------------------------------------

function say(text, kind = "info", details = []) {
  const box = $("message");
  box.className = `message ${kind}`;
  box.innerHTML = escapeHTML(text) + (details.length > 1 ? `<ul>${details.map((d) => `<li>${escapeHTML(d)}</li>`).join("")}</ul>` : "");
  box.setAttribute("role", kind === "error" ? "alert" : "status");
  // On a narrow screen the message is below the sidebar, far from the control that failed.
  if (kind === "error") box.scrollIntoView({ block: "nearest" });
}

function failed(error, what) {
  console.error(error);
  const details = error.details ?? [];
  // With several mistakes the server's message joins them all; the list alone reads better.
  say(details.length > 1 ? `${what}: ${details.length} mistakes` : `${what}: ${error.message}`, "error", details);
}

api.setTokenPrompt(() => new Promise((resolve) => {
  const dialog = $("token-dialog");
  $("token-input").value = "";
  dialog.returnValue = "";
  dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok" ? $("token-input").value.trim() || null : null), { once: true });
  dialog.showModal();
}));

// Problems -------------------------------------------------------------------------------------------

async function loadProblemList(select) {
  const problems = await api.json("GET", "/api/problems");
  const menu = $("problem-select");
  menu.innerHTML = `<option value="">${problems.length ? "Choose a problem…" : "No problem yet: upload one"}</option>`
    + problems.slice().reverse().map((p) =>
      `<option value="${p.id}">${escapeHTML(p.name)} (#${p.id}) · ${p.staffCount} × ${p.days}</option>`).join("");
  if (select != null) menu.value = String(select);
  return problems;
}

async function openProblem(id) {
  if (state.solving) return say("A solve is running; stop it before switching problems.");
  try {
    const [doc, problem] = await Promise.all([
      api.json("GET", `/api/problems/${id}/document`),
      api.json("GET", `/api/problems/${id}`),
    ]);
    state.problemId = id;
    state.jobId = null;
    state.model = buildModel(doc);
    // Nothing of the previous problem's solve stays on show.
    chart.reset();
    for (const figure of ["live-soft", "live-hard", "live-rate", "live-status"]) $(figure).textContent = "–";
    showBound(null);
    state.pins = new Set(JSON.parse(localStorage.getItem(pinKey()) ?? "[]"));
    state.undo = [];
    history.replaceState(null, "", `#problem=${id}`);
    $("problem-select").value = String(id);
    showProblem(problem);
    fillJobs(problem.jobs ?? []);
    const latest = (problem.jobs ?? []).filter((j) => j.best).at(-1);
    if (latest) await openJobRoster(latest.id);
    else await showEmptyRoster();
    $("start-button").disabled = false;
    say(latest ? `Showing the roster of job #${latest.id}.` : "No roster yet: start solving to build one.");
  } catch (error) {
    failed(error, "The problem could not be opened");
  }
}

function showProblem(problem) {
  const m = state.model;
  $("problem-title").textContent = m.name;
  document.title = `${m.name} · Rotor`;
  const first = m.dates[0], last = m.dates[m.dates.length - 1];
  $("problem-facts").innerHTML = `<strong>${m.staff.length}</strong> staff · <strong>${m.dates.length}</strong> days `
    + `(${first.dayOfMonth} ${first.month} – ${last.dayOfMonth} ${last.month} ${last.iso.slice(0, 4)})<br>`
    + `${m.sites.length} site${m.sites.length > 1 ? "s" : ""} · ${m.shifts.length} shifts · ${m.posts.length} posts · uploaded as ${escapeHTML(problem.format)}`;
  $("filter-site").innerHTML = `<option value="">All sites</option>` + m.sites.map((s) => `<option value="${escapeHTML(s.id)}">${escapeHTML(s.name)}</option>`).join("");
  $("filter-skill").innerHTML = `<option value="">All skills</option>` + m.skills.map((k) => `<option value="${escapeHTML(k.id)}">${escapeHTML(k.name)}</option>`).join("");
  $("filter-site").disabled = m.sites.length < 2;
  $("filter-skill").disabled = m.skills.length < 1;
  $("ics-staff").innerHTML = m.staff.map((s) => `<option value="${escapeHTML(s.id)}">${escapeHTML(s.name)}</option>`).join("");
  $("shift-legend").innerHTML = m.shifts.map((s, i) =>
    `<span class="legend-item"><span class="swatch shift-${i % 8}"></span>${escapeHTML(s.name)} ${escapeHTML(s.start)}</span>`).join("")
    + `<span class="legend-item"><span class="swatch unavailable"></span>unavailable</span>`
    + `<span class="legend-item"><span class="swatch pinned"></span>pinned</span>`;
}

function fillJobs(jobs) {
  $("job-select").innerHTML = `<option value="">${jobs.length ? "Choose a job…" : "No job yet"}</option>`
    + jobs.slice().reverse().map((j) => {
      const score = j.best ? `${j.best.feasible ? "feasible" : `hard ${j.best.hard}`}, soft ${j.best.soft}` : "no roster";
      const gap = j.gap != null && j.gap > 0 ? ` · gap ${percent(j.gap)} %` : "";
      return `<option value="${j.id}">#${j.id} ${j.status} · ${score}${gap}</option>`;
    }).join("");
  if (state.jobId) $("job-select").value = String(state.jobId);
}

async function upload(file) {
  const name = file.name.replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9 ._()-]/g, "-").replace(/^\.+/, "").slice(0, 100) || "problem";
  const extension = file.name.split(".").pop().toLowerCase();
  const contentType = extension === "json" ? "application/json" : extension === "yaml" || extension === "yml" ? "application/yaml" : "text/plain";
  try {
    say(`Uploading ${file.name}…`);
    const problem = await api.json("POST", `/api/problems?name=${encodeURIComponent(name)}`, { body: await file.text(), contentType });
    await loadProblemList(problem.id);
    await openProblem(problem.id);
    say(`Uploaded ${file.name} as problem #${problem.id}: ${problem.staffCount} staff, ${problem.days} days.`, "success");
  } catch (error) {
    failed(error, `${file.name} was not accepted`);
  }
}

// Rosters and scores ---------------------------------------------------------------------------------

async function openJobRoster(jobId, { quiet = false } = {}) {
  const result = await api.json("GET", `/api/jobs/${jobId}/roster`);
  state.jobId = jobId;
  state.edited = false;
  state.undo = [];
  $("job-select").value = String(jobId);
  showRoster(result.roster, result, !quiet);
  // The job's proven bound, against its saved roster (during a solve the progress events show the
  // search's best, which the saved roster can trail).
  if (!state.solving) showBound({ bound: result.bound, gap: result.gap, boundRelaxes: result.boundRelaxes, objective: result.objective });
}

async function showEmptyRoster() {
  state.jobId = null;
  showBound(null);
  state.edited = false;
  const rows = state.model.staff.map((m) => ({ staff: m.id, shifts: state.model.dates.map(() => null) }));
  showRoster(rows, null, true);
  await rescore();
}

function showRoster(rows, result, rebuild) {
  const byStaff = new Map(rows.map((r) => [r.staff, r.shifts]));
  const roster = state.model.staff.map((m) => (byStaff.get(m.id) ?? state.model.dates.map(() => null)).slice());
  if (rebuild || !state.roster || !grid.cells) {
    state.roster = roster;
    grid.load(state.model, state.roster, state.pins);
    applyFilters();
  } else {
    // A live update during a solve: repaint only the cells that changed.
    roster.forEach((row, e) => row.forEach((post, d) => {
      if (state.roster[e][d] !== post) {
        state.roster[e][d] = post;
        grid.paint(e, d);
      }
    }));
  }
  if (result) showResult(result);
  updateSource();
  $("undo-button").disabled = state.undo.length === 0;
}

function updateSource() {
  const from = state.jobId ? `job #${state.jobId}` : "an empty roster";
  $("roster-source").textContent = state.solving
    ? `Solving: job #${state.solving.jobId}`
    : state.edited ? `Edited from ${from} · not saved on the server (download it)` : `Roster of ${from}`;
  $("download-ics").disabled = !state.jobId;
  $("download-xlsx").disabled = !state.jobId;
  $("download-print").disabled = !state.jobId;
}

async function rescore() {
  const ticket = ++state.scoreRequest;
  const body = JSON.stringify({ roster: state.model.staff.map((m, e) => ({ staff: m.id, shifts: state.roster[e] })) });
  try {
    const result = await api.json("POST", `/api/problems/${state.problemId}/score`, { body, contentType: "application/json" });
    if (ticket === state.scoreRequest) showResult(result);
  } catch (error) {
    failed(error, "The roster could not be scored");
  }
}

function showResult(result) {
  state.result = result;
  const violations = result.breakdown.violations;
  const hardCount = violations.filter((v) => v.hard).length;
  $("score-hard").textContent = String(hardCount);
  $("score-hard").title = `hard penalty ${result.hardPenalty}`;
  $("score-hard").parentElement.classList.toggle("bad", hardCount > 0);
  $("score-soft").textContent = String(result.objective);
  const status = $("score-status");
  // Only a job's roster comes with the job's bound; an edited roster is scored without one.
  const optimal = result.feasible && result.bound != null && result.gap === 0;
  status.textContent = optimal ? "proved optimal" : result.feasible ? "feasible" : `${hardCount} hard rule${hardCount === 1 ? "" : "s"} broken`;
  status.className = `pill ${result.feasible ? "good" : "bad"}`;
  status.title = result.bound != null ? boundSentence(result) : "";
  $("explain-count").textContent = violations.length ? `${violations.length} item${violations.length === 1 ? "" : "s"}` : "";
  renderViolations($("violations"), violations, (v) => {
    showTab("roster");
    const count = grid.highlight(v);
    say(`${ruleTitle(v.rule)}: ${v.message}${count ? "" : " (it concerns the whole horizon, not particular cells)"}`);
  });
  grid.markViolations(violations);
  grid.highlight(null);
  if (!$("coverage-panel").hidden) showCoverage();
  $("download-json").disabled = false;
  $("download-csv").disabled = false;
}

function applyChanges(changes) {
  state.undo.push(changes.map(({ e, d }) => ({ e, d, post: state.roster[e][d] })));
  setCells(changes);
  const names = changes.map(({ e, d, post }) => `${state.model.staff[e].name} ${post ?? "off"} on ${state.model.dates[d].weekdayName} ${state.model.dates[d].dayOfMonth}`);
  say(`Changed: ${names.join("; ")}. Re-scoring…`);
}

function setCells(changes) {
  for (const { e, d, post } of changes) {
    state.roster[e][d] = post;
    grid.paint(e, d);
  }
  state.edited = true;
  updateSource();
  $("undo-button").disabled = state.undo.length === 0;
  rescore().then(() => { if ($("message").textContent.endsWith("Re-scoring…")) say($("message").textContent.replace(" Re-scoring…", " Re-scored.")); });
}

function undo() {
  const last = state.undo.pop();
  if (!last || state.solving) return;
  setCells(last);
  say("Undone.");
}

function pinKey() {
  return `rotor.pins.${location.host}.${state.problemId}`;
}

function togglePin(e, d) {
  const key = `${e}:${d}`;
  if (state.pins.has(key)) state.pins.delete(key);
  else state.pins.add(key);
  localStorage.setItem(pinKey(), JSON.stringify([...state.pins]));
  grid.paint(e, d);
  say(`${state.pins.has(key) ? "Pinned" : "Unpinned"} ${state.model.staff[e].name} on ${state.model.dates[d].weekdayName} ${state.model.dates[d].dayOfMonth}: pins keep your own edits from changing by mistake (this browser only).`);
}

// Solving --------------------------------------------------------------------------------------------

async function startSolve() {
  const timeLimit = Number($("time-limit").value);
  if (!(timeLimit > 0)) return say("The time limit is a number of seconds above 0.", "error");
  try {
    const job = await api.json("POST", `/api/problems/${state.problemId}/jobs`, { body: JSON.stringify({ timeLimit }), contentType: "application/json" });
    state.solving = { jobId: job.id, controller: new AbortController(), lastFetch: 0, lastSaved: null };
    state.jobId = job.id;
    state.edited = false;
    state.undo = [];
    grid.setEditable(false);
    setSolvingControls(true);
    chart.reset();
    say(`Solving for ${timeLimit} s as job #${job.id}…`);
    updateSource();
    follow(job.id);
  } catch (error) {
    failed(error, "The solve could not start");
  }
}

async function follow(jobId) {
  const solving = state.solving;
  try {
    for await (const { event, data } of api.events(`/api/jobs/${jobId}/events`, solving.controller.signal)) {
      if (event === "progress") {
        showProgress(data);
        const saved = data.saved ? `${data.saved.score.hard}/${data.saved.score.soft}` : null;
        if (saved && saved !== solving.lastSaved && Date.now() - solving.lastFetch > 1500) {
          solving.lastSaved = saved;
          solving.lastFetch = Date.now();
          openJobRoster(jobId, { quiet: true }).catch(() => {});
        }
      } else if (event === "end") {
        showProgress({ ...data, jobId: data.id });
        await finishSolve(jobId, `Job #${jobId} ${data.status}${data.error ? `: ${data.error}` : ""}.`);
        return;
      } else if (event === "shutdown") {
        await finishSolve(jobId, `The server is shutting down: ${data.message}`);
        return;
      }
    }
    await finishSolve(jobId, `The progress stream of job #${jobId} closed.`);
  } catch (error) {
    if (error.name !== "AbortError") failed(error, "Following the solve failed");
    await finishSolve(jobId, null);
  }
}

function showProgress(p) {
  $("live-soft").textContent = p.best ? String(p.best.soft) : "–";
  $("live-hard").textContent = p.saved ? String(p.saved.hardViolations) : p.best ? (p.best.hard ? `penalty ${p.best.hard}` : "0") : "–";
  $("live-rate").textContent = p.movesPerSecond ? Math.round(p.movesPerSecond).toLocaleString("en") : "–";
  $("live-status").textContent = `${p.status} ${p.elapsedSeconds.toFixed(0)} s`;
  showBound(p.best && { bound: p.bound, gap: p.gap, boundRelaxes: p.boundRelaxes, objective: p.best.soft, running: p.status === "running" });
  chart.add(p.elapsedSeconds, p.best);
}

async function finishSolve(jobId, message) {
  if (!state.solving || state.solving.jobId !== jobId) return;
  state.solving = null;
  setSolvingControls(false);
  grid.setEditable(true);
  try {
    await openJobRoster(jobId);
    // The end event has no count of hard violations (only running jobs report one); the roster has.
    $("live-hard").textContent = String(state.result.breakdown.violations.filter((v) => v.hard).length);
    const problem = await api.json("GET", `/api/problems/${state.problemId}`);
    fillJobs(problem.jobs ?? []);
  } catch (error) {
    failed(error, "The job's roster could not be loaded");
    return;
  }
  if (message) say(message, "success");
}

function setSolvingControls(solving) {
  $("start-button").disabled = solving;
  $("stop-button").disabled = !solving;
  $("problem-select").disabled = solving;
  $("job-select").disabled = solving;
  $("upload-input").disabled = solving;
  $("undo-button").disabled = solving || state.undo.length === 0;
  document.body.classList.toggle("solving", solving);
}

async function stopSolve() {
  if (!state.solving) return;
  try {
    await api.json("POST", `/api/jobs/${state.solving.jobId}/stop`);
    say("Stopping; the best roster so far is kept…");
  } catch (error) {
    failed(error, "The job could not be stopped");
  }
}

// The proven bound ------------------------------------------------------------------------------------

/// A share as a percentage with one decimal, never rounded to 0 when it is not 0.
function percent(share) {
  const value = 100 * share;
  return value > 0 && value < 0.05 ? "< 0.1" : value.toFixed(1);
}

/// What the gap says: "at most 9.8 % from the best possible", "proved optimal".
function boundVerdict(gap) {
  return gap == null
    ? "the gap is known once the roster keeps every hard rule"
    : gap === 0 ? "proved optimal" : `at most ${percent(gap)} % from the best possible`;
}

/// The bound in a sentence: "objective 92 · bound 83 · at most 9.8 % from the best possible", or
/// "… · proved optimal", with what the bound leaves out. Plain text (a tooltip), or with `html` as
/// escaped markup with the figures and the verdict in bold (the note under the live figures).
function boundSentence({ bound, gap, boundRelaxes, objective }, { html = false } = {}) {
  const strong = (value, className) => !html ? String(value)
    : `<strong${className ? ` class="${className}"` : ""}>${escapeHTML(String(value))}</strong>`;
  const leavesOut = boundRelaxes?.length ? `(bound leaves out: ${boundRelaxes.join(", ")})` : "";
  const relaxed = !leavesOut ? "" : html ? ` <span class="relaxed">${escapeHTML(leavesOut)}</span>` : ` ${leavesOut}`;
  return `objective ${strong(objective)} · bound ${strong(bound)} · ${strong(boundVerdict(gap), "verdict")}${relaxed}`;
}

/// Shows a job's bound under its live figures: `figures` is {bound, gap, boundRelaxes, objective,
/// running}, or null to clear. While a job runs without a bound yet, says so.
function showBound(figures) {
  const note = $("live-bound");
  note.title = "";
  if (!figures || figures.bound == null) {
    note.hidden = !figures?.running;
    note.className = "bound-note";
    note.textContent = figures?.running ? "No bound on the objective proved yet." : "";
    return;
  }
  note.hidden = false;
  note.className = `bound-note${figures.gap === 0 ? " optimal" : ""}`;
  note.innerHTML = boundSentence(figures, { html: true });
  note.title = "No roster that keeps the hard rules scores below the bound; the gap is (objective − bound) / objective.";
}

// Views, filters and downloads -----------------------------------------------------------------------

function showTab(name) {
  for (const tab of ["roster", "coverage"]) {
    const selected = tab === name;
    $(`tab-${tab}`).setAttribute("aria-selected", String(selected));
    $(`tab-${tab}`).tabIndex = selected ? 0 : -1;
    $(`${tab}-panel`).hidden = !selected;
  }
  if (name === "coverage") showCoverage();
}

function showCoverage() {
  if (!state.model || !state.roster) return;
  const { short, over } = renderCoverage($("coverage"), state.model, state.roster, filters());
  $("coverage-summary").innerHTML = short || over
    ? `<span class="badge hard">${short}</span> post-days short of the minimum · <span class="badge over">${over}</span> over the maximum`
    : `Every post's minimum is covered on every day${over ? "" : ", and no maximum is exceeded"}.`;
}

function filters() {
  return { site: $("filter-site").value || null, skill: $("filter-skill").value || null };
}

function applyFilters() {
  const { site, skill } = filters();
  grid.setFilters(site, skill);
  if (!$("coverage-panel").hidden) showCoverage();
}

function download(name, type, text) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// The job's saved roster as a workbook or a printable page, downloaded (the server writes both; edits
// on the page are not in them, as for the calendars).
async function downloadJobFile(format) {
  try {
    const response = await api.request("GET", `/api/jobs/${state.jobId}/roster?format=${format}`);
    const blob = await response.blob();
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${state.model.name}-job-${state.jobId}.${format}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    if (state.edited) say(`The ${format === "html" ? "printable page" : "workbook"} holds job #${state.jobId}'s roster, without your edits.`);
  } catch (error) {
    failed(error, "The roster could not be downloaded");
  }
}

async function downloadCalendar() {
  const staff = $("ics-staff").value;
  try {
    const text = await api.text("GET", `/api/jobs/${state.jobId}/calendar/${encodeURIComponent(staff)}.ics`);
    download(`${staff}.ics`, "text/calendar", text);
    if (state.edited) say(`${staff}.ics holds job #${state.jobId}'s roster, without your edits.`);
  } catch (error) {
    failed(error, "The calendar could not be downloaded");
  }
}

// Recommendations ------------------------------------------------------------------------------------

// Asks the server who could take `post` on day `d`, or who could swap day `d` with staff member
// `swapWith` (an index), for the roster as it stands, and lists them best first with a button that
// applies the change (as an edit: re-scored, undoable).
async function recommend({ post, swapWith, replace, d }) {
  if (!state.model || !state.roster) return;
  if (state.solving) {
    say("The roster follows the running solve; ask who could cover when the solve has ended.");
    return;
  }
  const model = state.model;
  const date = model.dates[d];
  const question = post != null ? `post=${encodeURIComponent(post)}`
    : replace != null ? `replace=${encodeURIComponent(model.staff[replace].id)}`
    : `swapWith=${encodeURIComponent(model.staff[swapWith].id)}`;
  // As CSV: the server reads it several times faster than JSON on a large roster.
  const body = rosterCSV(model, state.roster);
  const panel = $("recommend-panel");
  const label = (name) => {
    const p = model.postByName.get(name);
    return p ? `${p.shift.name}${model.sites.length > 1 ? ` · ${p.site.name}` : ""}${p.skill ? ` · ${p.skill.name}` : ""}` : name;
  };
  const when = `${date.weekdayName} ${date.dayOfMonth} ${date.month}`;
  $("recommend-heading").textContent = post != null ? `Who could work ${label(post)} on ${when}`
    : replace != null ? `Who could take over ${model.staff[replace].name}'s shift on ${when}`
    : `Who could swap ${when} with ${model.staff[swapWith].name}`;
  $("recommend-summary").textContent = "Asking the server…";
  $("recommend-list").replaceChildren();
  panel.hidden = false;
  let answer;
  try {
    answer = await api.json("POST", `/api/problems/${state.problemId}/recommend?date=${date.iso}&${question}&limit=20`,
                            { body, contentType: "text/csv" });
  } catch (error) {
    panel.hidden = true;
    failed(error, "No recommendations");
    return;
  }
  const shown = answer.recommendations.length;
  $("recommend-summary").textContent = answer.candidates === 0
    ? "Nobody could: every cell that day is pinned, or nobody may hold the post."
    : `${answer.candidates} ${answer.candidates === 1 ? "person" : "people"} could${shown < answer.candidates ? `; the best ${shown}` : ""}, best first (change in hard penalty, then in the objective).`;
  const signed = (x) => (x >= 0 ? `+${x}` : `${x}`);
  const staffIndex = new Map(model.staff.map((m, e) => [m.id, e]));
  const dayIndex = new Map(model.dates.map((dt, i) => [dt.iso, i]));
  $("recommend-list").replaceChildren(...answer.recommendations.map((r) => {
    const item = document.createElement("li");
    item.className = r.hard > 0 ? "breaks" : "";
    const member = model.staff[staffIndex.get(r.staff)];
    const moves = r.changes.map((c) => `${model.staff[staffIndex.get(c.staff)].name}: ${c.from ? label(c.from) : "off"} → ${c.to ? label(c.to) : "off"}`).join("; ");
    const reasons = [
      ...r.costs.map((v) => `<li class="cost">+ ${escapeHTML(v.message)}: ${v.penalty}${v.hard ? " hard" : ""}</li>`),
      ...r.relieves.map((v) => `<li class="relief">− ${escapeHTML(v.message)}: ${v.penalty}${v.hard ? " hard" : ""}</li>`),
      ...(r.fairness ? [`<li class="${r.fairness > 0 ? "cost" : "relief"}">${r.fairness > 0 ? "+" : "−"} fairness goals: ${Math.abs(r.fairness)}</li>`] : []),
    ];
    item.innerHTML = `<div class="recommend-line"><span class="who">${escapeHTML(member.name)}</span>`
      + `<span class="delta">${signed(r.hard)} hard, ${signed(r.soft)} soft</span>`
      + `<button type="button" class="apply">Apply</button></div>`
      + `<p class="moves">${escapeHTML(moves)}</p>`
      + (reasons.length ? `<ul class="reasons">${reasons.join("")}</ul>` : `<p class="reasons none">Changes nothing else in the score.</p>`);
    item.querySelector(".apply").addEventListener("click", () => {
      panel.hidden = true;
      applyChanges(r.changes.map((c) => ({ e: staffIndex.get(c.staff), d: dayIndex.get(c.date), post: c.to ?? null })));
    });
    return item;
  }));
  panel.querySelector(".apply")?.focus();
}

// Wiring ---------------------------------------------------------------------------------------------

$("problem-select").addEventListener("change", (event) => { if (event.target.value) openProblem(Number(event.target.value)); });
$("upload-input").addEventListener("change", (event) => {
  const file = event.target.files[0];
  if (file) upload(file);
  event.target.value = "";
});
$("job-select").addEventListener("change", (event) => {
  if (event.target.value) openJobRoster(Number(event.target.value)).catch((error) => failed(error, "That job's roster could not be loaded"));
});
$("start-button").addEventListener("click", startSolve);
$("stop-button").addEventListener("click", stopSolve);
$("filter-site").addEventListener("change", applyFilters);
$("filter-skill").addEventListener("change", applyFilters);
$("undo-button").addEventListener("click", undo);
$("recommend-close").addEventListener("click", () => { $("recommend-panel").hidden = true; });
$("coverage").addEventListener("click", (event) => {
  const cell = event.target.closest("td[data-post]");
  if (cell) recommend({ post: cell.dataset.post, d: Number(cell.dataset.d) });
});
$("coverage").addEventListener("keydown", (event) => {
  const cell = event.target.closest("td[data-post]");
  if (cell && (event.key === "Enter" || event.key === " ")) {
    event.preventDefault();
    recommend({ post: cell.dataset.post, d: Number(cell.dataset.d) });
  }
});
document.addEventListener("keydown", (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === "z" && !event.target.closest("input, select, textarea")) {
    event.preventDefault();
    undo();
  }
});
for (const tab of ["roster", "coverage"]) {
  $(`tab-${tab}`).addEventListener("click", () => showTab(tab));
  $(`tab-${tab}`).addEventListener("keydown", (event) => {
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      const other = tab === "roster" ? "coverage" : "roster";
      showTab(other);
      $(`tab-${other}`).focus();
    }
  });
}
$("download-json").addEventListener("click", () =>
  download(`${state.model.name}-roster.json`, "application/json", JSON.stringify(state.result, null, 2) + "\n"));
$("download-csv").addEventListener("click", () =>
  download(`${state.model.name}-roster.csv`, "text/csv", rosterCSV(state.model, state.roster)));
$("download-ics").addEventListener("click", downloadCalendar);
$("download-xlsx").addEventListener("click", () => downloadJobFile("xlsx"));
$("download-print").addEventListener("click", () => downloadJobFile("html"));

(async () => {
  try {
    setRuleTitles(await api.json("GET", "/api/rules"));
    const problems = await loadProblemList();
    const fromURL = Number(new URLSearchParams(location.hash.slice(1)).get("problem"));
    const id = problems.some((p) => p.id === fromURL) ? fromURL : problems.at(-1)?.id;
    if (id) await openProblem(id);
    else say("Upload a problem to start: a problem document in JSON or YAML, or a Curtois benchmark file.");
  } catch (error) {
    failed(error, "The server could not be reached");
  }
})();
