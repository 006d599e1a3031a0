import Foundation

/// The last resort for a page whose markup, URL and visible text state no publication date:
/// htmldate's search of the whole page source (its text, attribute values and scripts) for date
/// strings, ported rule for rule.
///
/// In htmldate's order: a full timestamp ("2019-05-15T05:28:29", the first), a date after a
/// label ("Datum: 15.05.2019", "posted on 2019/05/15", "15.05.2019 tarihinde güncellendi"), then
/// of every date string of a form, the most frequent, by forms from the most to the least
/// explicit: "/2019/05/15/" paths, "2019-05-15", "15.05.2019", "20190515", "15/05/19". Of the two
/// most frequent strings of a form, the older wins when it is from another year and more than
/// half as frequent (an original before its revisions). A copyright year ("© 2018") is a floor:
/// no date before it is taken.
///
/// Month-only and year-only fallbacks ("2019-05", "© 2019" as 1 January) are left out: they would
/// export a day the page never stated.
struct PageDateSearch {
    let finder: PublicationDateFinder

    /// The plausible years: 1995 up to the scrape year.
    private var years: ClosedRange<Int> { PublicationDateFinder.earliest / 10_000...finder.latestDayKey / 10_000 }

    /// The date the page source supports, or nil.
    ///
    /// - Complexity: O(n) in the page's characters per pattern (a few patterns).
    func date(in root: HTMLElement) -> FoundDate? {
        let source = Self.source(of: root) as NSString
        if let date = timestamp(in: source) { return date }
        if let date = labelled(in: source) { return date }
        return search(source)
    }

    // MARK: Patterns (htmldate's, with its year, month and day ranges)

    private static let year = "(?:199[0-9]|20[0-3][0-9])"
    private static let month = "[0-1]?[0-9]"
    private static let day = "[0-3]?[0-9]"

    private static func regex(_ pattern: String, caseless: Bool = false) -> NSRegularExpression {
        // The patterns are constants: a failure is a programming error caught by the tests.
        try! NSRegularExpression(pattern: pattern, options: caseless ? [.caseInsensitive] : [])
    }

    static let timestampPattern = regex(
        "(\(year)-\(month)-\(day))[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?")
    static let labelledPattern = regex(
        "(?:date[^0-9\"]{0,20}|updated|last-modified|published|posted|on)[ :]{0,9}?([0-9]{1,4})[./]([0-9]{1,2})[./]([0-9]{2,4})|"
            + "(?:Datum|Stand|Veröffentlicht am):? ?([0-9]{1,2})\\.([0-9]{1,2})\\.([0-9]{2,4})|"
            + "(?:güncellen?me|yayı(?:m|n)lan?ma) {0,9}?(?:tarihi)? {0,9}?:? {0,9}?([0-9]{1,2})[./]([0-9]{1,2})[./]([0-9]{2,4})|"
            + "([0-9]{1,2})[./]([0-9]{1,2})[./]([0-9]{2,4}) {0,9}?(?:'de|'da|'te|'ta|’de|’da|’te|’ta|tarihinde) {0,9}(?:güncellendi|yayı(?:m|n)landı)",
        caseless: true)
    static let copyrightPattern = regex("(?:©|&copy;|Copyright|\\(c\\))\\D{0,99}(?:\(year))?-?(\(year))\\D")
    static let pathPattern = regex("/([0-9]{4}/[0-9]{2}/[0-9]{2})[01/]")
    static let loosePattern = regex("\\D([0-9]{4}[/.-][0-9]{2}[/.-][0-9]{2})\\D")
    static let dayFirstPattern = regex("\\D(\(day)[/.-]\(month)[/.-][0-9]{4})\\D")
    static let digitsPattern = regex("(\\D19[0-9]{2}[01][0-9][0-3][0-9]\\D|\\D20[0-9]{2}[01][0-9][0-3][0-9]\\D)")
    static let shortYearPattern = regex("\\D(\(day)/\(month)/[0129][0-9]|[0-3][0-9]\\.[01][0-9]\\.[0129][0-9])\\D")

    // MARK: Steps

