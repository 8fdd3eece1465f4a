// The roster grid: staff × days, each cell a post or off. Cells are keyboard-usable (arrow keys move,
// Enter opens the menu of posts, Delete sets off, P pins, S swaps, W asks who could swap, R who could
// take over the shift); the grid is built once per roster
// and then updated cell by cell, since a large problem has tens of thousands of cells.

import { longDate } from "./model.js";

const palette = 8; // shift colours in style.css: .shift-0 … .shift-7

export class RosterGrid {
  /// `actions.change(changes)` applies [{e, d, post}] (post a name or null for off) as one edit;
  /// `actions.togglePin(e, d)` toggles the planner's pin; `actions.say(text)` shows a status message.
  constructor(table, menu, actions) {
    this.table = table;
    this.menu = menu;
    this.actions = actions;
    this.focus = { e: 0, d: 0 };
    this.swapFrom = null;
    this.editable = true;
    this.marked = new Map(); // cell → whether a hard rule is broken there
    this.highlighted = new Set();
    table.addEventListener("click", (event) => this.clicked(event));
    table.addEventListener("keydown", (event) => this.key(event));
    menu.addEventListener("keydown", (event) => this.menuKey(event));
    document.addEventListener("mousedown", (event) => {
      if (!this.menu.hidden && !this.menu.contains(event.target)) this.closeMenu(false);
    });
  }

  load(model, roster, pins) {
    this.model = model;
    this.roster = roster;
    this.pins = pins;
    this.swapFrom = null;
    this.marked = new Map();
    this.highlighted = new Set();
    this.closeMenu(false);
    const head = document.createElement("thead");
    const headRow = head.insertRow();
    const corner = document.createElement("th");
    corner.className = "corner";
    corner.scope = "col";
    corner.textContent = `Staff (${model.staff.length})`;
    headRow.append(corner);
    model.dates.forEach((date, d) => {
      const th = document.createElement("th");
      th.scope = "col";
      th.className = "day" + (date.weekend ? " weekend" : "") + (date.weekday === 0 && d > 0 ? " week-start" : "");
      th.title = `${longDate(date)} ${date.iso.slice(0, 4)}`;
      th.innerHTML = `<span class="weekday">${date.weekdayName}</span><span class="date">${date.dayOfMonth}${d === 0 || date.dayOfMonth === 1 ? " " + date.month : ""}</span>`;
      headRow.append(th);
    });
    const body = document.createElement("tbody");
    this.cells = model.staff.map((member, e) => {
      const row = body.insertRow();
      row.dataset.staff = member.id;
      const th = document.createElement("th");
      th.scope = "row";
      th.className = "staff";
      th.innerHTML = `<span class="name"></span><span class="meta"></span>`;
      th.firstChild.textContent = member.name;
      th.lastChild.textContent = [member.homeSite, ...member.skills].join(" · ");
      th.title = `${member.name} (${member.id}), ${member.contract}; home ${member.homeSite}`
        + (member.sites.size > 1 ? `, also ${[...member.sites].filter((s) => s !== member.homeSite).join(", ")}` : "");
      row.append(th);
      return model.dates.map((date, d) => {
        const td = row.insertCell();
        td.dataset.e = e;
        td.dataset.d = d;
        td.tabIndex = -1;
        this.paint(e, d, td);
        return td;
      });
    });
    this.table.replaceChildren(head, body);
    this.focus = { e: 0, d: 0 };
    if (this.cells.length) this.cells[0][0].tabIndex = 0;
  }

