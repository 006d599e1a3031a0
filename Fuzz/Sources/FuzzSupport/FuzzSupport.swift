import CLibFuzzer
#if canImport(Glibc)
import Glibc
#endif

/// Helpers shared by the fuzz targets.
public enum FuzzInput {
    /// The fuzzer's input as an array; the pointer does not escape.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Stops the run (libFuzzer records the input as a crash) when an invariant fails.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("invariant failed: \(message())") }
    }

    /// Hands the process to libFuzzer's driver with the command line, calling `body` once per input.
    public static func run(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, body))
    }
}
