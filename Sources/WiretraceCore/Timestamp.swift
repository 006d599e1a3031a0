/// Parses the publication times found in news pages and dumps into seconds since 1970 (UTC).
///
/// Accepts ISO 8601 / RFC 3339 shapes: `2021-06-22`, `2021-06-22T10:05Z`, `2021-06-22T10:05:00Z`,
/// `2021-06-22T10:05:00.123+08:00`, `2021-06-22 10:05:00 -0400`. Anything else gives nil: an
/// unknown time is treated as unknown, never guessed.
public enum Timestamp {
    public static func seconds(_ text: String) -> Double? {
        let bytes = Array(text.utf8.drop { $0 == 32 })
        var position = 0
        func number(_ digits: Int) -> Int? {
            guard position + digits <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let byte = bytes[position + offset]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            position += digits
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            if position < bytes.count, bytes[position] == byte { position += 1; return true }
            return false
        }
        guard let year = number(4), skip(45), let month = number(2), skip(45), let day = number(2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0.0, offset = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: "T") || bytes[position] == 32 {
            position += 1
            guard let h = number(2), skip(58), let m = number(2) else { return nil }
            hour = h
            minute = m
            if skip(58) {
                guard let s = number(2) else { return nil }
                second = Double(s)
                if skip(46) {
                    var scale = 0.1
                    while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 {
                        second += Double(bytes[position] - 48) * scale
                        scale /= 10
                        position += 1
                    }
                }
            }
            _ = skip(32)
            if position < bytes.count {
                let sign = bytes[position]
                if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
                    position += 1
                } else if sign == 43 || sign == 45 {
                    position += 1
                    guard let oh = number(2) else { return nil }
                    _ = skip(58)
                    let om = number(2) ?? 0
                    offset = (oh * 60 + om) * 60 * (sign == 45 ? -1 : 1)
                }
            }
        }
        guard hour < 24, minute < 60, second < 61 else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return Double(days * 86_400 + hour * 3_600 + minute * 60 - offset) + second
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's days-from-civil).
    package static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day since 1970-01-01 (Howard Hinnant's civil-from-days).
    package static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - (153 * mp + 2) / 5 + 1)
    }
}

extension Timestamp {
    /// Seconds since 1970 as "2021-06-22 10:05Z" (UTC, to the minute), for reports and pages.
    public static func utcMinute(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondsOfDay = total - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60))Z"
    }
}
