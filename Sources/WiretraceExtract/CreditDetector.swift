import Foundation
import WiretraceCore

/// Wire-credit detection on plain text, also used by other stages.
///
/// Only credit lines and credit markers count: "Source: Reuters/jt", "(Reuters) -", "(AP) —",
/// "By Reuters", "By The Associated Press", "— AP", "Reporting by ...; Editing by ..." (Reuters),
/// "Copyright ... Reuters", and an agency name standing alone on a line ("AFP"). An agency cited
/// as a source inside a sentence ("Russian news agency TASS cited ...") is not a credit.
public enum CreditDetector {
    /// Wire credits in a text, one per agency (the first text found for it), in order of appearance.
    ///
    /// Agencies are normalised with `agency(named:)`.
    /// - Complexity: O(n) in the length of the text.
    public static func credits(inText text: String) -> [WireCredit] {
        credits(inLines: TextUtilities.nonBlankLines(text))
    }

    /// `credits(inText:)` over a text's ``TextUtilities/nonBlankLines(_:)`` (a blank line has no
    /// credit), for a caller that has split the text already.
    static func credits(inLines lines: [String]) -> [WireCredit] {
        var credits: [WireCredit] = []
        for line in lines {
            credits.append(contentsOf: analyze(line: line).credits)
        }
        return deduplicated(credits)
    }

    /// The canonical agency a name stands for (`NewsAgency.canonical`), also when it names one of
    /// the agency's services joined to it by a hyphen: "dpa-AFX" (dpa's financial wire), "APA-OTS"
    /// are dpa's and APA's. The service part is one short word; a longer compound is something else.
    static func agency(named name: String) -> String? {
        if let agency = NewsAgency.canonical(name) { return agency }
        let trimmed = name.trimmingCharacters(in: " .,;:()[]")
        // An agency and its regional desk's or editor's code: "dpa/lnw", "AFP/jt".
        if let slash = trimmed.firstIndex(of: "/"), slash > trimmed.startIndex {
            let code = trimmed[trimmed.index(after: slash)...]
            guard (2...4).contains(code.count), code.allSatisfy({ $0.isLetter && $0.isLowercase }) else { return nil }
            return NewsAgency.canonical(String(trimmed[..<slash]))
        }
        guard let hyphen = trimmed.firstIndex(of: "-"), hyphen > trimmed.startIndex else { return nil }
        let service = trimmed[trimmed.index(after: hyphen)...]
        guard (2...8).contains(service.count), service.allSatisfy(\.isLetter) else { return nil }
        return NewsAgency.canonical(String(trimmed[..<hyphen]))
    }

    /// Keeps the first credit of each agency.
    static func deduplicated(_ credits: [WireCredit]) -> [WireCredit] {
        var seen: Set<String> = []
        return credits.filter { seen.insert($0.agency).inserted }
    }

    /// The credits on one line (whitespace already collapsed), and whether the whole line is a credit
    /// line that carries no article text ("Source: Reuters/jt", "By AFP", "TASS").
    ///
    /// - Parameter skippingLinesWithoutAgencyWord: answer the byline, names-over-agency and
    ///   standalone-agency tests only for lines with a word from ``agencyWords`` (a line without
    ///   one cannot pass them); `false` runs every test, as a reference for the fast path.
    static func analyze(line: String, skippingLinesWithoutAgencyWord: Bool = true) -> (credits: [WireCredit], isCreditLine: Bool) {
        guard !line.isEmpty else { return ([], false) }
        if let credits = creditLine(line, skippingLinesWithoutAgencyWord: skippingLinesWithoutAgencyWord) { return (credits, true) }
        var found: [WireCredit] = []
        if let marker = parentheticalMarker(in: line) { found.append(marker) }
        if let marker = slashMarker(in: line) { found.append(marker) }
        if let trailing = trailingDashCredit(in: line) { found.append(trailing) }
        return (found, false)
    }

    // MARK: Whole-line credits

