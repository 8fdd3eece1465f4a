// swift-tools-version:6.1
import Foundation
import PackageDescription

// Rotor: the solver core `RotorCore` (model, compiled form, rules, scoring, solver; no I/O), the
// formats `RotorFormats` (problem documents, Curtois & Qu files, rosters, staff CSV, iCalendar), the
// storage `RotorStorage` (SQLite) and `RotorPostgres` (PostgreSQL), the HTTP API and web page
// `RotorServer`, and the `rotor` command. Each depends only on those before it; test targets match
// modules one to one; the `EmbedWebPage` plugin (with its `EmbedFiles` tool) builds the page's
// files into RotorServer.
//
// Built as a dependency of another package, no target uses unsafe flags: RotorCore and RotorFormats
// compile with SwiftPM's defaults. Built as the root package (`swift build`, `swift test` run in
// this directory), the solver core gets -Ounchecked in release builds (the search makes 15-30 % more
// moves a second and its column-generation dives run several times faster; docs/benchmarks.md) and
// -O in debug builds (the tests drive it through millions of moves: about 4 minutes for the
// suite instead of 19). `PWD` tells the two apart; ROTOR_SAFE_BUILD=1 forces the defaults.
let environment = Context.environment
let isRoot = environment["PWD"].map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    == URL(fileURLWithPath: Context.packageDirectory).resolvingSymlinksInPath().path
let unchecked = isRoot && environment["ROTOR_SAFE_BUILD"] == nil
let optimise: [SwiftSetting] = unchecked ? [.unsafeFlags(["-Ounchecked", "-wmo"], .when(configuration: .release))] : []
let optimiseCore: [SwiftSetting] = optimise + (unchecked ? [.unsafeFlags(["-O"], .when(configuration: .debug))] : [])

let package = Package(
    name: "Rotor",
    platforms: [.macOS(.v15)],   // Synchronization.Mutex and task executors
    products: [
        .executable(name: "rotor", targets: ["rotor"]),
        .library(name: "RotorCore", targets: ["RotorCore"]),
        .library(name: "RotorFormats", targets: ["RotorFormats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "RotorCore", swiftSettings: optimiseCore),
        .target(
            name: "RotorFormats",
            dependencies: ["RotorCore", .product(name: "Yams", package: "Yams"), .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: optimise),
        // Durable problems, solve jobs and their best rosters, in SQLite.
        .target(
            name: "RotorStorage",
            dependencies: ["RotorCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // The same storage in PostgreSQL, shared by several workers; a target of its own so that
        // the SQLite storage and its tests build without PostgresNIO and its TLS stack.
        .target(
            name: "RotorPostgres",
            dependencies: [
                "RotorCore", "RotorStorage",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The HTTP API and the job runner that solves in the background and saves to storage.
        .target(
            name: "RotorServer",
            dependencies: [
                "RotorCore", "RotorFormats", "RotorStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Public"],
            plugins: ["EmbedWebPage"]),
        // Builds the page's files of RotorServer/Public into the server's code.
        .executableTarget(name: "EmbedFiles"),
        .plugin(name: "EmbedWebPage", capability: .buildTool(), dependencies: ["EmbedFiles"]),
        .executableTarget(
            name: "rotor",
            dependencies: [
                "RotorCore", "RotorFormats", "RotorStorage", "RotorPostgres", "RotorServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "RotorCoreTests", dependencies: ["RotorCore", "RotorFormats"]),
        .testTarget(name: "RotorFormatsTests", dependencies: ["RotorFormats", "RotorCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "RotorStorageTests", dependencies: ["RotorStorage", "RotorCore"]),
        .testTarget(
            name: "RotorPostgresTests",
            dependencies: ["RotorPostgres", "RotorStorage", "RotorCore", .product(name: "PostgresNIO", package: "postgres-nio")]),
        .testTarget(
            name: "RotorServerTests",
            dependencies: [
                "RotorServer", "RotorStorage", "RotorCore", "RotorFormats",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(
            name: "rotorTests",
            dependencies: ["rotor", "RotorPostgres", "RotorStorage", .product(name: "PostgresNIO", package: "postgres-nio")]),
    ]
)
