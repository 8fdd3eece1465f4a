import RotorCore
import RotorFormats
import Testing

@Suite("Staff CSV")
struct StaffCSVTests {
    let header = "id,name,skills,home_site,deployable_sites,contract,unavailable"

    func date(_ text: String) -> LocalDate { LocalDate(text)! }

    func read(_ text: String) throws -> [StaffMember] { try StaffCSV.read(text, fileName: "staff.csv") }

    /// Reads `text` expecting an error on `line` whose message mentions each of `mentions`.
    func expectError(_ text: String, line: Int?, mentions: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error = formatError(sourceLocation: sourceLocation, { () throws(FormatError) in
            try StaffCSV.read(text, fileName: "staff.csv")
        }) else { return }
        #expect(error.file == "staff.csv", sourceLocation: sourceLocation)
        #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
        for word in mentions {
            #expect(error.message.contains(word), "\"\(word)\" not in: \(error)", sourceLocation: sourceLocation)
        }
    }

    // MARK: - Reading

    @Test func readsEveryColumn() throws {
        let text = """
            \(header)
            A,"Smith, Ann",medic;driver,north,south;east,full-time,2027-03-01;2027-03-10..2027-03-14
            B,"Bob ""Bo"" Jones",,south,,part-time,

            """
        #expect(try read(text) == [
            StaffMember(id: "A", name: "Smith, Ann", skills: ["medic", "driver"], homeSite: "north",
                        deployableSites: ["south", "east"], contract: "full-time",
                        unavailable: [DateRange(date("2027-03-01")),
                                      DateRange(from: date("2027-03-10"), to: date("2027-03-14"))]),
            StaffMember(id: "B", name: "Bob \"Bo\" Jones", homeSite: "south", contract: "part-time"),
        ])
    }

    @Test func columnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() throws {
        let text = "contract,id,home_site\nfull-time,A,north\n"
        #expect(try read(text) == [StaffMember(id: "A", homeSite: "north", contract: "full-time")])
    }

    @Test func anEmptyNameDefaultsToTheID() throws {
        #expect(try read("id,name,home_site,contract\nA,,north,c\n").first?.name == "A")
    }

    @Test(arguments: [
        "id,home_site,contract\r\nA,north,c\r\nB,south,c\r\n",  // CRLF
        "id,home_site,contract\nA,north,c\nB,south,c",  // LF, no final line break
        "id,home_site,contract\rA,north,c\rB,south,c\r",  // lone CR
        "\u{FEFF}id,home_site,contract\r\nA,north,c\r\nB,south,c\r\n",  // byte-order mark
        "\nid,home_site,contract\n\nA,north,c\n   \nB,south,c\n\n\n",  // blank lines
    ])
    func lineBreaksByteOrderMarkAndBlankLines(_ text: String) throws {
        #expect(try read(text) == [
            StaffMember(id: "A", homeSite: "north", contract: "c"),
            StaffMember(id: "B", homeSite: "south", contract: "c"),
        ])
    }

    @Test func spacesAroundUnquotedFieldsAndListItemsAreIgnoredButQuotedFieldsAreKept() throws {
        let text = " id , name ,skills, home_site ,contract,unavailable\n A , \" Ann \" , medic ; driver ; ,north,c, 2027-03-01 .. 2027-03-02 ;\n"
        #expect(try read(text) == [
            StaffMember(id: "A", name: " Ann ", skills: ["medic", "driver"], homeSite: "north", contract: "c",
                        unavailable: [DateRange(from: date("2027-03-01"), to: date("2027-03-02"))]),
        ])
    }

    @Test func aQuotedFieldMaySpanLinesAndLaterLinesAreStillCounted() throws {
        let text = "id,name,home_site,contract\nA,\"Ann\r\nSmith\",north,c\nB,\"Bob,\nJones\",south,c\nA,,x,c\n"
        expectError(text, line: 6, mentions: ["\"A\"", "line 2"])
        let staff = try read(String(text.dropLast("A,,x,c\n".count)))
        #expect(staff.map(\.name) == ["Ann\r\nSmith", "Bob,\nJones"])
    }

    @Test func nonASCIITextIsKept() throws {
        let staff = try read("id,name,home_site,contract\nZ1,\"Zoë Ünal, 消防士\",Zürich,c\n")
        #expect(staff.first?.name == "Zoë Ünal, 消防士")
        #expect(staff.first?.homeSite == "Zürich")
    }

    @Test func aHeaderAloneIsAnEmptyStaffList() throws {
        #expect(try read(header + "\n").isEmpty)
    }

    @Test func aRangeOfOneDayIsAccepted() throws {
        let staff = try read("id,home_site,contract,unavailable\nA,n,c,2028-02-29..2028-02-29\n")
        #expect(staff.first?.unavailable == [DateRange(date("2028-02-29"))])
    }

    // MARK: - Errors

    @Test(arguments: ["", "\n\n", "\u{FEFF}", "  \r\n"])
    func emptyFile(_ text: String) {
        expectError(text, line: nil, mentions: ["empty", "header", "home_site"])
    }

    @Test func unknownColumnListsTheKnownOnes() {
        expectError("id,home_site,contract,shoe_size\nA,n,c,44\n", line: 1,
                    mentions: ["\"shoe_size\"", "column 4", "id, name, skills, home_site, deployable_sites, contract, unavailable"])
    }

    @Test func columnNamesAreCaseSensitive() {
        expectError("ID,home_site,contract\n", line: 1, mentions: ["\"ID\"", "known columns"])
    }

    @Test func anEmptyColumnNameIsUnknown() {
        expectError("id,home_site,contract,\nA,n,c,\n", line: 1, mentions: ["\"\"", "column 4"])
    }

    @Test func duplicateColumn() {
        expectError("id,home_site,contract,id\n", line: 1, mentions: ["\"id\"", "twice", "columns 1 and 4"])
    }

    @Test func missingRequiredColumns() {
        expectError("\nid,name,skills\nA,Ann,\n", line: 2, mentions: ["required columns home_site, contract"])
        expectError("id,name,home_site\nA,Ann,n\n", line: 1, mentions: ["required column contract"])
    }

    @Test func wrongNumberOfFields() {
        expectError("id,home_site,contract\nA,n,c\nB,n\n", line: 3, mentions: ["expected 3 fields", "found 2"])
        expectError("id,home_site,contract\nA,n,c,extra\n", line: 2, mentions: ["expected 3 fields", "found 4"])
    }

    @Test func emptyRequiredFields() {
        expectError("id,home_site,contract\n,n,c\n", line: 2, mentions: ["staff ID", "column id", "empty"])
        expectError("id,home_site,contract\n\"\",n,c\n", line: 2, mentions: ["staff ID", "empty"])
        expectError("id,home_site,contract\nA,,c\n", line: 2, mentions: ["home site", "\"A\"", "column home_site"])
        expectError("id,home_site,contract\nA,n,  \n", line: 2, mentions: ["contract", "\"A\"", "column contract"])
    }

    @Test func duplicateID() {
        expectError("id,home_site,contract\nA,n,c\nB,n,c\nA,s,c\n", line: 4, mentions: ["\"A\"", "first on line 2"])
    }

    @Test(arguments: ["2027-02-30", "2027-3-01", "01/03/2027", "2027-03-01..", "..2027-03-01",
                      "2027-03-01..2027-03-02..2027-03-03", "2027-03-01...2027-03-02", "soon"])
    func badDate(_ item: String) {
        expectError("id,home_site,contract,unavailable\nA,n,c,2027-01-01;\(item)\n", line: 2,
                    mentions: ["YYYY-MM-DD", "\"\(item)\"", "\"A\""])
    }

    @Test func rangeEndingBeforeItStarts() {
        expectError("id,home_site,contract,unavailable\nA,n,c,2027-03-05..2027-03-01\n", line: 2,
                    mentions: ["\"2027-03-05..2027-03-01\"", "ends before it starts"])
    }

    @Test func unterminatedQuoteNamesTheLineItOpensOn() {
        expectError("id,name,home_site,contract\nA,Ann,n,c\nB,\"Bob,n,c\nC,Cy,n,c\n", line: 3,
                    mentions: ["closing double quote", "field 2", "end of the file"])
    }

    @Test func textAfterAClosingQuote() {
        expectError("id,name,home_site,contract\nA,\"Ann\"ie,n,c\n", line: 2,
                    mentions: ["after the closing quote of field 2"])
    }

    @Test func aQuoteInsideAnUnquotedField() {
        expectError("id,name,home_site,contract\nA,Ann \"Al\",n,c\n", line: 2,
                    mentions: ["unquoted field 2", "\"\""])
    }

    @Test func theFirstErrorInFileOrderIsReported() {
        expectError("id,home_site,contract\n,n,c\nA,n\n", line: 2, mentions: ["staff ID"])
    }

    // MARK: - Writing

    let tricky: [StaffMember] = [
        StaffMember(id: "A", name: "Smith, Ann", skills: ["medic", "driver"], homeSite: "north",
                    deployableSites: ["south", "east"], contract: "full-time",
                    unavailable: [DateRange(LocalDate("2027-03-01")!),
                                  DateRange(from: LocalDate("2027-03-10")!, to: LocalDate("2027-03-14")!)]),
        StaffMember(id: "B", name: "Bob \"Bo\"\r\nJones", homeSite: "south", contract: "part-time"),
        StaffMember(id: " C ", name: "Zoë, 消防士", skills: ["a,b"], homeSite: "Zürich", contract: "c\nd"),
        StaffMember(id: "D", homeSite: "north", contract: "full-time"),
    ]

    @Test func writes() throws {
        #expect(try StaffCSV.write(Array(tricky.prefix(2)), fileName: "staff.csv") == """
            \(header)\r
            A,"Smith, Ann",medic;driver,north,south;east,full-time,2027-03-01;2027-03-10..2027-03-14\r
            B,"Bob ""Bo""\r
            Jones",,south,,part-time,\r

            """)
    }

    @Test func roundTrip() throws {
        let text = try StaffCSV.write(tricky, fileName: "staff.csv")
        #expect(try read(text) == tricky)
    }

    @Test func anEmptyListRoundTrips() throws {
        let text = try StaffCSV.write([], fileName: "staff.csv")
        #expect(text == header + "\r\n")
        #expect(try read(text).isEmpty)
    }

    @Test(arguments: ["a;b", " a", "b\t", ""])
    func listItemsThatWouldNotReadBackAreRefused(_ skill: String) {
        let staff = [
            StaffMember(id: "A", name: "Ann\nSmith", homeSite: "n", contract: "c"),
            StaffMember(id: "B", skills: ["ok", skill], homeSite: "n", contract: "c"),
        ]
        guard let error = formatError({ () throws(FormatError) in try StaffCSV.write(staff, fileName: "out.csv") })
        else { return }
        #expect(error.file == "out.csv")
        #expect(error.line == 4, "\(error)")  // header, then A on lines 2–3
        #expect(error.message.contains("skills") && error.message.contains("\"B\""), "\(error)")
    }

    @Test func columnNamesAreInTheWrittenOrder() {
        #expect(StaffCSV.columnNames.joined(separator: ",") == header)
    }
}
