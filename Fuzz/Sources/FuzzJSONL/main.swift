import FuzzSupport
import WiretraceCore
import WiretraceIngest

/// Small caps, so that every cap's path is reachable with fuzzer-sized inputs.
let configuration = IngestConfiguration(
    maxDocumentBytes: 16 << 10, maxLineBytes: 32 << 10, maxHeaderLineBytes: 1 << 10,
    maxDecompressedBytes: 1 << 20, maxCompressionRatio: 50, ratioGraceBytes: 16 << 10)

/// One fuzzer input (also exported as libFuzzer's `LLVMFuzzerTestOneInput`, which libFuzzer's
/// own main, when the linker keeps it, calls): the input is a JSONL file (gzip-compressed when it starts like one).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let name = bytes.starts(with: [0x1F, 0x8B]) ? "input.jsonl.gz" : "input.jsonl"
    DocumentReader.read(bytes: bytes, fileName: name, configuration: configuration) { item in
        switch item {
        case .document(let document):
            FuzzInput.require(!document.id.isEmpty, "document without an id")
            FuzzInput.require(document.location.record != nil, "document without its line number")
        case .rejected(let rejection):
            FuzzInput.require(rejection.location.file == name && !rejection.message.isEmpty, "rejection without file or message")
        }
    }
    return 0
}

FuzzInput.run { data, size in fuzzJSONL(data, size) }
