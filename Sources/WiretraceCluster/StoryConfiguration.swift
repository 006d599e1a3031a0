import WiretraceCore

/// Parameters of the story level (`story:` in a pipeline file).
public struct StoryConfiguration: Sendable, Hashable, Codable {
    /// Average-linkage similarity at or above which two clusters merge into one story.
    public var linkThreshold: Double
    /// Documents published further apart than this are never linked (when both times are known).
    public var timeWindowDays: Double
    /// Added to the similarity of two documents that carry the same quote.
    public var sharedQuoteBonus: Double
    /// Terms kept per document (the highest TF-IDF weights).
    public var termsPerDocument: Int

    public init(linkThreshold: Double = 0.3, timeWindowDays: Double = 7, sharedQuoteBonus: Double = 0.25, termsPerDocument: Int = 120) {
        self.linkThreshold = linkThreshold
        self.timeWindowDays = timeWindowDays
        self.sharedQuoteBonus = sharedQuoteBonus
        self.termsPerDocument = termsPerDocument
    }

    /// Throws naming the bad parameter and its allowed range.
    public func validate() throws {
        guard linkThreshold > 0, linkThreshold <= 1 else {
            throw WiretraceError(.configuration, "story.link_threshold must be in (0, 1], got \(linkThreshold)")
        }
        guard timeWindowDays > 0 else {
            throw WiretraceError(.configuration, "story.time_window_days must be > 0, got \(timeWindowDays)")
        }
        guard sharedQuoteBonus >= 0, sharedQuoteBonus <= 1 else {
            throw WiretraceError(.configuration, "story.shared_quote_bonus must be in [0, 1], got \(sharedQuoteBonus)")
        }
        guard termsPerDocument >= 10 else {
            throw WiretraceError(.configuration, "story.terms_per_document must be ≥ 10, got \(termsPerDocument)")
        }
    }
}