  /// Draws cell (e, d) from the roster, the pins and the filters.
  paint(e, d, td = this.cells[e][d]) {
    const model = this.model;
    const member = model.staff[e];
    const date = model.dates[d];
    const post = this.roster[e][d] ? model.postByName.get(this.roster[e][d]) : null;
    const classes = ["cell"];
    if (date.weekend) classes.push("weekend");
    if (date.weekday === 0 && d > 0) classes.push("week-start");
    if (post) classes.push(`shift-${model.shifts.indexOf(post.shift) % palette}`);
    else classes.push("off");
    if (member.unavailable.has(d)) classes.push("unavailable");
    if (member.pinned.has(d)) classes.push("fixed");
    if (this.pins.has(`${e}:${d}`)) classes.push("pinned");
    if (this.filterSite && post && post.site.id !== this.filterSite) classes.push("dim");
    td.className = classes.join(" ");
    if (post) {
      const site = model.sites.length > 1 ? `<span class="site">${escapeHTML(post.site.id)}</span>` : "";
      td.innerHTML = `<span class="post">${escapeHTML(post.shift.id)}</span>${site}`;
    } else {
      td.textContent = "";
    }
    const what = post
      ? `${post.shift.name}${model.sites.length > 1 ? ` at ${post.site.name}` : ""}${post.skill ? ` as ${post.skill.name}` : ""}`
      : "off";
    const notes = [
      member.unavailable.has(d) ? "unavailable" : null,
      member.pinned.has(d) ? "fixed by the problem" : null,
      this.pins.has(`${e}:${d}`) ? "pinned" : null,
    ].filter(Boolean);
    td.setAttribute("aria-label", `${member.name}, ${longDate(date)}: ${what}${notes.length ? ` (${notes.join(", ")})` : ""}`);
    td.title = td.getAttribute("aria-label");
    if (this.marked.has(td)) td.classList.add(this.marked.get(td) ? "breach-hard" : "breach-soft");
    if (this.highlighted.has(td)) td.classList.add("highlight");
  }

  setEditable(editable) {
    this.editable = editable;
    this.table.classList.toggle("locked", !editable);
    if (!editable) this.closeMenu(false);
  }

  /// Shows only staff who can work at `site` and have `skill` (null: all); other sites' cells are dimmed.
  setFilters(site, skill) {
    this.filterSite = site;
    this.model.staff.forEach((member, e) => {
      const shown = (!site || member.sites.has(site)) && (!skill || member.skills.includes(skill));
      this.cells[e][0].parentElement.hidden = !shown;
      this.cells[e].forEach((td, d) => this.paint(e, d, td));
    });
  }

  /// Marks the cells that violations name: a red corner for hard rules, amber for soft ones.
  markViolations(violations) {
    for (const td of this.marked.keys()) td.classList.remove("breach-hard", "breach-soft");
    this.marked = new Map();
    for (const v of violations) {
      // Cover violations name whole columns; marking every cell of a day would mark nothing useful.
      if (v.staff == null) continue;
      for (const td of this.cellsOf(v)) this.marked.set(td, this.marked.get(td) || v.hard);
    }
    for (const [td, hard] of this.marked) td.classList.add(hard ? "breach-hard" : "breach-soft");
  }

  /// The cells a violation is about: its staff member's row over its days; for cover, the day's cells
  /// of everyone who may hold the post, who are the planner's candidates to fix it.
  cellsOf(v) {
    if (v.day == null && v.staff == null) return [];
    const first = v.day ?? 0;
    const last = v.day == null ? this.model.dates.length - 1 : Math.min(first + Math.max(v.days, 1) - 1, this.model.dates.length - 1);
    const rows = v.staff != null
      ? [this.model.staff.findIndex((m) => m.id === v.staff)]
      : this.model.staff.map((_, e) => e).filter((e) => !v.post || this.model.staff[e].eligible.some((p) => p.name === v.post));
    const cells = [];
    for (const e of rows) {
      if (e < 0) continue;
      for (let d = first; d <= last; d++) cells.push(this.cells[e][d]);
    }
    return cells;
  }

