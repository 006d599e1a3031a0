/// How numbers, times and long texts are shown to people: the text reports and the review pages
/// use these, so a share or a delay reads the same in both.
public enum DisplayFormat {
    /// A share as a whole percentage (a share that is not a finite number as 0).
    public static func percentage(_ share: Double) -> Int {
        share.isFinite ? Int((min(max(share, -1e6), 1e6) * 100).rounded()) : 0
    }

    /// A share as "42%".
    public static func percent(_ share: Double) -> String { "\(percentage(share))%" }

    /// A score with two decimals, rounded half away from zero: 0.125 -> "0.13".
    public static func fixed(_ value: Double) -> String {
        let scaled = percentage(value), magnitude = abs(scaled)
        return "\(scaled < 0 ? "-" : "")\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
    }

    /// "2021-06-22T13:05:00+03:00" -> "2021-06-22 10:05Z" (UTC); unparseable times as given.
    public static func shortTime(_ iso: String) -> String {
        Timestamp.seconds(iso).map(Timestamp.utcMinute) ?? String(iso.prefix(16))
    }

    /// Seconds since 1970 as "2021-06-22 10:05Z".
    public static func shortTime(_ seconds: Double) -> String { Timestamp.utcMinute(seconds) }

    /// A delay with its sign: "+2d3h", "+1h05m", "-7m".
    public static func duration(_ seconds: Double) -> String {
        let sign = seconds < 0 ? "-" : "+"
        // Timestamps span years 0000-9999: a finite delay is far inside Int's range.
        let total = seconds.isFinite ? Int(min(abs(seconds) / 60, 1e12)) : 0
        let days = total / 1440, hours = (total % 1440) / 60, minutes = total % 60
        if days > 0 { return "\(sign)\(days)d\(hours)h" }
        if hours > 0 { return "\(sign)\(hours)h\(minutes < 10 ? "0" : "")\(minutes)m" }
        return "\(sign)\(minutes)m"
    }

    /// `text` cut to `limit` characters, the last of them "…" when it was longer.
    public static func clipped(_ text: String, limit: Int) -> String {
        text.count > limit ? String(text.prefix(max(limit - 1, 0))) + "…" : text
    }
}
