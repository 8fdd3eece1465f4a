import Foundation
import RotorCore
import RotorFormats
import Testing

private func day(_ text: String) -> LocalDate {
    guard let date = LocalDate(text) else { fatalError("bad test date \(text)") }
    return date
}

/// A small problem written both ways; the two texts must read to the same model.
private let smallJSON = """
    {
      "name": "small",
      "horizon": {"start": "2027-03-01", "days": 7, "timeZone": "Europe/Paris"},
      "sites": ["ward", {"id": "annex", "name": "The Annex", "timeZone": "Europe/Brussels"}],
      "skills": ["nurse"],
      "shifts": [
        {"id": "day", "start": "07:00", "hours": 12},
        {"id": "night", "name": "Night", "start": "19:00", "hours": 11.5, "tags": ["night"]}
      ],
      "contracts": [
        {"id": "c", "rules": [
          {"rule": "min-rest", "hours": 11},
          {"rule": "max-weekends", "weekends": 1, "weight": 7},
          {"preset": "us-wildland-fire"}
        ]}
      ],
      "staff": [
        {"id": "a", "skills": ["nurse"], "homeSite": "ward", "deployableSites": ["annex"], "contract": "c",
         "unavailable": ["2027-03-03", {"from": "2027-03-05", "to": "2027-03-06"}],
         "requests": [{"date": "2027-03-02", "want": "off"}, {"date": "2027-03-04", "shift": "night", "want": "on", "weight": 4}],
         "pinned": [{"date": "2027-03-01", "shift": "day", "site": "annex"}, {"date": "2027-03-02"}]},
        {"id": "b", "name": "Bea", "skills": ["nurse"], "homeSite": "annex", "contract": "c",
         "history": [{"date": "2027-02-28", "shift": "night"}]}
      ],
      "demand": [
        {"site": "ward", "shift": "day", "skill": "nurse", "minimum": 1, "preferred": 2, "preferredWeight": 3, "maximum": 2, "overWeight": 1},
        {"site": "annex", "shift": "night", "days": ["sat", "sun"], "minimum": 1, "minimumWeight": 100}
      ]
    }
    """

private let smallYAML = """
    # The same problem by hand: unquoted times, dates and on/off are read as text, not as YAML 1.1 numbers,
    # timestamps and booleans.
    name: small
    horizon: {start: 2027-03-01, days: 7, timeZone: Europe/Paris}
    sites:
      - ward
      - id: annex
        name: The Annex
        timeZone: Europe/Brussels
    skills: [nurse]
    shifts:
      - {id: day, start: 07:00, hours: 12}
      - {id: night, name: Night, start: 19:00, hours: 11.5, tags: [night]}
    contracts:
      - id: c
        rules:
          - {rule: min-rest, hours: 11}
          - {rule: max-weekends, weekends: 1, weight: 7}
          - preset: us-wildland-fire
    staff:
      - id: a
        skills: [nurse]
        homeSite: ward
        deployableSites: [annex]
        contract: c
        unavailable: [2027-03-03, {from: 2027-03-05, to: 2027-03-06}]
        requests:
          - {date: 2027-03-02, want: off}
          - {date: 2027-03-04, shift: night, want: on, weight: 4}
        pinned:
          - {date: 2027-03-01, shift: day, site: annex}
          - date: 2027-03-02
      - id: b
        name: Bea
        skills: [nurse]
        homeSite: annex
        contract: c
        history:
          - {date: 2027-02-28, shift: night}
    demand:
      - {site: ward, shift: day, skill: nurse, minimum: 1, preferred: 2, preferredWeight: 3, maximum: 2, overWeight: 1}
      - {site: annex, shift: night, days: [sat, sun], minimum: 1, minimumWeight: 100}
    """

