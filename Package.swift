// swift-tools-version:6.0
import PackageDescription

// The solver core (RotorCore) does no I/O; formats, the CLI and (later) storage and the server
// depend on it, never the other way round. Test targets match modules one to one.
let optimise: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked", "-wmo"], .when(configuration: .release)),
]
// The solver core is optimised in debug builds too (with its checks kept): the tests drive it
// through millions of moves and compare against the from-scratch scorer, which at -Onone takes minutes.
let optimiseCore: [SwiftSetting] = optimise + [
    .unsafeFlags(["-O"], .when(configuration: .debug)),
]

let package = Package(
    name: "Rotor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rotor", targets: ["rotor"]),
        .library(name: "RotorCore", targets: ["RotorCore"]),
        .library(name: "RotorFormats", targets: ["RotorFormats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "RotorCore", swiftSettings: optimiseCore),
        .target(
            name: "RotorFormats",
            dependencies: ["RotorCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: optimise),
        // Durable problems, solve jobs and their best rosters, in SQLite.
        .target(
            name: "RotorStorage",
            dependencies: ["RotorCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "rotor",
            dependencies: [
                "RotorCore", "RotorFormats",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: optimise),
        .testTarget(name: "RotorCoreTests", dependencies: ["RotorCore", "RotorFormats"]),
        .testTarget(name: "RotorFormatsTests", dependencies: ["RotorFormats", "RotorCore"]),
        .testTarget(name: "RotorStorageTests", dependencies: ["RotorStorage", "RotorCore"]),
        .testTarget(name: "rotorTests", dependencies: ["rotor"]),
    ]
)
