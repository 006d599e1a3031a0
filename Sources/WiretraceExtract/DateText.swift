import Foundation
import WiretraceCore

/// A date read from a page: a calendar day, and the time of day with its UTC offset when the page
/// gave them.
package struct FoundDate: Hashable, Sendable, CustomStringConvertible {
    package var year: Int
    package var month: Int
    package var day: Int
    /// The time of day, when the page gave one.
    package var hour: Int?
    package var minute = 0
    package var second = 0
    /// Seconds east of UTC; nil when the zone is unknown (then only the date is exported).
    package var offset: Int?

    package init(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int = 0, second: Int = 0, offset: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offset = offset
    }

    /// The day as one sortable number, 20200128.
    package var dayKey: Int { year * 10_000 + month * 100 + day }

    /// "2020-01-28".
    package var isoDay: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// ISO 8601: "2020-01-28T15:28:56+01:00" (or "…Z") when the time and its zone are known,
    /// "2020-01-28" otherwise: a time without a zone is not a point in time, and is not guessed.
    package var iso8601: String {
        guard let hour, let offset else { return isoDay }
        var text = "\(isoDay)T\(Self.pad(hour, 2)):\(Self.pad(minute, 2)):\(Self.pad(second, 2))"
        if offset == 0 {
            text += "Z"
        } else {
            let magnitude = abs(offset) / 60
            text += (offset < 0 ? "-" : "+") + "\(Self.pad(magnitude / 60, 2)):\(Self.pad(magnitude % 60, 2))"
        }
        return text
    }

    package var description: String { iso8601 }

    /// The UTC date and time of seconds since 1970.
    package init(secondsSince1970 seconds: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondsOfDay = seconds - days * 86_400
        let (year, month, day) = Timestamp.civilDate(daysSinceEpoch: days)
        self.init(
            year: year, month: month, day: day,
            hour: secondsOfDay / 3600, minute: secondsOfDay % 3600 / 60, second: secondsOfDay % 60, offset: 0)
    }

    /// Whether the day exists (30 February does not).
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// How a page writes an all-numeric date whose first two numbers could both be a month:
/// "03/04/2020" is 3 April in Europe and March 4 in the United States.
package enum NumericDateOrder: Sendable {
    case dayFirst, monthFirst

    /// The order a page's language and host suggest: month first for American English (an
    /// "en-US" tag, or English, or no language, on a generic or .us host), day first elsewhere.
    package static func forPage(language: String?, host: String?) -> NumericDateOrder {
        let tag = language?.lowercased() ?? ""
        if tag.hasPrefix("en-us") { return .monthFirst }
        guard tag.isEmpty || tag == "en" else { return .dayFirst }
        let suffix = host?.split(separator: ".").last.map { String($0).lowercased() } ?? "com"
        return ["com", "org", "net", "gov", "edu", "us", "mil"].contains(suffix) ? .monthFirst : .dayFirst
    }
}

extension NumericDateOrder {
    /// The order a page's own numeric dates show, when they show one: a date whose first number
    /// cannot be a month ("25/03/2020") says day first, one whose second cannot ("03/25/2020")
    /// says month first. Nil when the text has neither, or both.
    ///
    /// - Complexity: O(n) in the text's scalars.
    package static func shown(in text: String) -> NumericDateOrder? {
        let tokens = DateTokenizer.tokens(text)
        var dayFirst = 0, monthFirst = 0
        var index = 0
        while index + 4 < tokens.count {
            let first = tokens[index], separator = tokens[index + 1], second = tokens[index + 2]
            let year = tokens[index + 4]
            guard first.kind == .number, first.digits <= 2, separator.text == "/" || separator.text == "-",
                tokens[index + 3].text == separator.text, second.kind == .number, second.digits <= 2,
                year.kind == .number, year.digits == 4,
                !separator.spaceBefore, !second.spaceBefore, !tokens[index + 3].spaceBefore, !year.spaceBefore
            else {
                index += 1
                continue
            }
            if first.value > 12, first.value <= 31, (1...12).contains(second.value) { dayFirst += 1 }
            if second.value > 12, second.value <= 31, (1...12).contains(first.value) { monthFirst += 1 }
            index += 5
        }
        if dayFirst > 0, monthFirst == 0 { return .dayFirst }
        if monthFirst > 0, dayFirst == 0 { return .monthFirst }
        return nil
    }
}

/// A date found in running text, with where it was.
package struct DateMatch: Sendable {
    package var date: FoundDate
    /// Scalar offsets of the match in the text.
    package var start: Int
    package var end: Int
    /// Whether the numeric order of an ambiguous date ("03/04/2020") was decided by the hint
    /// rather than by the numbers themselves.
    package var orderGuessed = false
}

/// Reads dates as pages print them, in machine forms (ISO 8601, RFC 2822, Unix `date` output,
/// epoch seconds) and in the words and numeric orders of the major European languages.
package enum DateText {
    /// The date a machine-readable value states (a `<meta content>`, a `datetime` attribute, a
    /// JSON-LD value): "2019-05-15T05:28:29+02:00", "2019-05-15 05:28:29",
    /// "Tue Jan 28 15:28:56 CET 2020", "Tue, 28 Jan 2020 15:28:56 +0100", "20190515",
    /// "1580221736" (epoch seconds), or any date `matches(in:)` reads, the first one.
    package static func parse(_ value: String, order: NumericDateOrder = .dayFirst) -> FoundDate? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200 else { return nil }
        if trimmed.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            switch trimmed.utf8.count {
            case 8:
                let digits = Array(trimmed.utf8).map { Int($0) - 48 }
                let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
                let month = digits[4] * 10 + digits[5], day = digits[6] * 10 + digits[7]
                guard FoundDate.isValid(year: year, month: month, day: day) else { return nil }
                return FoundDate(year: year, month: month, day: day)
            case 10, 13:
                guard var seconds = Int(trimmed) else { return nil }
                if trimmed.utf8.count == 13 { seconds /= 1000 }
                return FoundDate(secondsSince1970: seconds)
            default:
                return nil
            }
        }
        return matches(in: trimmed, order: order, twoDigitYears: true).first?.date
    }

    /// The date of a date line as scrapes keep it ("March 27, 2021 9:45 AM UTC", "22.06.2021,
    /// 21:30 Uhr"): the first date of a line of at most 60 characters. Longer lines are sentences.
    package static func dateLine(_ line: String) -> FoundDate? {
        guard line.count <= 60 else { return nil }
        return matches(in: line, order: .dayFirst).first?.date
    }

    /// Every date in a text, in order: numeric ("2020-01-27", "27.01.2020", "27/01/20", "01/27/2020"),
    /// with month names ("27 janvier 2020", "16. August 2019", "5 de mayo de 2019", "16 августа
    /// 2019", "March 27, 2021", "2019. május 15."), CJK ("2020年1月27日"), each with a time of day
    /// and zone when one follows ("15:28 Uhr", "3:45 p.m. EST", "15:28:56+01:00").
    ///
    /// - Parameters:
    ///   - order: how to read "03/04/2020" when both numbers could be a month.
    ///   - twoDigitYears: whether "27.01.20" counts (in date lines, not in running text; after a
    ///     weekday's name always: "mardi 10.12.19").
    /// - Complexity: O(n) in the text's scalars.
    package static func matches(in text: String, order: NumericDateOrder, twoDigitYears: Bool = false) -> [DateMatch] {
        let tokens = DateTokenizer.tokens(text)
        var results: [DateMatch] = []
        var index = 0
        while index < tokens.count {
            if let (match, next) = match(tokens, at: index, order: order, twoDigitYears: twoDigitYears) {
                results.append(match)
                index = next
            } else {
                index += 1
            }
        }
        return results
    }

    // MARK: Patterns

    private static func match(
        _ tokens: [DateToken], at start: Int, order: NumericDateOrder, twoDigitYears: Bool
    ) -> (DateMatch, Int)? {
        let first = tokens[start]
        var cursor = TokenCursor(tokens: tokens, index: start)
        var date: FoundDate?
        var guessed = false
        switch first.kind {
        case .number:
            // Part of a longer dotted or slashed number ("1.2.3.2019", "10/12/2019/5") is no date.
            if start >= 2, tokens[start - 1].isSeparator, !tokens[start - 1].spaceBefore, !first.spaceBefore,
                tokens[start - 2].kind == .number
            {
                return nil
            }
            // A weekday before it makes a date line of it: "mardi 10.12.19", "Dienstag, 10.12.19".
            let weekdayBefore = start >= 1 && (MonthNames.weekdays.contains(tokens[start - 1].text)
                || (start >= 2 && tokens[start - 1].text == "," && MonthNames.weekdays.contains(tokens[start - 2].text)))
            if let (found, wasGuessed) = numericDate(&cursor, order: order, twoDigitYears: twoDigitYears || weekdayBefore) {
                date = found
                guessed = wasGuessed
            } else {
                cursor.index = start
                date = dayMonthYear(&cursor)
                if date == nil {
                    cursor.index = start
                    date = yearMonthDay(&cursor)
                }
            }
        case .word:
            date = monthDayYear(&cursor)
        case .symbol:
            return nil
        }
        guard var found = date else { return nil }
        // A time of day right after the date; `monthDayYear` may have read one already.
        if found.hour == nil {
            let beforeTime = cursor.index
            if let time = timeOfDay(&cursor) {
                found.hour = time.hour
                found.minute = time.minute
                found.second = time.second
                found.offset = time.offset
            } else {
                cursor.index = beforeTime
            }
        }
        let last = tokens[cursor.index - 1]
        return (DateMatch(date: found, start: first.start, end: last.end, orderGuessed: guessed), cursor.index)
    }

    /// "2020-01-27", "2020/1/27", "2020.01.27", "27.01.2020", "27. 01. 2020", "01/27/2020", "27-01-2020",
    /// "27.01.20" (two-digit year, when allowed).
    private static func numericDate(
        _ cursor: inout TokenCursor, order: NumericDateOrder, twoDigitYears: Bool
    ) -> (FoundDate, Bool)? {
        guard let a = cursor.number(), let separator = cursor.separator(["-", "/", "."]),
            let b = cursor.number(maxDigits: 2)
        else { return nil }
        guard cursor.separator([separator.text]) != nil, let c = cursor.number() else { return nil }
        // Separators spaced only around dots ("27. 01. 2020"), never "2020 - 01 - 27".
        if separator.text != "." {
            let tokens = cursor.tokens
            let spaced = tokens[cursor.index - 4].spaceBefore || tokens[cursor.index - 3].spaceBefore
                || tokens[cursor.index - 2].spaceBefore || tokens[cursor.index - 1].spaceBefore
            if spaced { return nil }
        }
        // No fourth part: "1.2.2019.5" and "2019-05-15-3" are something else (but "2019-05-15T…" is fine).
        if let next = cursor.peek, next.text == separator.text, !next.spaceBefore,
            cursor.peek(1)?.kind == .number, cursor.peek(1)?.spaceBefore == false
        {
            return nil
        }
        if a.digits == 4 {
            guard c.digits <= 2, FoundDate.isValid(year: a.value, month: b.value, day: c.value) else { return nil }
            if separator.text == "." { _ = cursor.separator(["."]) }
            return (FoundDate(year: a.value, month: b.value, day: c.value), false)
        }
        guard a.digits <= 2 else { return nil }
        var year = c.value
        if c.digits == 2 {
            guard twoDigitYears else { return nil }
            year += year < 70 ? 2000 : 1900
        } else if c.digits != 4 {
            return nil
        }
        var day = a.value, month = b.value, guessed = false
        if separator.text != "." {
            if a.value > 12 {
                (day, month) = (a.value, b.value)
            } else if b.value > 12 {
                (day, month) = (b.value, a.value)
            } else if a.value != b.value {
                guessed = true
                if order == .monthFirst { (day, month) = (b.value, a.value) }
            }
        }
        guard FoundDate.isValid(year: year, month: month, day: day) else { return nil }
        return (FoundDate(year: year, month: month, day: day), guessed)
    }

    /// "16. August 2019", "27 janvier 2020", "1er mars 2020", "5 de mayo de 2019", "16 августа 2019 г.",
    /// "3rd of March, 2020", "28 Jan. 2020".
    private static func dayMonthYear(_ cursor: inout TokenCursor) -> FoundDate? {
        guard let day = cursor.number(maxDigits: 2), (1...31).contains(day.value) else { return nil }
        _ = cursor.separator(["."])
        _ = cursor.word(in: ordinalSuffixes)
        _ = cursor.separator(["."])
        _ = cursor.word(in: ["de", "of", "del"])
        guard let month = cursor.month() else { return nil }
        _ = cursor.separator([".", ","])
        _ = cursor.word(in: ["de", "del", "of"])
        guard let year = cursor.number(), year.digits == 4 else { return nil }
        guard FoundDate.isValid(year: year.value, month: month, day: day.value) else { return nil }
        return FoundDate(year: year.value, month: month, day: day.value)
    }

    /// "2019. május 15.", "2019 May 15", "2020年1月27日", "2020년 1월 27일".
    private static func yearMonthDay(_ cursor: inout TokenCursor) -> FoundDate? {
        guard let year = cursor.number(), year.digits == 4 else { return nil }
        if cursor.word(in: ["年", "년"]) != nil {
            guard let month = cursor.number(maxDigits: 2), cursor.word(in: ["月", "월"]) != nil,
                let day = cursor.number(maxDigits: 2), FoundDate.isValid(year: year.value, month: month.value, day: day.value)
            else { return nil }
            _ = cursor.word(in: ["日", "일"])
            return FoundDate(year: year.value, month: month.value, day: day.value)
        }
        _ = cursor.separator([".", ","])
        guard let month = cursor.month(), let day = cursor.number(maxDigits: 2),
            FoundDate.isValid(year: year.value, month: month, day: day.value)
        else { return nil }
        // "2019 May 15" must not run into a longer number ("2019 May 150").
        _ = cursor.separator(["."])
        return FoundDate(year: year.value, month: month, day: day.value)
    }

    /// "March 27, 2021", "Jan. 28th 2020", "Tue Jan 28 15:28:56 CET 2020" (Unix `date`).
    private static func monthDayYear(_ cursor: inout TokenCursor) -> FoundDate? {
        guard let month = cursor.month() else { return nil }
        guard let day = cursor.number(maxDigits: 2), (1...31).contains(day.value) else { return nil }
        _ = cursor.word(in: ordinalSuffixes)
        _ = cursor.separator([",", "."])
        let beforeTime = cursor.index
        let time = timeOfDay(&cursor)
        if time == nil { cursor.index = beforeTime }
        _ = cursor.separator([","])
        guard let year = cursor.number(), year.digits == 4,
            FoundDate.isValid(year: year.value, month: month, day: day.value)
        else { return nil }
        var date = FoundDate(year: year.value, month: month, day: day.value)
        if let time {
            date.hour = time.hour
            date.minute = time.minute
            date.second = time.second
            date.offset = time.offset
        }
        return date
    }

    private static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "e", "ème", "eme", "º", "ª", "o", "a", "го"]

    // MARK: Time of day

    struct TimeOfDay {
        var hour: Int
        var minute: Int
        var second: Int
        var offset: Int?
    }

    /// Words between a date and its time ("um", "à", "at", "a las", "alle ore", "в").
    private static let timeLeaders: Set<String> = [
        "t", "at", "um", "à", "a", "las", "alle", "ore", "às", "om", "o", "в", "kl", "klo", "saat", "godz",
    ]

    /// "15:28", "15:28:56.123", "3:45 p.m.", "15.28 Uhr", "15h30", each optionally followed by a
    /// zone: "Z", "UTC", "GMT+2", "+01:00", "-0400", "CET", "(MSK)".
    static func timeOfDay(_ cursor: inout TokenCursor) -> TimeOfDay? {
        for _ in 0..<3 {
            if cursor.separator([",", "-", "|", "/", "·", "•", "–", "—", "("]) != nil { continue }
            // A leader may be abbreviated: "godz. 14:05", "kl. 14.05".
            if cursor.word(in: timeLeaders) != nil {
                _ = cursor.separator(["."])
                continue
            }
            break
        }
        guard let hourToken = cursor.number(maxDigits: 2), hourToken.value < 24 else { return nil }
        var hour = hourToken.value, minute = 0, second = 0
        var needsUnit = false
        if cursor.separator([":"]) != nil {
            guard let m = cursor.number(), m.digits == 2, m.value < 60 else { return nil }
            minute = m.value
            let beforeSeconds = cursor.index
            if cursor.separator([":"]) != nil, let s = cursor.number(), s.digits == 2, s.value < 61 {
                second = min(59, s.value)
                let beforeFraction = cursor.index
                if cursor.separator([".", ","]) == nil || cursor.number() == nil { cursor.index = beforeFraction }
            } else {
                cursor.index = beforeSeconds
            }
        } else if cursor.separator(["."]) != nil || cursor.word(in: ["h"]) != nil {
            // "15.28 Uhr", "15h30": only with a unit or the "h" itself.
            let usedH = cursor.tokens[cursor.index - 1].text == "h"
            guard let m = cursor.number(), m.digits == 2, m.value < 60 else { return nil }
            minute = m.value
            needsUnit = !usedH
        } else {
            return nil
        }
        // am/pm, "a.m.", "p. m.", "Uhr", "h".
        let beforeMeridiem = cursor.index
        if let word = cursor.word(in: ["am", "pm", "a", "p"]) {
            var isMeridiem = word.text.count == 2
            if !isMeridiem, cursor.separator(["."]) != nil, cursor.word(in: ["m"]) != nil {
                _ = cursor.separator(["."])
                isMeridiem = true
            }
            if isMeridiem, (1...12).contains(hour) {
                if word.text.hasPrefix("p"), hour < 12 { hour += 12 }
                if word.text.hasPrefix("a"), hour == 12 { hour = 0 }
            } else {
                cursor.index = beforeMeridiem
            }
        }
        let hasUnit = cursor.word(in: ["uhr", "h", "hs", "hrs", "horas", "ч"]) != nil
        if needsUnit && !hasUnit { return nil }
        var time = TimeOfDay(hour: hour, minute: minute, second: second, offset: nil)
        let beforeZone = cursor.index
        if let offset = zone(&cursor) { time.offset = offset } else { cursor.index = beforeZone }
        _ = cursor.separator([")"])
        return time
    }

    /// A zone after a time: "Z", "UTC", "GMT+2", "UTC+05:30", "+01:00", "-0400", "CET", "(MSK)".
    private static func zone(_ cursor: inout TokenCursor) -> Int? {
        _ = cursor.separator(["("])
        var base: Int?
        if let word = cursor.peek, word.kind == .word, let offset = MonthNames.zoneOffset[word.text] {
            cursor.index += 1
            base = offset
            guard offset == 0 else { return offset }
        }
        // A signed offset, alone or after UTC/GMT.
        let beforeSign = cursor.index
        if let sign = cursor.peek, sign.kind == .symbol, ["+", "-", "−"].contains(sign.text),
            base != nil || !sign.spaceBefore || cursor.peek(1)?.digits == 4 || cursor.peek(2)?.text == ":"
        {
            cursor.index += 1
            if let hours = cursor.number(), !cursor.tokens[cursor.index - 1].spaceBefore {
                var seconds: Int?
                if hours.digits == 4 {
                    seconds = (hours.value / 100) * 3600 + (hours.value % 100) * 60
                } else if hours.digits <= 2 {
                    var minutes = 0
                    let beforeMinutes = cursor.index
                    if cursor.separator([":"]) != nil, let m = cursor.number(), m.digits == 2 {
                        minutes = m.value
                    } else {
                        cursor.index = beforeMinutes
                    }
                    seconds = hours.value * 3600 + minutes * 60
                }
                if let seconds, seconds <= 14 * 3600 {
                    return sign.text == "+" ? seconds : -seconds
                }
            }
            cursor.index = beforeSign
        }
        return base
    }
}

