import WiretraceCore

/// Reads plain-text payloads: scraped `.txt` pages (cleaned) and JSONL `text` (kept verbatim).
enum PlainTextReader {
    /// A scraped page: the first real line is the title, blank lines separate paragraphs, and
    /// furniture, photo captions, title repeats and credit lines are dropped from the text.
    static func readScraped(_ text: String, knownTitle: String?) -> ExtractedFields {
        var fields = ExtractedFields()
        let lines = TextUtilities.nonBlankLines(text)
        let titleLine = lines.first { !Boilerplate.isBoilerplate($0) }
        fields.title = knownTitle ?? titleLine

        var filter = ParagraphFilter(titles: [titleLine, knownTitle])
        for paragraph in TextUtilities.blankLineParagraphs(text) { filter.add(paragraph) }
        fields.text = filter.paragraphs.joined(separator: "\n\n")
        fields.credits = filter.credits
        fields.byline = filter.byline
        fields.dateline = ParagraphFilter.dateline(in: filter.paragraphs)
        return fields
    }

    /// Longest first line taken as a title when the record gives none.
    static let maximumTitleLength = 200

    /// Text that must stay byte-identical (quote offsets point into it): only metadata is read.
    static func readVerbatim(_ text: String, knownTitle: String?) -> ExtractedFields {
        var fields = ExtractedFields()
        fields.text = text
        let lines = TextUtilities.nonBlankLines(text)
        var titleLine: String?
        if let first = lines.first, first.count < maximumTitleLength, !first.hasSuffix(".") {
            titleLine = first
        }
        fields.title = knownTitle ?? titleLine
        fields.credits = CreditDetector.credits(inText: text)

        let titles = Set([titleLine, knownTitle].compactMap { $0?.lowercased() })
        var bodyLines = 0
        for line in lines where !titles.contains(line.lowercased()) {
            if fields.byline == nil, bodyLines == 0, let names = TextSignals.byline(in: line) {
                fields.byline = names
                continue
            }
            if CreditDetector.analyze(line: line).isCreditLine || Boilerplate.isBoilerplate(line)
                || Boilerplate.isCaption(line)
            {
                continue
            }
            // The first line that reads like body text: a sentence, not a label.
            guard line.count >= 40 || line.split(separator: " ").count >= 8 else { continue }
            bodyLines += 1
            if fields.dateline == nil { fields.dateline = TextSignals.dateline(in: line) }
            break
        }
        return fields
    }
}