private let smallProblem = Problem(
    name: "small",
    horizon: Horizon(start: day("2027-03-01"), days: 7, timeZone: "Europe/Paris"),
    sites: [Site(id: "ward"), Site(id: "annex", name: "The Annex", timeZone: "Europe/Brussels")],
    skills: [Skill(id: "nurse")],
    shiftTypes: [
        ShiftType(id: "day", startMinute: 420, minutes: 720),
        ShiftType(id: "night", name: "Night", startMinute: 1140, minutes: 690, tags: ["night"]),
    ],
    contracts: [Contract(id: "c", rules: [
        ContractRule(.minRest(minutes: 660)), ContractRule(.maxWeekends(1), .soft(7)),
        ContractRule(.preset(.usWildlandFire)),
    ])],
    staff: [
        StaffMember(
            id: "a", skills: ["nurse"], homeSite: "ward", deployableSites: ["annex"], contract: "c",
            unavailable: [DateRange(day("2027-03-03")), DateRange(from: day("2027-03-05"), to: day("2027-03-06"))],
            requests: [
                Request(date: day("2027-03-02"), shift: nil, on: false, weight: 1),
                Request(date: day("2027-03-04"), shift: "night", on: true, weight: 4),
            ],
            pinned: [Pin(date: day("2027-03-01"), shift: "day", site: "annex"), Pin(date: day("2027-03-02"), shift: nil)]),
        StaffMember(id: "b", name: "Bea", skills: ["nurse"], homeSite: "annex", contract: "c",
                    history: [HistoryShift(date: day("2027-02-28"), shift: "night")]),
    ],
    demand: [
        Demand(site: "ward", shift: "day", skill: "nurse", minimum: 1, preferred: 2, preferredWeight: 3, maximum: 2, overWeight: 1),
        Demand(site: "annex", shift: "night", days: .weekdays([6, 7]), minimum: 1, minimumWeight: .soft(100)),
    ])

/// A problem using every field and every rule kind, with durations that are not whole hours.
private let richProblem: Problem = {
    var problem = smallProblem
    problem.name = "rich \"quoted\" name\twith a tab"
    problem.skills.append(Skill(id: "medic", name: "Paramedic"))
    problem.shiftTypes.append(ShiftType(id: "late", name: "Late", startMinute: 13 * 60 + 45, minutes: 500, tags: ["late", "x"]))
    let everyRule: [ContractRule] = [
        ContractRule(.minRest(minutes: 660)),
        ContractRule(.maxMinutesInWindow(days: 7, minutes: 3600), .soft(2)),
        ContractRule(.minutesPerPeriod(periodDays: 7, min: 1200, max: 2880)),
        ContractRule(.minutesPerPeriod(periodDays: nil, min: nil, max: 9000), .soft(1)),
        ContractRule(.shiftsPerPeriod(periodDays: 14, min: 2, max: 10)),
        ContractRule(.shiftsPerPeriod(periodDays: nil, min: 1, max: nil), .soft(0)),
        ContractRule(.maxConsecutiveDays(5)),
        ContractRule(.minConsecutiveDays(2), .soft(3)),
        ContractRule(.minConsecutiveDaysOff(2)),
        ContractRule(.maxConsecutiveNights(4)),
        ContractRule(.minRestAfterNights(minutes: 46 * 60 + 30)),
        ContractRule(.maxShiftsOfType(shift: "night", max: 3)),
        ContractRule(.forbiddenSuccession(from: "night", to: "day")),
        ContractRule(.maxWeekends(1), .soft(30)),
        ContractRule(.completeWeekends, .soft(10)),
        ContractRule(.workRestRatio(work: 2, rest: 1)),
        ContractRule(.maxShiftMinutes(16 * 60)),
        ContractRule(.weeklyRest(minutes: 35 * 60)),
        ContractRule(.maxDeploymentDays(14)),
        ContractRule(.rotation(pattern: ["day", "day", "night", "night", "-", "-", "*"], start: day("2027-02-22")), .soft(30)),
        ContractRule(.rotation(pattern: ["-", "late"], start: nil)),
        ContractRule(.preset(.euWorkingTimeDirective), .soft(1000)),
        ContractRule(.preset(.usWildlandFire)),
    ]
    problem.contracts.append(Contract(id: "everything", rules: everyRule))
    problem.staff.append(StaffMember(
        id: "m", name: "Max", skills: ["medic", "nurse"], homeSite: "annex", deployableSites: ["ward"],
        contract: "everything", unavailable: [DateRange(day("2027-03-07"))],
        requests: [Request(date: day("2027-03-01"), shift: "late", on: false, weight: 0)],
        pinned: [Pin(date: day("2027-03-03"), shift: "late", site: "ward", skill: "medic")], history: [],
        rotationStart: day("2026-12-28")))
    problem.demand += [
        Demand(site: "ward", shift: "late", skill: "medic", days: .dates([day("2027-03-02"), day("2027-03-03")]), minimum: 1),
        Demand(site: "ward", shift: "night", days: .range(from: day("2027-03-01"), to: day("2027-03-04")), minimum: 0,
               preferred: 1, preferredWeight: 5),
    ]
    problem.travel = [Travel(from: "ward", to: "annex", minutes: 25)]
    problem.fairness = [FairnessGoal(measure: .hours, weight: 1), FairnessGoal(measure: .weekends, contract: "c", weight: 3)]
    problem.crews = [Crew(id: "unit", members: ["a", "m"]), Crew(id: "apart", members: ["m", "a"], apart: true, weight: .soft(4))]
    problem.stability = Stability(weight: 2, previous: [
        PreviousAssignment(staff: "a", date: day("2027-03-01"), shift: "day"),
        PreviousAssignment(staff: "m", date: day("2027-03-02"), shift: "late", site: "ward", skill: "medic"),
    ])
    return problem
}()