// MARK: Tokens

/// A number, a word or one symbol of a text, with its scalar offsets.
struct DateToken {
    enum Kind { case number, word, symbol }
    var kind: Kind
    /// Digits of a number, the lower-cased word, or the symbol.
    var text: String
    /// A number's value (0 for the others).
    var value = 0
    /// Whitespace came before it.
    var spaceBefore: Bool
    var start: Int
    var end: Int

    var digits: Int { kind == .number ? text.utf8.count : 0 }
    var isSeparator: Bool { kind == .symbol && (text == "." || text == "/" || text == "-") }
}

enum DateTokenizer {
    /// The value of a decimal digit: ASCII, Arabic-Indic ("٢٠٢١"), Eastern Arabic-Indic as Persian
    /// and Urdu write them ("۲۰۲۱"), full-width as CJK pages do ("２０２１").
    static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: Int(scalar.value - 0x30)
        case 0x660...0x669: Int(scalar.value - 0x660)
        case 0x6F0...0x6F9: Int(scalar.value - 0x6F0)
        case 0xFF10...0xFF19: Int(scalar.value - 0xFF10)
        default: nil
        }
    }

    /// Splits a text into numbers (ASCII digit runs), words (letter runs, lower-cased) and
    /// single symbols; whitespace only marks the next token.
    ///
    /// - Complexity: O(n) in the text's scalars.
    static func tokens(_ text: String) -> [DateToken] {
        var tokens: [DateToken] = []
        var current = String.UnicodeScalarView()
        var currentKind: DateToken.Kind?
        var currentStart = 0
        var space = false
        var offset = 0
        func flush() {
            guard let kind = currentKind else { return }
            var token = DateToken(kind: kind, text: String(current), spaceBefore: space, start: currentStart, end: offset)
            if kind == .number {
                var value = 0
                for scalar in current.prefix(18) { value = value * 10 + (digitValue(scalar) ?? 0) }
                token.value = value
                // Digits of other scripts are read as their ASCII twins: "٢٢" is "22".
                token.text = String(String.UnicodeScalarView(current.map { Unicode.Scalar(UInt8(48 + (digitValue($0) ?? 0))) }))
            } else {
                token.text = token.text.lowercased()
            }
            tokens.append(token)
            current = String.UnicodeScalarView()
            currentKind = nil
            space = false
        }
        for scalar in text.unicodeScalars {
            let kind: DateToken.Kind?
            if digitValue(scalar) != nil {
                kind = .number
            } else if scalar.properties.isAlphabetic {
                kind = .word
            } else if scalar.properties.isWhitespace || scalar.value == 0xA0 {
                kind = nil
            } else {
                kind = .symbol
            }
            if kind != currentKind || kind == .symbol { flush() }
            if let kind {
                if currentKind == nil {
                    currentKind = kind
                    currentStart = offset
                }
                current.append(scalar)
            } else {
                space = true
            }
            offset += 1
        }
        flush()
        return tokens
    }
}

/// A read position in a token list; each reader advances it only when it accepts a token.
struct TokenCursor {
    let tokens: [DateToken]
    var index: Int

    var peek: DateToken? { index < tokens.count ? tokens[index] : nil }
    func peek(_ ahead: Int) -> DateToken? { index + ahead < tokens.count ? tokens[index + ahead] : nil }

    mutating func number(maxDigits: Int = 4) -> DateToken? {
        guard let token = peek, token.kind == .number, token.digits <= maxDigits else { return nil }
        index += 1
        return token
    }

    mutating func separator(_ symbols: [String]) -> DateToken? {
        guard let token = peek, token.kind == .symbol, symbols.contains(token.text) else { return nil }
        index += 1
        return token
    }

    mutating func word(in words: Set<String>) -> DateToken? {
        guard let token = peek, token.kind == .word, words.contains(token.text) else { return nil }
        index += 1
        return token
    }

    /// A month name, with an abbreviation's dot.
    mutating func month() -> Int? {
        guard let token = peek, token.kind == .word, let month = MonthNames.number[token.text] else { return nil }
        index += 1
        return month
    }
}