    /// Lines that are nothing but a credit.
    private static func creditLine(_ line: String, skippingLinesWithoutAgencyWord: Bool) -> [WireCredit]? {
        guard TextUtilities.hasAtMost(200, line) else { return nil }
        let lower = line.lowercased()

        // "Source: Reuters/jt", "Sources: AFP, Reuters", "Source: CNA/Reuters/jt"
        for prefix in ["source:", "sources:"] where lower.hasPrefix(prefix) {
            let rest = line.dropFirst(prefix.count)
            let agencies = agencyNames(in: rest)
            return agencies.isEmpty ? nil : agencies.map { WireCredit(agency: $0, text: line) }
        }

        // "Reporting by ...; Editing by ..." is Reuters' house sign-off.
        let unparenthesized = lower.hasPrefix("(") ? String(lower.dropFirst()) : lower
        if unparenthesized.hasPrefix("reporting by") || unparenthesized.hasPrefix("writing by")
            || unparenthesized.hasPrefix("additional reporting by")
        {
            if lower.contains("editing by") { return [WireCredit(agency: "Reuters", text: line)] }
            return nil
        }

        // "Copyright 2021 Thomson Reuters", "© 2024 The Associated Press. All rights reserved."
        if lower.hasPrefix("copyright") || lower.hasPrefix("©") || lower.hasPrefix("(c) ") {
            let agencies = agenciesMentioned(in: line)
            return agencies.isEmpty ? nil : agencies.map { WireCredit(agency: $0, text: line) }
        }

        // Every test below passes only if `agency(named:)` accepts a piece of the line, so only
        // for a line with an agency word: most lines have none and skip the string work below.
        if skippingLinesWithoutAgencyWord, !mayNameAgency(lowercased: lower) { return nil }

        // Bylines: "By Reuters", "By The Associated Press", "By Jane Doe, Reuters", "By Jane Doe for
        // AFP", "By ROBERT BURNS Associated Press", "By MATTHEW LEE, AP Diplomatic Writer | on",
        // "Von Anna Schmidt, dpa", "Par Jean Dupont, AFP", "Por Ana García, EFE".
        if let rest = bylineRest(line) {
            if let agency = agency(named: String(rest)) { return [WireCredit(agency: agency, text: line)] }
            if let agency = leadingAgency(rest.split(separator: " ").map(String.init), allowRoleTail: true)
                ?? agencyClosingByline(rest)
            {
                return [WireCredit(agency: agency, text: line)]
            }
            return nil
        }

        // "JONATHAN LEMIRE, JILL COLVIN and VLADIMIR ISACHENKOV / AP": a byline of several names
        // without "By". One name over an agency is left alone: that is how photos are credited.
        if let agency = namesOverAgency(line) { return [WireCredit(agency: agency, text: line)] }

        // "AFP", "— AP", "- TASS", "AFP/Reuters", "(Xinhua)"
        let bare = line.trimmingCharacters(in: " -–—()[].")
        guard !bare.isEmpty, bare.count <= 60 else { return nil }
        let names = agencyNames(in: Substring(bare), requireAll: true)
        return names.isEmpty ? nil : names.map { WireCredit(agency: $0, text: line) }
    }

    /// The words that open a byline, in the languages whose press writes them.
    private static let bylinePrefixes = ["By ", "BY ", "Von ", "VON ", "Par ", "PAR ", "Por ", "POR ", "Di ", "DI ", "Door ", "DOOR ", "Av ", "AV ", "Af ", "AF "]

    /// What follows a byline's opening word, for lines short enough to be a byline.
    private static func bylineRest(_ line: String) -> Substring? {
        guard TextUtilities.hasAtMost(160, line), let prefix = bylinePrefixes.first(where: { line.hasPrefix($0) }) else { return nil }
        let rest = line.dropFirst(prefix.count).drop { $0 == " " }
        return rest.isEmpty ? nil : rest
    }

