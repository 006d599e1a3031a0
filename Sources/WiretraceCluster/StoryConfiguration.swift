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
    /// Weight of a name or number occurrence relative to a plain word, in the lexical vector.
    public var entityWeight: Double
    /// Weight of a title word relative to a body word.
    public var titleWeight: Double
    /// Share of the similarity taken from names and numbers alone (the rest from all terms).
    public var entityShare: Double
    /// Average-linkage threshold of a re-clustering inside each story, on term weights local to
    /// the story; 0 turns the pass off.
    public var splitThreshold: Double
    /// Normalised cut below which a story is cut in two (and each side again): its members form
    /// two communities on term weights local to the story; 0 turns the pass off.
    public var cutThreshold: Double
    /// Documents each side of such a cut must hold: one odd member is not a second event.
    public var cutMinimumDocuments: Int
    /// Scale of the cross-language similarity (cosine of the anchors: numbers and names keyed by
    /// sound, ``CrossLanguageAnchors``) of two documents in different languages; the pair scores
    /// the larger of it and the word similarity. 0 turns cross-language linking off.
    public var translationWeight: Double
    /// Anchor cosine a pair in different languages needs to be linked at all.
    public var translationMinimum: Double
    /// Share of the best anchor cosine either document has in the other's language that a pair
    /// needs to be linked (1: only mutual best matches).
    public var translationRatio: Double
    /// Share of its similarity a pair below that ratio keeps (0: it counts as unrelated).
    public var translationOtherShare: Double
    /// Anchors a pair in different languages must share to be linked at all.
    public var translationMinimumShared: Int
    /// Weight of a lexical anchor (a word keyed to its English translation,
    /// ``CrossLanguageLexicon``) relative to a name or number in the anchor vectors; 0 leaves
    /// them out.
    public var translationLexiconWeight: Double

    public init(
        linkThreshold: Double = 0.15, timeWindowDays: Double = 7, sharedQuoteBonus: Double = 0.25,
        termsPerDocument: Int = 120, entityWeight: Double = 1.5, titleWeight: Double = 2, entityShare: Double = 0.5,
        splitThreshold: Double = 0.08, cutThreshold: Double = 0.75, cutMinimumDocuments: Int = 3,
        translationWeight: Double = 1, translationMinimum: Double = 0.2, translationRatio: Double = 0.8,
        translationOtherShare: Double = 0, translationMinimumShared: Int = 5,
        translationLexiconWeight: Double = 1
    ) {
        self.translationLexiconWeight = translationLexiconWeight
        self.translationMinimumShared = translationMinimumShared
        self.translationOtherShare = translationOtherShare
        self.translationWeight = translationWeight
        self.translationMinimum = translationMinimum
        self.translationRatio = translationRatio
        self.linkThreshold = linkThreshold
        self.timeWindowDays = timeWindowDays
        self.sharedQuoteBonus = sharedQuoteBonus
        self.termsPerDocument = termsPerDocument
        self.entityWeight = entityWeight
        self.titleWeight = titleWeight
        self.entityShare = entityShare
        self.splitThreshold = splitThreshold
        self.cutThreshold = cutThreshold
        self.cutMinimumDocuments = cutMinimumDocuments
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
        guard entityWeight >= 0, titleWeight >= 0 else {
            throw WiretraceError(.configuration, "story.entity_weight and story.title_weight must be ≥ 0")
        }
        guard entityShare >= 0, entityShare <= 1 else {
            throw WiretraceError(.configuration, "story.entity_share must be in [0, 1], got \(entityShare)")
        }
        guard splitThreshold >= 0, splitThreshold <= 1 else {
            throw WiretraceError(.configuration, "story.split_threshold must be in [0, 1], got \(splitThreshold)")
        }
        guard cutThreshold >= 0, cutThreshold <= 2 else {
            throw WiretraceError(.configuration, "story.cut_threshold must be in [0, 2], got \(cutThreshold)")
        }
        guard cutMinimumDocuments >= 1 else {
            throw WiretraceError(.configuration, "story.cut_minimum_documents must be ≥ 1, got \(cutMinimumDocuments)")
        }
        guard translationWeight >= 0, translationWeight <= 2 else {
            throw WiretraceError(.configuration, "story.translation_weight must be in [0, 2], got \(translationWeight)")
        }
        guard translationMinimum >= 0, translationMinimum <= 1, translationRatio >= 0, translationRatio <= 1,
            translationOtherShare >= 0, translationOtherShare <= 1
        else {
            throw WiretraceError(.configuration, "story.translation_minimum, translation_ratio and translation_other_share must be in [0, 1]")
        }
        guard translationLexiconWeight >= 0, translationLexiconWeight <= 4 else {
            throw WiretraceError(.configuration, "story.translation_lexicon_weight must be in [0, 4], got \(translationLexiconWeight)")
        }

        guard translationMinimumShared >= 1 else {
            throw WiretraceError(.configuration, "story.translation_minimum_shared must be ≥ 1, got \(translationMinimumShared)")
        }
        guard termsPerDocument >= 10 else {
            throw WiretraceError(.configuration, "story.terms_per_document must be ≥ 10, got \(termsPerDocument)")
        }
    }
}
