import FuzzSupport
import WiretraceCore
import WiretraceIngest

/// Small caps, so that every cap's path is reachable with fuzzer-sized inputs.
let configuration = IngestConfiguration(
    maxDocumentBytes: 64 << 10, maxLineBytes: 4 << 10, maxHeaderLineBytes: 1 << 10,
    maxDecompressedBytes: 1 << 20, maxCompressionRatio: 50, ratioGraceBytes: 16 << 10)

/// One fuzzer input (also exported as libFuzzer's `LLVMFuzzerTestOneInput`, which libFuzzer's
/// own main, when the linker keeps it, calls): the input is a WARC file (gzip-compressed when it starts like one).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let name = bytes.starts(with: [0x1F, 0x8B]) ? "input.warc.gz" : "input.warc"
    DocumentReader.read(bytes: bytes, fileName: name, configuration: configuration) { item in
        switch item {
        case .document(let document):
            FuzzInput.require(document.location.file == name, "document without its file")
            if case .html(let body, _) = document.payload {
                FuzzInput.require(!body.isEmpty && body.count <= configuration.maxDocumentBytes, "body size \(body.count)")
            }
        case .rejected(let rejection):
            FuzzInput.require(rejection.location.file == name && !rejection.message.isEmpty, "rejection without file or message")
        }
    }
    return 0
}

FuzzInput.run { data, size in fuzzWARC(data, size) }
