// The coverage view: for each post (site, shift, skill) and day, the people assigned against the
// demand's minimum, preferred number and maximum; short of the minimum, short of the preferred number
// and over the maximum are coloured, so a planner sees at a glance where cover is missing.

import { assignedCounts, longDate } from "./model.js";
import { escapeHTML } from "./grid.js";

export function renderCoverage(table, model, roster, { site, skill }) {
  const counts = assignedCounts(model, roster);
  const posts = model.posts.filter((p) => (!site || p.site.id === site) && (!skill || p.skill?.id === skill || p.skill == null));
  const head = `<thead><tr><th class="corner" scope="col">Post</th>${model.dates.map((date, d) =>
    `<th scope="col" class="day${date.weekend ? " weekend" : ""}${date.weekday === 0 && d > 0 ? " week-start" : ""}" title="${date.iso}">`
    + `<span class="weekday">${date.weekdayName}</span><span class="date">${date.dayOfMonth}${d === 0 || date.dayOfMonth === 1 ? " " + date.month : ""}</span></th>`).join("")}</tr></thead>`;
  let short = 0, over = 0;
  const rows = posts.map((post) => {
    const label = `${post.shift.name}${model.sites.length > 1 ? ` · ${post.site.name}` : ""}${post.skill ? ` · ${post.skill.name}` : ""}`;
    const cells = model.dates.map((date, d) => {
      const need = model.cover[post.index][d];
      const have = counts[post.index][d];
      const weekend = date.weekend ? " weekend" : "";
      const weekStart = date.weekday === 0 && d > 0 ? " week-start" : "";
      if (!need) {
        return have
          ? `<td class="cov extra${weekend}${weekStart}" title="${escapeHTML(label)}, ${longDate(date)}: ${have} assigned, no demand">${have}</td>`
          : `<td class="cov none${weekend}${weekStart}" aria-label="no demand"></td>`;
      }
      let state = "ok", says = "covered";
      if (have < need.minimum) {
        state = "short";
        says = `${need.minimum - have} short of the minimum${need.hardMinimum ? " (hard)" : ""}`;
        short += 1;
      } else if (have < need.preferred) {
        state = "under";
        says = `${need.preferred - have} short of the preferred ${need.preferred}`;
      } else if (need.maximum != null && have > need.maximum) {
        state = "over";
        says = `${have - need.maximum} over the maximum`;
        over += 1;
      }
      const wanted = need.preferred > need.minimum ? `${need.minimum}–${need.preferred}` : `${need.minimum}`;
      const title = `${label}, ${longDate(date)}: ${have} assigned; needs ${need.minimum}`
        + (need.preferred > need.minimum ? `, prefers ${need.preferred}` : "")
        + (need.maximum != null ? `, at most ${need.maximum}` : "") + ` — ${says}`;
      // A post left short can be clicked: who could take it (app.js).
      const ask = state === "short" || state === "under"
        ? ` data-post="${escapeHTML(post.name)}" data-d="${d}" tabindex="0" role="button"` : "";
      return `<td class="cov ${state}${weekend}${weekStart}"${ask} title="${escapeHTML(title)}" aria-label="${escapeHTML(title)}">`
        + `<span class="have">${have}</span><span class="need">/${wanted}</span></td>`;
    });
    return `<tr><th scope="row" class="staff post-row"><span class="name">${escapeHTML(label)}</span>`
      + `<span class="meta">${escapeHTML(post.name)}</span></th>${cells.join("")}</tr>`;
  });
  table.innerHTML = head + `<tbody>${rows.join("")}</tbody>`;
  return { short, over };
}
