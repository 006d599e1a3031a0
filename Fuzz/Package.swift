// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets over the parsers that read untrusted bytes (`make fuzz`, see Fuzz/README.md).
// A package of its own so that the main build and `make test` never see them: each executable
// hands its command line to libFuzzer's driver and links only when built with `-sanitize=fuzzer`.

/// The main package is the parent directory; SwiftPM names it after that directory.
let mainPackage = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "Wiretrace"

let package = Package(
    name: "WiretraceFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        // libFuzzer's driver, declared for Swift; the library itself comes with -sanitize=fuzzer.
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        .executableTarget(
            name: "FuzzWARC",
            dependencies: ["FuzzSupport", .product(name: "WiretraceIngest", package: mainPackage)]),
        .executableTarget(
            name: "FuzzJSONL",
            dependencies: ["FuzzSupport", .product(name: "WiretraceIngest", package: mainPackage)]),
        .executableTarget(
            name: "FuzzExtract",
            dependencies: ["FuzzSupport", .product(name: "WiretraceExtract", package: mainPackage)]),
    ],
    swiftLanguageModes: [.v6]
)
