import RotorCore
import RotorFormats

/// One staff member's shifts in a roster as calendar events, on the real clock of the problem
/// (`CompiledProblem.cellStart`/`cellEnd`, so daylight-saving days and site time zones come out right).
enum StaffCalendar {
    /// `uidPrefix` names the roster (its job), so that a re-published feed updates its events in
    /// calendar clients instead of duplicating them, and two jobs' feeds never collide.
    static func events(staff e: Int, schedule: Schedule, problem p: CompiledProblem, uidPrefix: String) -> [CalendarEvent] {
        let staffId = p.staffName(e)
        return (0..<p.days).compactMap { d -> CalendarEvent? in
            let v = Int(schedule[staff: e, day: d])
            guard v > 0 else { return nil }
            let shift = p.problem.shiftTypes[Int(p.valueShift[v])]
            let site = p.problem.sites[Int(p.valueSite[v])]
            let cell = d * p.valueCount + v
            let date = p.date(d)
            return CalendarEvent(
                uid: "\(uidPrefix)-\(staffId)-\(date)@rotor",
                summary: p.siteCount > 1 ? "\(shift.name) — \(site.name)" : shift.name,
                location: p.siteCount > 1 ? site.name : nil,
                description: "\(p.valueName(v)) on \(date), rostered by Rotor",
                start: Int(p.cellStart[cell]) * 60,
                end: Int(p.cellEnd[cell]) * 60)
        }
    }
}
