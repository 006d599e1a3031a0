import Foundation
import WiretraceCore

/// Reads plain-text payloads: scraped `.txt` pages (cleaned) and JSONL `text` (kept verbatim).
enum PlainTextReader {
    /// A scraped page, boilerplate still in: site name, menus, section labels, the title (maybe
    /// twice), a byline, photo captions, the body, teasers, newsletter promos, a credit line.
    ///
    /// The body is the run of blocks from the first to the last block that reads like prose
    /// (long, or a full sentence), extended over sentences that follow it directly. Inside it,
    /// furniture, captions and credit lines are dropped; before it, the title and a byline are
    /// read; after it, only credit lines count.
    static func readScraped(_ text: String, knownTitle: String?) -> ExtractedFields {
        var fields = ExtractedFields()
        let blocks = textBlocks(text)
        guard !blocks.isEmpty else { return fields }
        guard let span = bodySpan(blocks) else {
            // No prose at all: keep whatever is not furniture.
            var filter = ParagraphFilter(titles: [knownTitle])
            for block in blocks { filter.add(block.text) }
            fields.title = knownTitle
            fields.text = filter.paragraphs.joined(separator: "\n\n")
            fields.credits = filter.credits
            return fields
        }
        let first = span.first
        var last = span.last
        while last + 1 < blocks.count, endsSentence(blocks[last + 1].text), !blocks[last + 1].isMenu,
            blocks[last + 1].text.split(separator: " ").count >= 4, !isFurniture(blocks[last + 1].text)
        {
            last += 1
        }
        // Before the body: title and byline.
        var credits: [WireCredit] = []
        var titleCandidates: [String] = []
        for block in blocks[..<first] {
            // A date line ("March 27, 2021 9:45 AM UTC") before the body is the publication time.
            if fields.publication == nil, let date = block.lines.lazy.compactMap(DateText.dateLine).first {
                fields.publication = PublicationDate(date: date, source: .dateLine)
                if block.lines.count == 1 { continue }
            }
            let analysis = CreditDetector.analyze(line: block.lines[0])
            credits += analysis.credits
            if let names = TextSignals.byline(in: block.lines[0]) {
                if fields.byline == nil { fields.byline = names }
                continue
            }
            if analysis.isCreditLine || isFurniture(block.text) || block.isMenu { continue }
            if block.text.first?.isNumber == true || block.text.split(separator: " ").count < 3 { continue }
            titleCandidates.append(block.text)
        }
        let title = titleCandidates.last
        fields.title = knownTitle ?? title

        var filter = ParagraphFilter(titles: [title, knownTitle])
        for block in blocks[first...last] { filter.add(block.text) }
        credits += filter.credits
        for block in blocks[(last + 1)...] {
            let analysis = CreditDetector.analyze(line: block.text)
            if analysis.isCreditLine { credits += analysis.credits }
        }
        fields.text = filter.paragraphs.joined(separator: "\n\n")
        fields.credits = credits
        fields.byline = fields.byline ?? filter.byline
        fields.dateline = ParagraphFilter.dateline(in: filter.paragraphs)
        return fields
    }

    /// One blank-line-separated block of a scrape.
    struct TextBlock {
        /// Lines, whitespace collapsed, none empty.
        var lines: [String]
        /// The lines joined with spaces.
        var text: String
        /// Whether a line kept runs of spaces between items, as scraped menus do ("Local  World  Sport").
        var isMenu: Bool
    }

    /// Splits a scrape into blocks on blank lines.
    static func textBlocks(_ text: String) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var lines: [String] = []
        var isMenu = false
        func flush() {
            if !lines.isEmpty { blocks.append(TextBlock(lines: lines, text: lines.joined(separator: " "), isMenu: isMenu)) }
            lines.removeAll()
            isMenu = false
        }
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let collapsed = TextUtilities.collapseWhitespace(line)
            if collapsed.isEmpty {
                flush()
            } else {
                lines.append(collapsed)
                if line.trimmingCharacters(in: .whitespaces).contains("  ") { isMenu = true }
            }
        }
        flush()
        return blocks
    }

    /// The richest run of prose blocks, allowing one short non-prose block (a subheading) between
    /// prose blocks; furniture (teasers, captions, credit lines) does not break a run.
    ///
    /// - Complexity: O(n) in the number of blocks.
    static func bodySpan(_ blocks: [TextBlock]) -> (first: Int, last: Int)? {
        var best: (first: Int, last: Int, weight: Int)?
        var current: (first: Int, last: Int, weight: Int)?
        var gap = 0
        for (index, block) in blocks.enumerated() {
            if !block.isMenu && looksLikeProse(block.text) {
                if var run = current, gap <= 1 {
                    run.last = index
                    run.weight += block.text.count
                    current = run
                } else {
                    current = (index, index, block.text.count)
                }
                gap = 0
                if let run = current, run.weight > (best?.weight ?? 0) { best = run }
            } else if !isFurniture(block.text) {
                gap += 1
            }
        }
        return best.map { ($0.first, $0.last) }
    }

    private static func isFurniture(_ paragraph: String) -> Bool {
        Boilerplate.isBoilerplate(paragraph) || Boilerplate.isCaption(paragraph)
            || CreditDetector.analyze(line: paragraph).isCreditLine
    }

    /// Long text, or a full sentence of some length, that is not furniture.
    private static func looksLikeProse(_ paragraph: String) -> Bool {
        guard !isFurniture(paragraph) else { return false }
        if paragraph.count >= 120 { return true }
        return paragraph.count >= 50 && endsSentence(paragraph) && paragraph.split(separator: " ").count >= 8
    }

    private static func endsSentence(_ paragraph: String) -> Bool {
        guard let last = paragraph.last else { return false }
        return ".!?\"”’'…".contains(last)
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