/// The errors reading `text` gives (recording an issue when it is accepted).
private func readErrors(
    _ text: String, fileName: String = "test.yaml", sourceLocation: SourceLocation = #_sourceLocation
) -> [FormatError] {
    do {
        _ = try ProblemDocument.parse(text, fileName: fileName)
        Issue.record("expected errors, but the document was accepted", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.errors
    }
}

/// The small YAML with one line replaced (matched by its exact text, indentation included).
private func smallYAML(replacing old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    #expect(smallYAML.contains(old), "no line \(old)", sourceLocation: sourceLocation)
    return smallYAML.replacingOccurrences(of: old, with: new)
}

/// Expects exactly one error, at `path`, saying each of `words`.
private func expectOneError(
    _ text: String, at path: String, saying words: [String], line: Int? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let errors = readErrors(text, sourceLocation: sourceLocation)
    #expect(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
    guard let error = errors.first else { return }
    #expect(error.file == "test.yaml", sourceLocation: sourceLocation)
    #expect(error.message.hasPrefix(path + ": "), "\(error)", sourceLocation: sourceLocation)
    if let line { #expect(error.line == line, "\(error)", sourceLocation: sourceLocation) }
    for word in words {
        #expect(error.message.contains(word), "\"\(word)\" not in: \(error)", sourceLocation: sourceLocation)
    }
}

@Suite("Problem documents")
struct ProblemDocumentTests {
    @Test func jsonAndYAMLReadToTheSameModel() throws {
        let fromJSON = try ProblemDocument.parse(smallJSON, fileName: "small.json")
        let fromYAML = try ProblemDocument.parse(smallYAML, fileName: "small.yaml")
        #expect(fromJSON == smallProblem)
        #expect(fromYAML == smallProblem)
    }

    /// Nine levels of nine aliases stand for 387 million values in 300 bytes; reading stops at the
    /// document's own size instead of composing them all.
    @Test func aliasesThatExpandBeyondTheDocumentAreRefused() throws {
        var text = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for (level, name) in "bcdefghi".enumerated() {
            let previous = level == 0 ? "a" : String(Array("bcdefghi")[level - 1])
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        #expect(throws: ProblemDocumentError.self) { try ProblemDocument.parse(text, fileName: "bomb.yaml") }
        do {
            _ = try ProblemDocument.parse(text, fileName: "bomb.yaml")
        } catch {
            #expect(error.description.contains("bomb.yaml:") && error.description.contains("aliases expand the document"), "\(error)")
        }
    }

    @Test func syntaxIsDetectedFromTheExtensionThenTheContent() {
        #expect(ProblemDocument.syntax(fileName: "a.JSON", text: "name: x") == .json)
        #expect(ProblemDocument.syntax(fileName: "a.yml", text: "{}") == .yaml)
        #expect(ProblemDocument.syntax(fileName: "a.yaml", text: "{}") == .yaml)
        #expect(ProblemDocument.syntax(fileName: "problem", text: "\n  {\"name\": 1}") == .json)
        #expect(ProblemDocument.syntax(fileName: "problem.txt", text: "name: x") == .yaml)
    }

    @Test func theNameDefaultsToTheFileName() throws {
        let text = smallYAML.replacingOccurrences(of: "name: small\n", with: "")
        #expect(try ProblemDocument.parse(text, fileName: "plans/ward-march.yaml").name == "ward-march")
    }

    @Test func roundTripOfARichProblem() throws {
        #expect(richProblem.validationErrors() == [])
        let json = ProblemDocument.write(richProblem)
        let read = try ProblemDocument.parse(json, fileName: "rich.json")
        #expect(read == richProblem)
        #expect(ProblemDocument.write(read) == json, "writing is stable")
        // Written text is also YAML (JSON is a subset of YAML 1.2), and reads the same.
        #expect(try ProblemDocument.parse(json, fileName: "rich.yaml") == richProblem)
    }

    @Test func writtenJSONIsReadable() {
        let json = ProblemDocument.write(smallProblem)
        #expect(json.contains(#"{"rule": "min-rest", "hours": 11}"#), "\(json)")
        #expect(json.contains(#""start": "19:00", "hours": 11.5"#), "\(json)")
        #expect(json.contains(#""days": ["sat", "sun"]"#), "\(json)")
        #expect(!json.contains("\"weight\": \"hard\""), "hard is the default and is left out")
    }

    // MARK: Shape errors

    @Test func wrongTypesNameThePathAndWhatWasExpected() {
        expectOneError(smallYAML(replacing: "    skills: [nurse]\n    homeSite: ward", with: "    skills: [nurse, 3]\n    homeSite: ward"),
                       at: "$.staff[0].skills[1]", saying: ["expected a string, found 3"], line: 22)
        expectOneError(smallYAML(replacing: "days: 7,", with: "days: seven,"),
                       at: "$.horizon.days", saying: ["expected a whole number", "found \"seven\""])
        expectOneError(smallYAML(replacing: "hours: 11.5", with: "hours: [11]"),
                       at: "$.shifts[1].hours", saying: ["expected a number of hours", "found a list"])
        expectOneError(smallYAML(replacing: "hours: 11.5", with: "hours: 8.33"),
                       at: "$.shifts[1].hours", saying: ["whole minutes"])
        expectOneError(smallYAML(replacing: "start: 19:00", with: "start: 25:00"),
                       at: "$.shifts[1].start", saying: ["HH:MM", "found \"25:00\""])
        expectOneError(smallYAML(replacing: "{date: 2027-03-02, want: off}", with: "{date: 2027-02-30, want: off}"),
                       at: "$.staff[0].requests[0].date", saying: ["YYYY-MM-DD", "2027-02-30"])
        expectOneError(smallYAML(replacing: "want: off", with: "want: maybe"),
                       at: "$.staff[0].requests[0].want", saying: ["\"on\" or \"off\""])
        expectOneError(smallYAML(replacing: "weekends: 1, weight: 7", with: "weekends: 1, weight: -7"),
                       at: "$.contracts[0].rules[1].weight", saying: ["\"hard\" or a whole number ≥ 0", "found -7"])
        expectOneError(smallYAML(replacing: "weekends: 1, weight: 7", with: "weekends: 1, weight: soft"),
                       at: "$.contracts[0].rules[1].weight", saying: ["found \"soft\""])
        expectOneError(smallYAML(replacing: "days: [sat, sun]", with: "days: [sat, sunday, caturday]"),
                       at: "$.demand[1].days[2]", saying: ["weekday"])
        expectOneError(smallYAML(replacing: "days: [sat, sun]", with: "days: weekends"),
                       at: "$.demand[1].days", saying: ["every-day"])
        expectOneError(smallYAML(replacing: "sites:\n  - ward", with: "sites:\n  - ward\n  - 12"),
                       at: "$.sites[1]", saying: ["expected a site id or an object", "found 12"])
        expectOneError(smallYAML(replacing: "unavailable: [2027-03-03,", with: "unavailable: [true,"),
                       at: "$.staff[0].unavailable[0]", saying: ["{from, to}", "found true"])
        expectOneError(smallYAML(replacing: "  - id: c\n", with: "  - id: \"\"\n"),
                       at: "$.contracts[0].id", saying: ["empty"])
        expectOneError(smallYAML(replacing: "{rule: min-rest, hours: 11}", with: "{rule: rotation, pattern: [day, night]}"),
                       at: "$.contracts[0].rules[0].pattern", saying: ["a pattern of days such as \"D D N N - - - -\"", "found a list"])
        expectOneError(smallYAML(replacing: "{rule: min-rest, hours: 11}", with: "{rule: rotation, pattern: \"day -\", start: monday}"),
                       at: "$.contracts[0].rules[0].start", saying: ["YYYY-MM-DD", "monday"])
        expectOneError(smallYAML(replacing: "    homeSite: annex", with: "    homeSite: annex\n    rotationStart: 3"),
                       at: "$.staff[1].rotationStart", saying: ["YYYY-MM-DD", "found 3"])
    }

    /// A crew has 2 or more distinct, defined members and a unique id.
    @Test func crewsAreChecked() {
        let errors = readErrors(smallYAML(replacing: "name: small\n", with: "name: small\ncrews:\n  - {id: u, members: [a, a, zed]}\n  - {id: u, members: [b], apart: yes}\n"))
        #expect(errors.map(\.message) == ["$.crews[1].apart: expected true or false, found \"yes\""], "\(errors)")
        let semantic = readErrors(smallYAML(replacing: "name: small\n", with: "name: small\ncrews:\n  - {id: u, members: [a, a, zed]}\n  - {id: u, members: [b], apart: true}\n"))
        #expect(semantic.map(\.message) == [
            "$.crews[1].id: duplicate crew id \"u\" (first at $.crews[0])",
            "$.crews[0].members[1]: \"a\" is listed twice",
            "$.crews[0].members[2]: staff member \"zed\" is not defined",
            "$.crews[1].members: a crew needs at least 2 members, found 1",
        ], "\(semantic)")
    }

    /// A rotation's pattern names defined shifts, `-` or `*`, and has 1 to 366 days.
    @Test func aRotationPatternIsCheckedDayByDay() {
        let errors = readErrors(smallYAML(replacing: "{rule: min-rest, hours: 11}", with: "{rule: rotation, pattern: \"day D - * night\"}"))
        #expect(errors.map(\.message) == ["$.contracts[0].rules[0].pattern: day 2 is \"D\", expected a shift id, \"-\" (off) or \"*\" (any shift)"], "\(errors)")
        let empty = readErrors(smallYAML(replacing: "{rule: min-rest, hours: 11}", with: "{rule: rotation, pattern: \"  \"}"))
        #expect(empty.map(\.message) == ["$.contracts[0].rules[0].pattern: is empty; expected days such as \"D D N N - - - -\""], "\(empty)")
        let long = readErrors(smallYAML(replacing: "{rule: min-rest, hours: 11}", with: "{rule: rotation, pattern: \"\(String(repeating: "- ", count: 367))\"}"))
        #expect(long.map(\.message) == ["$.contracts[0].rules[0].pattern: has 367 days, at most 366 allowed"], "\(long)")
    }

    @Test func unknownKeysListTheAllowedOnes() {
        expectOneError(smallYAML(replacing: "    homeSite: annex", with: "    homeSite: annex\n    homesite: annex"),
                       at: "$.staff[1].homesite", saying: ["unknown key \"homesite\"", "homeSite, contract"])
        expectOneError(smallYAML(replacing: "{rule: min-rest, hours: 11}", with: "{rule: min-rest, hours: 11, days: 2}"),
                       at: "$.contracts[0].rules[0].days", saying: ["expected one of rule, hours, weight"])
        expectOneError(smallYAML(replacing: "name: small", with: "name: small\n\"two words\": 1"),
                       at: "$[\"two words\"]", saying: ["unknown key"])
    }

    @Test func missingKeysAndUnknownRules() {
        expectOneError(smallYAML(replacing: "{rule: min-rest, hours: 11}", with: "{rule: min-rest}"),
                       at: "$.contracts[0].rules[0]", saying: ["missing key \"hours\""])
        expectOneError(smallYAML(replacing: "{rule: min-rest, hours: 11}", with: "{rule: min-rests, hours: 11}"),
                       at: "$.contracts[0].rules[0].rule", saying: ["\"min-rest\"", "\"max-deployment-days\""])
        expectOneError(smallYAML(replacing: "preset: us-wildland-fire", with: "preset: uk"),
                       at: "$.contracts[0].rules[2].preset", saying: ["\"eu-working-time-directive\", \"us-wildland-fire\""])
        expectOneError(smallYAML(replacing: "{rule: min-rest, hours: 11}", with: "{hours: 11}"),
                       at: "$.contracts[0].rules[0]", saying: ["missing key \"rule\""])
        expectOneError(smallYAML(replacing: "name: small\n", with: "name: small\nhorizon: 3\n")
                        .replacingOccurrences(of: "horizon: {start: 2027-03-01, days: 7, timeZone: Europe/Paris}\n", with: ""),
                       at: "$.horizon", saying: ["expected an object with keys start, days, timeZone, found 3"])
        let errors = readErrors("name: empty\n")
        #expect(errors.count == 6, "\(errors)")
        #expect(errors.allSatisfy { $0.message.hasPrefix("$: missing key") })
    }

    @Test func nullMeansAbsentForOptionalKeysOnly() throws {
        let optionalNull = smallYAML(replacing: "    name: Bea\n", with: "    name: ~\n")
        #expect(try ProblemDocument.parse(optionalNull, fileName: "test.yaml").staff[1].name == "b")
        expectOneError(smallYAML(replacing: "    contract: c\n    history", with: "    contract: null\n    history"),
                       at: "$.staff[1].contract", saying: ["found null"])
    }

    @Test func everyShapeErrorIsReportedInOnePass() {
        let text = smallJSON
            .replacingOccurrences(of: #""days": 7"#, with: #""days": "7""#)
            .replacingOccurrences(of: #""hours": 11.5"#, with: #""hours": "11.5""#)
            .replacingOccurrences(of: #""want": "on""#, with: #""want": true"#)
            .replacingOccurrences(of: #""minimumWeight": 100"#, with: #""minimumWeigth": 100"#)
        let errors = readErrors(text, fileName: "small.json")
        let paths = errors.map { String($0.message.prefix { $0 != ":" }) }
        #expect(paths == ["$.horizon.days", "$.shifts[1].hours", "$.staff[0].requests[1].want", "$.demand[1].minimumWeigth"],
                "\(errors)")
        #expect(errors.map(\.line) == [3, 8, 20, 27])
        #expect(errors.allSatisfy { $0.file == "small.json" })
    }

    @Test func semanticErrorsFollowAWellFormedDocumentWithLines() {
        let text = smallYAML(replacing: "    homeSite: annex", with: "    homeSite: west")
            .replacingOccurrences(of: "{date: 2027-03-04, shift: night", with: "{date: 2027-03-09, shift: late")
        let errors = readErrors(text)
        #expect(errors.map(\.message) == [
            "$.staff[0].requests[1].date: 2027-03-09 is outside the horizon (2027-03-01 to 2027-03-07)",
            "$.staff[0].requests[1].shift: shift \"late\" is not defined",
            "$.staff[1].homeSite: site \"west\" is not defined",
        ], "\(errors)")
        #expect(errors.map(\.line) == [29, 29, 36])
        #expect(errors.first?.description.hasPrefix("test.yaml:29: $.staff[0].requests[1].date: ") == true)
    }

    // MARK: Syntax errors

    @Test func jsonSyntaxErrorsGiveLineAndColumn() {
        let broken = smallJSON.replacingOccurrences(of: #""days": 7,"#, with: #""days": 7"#)
        let errors = readErrors(broken, fileName: "small.json")
        #expect(errors.count == 1)
        #expect(errors.first?.line == 3)
        #expect(errors.first?.message.contains("column 48") == true, "\(errors)")
        #expect(errors.first?.message.contains("expected ',' or '}'") == true, "\(errors)")

        let duplicate = readErrors(#"{"name": "a",\n "name": "b"}"#.replacingOccurrences(of: "\\n", with: "\n"), fileName: "d.json")
        #expect(duplicate.first?.line == 2)
        #expect(duplicate.first?.message.contains("duplicate key \"name\"") == true, "\(duplicate)")

        #expect(readErrors("{\"a\": 01}", fileName: "z.json").first?.message.contains("leading zeros") == true)
        #expect(readErrors("{\"a\": \"\\x\"}", fileName: "z.json").first?.message.contains("escape") == true)
        #expect(readErrors("[1, 2", fileName: "z.json").first?.message.contains("end of the file") == true)
        #expect(readErrors("{} {}", fileName: "z.json").first?.message.contains("end of the file after") == true)
        let deep = String(repeating: "[", count: 100_000)
        #expect(readErrors(deep, fileName: "deep.json").first?.message.contains("nesting") == true)
    }

    @Test func yamlSyntaxErrorsGiveLineAndColumn() {
        let broken = smallYAML(replacing: "skills: [nurse]\nshifts:", with: "skills: [nurse\nshifts:")
        let errors = readErrors(broken)
        #expect(errors.count == 1)
        #expect(errors.first?.line != nil && errors.first?.message.contains("YAML syntax error at column") == true, "\(errors)")

        let duplicate = readErrors("name: a\nname: b\n")
        #expect(duplicate.first?.message.contains("duplicate key \"name\"") == true, "\(duplicate)")

        let deep = readErrors(String(repeating: "[", count: 100_000))
        #expect(deep.first?.message.contains("nesting") == true, "\(deep)")
    }

    @Test func emptyAndNonObjectDocuments() {
        #expect(readErrors("", fileName: "e.json").first?.message.contains("empty") == true)
        #expect(readErrors("# only a comment\n").first?.message.contains("empty") == true)
        let list = readErrors("- 1\n- 2\n")
        #expect(list.first?.message.hasPrefix("$: expected an object with keys horizon") == true, "\(list)")
    }

    // MARK: The tutorial

    @Test func theTutorialReadsAndValidates() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/tutorial.yaml")
        let problem = try ProblemDocument.parse(try String(contentsOf: url, encoding: .utf8), fileName: url.path)
        #expect(problem.staff.count == 10)
        #expect(problem.sites.count == 2 && problem.horizon.days == 14)
        #expect(problem.shiftTypes.map(\.startMinute) == [7 * 60, 19 * 60])
        #expect(problem.contracts.flatMap(\.rules).contains(ContractRule(.preset(.euWorkingTimeDirective))))
        #expect(try ProblemDocument.parse(ProblemDocument.write(problem), fileName: "tutorial.json") == problem)
    }
}
