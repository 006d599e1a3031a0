import WiretraceCore

/// Sorts candidate paragraphs into article text, credits and furniture; shared by the HTML and
/// scraped-text readers.
struct ParagraphFilter {
    /// Paragraphs kept as article text, in order.
    private(set) var paragraphs: [String] = []
    /// Credits found on the way, in order (not yet deduplicated).
    private(set) var credits: [WireCredit] = []
    /// A "By ..." byline found before the body began.
    private(set) var byline: String?

    /// Lines equal to the title (lower-cased) are repeats of it and dropped.
    private let titles: Set<String>

    init(titles: [String?]) {
        self.titles = Set(titles.compactMap { $0.map { TextUtilities.collapseWhitespace($0).lowercased() } })
    }

    /// Offers one paragraph (whitespace collapsed).
    mutating func add(_ paragraph: String) {
        guard !paragraph.isEmpty else { return }
        let analysis = CreditDetector.analyze(line: paragraph)
        if analysis.isCreditLine {
            credits.append(contentsOf: analysis.credits)
            // "Par NAME, AFP", "Por NAME | EFE": a byline that credits a wire names the writer too.
            if paragraphs.count < 2, byline == nil { byline = TextSignals.byline(in: paragraph) }
            return
        }
        // A photo credit ("... via REUTERS") is not a wire credit for the story.
        if Boilerplate.isCaption(paragraph) { return }
        credits.append(contentsOf: analysis.credits)
        if Boilerplate.isBoilerplate(paragraph) { return }
        if titles.contains(paragraph.lowercased()) { return }
        if paragraphs.count < 2, let names = TextSignals.byline(in: paragraph) {
            if byline == nil { byline = names }
            creditClosingAgency(of: paragraph, found: analysis.credits)
            return
        }
        if paragraphs.count < 2, TextSignals.isDeskByline(paragraph) {
            creditClosingAgency(of: paragraph, found: analysis.credits, isDesk: true)
            return
        }
        // A desk's line alone before the story ("Redacción", "Redazione ANSA"): furniture, and
        // the agency it names is the story's credit.
        if paragraphs.count < 2, paragraph.count <= 60, paragraph.split(separator: " ").count <= 4, TextSignals.isDesk(paragraph) {
            creditClosingAgency(of: paragraph, found: analysis.credits, isDesk: true)
            return
        }
        if paragraphs.last == paragraph { return }
        paragraphs.append(paragraph)
    }

    /// The agency that closes a byline after a separator ("Autor: NAME, PAP", "Door NAME | ANP",
    /// "Por NAME (EFE)"), or a desk's line ("Redazione ANSA", which names nobody else), as a
    /// credit, when the line's own credits named none. A writer's surname that happens to spell
    /// an agency's name is no credit: only what follows a separator counts.
    private mutating func creditClosingAgency(of line: String, found: [WireCredit], isDesk: Bool = false) {
        guard found.isEmpty else { return }
        let agency: String?
        if isDesk {
            agency = TextSignals.trailingAgency(line)
        } else {
            let isPadding: (Character) -> Bool = { " ).".contains($0) }
            let tail = line.split(whereSeparator: { ",|/(·•–—".contains($0) }).last.map {
                String($0.drop(while: isPadding).reversed().drop(while: isPadding).reversed())
            }
            agency = tail.flatMap { tail in tail.count < line.count ? CreditDetector.agency(named: tail) : nil }
        }
        if let agency { credits.append(WireCredit(agency: agency, text: line)) }
    }

    /// The leading place of the first paragraphs that has one.
    static func dateline(in paragraphs: [String]) -> String? {
        for paragraph in paragraphs.prefix(2) {
            if let place = TextSignals.dateline(in: paragraph) { return place }
        }
        return nil
    }
}
