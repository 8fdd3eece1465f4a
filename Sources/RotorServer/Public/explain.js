// The explanation: every violation of the current roster with its sentence, grouped by rule, hard
// rules first; choosing one highlights the cells it is about in the grid.

import { escapeHTML } from "./grid.js";

// Headings by rule id, from the server's list of rules (`GET /api/rules`).
let ruleTitles = {};

export function setRuleTitles(rules) {
  ruleTitles = Object.fromEntries(rules.map((rule) => [rule.id, rule.title]));
}

export function ruleTitle(rule) {
  const title = ruleTitles[rule] ?? rule.replace(/-/g, " ");
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/// Fills `container` with the violations; `choose(violation)` is called when one is chosen.
export function renderViolations(container, violations, choose) {
  if (!violations.length) {
    container.innerHTML = `<p class="all-clear">No rule is broken and no penalty applies.</p>`;
    return;
  }
  const groups = new Map();
  for (const v of violations) {
    if (!groups.has(v.rule)) groups.set(v.rule, []);
    groups.get(v.rule).push(v);
  }
  const ordered = [...groups.entries()].sort(([, a], [, b]) =>
    (b.some((v) => v.hard) - a.some((v) => v.hard)) || (sum(b) - sum(a)));
  container.replaceChildren(...ordered.map(([rule, list]) => {
    const hard = list.some((v) => v.hard);
    const details = document.createElement("details");
    details.className = `rule-group ${hard ? "hard" : "soft"}`;
    details.dataset.rule = rule;
    details.open = hard || ordered.length <= 4;
    const summary = document.createElement("summary");
    summary.innerHTML = `<span class="badge ${hard ? "hard" : "soft"}">${hard ? "hard" : "soft"}</span>`
      + `<span class="rule-name">${escapeHTML(ruleTitle(rule))}</span>`
      + `<span class="rule-count">${list.length}</span>`
      + `<span class="rule-penalty">${hard ? "" : sum(list)}</span>`;
    const items = document.createElement("ul");
    for (const v of list) {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "violation";
      button.innerHTML = `<span class="message"></span><span class="penalty">${v.hard ? "" : "+" + v.penalty}</span>`;
      button.firstChild.textContent = v.message;
      button.addEventListener("click", () => {
        container.querySelectorAll(".violation.chosen").forEach((b) => b.classList.remove("chosen"));
        button.classList.add("chosen");
        choose(v);
      });
      li.append(button);
      items.append(li);
    }
    details.append(summary, items);
    return details;
  }));
}

function sum(list) {
  return list.reduce((total, v) => total + (v.hard ? 0 : v.penalty), 0);
}
