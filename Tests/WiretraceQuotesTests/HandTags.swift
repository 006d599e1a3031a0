import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// Tags set by hand on `text`, so that speaker tests do not depend on the trained weights: the
/// tokens of `cue`, `content` and `source` (word sequences of the text, first occurrence) get
/// their span's tags, every other token is outside.
func handTagged(
    _ text: String, cue: String?, content: String, source: String? = nil,
    options: QuoteExtractorOptions = QuoteExtractorOptions()
) throws -> TaggedAttributions {
    let input = TaggerInput.make(ScalarText(text))
    var tags = [QuoteTag](repeating: .outside, count: input.tokens.count)
    func mark(_ words: String, _ begin: QuoteTag, _ inside: QuoteTag) throws {
        let wanted = words.split(separator: " ").map(String.init)
        let texts = input.tokens.map(\.text)
        let start = try #require((0...(texts.count - wanted.count)).first { Array(texts[$0..<($0 + wanted.count)]) == wanted })
        tags[start] = begin
        for k in (start + 1)..<(start + wanted.count) { tags[k] = inside }
    }
    if let cue { try mark(cue, .cueBegin, .cueInside) }
    try mark(content, .contentBegin, .contentInside)
    if let source { try mark(source, .sourceBegin, .sourceInside) }
    return TaggedAttributions(input: input, tags: tags, options: options)
}