  highlight(violation) {
    for (const td of this.highlighted) td.classList.remove("highlight");
    this.highlighted = new Set(violation ? this.cellsOf(violation) : []);
    for (const td of this.highlighted) td.classList.add("highlight");
    const first = [...this.highlighted].find((td) => !td.parentElement.hidden);
    if (first) first.scrollIntoView({ block: "nearest", inline: "nearest" });
    return this.highlighted.size;
  }

  moveFocus(e, d) {
    const rows = this.cells.map((_, i) => i).filter((i) => !this.cells[i][0].parentElement.hidden);
    if (!rows.length) return;
    if (!rows.includes(e)) e = rows.reduce((best, i) => (Math.abs(i - e) < Math.abs(best - e) ? i : best), rows[0]);
    d = Math.max(0, Math.min(d, this.model.dates.length - 1));
    this.cells[this.focus.e][this.focus.d].tabIndex = -1;
    this.focus = { e, d };
    const td = this.cells[e][d];
    td.tabIndex = 0;
    td.focus();
  }

  visibleRowAfter(e, step) {
    for (let i = e + step; i >= 0 && i < this.cells.length; i += step) {
      if (!this.cells[i][0].parentElement.hidden) return i;
    }
    return e;
  }

  clicked(event) {
    const td = event.target.closest("td.cell");
    if (!td) return;
    const e = Number(td.dataset.e), d = Number(td.dataset.d);
    this.moveFocus(e, d);
    if (this.swapFrom) this.finishSwap(e, d);
    else this.openMenu(e, d);
  }

  key(event) {
    const td = event.target.closest("td.cell");
    if (!td) return;
    const e = Number(td.dataset.e), d = Number(td.dataset.d);
    const moves = {
      ArrowLeft: [e, d - 1], ArrowRight: [e, d + 1],
      ArrowUp: [this.visibleRowAfter(e, -1), d], ArrowDown: [this.visibleRowAfter(e, 1), d],
      Home: [e, 0], End: [e, this.model.dates.length - 1],
    };
    if (moves[event.key]) {
      event.preventDefault();
      this.moveFocus(...moves[event.key]);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (this.swapFrom) this.finishSwap(e, d);
      else this.openMenu(e, d);
    } else if (event.key === "Escape" && this.swapFrom) {
      this.cancelSwap("Swap cancelled.");
    } else if ((event.key === "Delete" || event.key === "Backspace") && this.canEdit(e, d)) {
      event.preventDefault();
      this.actions.change([{ e, d, post: null }]);
    } else if (event.key.toLowerCase() === "p" && this.editable) {
      this.actions.togglePin(e, d);
    } else if (event.key.toLowerCase() === "s" && this.canEdit(e, d)) {
      this.startSwap(e, d);
    } else if (event.key.toLowerCase() === "w" && this.canEdit(e, d)) {
      this.actions.recommend({ swapWith: e, d });
    } else if (event.key.toLowerCase() === "r" && this.roster[e][d] && this.canEdit(e, d)) {
      this.actions.recommend({ replace: e, d });
    }
  }

  canEdit(e, d) {
    if (!this.editable) {
      this.actions.say("The roster follows the running solve; edit it when the solve has ended.");
      return false;
    }
    if (this.pins.has(`${e}:${d}`)) {
      this.actions.say("This cell is pinned: unpin it (P) to change it.");
      return false;
    }
    return true;
  }

