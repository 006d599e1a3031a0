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
    /// Lines searched for a headline before the body of a text dump.
    static let maximumTitleSearchLines = 12

    /// The first of `lines` (non-blank, whitespace collapsed) before the body that reads as a
    /// headline and is not `isLearnedBoilerplate` (the outlet's own furniture, learned from the dump).
    ///
    /// Two things a scrape keeps around its headline decide beside the line's own shape: a
    /// sentence right below a photo credit ("Pool Photo via Associated Press/file") is that
    /// photo's caption, never the headline, even in title case; and a line the page shows twice in a
    /// row (the `<title>` and the `<h1>` both scraped) is the headline even when it ends in a full
    /// stop ("Trump opens his arms. His aides close their fist."), as long as nothing else rules
    /// it out.
    static func headline(in lines: [String], outlet: String?, isLearnedBoilerplate: (String) -> Bool = { _ in false }) -> String? {
        let searched = lines.prefix(maximumTitleSearchLines)
        var followsPhotoCredit = false
        for (offset, line) in searched.enumerated() {
            // A caption is a sentence; a headline right below a credit (a photo without a
            // caption) has no full stop and stays a headline.
            let isCaption = followsPhotoCredit && line.hasSuffix(".")
            followsPhotoCredit = LineFurniture.isPhotoCredit(line)
            if !isCaption, !isLearnedBoilerplate(line) {
                if isHeadline(line, outlet: outlet) { return line }
                if isRepeatedHeadline(line, at: offset, in: searched, outlet: outlet) { return line }
            }
            // The body has begun: a long sentence is no headline, and neither is what follows it.
            if line.count >= maximumTitleLength || (line.count >= 80 && endsSentence(line)) { return nil }
        }
        return nil
    }

    /// Whether `line`, at `offset` of `lines`, is shown again as the next line and would be a
    /// headline but for its full stop: a headline of two sentences, scraped from both the page's
    /// title and its heading.
    private static func isRepeatedHeadline(_ line: String, at offset: Int, in lines: ArraySlice<String>, outlet: String?) -> Bool {
        let next = lines.startIndex + offset + 1
        guard line.hasSuffix("."), lines.indices.contains(next), lines[next] == line else { return false }
        let words = line.split(separator: " ").filter { $0.contains(where: \.isLetter) }
        guard words.count >= 4, words.count <= 25 else { return false }
        return isHeadline(String(line.dropLast()), outlet: outlet)
    }

    /// Whether a line of a text dump reads as a headline: three words or more (or a run of
    /// ideographs), shorter than ``maximumTitleLength``, not a full stop at its end, and none of
    /// the page furniture that scrapes keep above it: boilerplate, credit and byline lines, the
    /// outlet's own name, a row of share buttons, a date or time line, a tag list, a caption.
    static func isHeadline(_ line: String, outlet: String?) -> Bool {
        guard line.count < maximumTitleLength, !line.hasSuffix(":") else { return false }
        let words = line.split(separator: " ").filter { $0.contains(where: \.isLetter) }
        // A full stop ends a sentence, unless the line is in title case ("Putin Wants Respect.
        // Trump Is About To Give It.").
        if line.hasSuffix(".") {
            let capitalised = words.filter { $0.first?.isUppercase == true }.count
            guard words.count >= 3, capitalised * 10 >= words.count * 7 else { return false }
        }
        let ideographic = line.unicodeScalars.filter { (0x3040...0x9FFF).contains($0.value) || (0xAC00...0xD7AF).contains($0.value) }.count
        guard words.count >= 3 || ideographic >= 6 else { return false }
        if Boilerplate.isBoilerplate(line) || Boilerplate.isCaption(line) { return false }
        if CreditDetector.analyze(line: line).isCreditLine || TextSignals.byline(in: line) != nil { return false }
        // "By S.A. Miller and Jane Roe - The Daily Example - Sunday, July 15, 2018": a byline the
        // byline reader did not take is still no headline.
        if line.hasPrefix("By ") || line.hasPrefix("by "), words.count >= 3,
            words.dropFirst().prefix(2).allSatisfy({ $0.first?.isUppercase == true })
        {
            return false
        }
        // Menu items and widget labels end in a bullet or an arrow; captions in a photo credit.
        if let last = line.last, "•·|›»>".contains(last) { return false }
        if let slash = line.range(of: " / ", options: .backwards),
            NewsAgency.canonical(String(line[slash.upperBound...])) != nil || line.lowercased().contains("getty images")
        {
            return false
        }
        let lower = line.lowercased()
        if let outlet, isOutletName(lower, outlet: outlet) { return false }
        if ["tags:", "tagged:", "topics:", "related:", "filed under", "posted in", "share this", "photo:", "image:", "file photo"]
            .contains(where: lower.hasPrefix)
        {
            return false
        }
        // Captions name who stands where.
        if ["(l)", "(r)", "(c)", "(left)", "(right)", "(center)", "(centre)", "(from left)"].contains(where: lower.contains) {
            return false
        }
        let interface = ["zip code", "sign in", "log in", "logged in", "commenting", "notifications", "javascript",
                         "your browser", "click here", "read more", "autoplay", "video player"]
        if interface.contains(where: lower.contains) { return false }
        let social = ["facebook", "twitter", "google+", "linkedin", "pinterest", "whatsapp", "reddit", "email", "print", "share", "tumblr"]
        if social.filter(lower.contains).count >= 2 { return false }
        return !isDateLine(words)
    }

    /// Whether `lower` is the outlet's name: "The Boston Globe" for bostonglobe.com, "CBS News" for
    /// cbsnews.com, letters compared without spaces, case or a leading "the".
    static func isOutletName(_ lower: String, outlet: String) -> Bool {
        func letters(_ text: String) -> String { String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic }.map(Character.init)) }
        var name = letters(lower)
        if name.hasPrefix("the") { name.removeFirst(3) }
        var host = outlet.lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        if let dot = host.firstIndex(of: "."), host.contains("."), !host.contains(" ") { host = String(host[..<dot]) }
        var site = letters(host)
        if site.hasPrefix("the") { site.removeFirst(3) }
        guard !name.isEmpty, !site.isEmpty else { return false }
        return name == site || (name.count <= 40 && (name.hasPrefix(site) || site.hasPrefix(name)) && min(name.count, site.count) >= 4)
    }

    /// Whether most words are parts of a date or time: weekdays, months, numbers, ordinals, "am"/"pm".
    static func isDateLine<S: StringProtocol>(_ words: [S]) -> Bool {
        let dateWords: Set<String> = [
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
            "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "am", "pm", "a.m.", "p.m.", "updated", "published", "posted", "at", "on",
            "gmt", "utc", "est", "edt", "cet", "cest", "bst", "pt", "et", "ago", "hours", "hour", "minutes", "min", "mins",
            "days", "yesterday", "today",
        ]
        var dated = 0
        for word in words {
            let bare = word.lowercased().trimmingCharacters(in: " ,.|·•-–—()")
            if dateWords.contains(bare) || bare.first?.isNumber == true { dated += 1 }
        }
        return dated * 2 >= words.count
    }

    /// Text that must stay byte-identical (quote offsets point into it): only metadata is read.
    /// The title, when the record gives none, is the first line before the body that reads as a
    /// headline (``isHeadline(_:outlet:)``): scraped text dumps open with the site's name, share
    /// buttons, the date and the weather as often as with the headline.
    static func readVerbatim(_ text: String, knownTitle: String?, outlet: String? = nil) -> ExtractedFields {
        var fields = ExtractedFields()
        fields.text = text
        let lines = TextUtilities.nonBlankLines(text)
        let titleLine = headline(in: lines, outlet: outlet)
        fields.title = knownTitle ?? titleLine
        fields.credits = CreditDetector.credits(inLines: lines)

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
