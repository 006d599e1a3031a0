import FuzzSupport
import WiretraceCore
import WiretraceExtract

let extractor = ArticleExtractor()
let location = SourceLocation(file: "input.html")

/// One fuzzer input (also exported as libFuzzer's `LLVMFuzzerTestOneInput`, which libFuzzer's
/// own main, when the linker keeps it, calls): the input is an HTML page's bytes, read as a page found on disk
/// (no charset hint); its first byte also picks a charset hint for one in four inputs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtract(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let hints: [String?] = [nil, nil, nil, "utf-8", "windows-1252", "shift_jis", "iso-8859-1", "x-unknown"]
    let hint = bytes.first.map { hints[Int($0) % hints.count] } ?? nil
    let raw = RawDocument(id: "input.html", location: location, format: .html, payload: .html(bytes: bytes, charset: hint))
    switch extractor.extract(raw) {
    case .success(let article):
        FuzzInput.require(!article.text.isEmpty, "article without text")
        FuzzInput.require(article.id == "input.html", "article lost its id")
    case .failure(let rejection):
        FuzzInput.require(rejection.location == location && !rejection.message.isEmpty, "rejection without location or message")
    }
    return 0
}

FuzzInput.run { data, size in fuzzExtract(data, size) }