    /// Words that may follow an agency's name in a byline: the writer's desk and title.
    private static let bylineRoleWords: Set<String> = [
        "writer", "writers", "correspondent", "correspondents", "reporter", "reporters", "editor", "editors",
        "staff", "photographer", "journalist", "journalists", "diplomatic", "economics", "economic", "political",
        "politics", "medical", "science", "business", "national", "security", "international", "white", "house",
        "legal", "sports", "chief", "senior", "special", "global", "health", "technology", "energy", "education",
        "religion", "entertainment", "investigative", "video", "military", "foreign", "affairs", "and", "on",
        "redaktion", "korrespondent", "korrespondentin", "envoyé", "envoyée", "spécial", "spéciale", "corresponsal",
    ]

    /// The agency that closes a byline, alone or followed by the writer's desk: after the last
    /// separator ("NAME, AP Economics Writer", "NAMES | Associated Press", "NAME - Associated Press -
    /// date") or, with no separator, after the names ("ROBERT BURNS Associated Press").
    static func agencyClosingByline(_ rest: Substring) -> String? {
        // Segments between separators; the first holds the names.
        var segments: [String] = [String(rest)]
        for separator in [", ", " | ", " for ", " - ", " — ", " – ", " / ", ",\u{A0}", "; "] {
            segments = segments.flatMap { $0.components(separatedBy: separator) }
        }
        for segment in segments.dropFirst() {
            if let agency = leadingAgency(segment.split(separator: " ").map(String.init), allowRoleTail: true) {
                return agency
            }
        }
        // No separator before it: the last names, then the agency (and a desk), as in "ROBERT BURNS
        // Associated Press" or "JILL COLVIN and VLADIMIR ISACHENKOV Associated Press". At least
        // one name word first.
        let words = (segments.last ?? "").split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        for start in 1..<words.count {
            if let agency = leadingAgency(Array(words[start...]), allowRoleTail: true) { return agency }
        }
        return nil
    }

    /// The agency that `words` open with, when the rest are desk and title words (or nothing).
    /// Names of three letters or fewer count only as written in capitals ("AP", not "ap"), but for
    /// dpa, which writes itself in lower case.
    private static func leadingAgency(_ words: [String], allowRoleTail: Bool) -> String? {
        guard !words.isEmpty else { return nil }
        for length in stride(from: min(4, words.count), through: 1, by: -1) {
            let name = words[..<length].joined(separator: " ")
            guard let agency = agency(named: name) else { continue }
            let bare = name.trimmingCharacters(in: " .,;:()[]-–—/")
            if bare.count <= 3, bare != bare.uppercased(), bare != "dpa" { continue }
            let tail = words[length...]
            if tail.isEmpty { return agency }
            if allowRoleTail, tail.allSatisfy({ word in
                bylineRoleWords.contains(word.lowercased().trimmingCharacters(in: " .,;:|-–—•·"))
                    || word.trimmingCharacters(in: " .,;:|-–—•·").isEmpty
            }) {
                return agency
            }
        }
        return nil
    }

    /// "NAME, NAME and NAME / AP" or "NAME and NAME, Reuters": two or more names (capitalised
    /// words joined by commas and "and"), then one agency. Photo credits ("NAME / AP", "NAME/AFP/
    /// Getty Images") are not bylines.
    static func namesOverAgency(_ line: String) -> String? {
        guard line.first?.isUppercase == true, TextUtilities.hasAtMost(160, line),
            separatorsOverAgency.contains(where: { TextUtilities.containsBytes(line, $0) })
        else { return nil }
        let lower = line.lowercased()
        for word in ["getty", "photo", "image", "file", "pictures", "via "]
        where TextUtilities.containsBytes(lower, word) && lower.contains(word) { return nil }
        for separator in separatorsOverAgency {
            guard TextUtilities.containsBytes(line, separator),
                let range = line.range(of: separator, options: .backwards)
            else { continue }
            let head = line[..<range.lowerBound]
            guard let agency = leadingAgency(line[range.upperBound...].split(separator: " ").map(String.init), allowRoleTail: true)
            else { continue }
            let names = head.components(separatedBy: ", ").flatMap { $0.components(separatedBy: " and ") }
                .map { $0.trimmingCharacters(in: " ") }
            guard names.count >= 2, names.allSatisfy(isPersonName) else { return nil }
            return agency
        }
        return nil
    }

