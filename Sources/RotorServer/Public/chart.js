// The live chart of a solve: the best roster's hard penalty and soft objective over time, each line
// scaled to its own range (they differ by orders of magnitude), drawn as SVG so it stays sharp.

const width = 260, height = 110, left = 4, right = 4, top = 8, bottom = 18;

export class ScoreChart {
  constructor(svg) {
    this.svg = svg;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    this.reset();
  }

  reset() {
    this.points = [];
    this.draw();
  }

  add(seconds, score) {
    if (!score) return;
    this.points.push({ t: seconds, hard: score.hard, soft: score.soft });
    this.draw();
  }

  draw() {
    const points = this.points;
    const parts = [`<rect class="chart-bg" x="0" y="0" width="${width}" height="${height}" rx="6"/>`];
    if (points.length < 2) {
      parts.push(`<text class="chart-empty" x="${width / 2}" y="${height / 2}" text-anchor="middle">The best score appears here while a solve runs</text>`);
    } else {
      const tMax = Math.max(points[points.length - 1].t, 1);
      const x = (t) => left + (t / tMax) * (width - left - right);
      const line = (key) => {
        const values = points.map((p) => p[key]);
        const lo = Math.min(...values), hi = Math.max(...values);
        if (hi === 0) return "";
        const y = (v) => top + (hi === lo ? 0.5 : (hi - v) / (hi - lo)) * (height - top - bottom);
        // A step line: the best score holds until the next improvement.
        let path = `M${x(points[0].t).toFixed(1)},${y(values[0]).toFixed(1)}`;
        for (let i = 1; i < points.length; i++) {
          path += `H${x(points[i].t).toFixed(1)}V${y(values[i]).toFixed(1)}`;
        }
        return `<path class="line-${key}" d="${path}"/>`;
      };
      parts.push(line("hard"), line("soft"));
      parts.push(`<text class="chart-axis" x="${left}" y="${height - 4}">0 s</text>`);
      parts.push(`<text class="chart-axis" x="${width - right}" y="${height - 4}" text-anchor="end">${tMax.toFixed(0)} s</text>`);
    }
    this.svg.innerHTML = parts.join("");
    const last = points[points.length - 1];
    this.svg.setAttribute("aria-label", last
      ? `Best score over ${last.t.toFixed(0)} seconds: now ${last.hard} hard, ${last.soft} soft`
      : "No solve has run yet");
  }
}

