/// The problem as the solver sees it: identifiers replaced by small integers and every per-cell
/// fact laid out in flat contiguous arrays, so the inner loop touches no strings or dictionaries.
///
/// Cell values: 0 is a day off, `s + 1` is shift type `s`. Employee `e`'s day `d` lives at
/// index `e * days + d` in every per-cell array.
public struct CompiledProblem: Sendable {
    public let problem: CurtoisProblem
    public let staffCount: Int
    public let days: Int
    public let shiftCount: Int
    /// Number of cell values: shifts plus "off".
    public let valueCount: Int

    /// Minutes of each cell value (0 for off).
    public let valueMinutes: ContiguousArray<Int32>
    /// `forbiddenSuccession[a * valueCount + b]` is 1 when value `b` may not follow value `a` on the next day.
    public let forbiddenSuccession: ContiguousArray<UInt8>

    // Per staff member (contracts).
    public let maxShiftsOfType: ContiguousArray<Int32>   // [e * shiftCount + s], Int32.max when unlimited
    public let maxTotalMinutes: ContiguousArray<Int32>
    public let minTotalMinutes: ContiguousArray<Int32>
    public let maxConsecutiveShifts: ContiguousArray<Int32>
    public let minConsecutiveShifts: ContiguousArray<Int32>
    public let minConsecutiveDaysOff: ContiguousArray<Int32>
    public let maxWeekends: ContiguousArray<Int32>

    /// 1 where the staff member must not work that day (`[e * days + d]`).
    public let dayOff: ContiguousArray<UInt8>
    /// Soft cost of each value in each cell from shift-on and shift-off requests: `[(e * days + d) * valueCount + v]`.
    public let requestCost: ContiguousArray<Int32>

    // Cover, per (day, shift): `[d * shiftCount + s]`.
    public let coverRequired: ContiguousArray<Int32>
    public let coverUnderWeight: ContiguousArray<Int32>
    public let coverOverWeight: ContiguousArray<Int32>

    /// Name lookups for explanations and formats; never used in the search loop.
    public let staffIndex: [String: Int]
    public let shiftIndex: [String: Int]
    public func staffName(_ e: Int) -> String { problem.staff[e].id }
    public func shiftName(_ s: Int) -> String { s >= 0 && s < shiftCount ? problem.shiftTypes[s].id : "off" }

    /// Weekends whose Saturday lies inside the horizon.
    public var weekendCount: Int { (days + 1) / 7 }