  openMenu(e, d) {
    if (!this.canEdit(e, d)) return;
    const model = this.model;
    const member = model.staff[e];
    const current = this.roster[e][d];
    const option = (post) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "option" + (post ? ` swatch-${model.shifts.indexOf(post.shift) % palette}` : " swatch-off");
      button.dataset.post = post ? post.name : "";
      button.setAttribute("aria-pressed", String((post ? post.name : null) === current));
      button.textContent = post
        ? `${post.shift.name}${model.sites.length > 1 ? ` · ${post.site.name}` : ""}${post.skill ? ` · ${post.skill.name}` : ""}`
        : "Off";
      button.addEventListener("click", () => {
        this.closeMenu(true);
        if ((post ? post.name : null) !== current) this.actions.change([{ e, d, post: post ? post.name : null }]);
      });
      return button;
    };
    const title = document.createElement("p");
    title.className = "menu-title";
    title.textContent = `${member.name} · ${longDate(model.dates[d])}`;
    const list = document.createElement("div");
    list.className = "options";
    list.append(option(null), ...member.eligible.map(option));
    const tools = document.createElement("div");
    tools.className = "menu-tools";
    // A tool closes the menu, returning focus to the cell when it stays there (pin, swap), then acts.
    const tool = (label, returnFocus, act) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      button.addEventListener("click", () => {
        this.closeMenu(returnFocus);
        act();
      });
      return button;
    };
    tools.append(
      tool("Pin (P)", true, () => this.actions.togglePin(e, d)),
      tool("Swap with… (S)", true, () => this.startSwap(e, d)),
      tool("Who could swap? (W)", false, () => this.actions.recommend({ swapWith: e, d })));
    if (current) tools.append(tool("Who could take over? (R)", false, () => this.actions.recommend({ replace: e, d })));
    this.menu.replaceChildren(title, list, tools);
    this.menu.setAttribute("aria-label", `Change ${member.name}'s shift on ${longDate(model.dates[d])}`);
    this.menu.hidden = false;
    const rect = this.cells[e][d].getBoundingClientRect();
    const width = this.menu.offsetWidth, height = this.menu.offsetHeight;
    const left = Math.min(rect.left, window.innerWidth - width - 8);
    const top = rect.bottom + height + 8 > window.innerHeight ? Math.max(8, rect.top - height - 4) : rect.bottom + 4;
    this.menu.style.left = `${Math.max(8, left) + window.scrollX}px`;
    this.menu.style.top = `${top + window.scrollY}px`;
    (list.querySelector('[aria-pressed="true"]') ?? list.firstChild).focus();
  }

  closeMenu(returnFocus) {
    if (this.menu.hidden) return;
    this.menu.hidden = true;
    if (returnFocus && this.cells) this.cells[this.focus.e][this.focus.d].focus();
  }

  menuKey(event) {
    const buttons = [...this.menu.querySelectorAll("button")];
    const at = buttons.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      this.closeMenu(true);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      buttons[(at + step + buttons.length) % buttons.length].focus();
    } else if (event.key === "Tab") {
      // Keep focus inside the menu while it is open.
      event.preventDefault();
      buttons[(at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length].focus();
    }
  }

  startSwap(e, d) {
    this.swapFrom = { e, d };
    this.cells[e][d].classList.add("swap-source");
    this.cells.forEach((row, i) => {
      if (i !== e && !this.pins.has(`${i}:${d}`)) row[d].classList.add("swap-target");
    });
    this.actions.say(`Swap: choose another person's cell on ${longDate(this.model.dates[d])} (Esc cancels).`);
  }

  finishSwap(e, d) {
    const from = this.swapFrom;
    if (d !== from.d || e === from.e) {
      this.cancelSwap(e === from.e && d === from.d ? "Swap cancelled." : "A swap exchanges two people's shifts on the same day; swap cancelled.");
      return;
    }
    if (this.pins.has(`${e}:${d}`)) {
      this.cancelSwap("That cell is pinned; swap cancelled.");
      return;
    }
    this.cancelSwap("");
    this.actions.change([
      { e: from.e, d, post: this.roster[e][d] },
      { e, d, post: this.roster[from.e][d] },
    ]);
  }

  cancelSwap(message) {
    const { e, d } = this.swapFrom;
    this.cells[e][d].classList.remove("swap-source");
    this.cells.forEach((row) => row[d].classList.remove("swap-target"));
    this.swapFrom = null;
    if (message) this.actions.say(message);
  }
}

export function escapeHTML(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