    /// The first "YYYY-MM-DD HH:MM:SS" of the page, when it is a plausible day.
    private func timestamp(in source: NSString) -> FoundDate? {
        guard let match = Self.timestampPattern.firstMatch(in: source as String, range: NSRange(location: 0, length: source.length))
        else { return nil }
        return ymd(source.substring(with: match.range(at: 1)))
    }

    /// The first date after a label that says what it is.
    private func labelled(in source: NSString) -> FoundDate? {
        guard let match = Self.labelledPattern.firstMatch(in: source as String, range: NSRange(location: 0, length: source.length))
        else { return nil }
        var parts: [String] = []
        for group in 1..<match.numberOfRanges where match.range(at: group).location != NSNotFound {
            parts.append(source.substring(with: match.range(at: group)))
        }
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4 { return checked(year: a, month: b, day: c) }
        return dayMonthYear(day: a, month: b, year: c)
    }

    /// The most frequent date strings, form by form, above the copyright year.
    private func search(_ source: NSString) -> FoundDate? {
        var floor = 0
        if let best = select(occurrences(of: Self.copyrightPattern, in: source, year: Self.leadingYear)),
            let year = Self.leadingYear(best), years.contains(year)
        {
            floor = year
        }
        func accept(_ date: FoundDate?) -> FoundDate? {
            guard let date, floor == 0 || date.year >= floor else { return nil }
            return date
        }
        for pattern in [Self.pathPattern, Self.loosePattern] {
            if let best = select(occurrences(of: pattern, in: source, year: Self.leadingYear)),
                let date = accept(ymdDigits(best))
            {
                return date
            }
        }
        if let best = select(normalized(occurrences(of: Self.dayFirstPattern, in: source, year: Self.trailingYear))),
            let date = accept(ymd(best))
        {
            return date
        }
        if let best = select(occurrences(of: Self.digitsPattern, in: source, year: Self.leadingYear)),
            let date = accept(ymdDigits(best))
        {
            return date
        }
        if let best = select(normalized(occurrences(of: Self.shortYearPattern, in: source, year: Self.trailingShortYear))),
            let date = accept(ymd(best))
        {
            return date
        }
        return nil
    }

    // MARK: Candidates

    /// Date strings of a form with a plausible year, with their counts, in first-seen order.
    private func occurrences(of pattern: NSRegularExpression, in source: NSString, year: (String) -> Int?) -> [(String, Int)] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for match in pattern.matches(in: source as String, range: NSRange(location: 0, length: source.length)) {
            let text = source.substring(with: match.range(at: 1))
            guard let found = year(text), years.contains(found) else { continue }
            if counts[text] == nil { order.append(text) }
            counts[text, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }
    }

