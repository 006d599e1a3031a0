// swift-tools-version:6.0
import PackageDescription

// One module per stage (see README "Layout"). Each C library has exactly one owner:
// libxml2 is imported only by WiretraceExtract, libsqlite3 only by WiretraceStore.
let package = Package(
    name: "Wiretrace",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "wiretrace", targets: ["wiretrace"]),
        // For the libFuzzer targets in Fuzz/, a package of its own (`make fuzz`).
        .library(name: "WiretraceIngest", targets: ["WiretraceIngest"]),
        .library(name: "WiretraceExtract", targets: ["WiretraceExtract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // System libraries, each wrapped once.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),

        // Value types (evidence, review decisions, JSON values), errors, rejects, the stable hash and
        // display formats every module shares: no dependencies.
        .target(name: "WiretraceCore"),
        // Stage 1: dumps on disk -> raw documents (HTML dirs, WARC(.gz), JSONL(.gz), text).
        .target(
            name: "WiretraceIngest",
            dependencies: ["WiretraceCore", .product(name: "CompressNIO", package: "compress-nio")]),
        // Stage 2: raw documents -> articles (libxml2 owner).
        .target(name: "WiretraceExtract", dependencies: ["WiretraceCore", "CLibXML2"]),
        // Stages 3-4: normalise, shingle, MinHash, LSH, verify, union-find. Pure Swift.
        .target(name: "WiretraceDedup", dependencies: ["WiretraceCore"]),
        // Stage 5: near-duplicate groups -> stories, roles.
        .target(name: "WiretraceCluster", dependencies: ["WiretraceCore", "WiretraceDedup"]),
        // Stage 6: quotes, speakers, relay chains.
        .target(name: "WiretraceQuotes", dependencies: ["WiretraceCore"]),
        // Stage 7: the SQLite store (libsqlite3 owner); texts and other large values kept deflated
        // (zlib through compress-nio, as Ingest reads gzip).
        .target(
            name: "WiretraceStore",
            dependencies: ["WiretraceCore", "CSQLite", .product(name: "CompressNIO", package: "compress-nio")]),
        // Stage 7: exports and reports read from the store.
        .target(name: "WiretraceReport", dependencies: ["WiretraceCore", "WiretraceStore"]),
        // Labelled data: every metric and gold-file parser of `wiretrace eval` (extraction, dates,
        // stories, quotes) and the quote tagger's training on gold attributions. No stage depends on it.
        .target(
            name: "WiretraceEval",
            dependencies: ["WiretraceCore", "WiretraceIngest", "WiretraceExtract", "WiretraceQuotes", "WiretraceStore"]),
        // The wiring only: the drivers of run, dedup, sign, import and extract, and pipeline files.
        .target(
            name: "WiretracePipeline",
            dependencies: [
                "WiretraceCore", "WiretraceIngest", "WiretraceExtract", "WiretraceDedup",
                "WiretraceCluster", "WiretraceQuotes", "WiretraceStore", "WiretraceReport",
                .product(name: "Yams", package: "Yams"),
            ]),
        // Review pages (HTML, SVG charts), the local review server (its own bounded HTTP/1.1 parser over
        // FlyingSocks' sockets) and static export.
        .target(
            name: "WiretraceServe",
            dependencies: [
                "WiretraceCore", "WiretraceStore", "WiretraceReport",
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]),
        // The thin command line.
        .executableTarget(
            name: "wiretrace",
            dependencies: [
                "WiretracePipeline", "WiretraceReport", "WiretraceStore", "WiretraceCore", "WiretraceServe", "WiretraceEval",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .testTarget(name: "WiretraceCoreTests", dependencies: ["WiretraceCore"]),
        .testTarget(name: "WiretraceIngestTests", dependencies: ["WiretraceIngest"]),
        .testTarget(name: "WiretraceExtractTests", dependencies: ["WiretraceExtract"]),
        .testTarget(name: "WiretraceDedupTests", dependencies: ["WiretraceDedup"]),
        .testTarget(name: "WiretraceClusterTests", dependencies: ["WiretraceCluster"]),
        .testTarget(name: "WiretraceQuotesTests", dependencies: ["WiretraceQuotes"]),
        .testTarget(name: "WiretraceStoreTests", dependencies: ["WiretraceStore"]),
        .testTarget(name: "WiretraceReportTests", dependencies: ["WiretraceReport", "WiretraceStore", "WiretraceCore"]),
        .testTarget(name: "WiretraceEvalTests", dependencies: ["WiretraceEval", "WiretraceCore", "WiretraceQuotes"]),
        .testTarget(
            name: "WiretracePipelineTests",
            dependencies: ["WiretracePipeline", "WiretraceReport", "WiretraceStore"]),
        .testTarget(name: "WiretraceEndToEndTests", dependencies: ["WiretraceCore"]),
        .testTarget(
            name: "WiretraceServeTests",
            dependencies: ["WiretraceServe", "WiretraceStore", "WiretraceCore", "WiretracePipeline"],
            exclude: ["generate-large-db.py"]),
    ],
    swiftLanguageModes: [.v6]
)