    public init(_ problem: CurtoisProblem) throws(ModelError) {
        var errors: [String] = []
        let days = problem.horizonDays
        if days <= 0 { errors.append("the horizon must be at least one day, found \(days)") }
        var shiftIndex: [String: Int] = [:]
        for (i, shift) in problem.shiftTypes.enumerated() {
            if shiftIndex[shift.id] != nil { errors.append("shift type \(shift.id) is defined twice") }
            shiftIndex[shift.id] = i
            if shift.minutes < 0 { errors.append("shift type \(shift.id) has a negative length \(shift.minutes)") }
        }
        if problem.shiftTypes.isEmpty { errors.append("there must be at least one shift type") }
        if problem.shiftTypes.count > 250 { errors.append("at most 250 shift types are supported, found \(problem.shiftTypes.count)") }
        var staffIndex: [String: Int] = [:]
        for (i, member) in problem.staff.enumerated() {
            if staffIndex[member.id] != nil { errors.append("staff member \(member.id) is defined twice") }
            staffIndex[member.id] = i
        }
        func shift(_ id: String, _ context: String) -> Int? {
            if let s = shiftIndex[id] { return s }
            errors.append("\(context) names shift type \(id), which is not defined")
            return nil
        }
        func staff(_ id: String, _ context: String) -> Int? {
            if let e = staffIndex[id] { return e }
            errors.append("\(context) names staff member \(id), who is not defined")
            return nil
        }
        func day(_ d: Int, _ context: String) -> Int? {
            if d >= 0 && d < days { return d }
            errors.append("\(context) names day \(d), outside the horizon 0..\(days - 1)")
            return nil
        }

        let S = problem.shiftTypes.count
        let V = S + 1
        let E = problem.staff.count
        let H = max(days, 0)
        var valueMinutes = ContiguousArray<Int32>(repeating: 0, count: V)
        var forbidden = ContiguousArray<UInt8>(repeating: 0, count: V * V)
        for (s, type) in problem.shiftTypes.enumerated() {
            valueMinutes[s + 1] = Int32(clamping: type.minutes)
            for next in type.forbiddenNext {
                if let t = shift(next, "shift type \(type.id)'s forbidden successors") { forbidden[(s + 1) * V + t + 1] = 1 }
            }
        }
        var maxOfType = ContiguousArray<Int32>(repeating: Int32.max, count: E * S)
        var maxMin = ContiguousArray<Int32>(), minMin = ContiguousArray<Int32>()
        var maxCons = ContiguousArray<Int32>(), minCons = ContiguousArray<Int32>()
        var minOff = ContiguousArray<Int32>(), maxWeekends = ContiguousArray<Int32>()
        var dayOff = ContiguousArray<UInt8>(repeating: 0, count: E * H)
        for (e, member) in problem.staff.enumerated() {
            let c = member.contract
            for (id, limit) in c.maxShifts.sorted(by: { $0.key < $1.key }) {
                if let s = shift(id, "the contract of \(member.id)") { maxOfType[e * S + s] = Int32(clamping: limit) }
            }
            for (name, value) in [("max total minutes", c.maxTotalMinutes), ("min total minutes", c.minTotalMinutes),
                                  ("max consecutive shifts", c.maxConsecutiveShifts),
                                  ("min consecutive shifts", c.minConsecutiveShifts),
                                  ("min consecutive days off", c.minConsecutiveDaysOff), ("max weekends", c.maxWeekends)]
            where value < 0 {
                errors.append("the \(name) of \(member.id) is negative (\(value))")
            }
            maxMin.append(Int32(clamping: c.maxTotalMinutes))
            minMin.append(Int32(clamping: c.minTotalMinutes))
            maxCons.append(Int32(clamping: c.maxConsecutiveShifts))
            minCons.append(Int32(clamping: c.minConsecutiveShifts))
            minOff.append(Int32(clamping: c.minConsecutiveDaysOff))
            maxWeekends.append(Int32(clamping: c.maxWeekends))
            for d in member.daysOff {
                if let d = day(d, "the days off of \(member.id)") { dayOff[e * H + d] = 1 }
            }
        }
        var requestCost = ContiguousArray<Int32>(repeating: 0, count: E * H * V)
        for r in problem.shiftOnRequests {
            let ctx = "a shift-on request of \(r.staff)"
            guard let e = staff(r.staff, "a shift-on request"), let d = day(r.day, ctx), let s = shift(r.shift, ctx) else { continue }
            // Costs w unless the requested shift is worked: add w to every other value.
            for v in 0..<V where v != s + 1 { requestCost[(e * H + d) * V + v] += Int32(clamping: r.weight) }
        }
        for r in problem.shiftOffRequests {
            let ctx = "a shift-off request of \(r.staff)"
            guard let e = staff(r.staff, "a shift-off request"), let d = day(r.day, ctx), let s = shift(r.shift, ctx) else { continue }
            requestCost[(e * H + d) * V + s + 1] += Int32(clamping: r.weight)
        }
        var coverRequired = ContiguousArray<Int32>(repeating: 0, count: H * S)
        var coverUnder = ContiguousArray<Int32>(repeating: 0, count: H * S)
        var coverOver = ContiguousArray<Int32>(repeating: 0, count: H * S)
        for c in problem.cover {
            guard let d = day(c.day, "a cover requirement"), let s = shift(c.shift, "a cover requirement on day \(c.day)") else { continue }
            if c.required < 0 || c.underWeight < 0 || c.overWeight < 0 {
                errors.append("the cover requirement for \(c.shift) on day \(c.day) has a negative number")
            }
            coverRequired[d * S + s] += Int32(clamping: c.required)
            coverUnder[d * S + s] = Int32(clamping: c.underWeight)
            coverOver[d * S + s] = Int32(clamping: c.overWeight)
        }
        if !errors.isEmpty { throw ModelError(errors) }

        self.problem = problem
        self.staffCount = E
        self.days = H
        self.shiftCount = S
        self.valueCount = V
        self.valueMinutes = valueMinutes
        self.forbiddenSuccession = forbidden
        self.maxShiftsOfType = maxOfType
        self.maxTotalMinutes = maxMin
        self.minTotalMinutes = minMin
        self.maxConsecutiveShifts = maxCons
        self.minConsecutiveShifts = minCons
        self.minConsecutiveDaysOff = minOff
        self.maxWeekends = maxWeekends
        self.dayOff = dayOff
        self.requestCost = requestCost
        self.coverRequired = coverRequired
        self.coverUnderWeight = coverUnder
        self.coverOverWeight = coverOver
        self.staffIndex = staffIndex
        self.shiftIndex = shiftIndex
    }

    /// The weekend (0-based) that day `d` belongs to, or -1 on a weekday. Weekend `w` is days 7w+5 and 7w+6.
    @inline(__always) public func weekend(ofDay d: Int) -> Int {
        d % 7 >= 5 ? d / 7 : -1
    }
}