    /// Day-first strings ("15.05.2019", "15/05/19") rewritten "2019-05-15", their counts merged.
    private func normalized(_ occurrences: [(String, Int)]) -> [(String, Int)] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for (text, count) in occurrences {
            let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            guard numbers.count == 3 else { continue }
            let year = numbers[2] < 100 ? Self.fullYear(numbers[2]) : numbers[2]
            let key = "\(year)-\(Self.pad(numbers[1]))-\(Self.pad(numbers[0]))"
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += count
        }
        return order.map { ($0, counts[$0]!) }
    }

    /// htmldate's choice among candidate strings: of the ten most frequent, the two that sort
    /// first (the oldest); the second when it is from another year and more than half as
    /// frequent as the first (and not as frequent), else the first. Nil for none, or for more
    /// than 1,000 different strings (a list, not a page).
    func select(_ occurrences: [(String, Int)]) -> String? {
        guard !occurrences.isEmpty, occurrences.count <= 1000 else { return nil }
        if occurrences.count == 1 { return occurrences[0].0 }
        // Most frequent first, ties in first-seen order (as Python's Counter.most_common).
        let frequent = occurrences.enumerated().sorted { ($1.element.1, $0.offset) < ($0.element.1, $1.offset) }
            .prefix(10).map(\.element)
        let best = frequent.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(2)
        let first = best[best.startIndex], second = best[best.startIndex + 1]
        guard let firstYear = Self.leadingYear(first.0) ?? Self.trailingYear(first.0),
            let secondYear = Self.leadingYear(second.0) ?? Self.trailingYear(second.0)
        else { return first.0 }
        if first.1 != second.1, firstYear != secondYear, Double(second.1) / Double(first.1) > 0.5 { return second.0 }
        return first.0
    }

    // MARK: Reading the strings

    /// "2019/05/15", "2019-05-15", "/20190515/" as a plausible day.
    private func ymdDigits(_ text: String) -> FoundDate? {
        let digits = text.filter(\.isNumber)
        if digits.count == 8 {
            let value = Int(digits)!
            return checked(year: value / 10_000, month: value / 100 % 100, day: value % 100)
        }
        return ymd(text)
    }

    /// "2019-05-15" (any one-character separators) as a plausible day.
    private func ymd(_ text: String) -> FoundDate? {
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        return checked(year: numbers[0], month: numbers[1], day: numbers[2])
    }

    /// A day-month-year, month and day swapped when only that makes a date (htmldate's reading).
    private func dayMonthYear(day: Int, month: Int, year: Int) -> FoundDate? {
        let (d, m) = month > 12 && day <= 12 ? (month, day) : (day, month)
        return checked(year: year < 100 ? Self.fullYear(year) : year, month: m, day: d)
    }

    private func checked(year: Int, month: Int, day: Int) -> FoundDate? {
        guard FoundDate.isValid(year: year, month: month, day: day) else { return nil }
        let date = FoundDate(year: year, month: month, day: day)
        return finder.isPlausible(date) ? date : nil
    }

    /// A two-digit year as htmldate reads it: 90-99 are the 1990s, the rest this century.
    static func fullYear(_ year: Int) -> Int { year >= 90 ? 1900 + year : 2000 + year }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The year a string starts with, after at most one non-digit: "2019/05/15", "-20190515-".
    static func leadingYear(_ text: String) -> Int? {
        let body = text.first.map { $0.isNumber } == false ? text.dropFirst() : Substring(text)
        guard body.count >= 4, let year = Int(body.prefix(4)), (1990...2039).contains(year) else { return nil }
        return year
    }

    /// The four-digit year a string ends with: "15.05.2019".
    static func trailingYear(_ text: String) -> Int? {
        let digits = text.reversed().prefix { $0.isNumber }
        guard digits.count == 4, let year = Int(String(digits.reversed())), (1990...2039).contains(year) else { return nil }
        return year
    }

    /// The two-digit year a string ends with, as a full year: "15/05/19".
    static func trailingShortYear(_ text: String) -> Int? {
        guard let last = text.last, last.isNumber, text.count >= 2, let value = Int(text.suffix(2)) else { return nil }
        return fullYear(value)
    }

    // MARK: The page source

    /// Elements whose content is no part of the page's text (htmldate's cleaning list).
    static let dropped: Set<String> = [
        "applet", "audio", "canvas", "datalist", "embed", "frame", "frameset", "iframe", "label", "map", "math",
        "noframes", "object", "picture", "rdf", "svg", "track", "video",
    ]

    /// The page written back as markup: tags with their attributes (sorted by name, so the
    /// text is the same in every run), text and scripts.
    ///
    /// - Complexity: O(n) in the page's nodes and characters.
    static func source(of root: HTMLElement) -> String {
        var out = ""
        var stack: [(HTMLElement, Int)] = []
        func open(_ element: HTMLElement) {
            out += "<" + element.name
            for (name, value) in element.attributes.sorted(by: { $0.key < $1.key }) {
                out += " \(name)=\"\(value)\""
            }
            out += ">"
        }
        guard !dropped.contains(root.name) else { return out }
        open(root)
        stack.append((root, 0))
        while let (element, next) = stack.last {
            guard next < element.children.count else {
                out += "</\(element.name)>"
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].1 += 1
            switch element.children[next] {
            case .text(let text): out += text
            case .element(let inner):
                guard !dropped.contains(inner.name) else { continue }
                open(inner)
                stack.append((inner, 0))
            }
        }
        return out
    }
}
