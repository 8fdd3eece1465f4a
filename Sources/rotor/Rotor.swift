import ArgumentParser

@main
struct Rotor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds staff rosters: round-the-clock cover under working-time and fatigue rules.",
        version: "0.1.0",
        subcommands: [Solve.self, Score.self, Recommend.self, Bench.self, Generate.self, Serve.self, Worker.self])
}