    /// What stands between the names and the agency in ``namesOverAgency(_:)``; a line without
    /// one is answered before it is lower-cased.
    private static let separatorsOverAgency = [" / ", ", ", " | "]

    /// Two to four capitalised words, none an agency: "VLADIMIR ISACHENKOV", "Jill Colvin".
    private static func isPersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }
                && agency(named: String(word)) == nil
        }
    }

    /// Agency names in a list such as "Reuters/jt", "AFP, Reuters", "CNA/Reuters".
    ///
    /// - Parameter requireAll: every item must be an agency (a standalone credit line);
    ///   otherwise other items (outlets, editor initials) are skipped.
    private static func agencyNames(in list: Substring, requireAll: Bool = false) -> [String] {
        let items = list.split { "/,&;+".contains($0) }
            .flatMap { $0.components(separatedBy: " and ") }
            .map { $0.trimmingCharacters(in: " .-–—()[]") }
            .filter { !$0.isEmpty }
        var names: [String] = []
        for item in items {
            if let agency = agency(named: item) {
                if !names.contains(agency) { names.append(agency) }
            } else if requireAll {
                return []
            }
        }
        return names
    }

    /// Agencies named anywhere in a line, as whole words; short names only in capitals ("AP").
    private static func agenciesMentioned(in line: String) -> [String] {
        let words = line.split { !($0.isLetter || $0 == "-") }.map(String.init)
        var names: [String] = []
        for (canonical, spellings) in NewsAgency.aliases {
            let hit = spellings.contains { spelling in
                let parts = spelling.split(separator: " ").map(String.init)
                guard !parts.isEmpty, parts.count <= words.count else { return false }
                for start in 0...(words.count - parts.count) {
                    let window = words[start..<start + parts.count]
                    let matches = zip(window, parts).allSatisfy { word, part in
                        part.count <= 3 ? word == part.uppercased() || word == canonical
                            : word.lowercased() == part
                    }
                    if matches { return true }
                }
                return false
            }
            if hit { names.append(canonical) }
        }
        return names
    }

    // MARK: Agency words

    /// One word of every agency spelling in `NewsAgency.aliases` (a run of ``isWordScalar``
    /// scalars, lower-cased): a word the spelling shares with another spelling if it has one,
    /// else its longest word that is not a general one ("associated", not "the" or "press").
    ///
    /// A line lets `agency(named:)` accept one of its pieces only if the line, lower-cased, has
    /// one of these as a whole word. Every piece the tests cut from a line ends at the line's
    /// ends or at a separator (a space, a no-break space, punctuation, a dash), and the name
    /// `NewsAgency.canonical` looks up is the piece lower-cased (scalar by scalar, so a piece of
    /// the lower-cased line) and trimmed of punctuation, or its part before a hyphen. So every
    /// word of the spelling it finds stands as a whole word in the lower-cased line. (Lookups
    /// compare canonically equivalent strings as equal, and so does this set.)
    static let agencyWords: Set<String> = {
        let general: Set<String> = ["the", "of", "news", "press", "agency", "international", "com"]
        let spellings = NewsAgency.aliases.flatMap(\.spellings).map(words(of:))
        var chosen: Set<String> = []
        for words in spellings where words.count == 1 { chosen.insert(words[0]) }
        for words in spellings where words.count > 1 && !words.contains(where: chosen.contains) {
            let telling = words.filter { !general.contains($0) }
            if let longest = (telling.isEmpty ? words : telling).max(by: { $0.unicodeScalars.count < $1.unicodeScalars.count }) {
                chosen.insert(longest)
            }
        }
        return chosen
    }()

    /// Whether a lower-cased line has a word from ``agencyWords``.
    ///
    /// - Complexity: O(n) in the length of the line, one set lookup per word.
    static func mayNameAgency(lowercased line: String) -> Bool {
        let scalars = line.unicodeScalars
        var wordStart: String.UnicodeScalarView.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if isWordScalar(scalars[index]) {
                if wordStart == nil { wordStart = index }
            } else if let start = wordStart {
                if agencyWords.contains(String(scalars[start..<index])) { return true }
                wordStart = nil
            }
            scalars.formIndex(after: &index)
        }
        if let start = wordStart { return agencyWords.contains(String(scalars[start...])) }
        return false
    }

    /// The words of a text as ``mayNameAgency(lowercased:)`` splits them.
    static func words(of text: String) -> [String] {
        text.unicodeScalars.split { !isWordScalar($0) }.map { String($0) }
    }

    /// Letters, marks and digits: a word's scalars. Everything else (spaces, punctuation,
    /// dashes, symbols) separates words. Not Core's `Unicode.Scalar.isWordScalar` (alphabetic or
    /// numeric): that one splits a word at a combining accent, so a line spelling an agency with
    /// decomposed letters would lose the word that ``agencyWords`` holds precomposed, while the
    /// full tests (canonical equality) still find the agency.
    @inline(__always)
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
            default: return false
            }
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    // MARK: Markers inside a paragraph

    /// "(Reuters) -", "(AP) —", "(Xinhua) --", "(AFP):" anywhere in a line.
    private static func parentheticalMarker(in line: String) -> WireCredit? {
        guard line.utf8.contains(UInt8(ascii: "(")) else { return nil }
        var searchStart = line.startIndex
        while let open = line[searchStart...].firstIndex(of: "(") {
            guard let close = line[open...].firstIndex(of: ")") else { return nil }
            let inside = line[line.index(after: open)..<close]
            searchStart = line.index(after: open)
            guard inside.count <= 40, let agency = agency(named: String(inside)) else { continue }
            var cursor = line.index(after: close)
            while cursor < line.endIndex, line[cursor] == " " { cursor = line.index(after: cursor) }
            guard cursor < line.endIndex else { continue }
            let dashStart = cursor
            while cursor < line.endIndex, "-–—:".contains(line[cursor]) { cursor = line.index(after: cursor) }
            guard cursor > dashStart else { continue }
            return WireCredit(agency: agency, text: String(line[open..<cursor]))
        }
        return nil
    }

    /// TASS's dateline marker: "MOSCOW, June 22. /TASS/." within the first characters of a line.
    private static func slashMarker(in line: String) -> WireCredit? {
        guard line.utf8.contains(UInt8(ascii: "/")) else { return nil }
        let head = line.prefix(80)
        guard let open = head.firstIndex(of: "/") else { return nil }
        let afterOpen = head.index(after: open)
        guard let close = head[afterOpen...].firstIndex(of: "/"), close > afterOpen,
            head[..<open].hasSuffix(". ") || head[..<open].hasSuffix(" "),
            head[head.index(after: close)...].hasPrefix(".")
        else { return nil }
        guard let agency = agency(named: String(head[afterOpen..<close])) else { return nil }
        return WireCredit(agency: agency, text: String(head[open...close]))
    }

    private static let trailingDashes = [" — ", " – ", " -- ", " - "]

    /// A credit closing a paragraph: "... the ministry said. — AP", "... - AFP".
    ///
    /// Only the line's last 80 characters are searched: a dash further back leaves a tail longer
    /// than an agency name, so it could never match. (Foundation's backwards search over a whole
    /// Swift string was most of the extraction time on Linux.)
    private static func trailingDashCredit(in fullLine: String) -> WireCredit? {
        // A dash in the last 80 characters is a dash in the line: most lines have none.
        guard trailingDashes.contains(where: { TextUtilities.containsBytes(fullLine, $0) }) else { return nil }
        let line = String(fullLine.suffix(80))
        for dash in trailingDashes {
            guard TextUtilities.containsBytes(line, dash), let range = line.range(of: dash, options: .backwards)
            else { continue }
            let tail = String(line[range.upperBound...]).trimmingCharacters(in: " .")
            guard tail.count <= 40, let agency = agency(named: tail) else { continue }
            return WireCredit(agency: agency, text: String(line[range.lowerBound...]).trimmingCharacters(in: " "))
        }
        return nil
    }
}
