// swift-tools-version:6.1
import PackageDescription

// kioskd's release link on Linux: lld, packed relative relocations and every symbol local, so the
// loader dirties fewer pages at start-up; with the static runtime this keeps kioskd within its
// 48 MB RSS budget. See tools/link/README.md.
let packageDirectory = Context.packageDirectory
let kioskdReleaseLink: [LinkerSetting] = [
    .unsafeFlags(
        [
            "-use-ld=lld",
            "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
            "-Xlinker", "--version-script=\(packageDirectory)/tools/link/kioskd.exports",
        ],
        .when(platforms: [.linux], configuration: .release)
    ),
]

let package = Package(
    name: "counter-kiosk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kioskd", targets: ["kioskd"]),
        .executable(name: "kioskctl", targets: ["kioskctl"]),
        .executable(name: "collectord", targets: ["collectord"]),
        .executable(name: "kiosk-bench", targets: ["kiosk-bench"]),
        .executable(name: "kiosk-demo", targets: ["kiosk-demo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // Already in the graph through Hummingbird and postgres-nio; named for the tests' event loops.
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
    ],
    targets: [
        // Pure domain: config model and validation, surveys, vote policy, tallies. Foundation only.
        .target(name: "KioskCore"),
        // What crosses a process boundary, as Codable types: kioskd's events, the control socket's
        // requests and replies, the screens' JSON, the collector's push answer. Foundation only.
        .target(name: "KioskProtocol"),
        // The control socket's client and the state paths, for kioskctl without the daemon's libraries.
        .target(name: "KioskControl", dependencies: ["KioskCore", "KioskProtocol"]),
        // Reads TOML office files into KioskCore's neutral config tree.
        .target(
            name: "KioskConfigFile",
            dependencies: ["KioskCore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(
            name: "KioskStore",
            dependencies: ["KioskCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Sealed days: the kiosk's Ed25519 key, signatures and SHA-256 chain links (swift-crypto);
        // shared by the kiosk (signing) and the collector (verifying).
        .target(name: "KioskSeal", dependencies: ["KioskCore", .product(name: "Crypto", package: "swift-crypto")]),
        // The collector's signature check (libsodium): kept out of KioskSeal so kioskd, which only
        // signs, does not load libsodium.
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .target(name: "SealVerification", dependencies: ["KioskSeal", "CSodium"]),
        // The push of sealed days to the collector: retries with backoff and jitter, in order.
        .target(
            name: "KioskSync",
            dependencies: [
                "KioskCore", "KioskProtocol", "KioskStore", "KioskSeal", "KioskConfigFile",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // The district's collector, in three targets by what they import. CollectorCore: the model and
        // the pure planners (ingest plans, registry changes, rollup deltas, reports and their CSV/JSON,
        // the store's protocols, the sign-in throttle) and the ingest's checks (`DayIngestor`); no I/O library.
        .target(name: "CollectorCore", dependencies: ["KioskCore", "KioskProtocol", "KioskSeal", "SealVerification", "KioskConfigFile"]),
        // The collector's stores: SQLite (GRDB) and PostgreSQL (postgres-nio) on one schema, the shared SQL.
        .target(
            name: "CollectorStorage",
            dependencies: [
                "CollectorCore", "KioskCore", "KioskProtocol", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The collector's HTTP side: the push route and the dashboard (Hummingbird, bcrypt, Mustache).
        .target(
            name: "CollectorHTTP",
            dependencies: [
                "CollectorCore", "KioskCore", "KioskProtocol", "KioskSeal", "SealVerification",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"), .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .systemLibrary(name: "CEvdev", pkgConfig: "libevdev", providers: [.apt(["libevdev-dev"])]),
        .target(name: "KioskInput", dependencies: ["KioskCore", "CEvdev"]),
        .systemLibrary(name: "CCups", providers: [.apt(["libcups2-dev"])]),
        // glibc's mallopt, for kioskd's arena limit.
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        // Tickets and slips: layout and rendering (Pango/Cairo), QR codes, ESC/POS raster.
        .target(name: "KioskPrint", dependencies: ["KioskCore", "CPangoCairo", "CQREncode"]),
        // CUPS through libcups: jobs, their states, the printer's conditions. Apart from KioskPrint so
        // that kioskctl, which renders previews, does not load libcups.
        .target(name: "KioskCups", dependencies: ["CCups"]),
        // A sample ticket and slip and the render benchmark: for previews, tests and kiosk-bench,
        // not linked into kioskd.
        .target(name: "KioskPrintSamples", dependencies: ["KioskPrint", "KioskCore"]),
        // The daemon's wiring: input → vote decisions and tickets → store → acknowledgement and
        // printing; control socket; the local HTTP API (Hummingbird); systemd notify.
        .target(
            name: "KioskDaemon",
            dependencies: [
                "KioskCore", "KioskProtocol", "KioskControl", "KioskConfigFile", "KioskStore", "KioskInput", "KioskPrint", "KioskCups", "KioskSeal",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "kioskd",
            dependencies: ["KioskDaemon", "KioskControl", "CMalloc", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: kioskdReleaseLink
        ),
        .executableTarget(
            name: "kioskctl",
            dependencies: [
                "KioskCore", "KioskProtocol", "KioskControl", "KioskConfigFile", "KioskStore", "KioskPrint", "KioskPrintSamples", "KioskSeal", "KioskSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "collectord",
            dependencies: [
                "CollectorCore", "CollectorStorage", "CollectorHTTP", "KioskCore", "KioskSeal", "SealVerification",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"), .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Drives the FUSE-emulated input devices (tools/fake-evdev), kioskd and collectord processes, for
        // tests, benchmarks and the demo; printer stand-ins, among them a strict ESC/POS printer model
        // (its paper is KioskPrint's bitmaps); a collectord with a registered kiosk (KioskSeal's key).
        .target(
            name: "KioskTestSupport",
            dependencies: ["KioskCore", "KioskProtocol", "KioskPrint", "KioskSeal", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .executableTarget(
            name: "kiosk-bench",
            dependencies: [
                "KioskTestSupport", "KioskCore", "KioskPrint", "KioskPrintSamples", "CollectorCore", "CollectorStorage", "KioskSeal", "SealVerification", "KioskStore",
                // Speech mode's player, timed in-process by `kiosk-bench speech`.
                "KioskDaemon", .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/kiosk-bench"
        ),
        // The README's main job: the demo office on a simulated touchscreen and keypads.
        .executableTarget(
            name: "kiosk-demo",
            dependencies: [
                "KioskTestSupport", "KioskCore", "KioskProtocol", "KioskPrint", "KioskStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "KioskCoreTests", dependencies: ["KioskCore"]),
        .testTarget(name: "KioskProtocolTests", dependencies: ["KioskProtocol"]),
        // The daemon's wiring in-process: real SQLite files, injected clocks, no devices or cupsd.
        .testTarget(
            name: "KioskDaemonTests",
            dependencies: [
                "KioskDaemon", "KioskCore", "KioskConfigFile", "KioskInput", "KioskPrint", "KioskPrintSamples", "KioskProtocol", "KioskStore",
                "KioskTestSupport", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .testTarget(name: "KioskConfigFileTests", dependencies: ["KioskConfigFile", "KioskCore"]),
        .testTarget(
            name: "KioskStoreTests",
            dependencies: ["KioskStore", "KioskCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "KioskInputTests", dependencies: ["KioskInput", "CEvdev", "KioskCore", "KioskTestSupport"]),
        .testTarget(
            name: "CollectorKitTests",
            dependencies: [
                "CollectorCore", "CollectorStorage", "CollectorHTTP", "KioskCore", "KioskProtocol", "KioskSeal",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        // DayPusher against a real collector in-process (Hummingbird on loopback, SQLite), with injected sleep and jitter.
        .testTarget(
            name: "KioskSyncTests",
            dependencies: [
                "KioskSync", "CollectorCore", "CollectorStorage", "CollectorHTTP", "KioskStore", "KioskSeal", "KioskCore", "KioskProtocol",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "KioskSealTests", dependencies: ["KioskSeal", "SealVerification", "KioskStore", "KioskCore"]),
        .testTarget(name: "KioskPrintTests", dependencies: ["KioskPrint", "KioskCups", "KioskPrintSamples", "KioskCore", "KioskTestSupport"]),
        // The built kioskd and kioskctl as processes: fake-evdev devices, a private cupsd, the screens
        // in Chromium, the display unit under cage, systemd's checks of the units; `kioskctl push` to a collectord.
        .testTarget(
            name: "KioskEndToEndTests",
            dependencies: [
                "KioskTestSupport", "KioskCore", "KioskProtocol", "KioskStore", "KioskPrint", "KioskCups", "KioskSeal", "SealVerification",
            ]
        ),
        // The built collectord as a process, on SQLite and PostgreSQL: ingest, reports, rollups, the
        // dashboard, sign-in, accounts, the registry and the audit trail.
        .testTarget(
            name: "CollectorEndToEndTests",
            dependencies: ["KioskTestSupport", "KioskCore", "KioskProtocol", "KioskSeal", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
