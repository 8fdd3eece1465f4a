import RotorCore

/// A roster as a printable page: one HTML document, one section per site, each on its own sheet of
/// paper (landscape, the browser's "Print" or "Save as PDF"), staff who work there × dates, each cell
/// the shift (and skill) worked at that site in the shift's colour, weekends shaded, and a legend of
/// the shifts with their times. Self-contained: its styles are inline, nothing is loaded from elsewhere.
package enum RosterPrint {
    package static func html(_ schedule: Schedule, problem p: CompiledProblem, evaluation: Evaluation) -> String {
        let problem = p.problem
        let palette = RosterWorkbook.palette
        let from = p.date(0), to = p.date(p.days - 1)
        var out = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escaped(problem.name)) · roster \(from) to \(to)</title>
            <style>
            @page { size: A4 landscape; margin: 10mm; }
            body { font: 9pt/1.3 system-ui, sans-serif; color: #1f2328; margin: 0; }
            section.site { break-after: page; padding: 6mm 0; }
            section.site:last-of-type { break-after: auto; }
            h1 { font-size: 13pt; margin: 0 0 1mm; }
            p.meta { margin: 0 0 3mm; color: #57606a; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; }
            th, td { border: 0.5pt solid #afb8c1; padding: 0.6mm 0.4mm; text-align: center; overflow: hidden; white-space: nowrap; font-size: 7pt; }
            th.staff, td.staff { text-align: left; width: 28mm; font-size: 8pt; }
            thead th { background: #f6f8fa; }
            .weekend { background: #eef1f4; }
            \(palette.enumerated().map { "td.s\($0) { background: #\($1); }" }.joined(separator: "\n"))
            ul.legend { list-style: none; padding: 0; margin: 3mm 0 0; display: flex; flex-wrap: wrap; gap: 4mm; }
            ul.legend span { display: inline-block; width: 4mm; height: 3mm; border: 0.5pt solid #afb8c1; vertical-align: middle; margin-right: 1mm; }
            @media print { * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
            </style>
            </head>
            <body>

            """
        let legend = problem.shiftTypes.enumerated().map { i, shift in
            "<li><span class=\"s\(i % palette.count)\" style=\"background:#\(palette[i % palette.count])\"></span>"
                + "\(escaped(shift.name)) \(clock(shift.startMinute))–\(clock(shift.startMinute + shift.minutes))</li>"
        }.joined()
        let score = evaluation.score.isFeasible
            ? "objective \(evaluation.score.soft), no hard rule broken"
            : "objective \(evaluation.score.soft), hard penalty \(evaluation.score.hard)"
        for (x, site) in problem.sites.enumerated() {
            out += "<section class=\"site\">\n<h1>\(escaped(site.name)) · \(escaped(problem.name))</h1>\n"
            out += "<p class=\"meta\">\(from) to \(to) · \(escaped(site.timeZone ?? problem.horizon.timeZone)) · \(score)</p>\n"
            out += "<table>\n<thead><tr><th class=\"staff\">Staff</th>"
            for d in 0..<p.days {
                let date = p.date(d)
                let month = d == 0 || date.day == 1 ? " " + date.monthShortName : ""
                out += "<th\(date.isWeekend ? " class=\"weekend\"" : "")>\(RosterWorkbook.weekday(p, d))<br>\(date.day)\(month)</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            for e in 0..<p.staffCount {
                var cells = "", works = false
                for d in 0..<p.days {
                    let v = Int(schedule[staff: e, day: d])
                    guard v != 0, Int(p.valueSite[v]) == x else {
                        cells += p.date(d).isWeekend ? "<td class=\"weekend\"></td>" : "<td></td>"
                        continue
                    }
                    works = true
                    let t = Int(p.valueShift[v])
                    let skill = p.valueSkill[v] >= 0 ? "<br>" + escaped(problem.skills[Int(p.valueSkill[v])].id) : ""
                    cells += "<td class=\"s\(t % palette.count)\">\(escaped(problem.shiftTypes[t].id))\(skill)</td>"
                }
                guard works || problem.staff[e].homeSite == site.id else { continue }
                out += "<tr><td class=\"staff\">\(escaped(problem.staff[e].name))</td>\(cells)</tr>\n"
            }
            out += "</tbody>\n</table>\n<ul class=\"legend\">\(legend)</ul>\n</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    /// The wall-clock time of a minute of the day ("HH:MM"), modulo a day.
    static func clock(_ minute: Int) -> String {
        let total = (minute % 1440 + 1440) % 1440
        let h = total / 60, m = total % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    static func escaped(_ text: String) -> String { RosterWorkbook.escaped(text) }
}
