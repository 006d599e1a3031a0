import WiretraceCore
import Testing
@testable import WiretraceExtract

@Suite("PageBytes")
struct PageBytesTests {
    @Test("the UTF-8 byte validator agrees with the standard library")
    func validatorMatchesStandardLibrary() {
        var generator = SplitMix64(seed: 42)
        let pieces: [[UInt8]] = [
            Array("plain ascii ".utf8), Array("é".utf8), Array("’".utf8), Array("😀".utf8), Array("中文".utf8),
            [0xFF], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xE2, 0x82], [0x80], [0xF0, 0x9F, 0x98],
        ]
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 6) {
                bytes += pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            let stats = PageBytes.utf8Statistics(bytes)
            let reference = String(validating: bytes, as: UTF8.self)
            #expect((stats.invalid == 0) == (reference != nil), "\(bytes)")
            if let reference {
                #expect(stats.multibyte == reference.unicodeScalars.filter { $0.value > 0x7F }.count)
            }
        }
    }

    @Test("meta charset sniffing")
    func declaredCharset() {
        #expect(PageBytes.declaredCharset(in: Array("<meta charset=\"Shift_JIS\">".utf8)) == "shift_jis")
        #expect(PageBytes.declaredCharset(in: Array(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">".utf8)) == "iso-8859-1")
        #expect(PageBytes.declaredCharset(in: Array("<p>no declaration</p>".utf8)) == nil)
    }
}
