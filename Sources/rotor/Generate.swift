import ArgumentParser
import Foundation
import RotorCore
import RotorFormats

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a synthetic round-the-clock operation as a problem document (JSON).",
        discussion: """
            surge: 9 cities, 600 staff from 4 units, 12-hour days and nights, 62 days. ward: 30 nurses, \
            early/late/night shifts, 4 weeks. rotation: a fire station, 4 watches on the DuPont rotation \
            and a relief pool on 4-on-4-off, 12-hour shifts, 8 weeks. scaled: the surge shape at the size given by --staff, --days \
            and --sites.
            """)

    enum Preset: String, ExpressibleByArgument, CaseIterable {
        case surge, ward, rotation, scaled
    }

    @Argument(help: "surge, ward, rotation or scaled.")
    var preset: Preset

    @Option(help: "Staff members (scaled only).") var staff = 2000
    @Option(help: "Days in the horizon (scaled only).") var days = 28
    @Option(help: "Sites (scaled only).") var sites = 9
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1

    @Option(help: "Write the problem here instead of standard output.")
    var out: String?

    func validate() throws {
        guard preset == .scaled else { return }
        guard (1...100_000).contains(staff) else { throw ValidationError("Please give '--staff' a number from 1 to 100000, not \(staff).") }
        guard (1...366).contains(days) else { throw ValidationError("Please give '--days' a number from 1 to 366, not \(days).") }
        guard (1...20).contains(sites) else { throw ValidationError("Please give '--sites' a number from 1 to 20, not \(sites).") }
    }

    func run() throws {
        let generator: OperationGenerator = switch preset {
        case .surge: .surge
        case .ward: .ward
        case .rotation: .rotation
        case .scaled: .scaled(staff: staff, days: days, sites: sites)
        }
        let text = ProblemDocument.write(generator.generate(seed: seed))
        if let out {
            try reportingInputErrors { try writeFile(text, to: out) }
        } else {
            print(text, terminator: "")
        }
    }
}
