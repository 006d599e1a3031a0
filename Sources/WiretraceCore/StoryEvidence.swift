/// Why a member of a story is where it is: the record the clusterer writes, the store keeps as
/// JSON (snake_case keys) and the reports and review pages read back.
public struct StoryEvidence: Sendable, Hashable, Codable {
    /// "origin", "copy", "excerpt", "rewrite" or "translation".
    public var link: String
    /// The member this one copies or rewrites, by id.
    public var of: String?
    public var jaccard: Double?
    /// Share of this member's text found in `of`.
    public var containment: Double?
    /// Story-level similarity to `of` (TF-IDF cosine plus quote evidence).
    public var similarity: Double?
    /// Quotes shared with `of`.
    public var sharedQuotes: Int?
    /// The strongest shared terms with `of`.
    public var sharedTerms: [String]?
    /// For a copy or excerpt: whether it credits the source's agency or outlet.
    public var credited: Bool?
    /// For the origin: which rule chose it.
    public var basis: String?
    /// For a translation: the languages, this member's and `of`'s ("de<en").
    public var languages: String?
    /// For a translation: the names and numbers both texts carry, as each writes them
    /// ("Шойгу = Shoigu", "1,5 = 1.5", "2021").
    public var anchors: [String]?
    /// For a copy or an excerpt: the passages it shares with `of`, as
    /// `[start, end, sourceStart, sourceEnd]` Unicode-scalar offsets into this text and `of`'s.
    public var passages: [[Int]]?

    public init(
        link: String, of: String? = nil, jaccard: Double? = nil, containment: Double? = nil, similarity: Double? = nil,
        sharedQuotes: Int? = nil, sharedTerms: [String]? = nil, credited: Bool? = nil, basis: String? = nil,
        languages: String? = nil, anchors: [String]? = nil, passages: [[Int]]? = nil
    ) {
        self.link = link
        self.of = of
        self.jaccard = jaccard
        self.containment = containment
        self.similarity = similarity
        self.sharedQuotes = sharedQuotes
        self.sharedTerms = sharedTerms
        self.credited = credited
        self.basis = basis
        self.languages = languages
        self.anchors = anchors
        self.passages = passages
    }

    /// Every field is optional when read back (`link` then ""), so a reader that wants a few
    /// fields gets them from any stored evidence object.
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        link = try fields.decodeIfPresent(String.self, forKey: .link) ?? ""
        of = try fields.decodeIfPresent(String.self, forKey: .of)
        jaccard = try fields.decodeIfPresent(Double.self, forKey: .jaccard)
        containment = try fields.decodeIfPresent(Double.self, forKey: .containment)
        similarity = try fields.decodeIfPresent(Double.self, forKey: .similarity)
        sharedQuotes = try fields.decodeIfPresent(Int.self, forKey: .sharedQuotes)
        sharedTerms = try fields.decodeIfPresent([String].self, forKey: .sharedTerms)
        credited = try fields.decodeIfPresent(Bool.self, forKey: .credited)
        basis = try fields.decodeIfPresent(String.self, forKey: .basis)
        languages = try fields.decodeIfPresent(String.self, forKey: .languages)
        anchors = try fields.decodeIfPresent([String].self, forKey: .anchors)
        passages = try fields.decodeIfPresent([[Int]].self, forKey: .passages)
    }
}
