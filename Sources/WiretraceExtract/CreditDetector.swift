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
    /// Agencies are normalised with `NewsAgency.canonical`.
    /// - Complexity: O(n) in the length of the text.
    public static func credits(inText text: String) -> [WireCredit] {
        var credits: [WireCredit] = []
        for line in text.split(whereSeparator: \.isNewline) {
            credits.append(contentsOf: analyze(line: TextUtilities.collapseWhitespace(line)).credits)
        }
        return deduplicated(credits)
    }

    /// Keeps the first credit of each agency.
    static func deduplicated(_ credits: [WireCredit]) -> [WireCredit] {
        var seen: Set<String> = []
        return credits.filter { seen.insert($0.agency).inserted }
    }

    /// The credits on one line (whitespace already collapsed), and whether the whole line is a credit
    /// line that carries no article text ("Source: Reuters/jt", "By AFP", "TASS").
    static func analyze(line: String) -> (credits: [WireCredit], isCreditLine: Bool) {
        guard !line.isEmpty else { return ([], false) }
        if let credits = creditLine(line) { return (credits, true) }
        var found: [WireCredit] = []
        if let marker = parentheticalMarker(in: line) { found.append(marker) }
        if let marker = slashMarker(in: line) { found.append(marker) }
        if let trailing = trailingDashCredit(in: line) { found.append(trailing) }
        return (found, false)
    }

    // MARK: Whole-line credits

    /// Lines that are nothing but a credit.
    private static func creditLine(_ line: String) -> [WireCredit]? {
        guard line.count <= 200 else { return nil }
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

        // "By Reuters", "By The Associated Press", "By Jane Doe, Reuters", "By Jane Doe for AFP"
        if line.hasPrefix("By ") || line.hasPrefix("BY ") {
            let rest = line.dropFirst(3)
            if let agency = NewsAgency.canonical(String(rest)) {
                return [WireCredit(agency: agency, text: line)]
            }
            for separator in [", ", " | ", " for ", " - ", " — "] {
                if let range = rest.range(of: separator, options: .backwards),
                    let agency = NewsAgency.canonical(String(rest[range.upperBound...]))
                {
                    return [WireCredit(agency: agency, text: line)]
                }
            }
            return nil
        }

        // "AFP", "— AP", "- TASS", "AFP/Reuters", "(Xinhua)"
        let bare = line.trimmingCharacters(in: " -–—()[].")
        guard !bare.isEmpty, bare.count <= 60 else { return nil }
        let names = agencyNames(in: Substring(bare), requireAll: true)
        return names.isEmpty ? nil : names.map { WireCredit(agency: $0, text: line) }
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
            if let agency = NewsAgency.canonical(item) {
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

    // MARK: Markers inside a paragraph

    /// "(Reuters) -", "(AP) —", "(Xinhua) --", "(AFP):" anywhere in a line.
    private static func parentheticalMarker(in line: String) -> WireCredit? {
        var searchStart = line.startIndex
        while let open = line[searchStart...].firstIndex(of: "(") {
            guard let close = line[open...].firstIndex(of: ")") else { return nil }
            let inside = line[line.index(after: open)..<close]
            searchStart = line.index(after: open)
            guard inside.count <= 40, let agency = NewsAgency.canonical(String(inside)) else { continue }
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
        let head = line.prefix(80)
        guard let open = head.firstIndex(of: "/") else { return nil }
        let afterOpen = head.index(after: open)
        guard let close = head[afterOpen...].firstIndex(of: "/"), close > afterOpen,
            head[..<open].hasSuffix(". ") || head[..<open].hasSuffix(" "),
            head[head.index(after: close)...].hasPrefix(".")
        else { return nil }
        guard let agency = NewsAgency.canonical(String(head[afterOpen..<close])) else { return nil }
        return WireCredit(agency: agency, text: String(head[open...close]))
    }

    /// A credit closing a paragraph: "... the ministry said. — AP", "... - AFP".
    ///
    /// Only the line's last 80 characters are searched: a dash further back leaves a tail longer
    /// than an agency name, so it could never match. (Foundation's backwards search over a whole
    /// Swift string was most of the extraction time on Linux.)
    private static func trailingDashCredit(in fullLine: String) -> WireCredit? {
        let line = fullLine.count > 80 ? String(fullLine.suffix(80)) : fullLine
        for dash in [" — ", " – ", " -- ", " - "] {
            guard let range = line.range(of: dash, options: .backwards) else { continue }
            let tail = String(line[range.upperBound...]).trimmingCharacters(in: " .")
            guard tail.count <= 40, let agency = NewsAgency.canonical(tail) else { continue }
            return WireCredit(agency: agency, text: String(line[range.lowerBound...]).trimmingCharacters(in: " "))
        }
        return nil
    }
}
