import Foundation
import WiretraceCore

/// Settings for article extraction.
public struct ExtractionConfiguration: Sendable {
    /// Share of NUL/control bytes in the first 8 KiB above which a document is binary content.
    public var binaryControlRatio: Double = 0.05
    /// Whether a JSON-LD `articleBody` longer than the extracted text replaces it.
    public var prefersStructuredBody: Bool = true
    /// The DOM depth cap: a page whose elements nest deeper is a `.tooDeep` rejection. At most
    /// 256, libxml2's own limit (past it libxml2 stops parsing and drops the rest of the page).
    public var maximumDOMDepth: Int = 256
    /// Whether the site's own name ("Example Today", the host's label, the publisher) stands as the
    /// author when nothing else names one, as many pages state it in their author fields. Off by
    /// default: an author is a person who wrote the piece, and a site's name is none (a blog named
    /// for its writer, "Lisa Maier" on lisamaier.de, then has no author).
    public var siteNameAsAuthor: Bool = false

    public init(maximumDOMDepth: Int = 256, siteNameAsAuthor: Bool = false) {
        self.maximumDOMDepth = maximumDOMDepth
        self.siteNameAsAuthor = siteNameAsAuthor
    }
}

/// Extracts article text and metadata from raw documents: stage 2 of the pipeline.
///
/// Stateless and `Sendable`: one extractor may serve many threads.
public struct ArticleExtractor: Sendable {
    public let configuration: ExtractionConfiguration

    public init(configuration: ExtractionConfiguration = .init()) {
        self.configuration = configuration
    }

    /// Extracts article text and metadata. A document with no article text is a `.noText`
    /// rejection; binary/garbage a `.binaryContent` rejection.
    public func extract(_ raw: RawDocument) -> Result<Article, Rejection> {
        let fields: ExtractedFields
        switch raw.payload {
        case .html(let bytes, let charset):
            if PageBytes.looksBinary(bytes, controlRatio: configuration.binaryControlRatio) {
                return .failure(binary(raw))
            }
            fields = HTMLArticleReader(configuration: configuration)
                .read(bytes: bytes, charset: charset, url: raw.url, outletKnown: raw.outlet != nil, notAfter: notAfter(raw))
            if let overflow = fields.depthOverflow {
                var message = "document \(raw.id) nests elements more than \(overflow.maximumDepth) deep"
                if let line = overflow.line { message += " (parsing stopped at line \(line))" }
                return .failure(Rejection(location: raw.location, reason: .tooDeep, message: message))
            }
        case .scrapedText(let text):
            if PageBytes.looksBinary(text.utf8, controlRatio: configuration.binaryControlRatio) {
                return .failure(binary(raw))
            }
            fields = PlainTextReader.readScraped(text, knownTitle: raw.title)
        case .verbatimText(let text):
            if PageBytes.looksBinary(text.utf8, controlRatio: configuration.binaryControlRatio) {
                return .failure(binary(raw))
            }
            fields = PlainTextReader.readVerbatim(text, knownTitle: raw.title, outlet: raw.outlet ?? raw.url.flatMap(TextUtilities.host(of:)))
        }
        guard !TextUtilities.isBlank(fields.text) else {
            return .failure(Rejection(
                location: raw.location, reason: .noText,
                message: "no article text found in \(raw.format.rawValue) document \(raw.id)"))
        }

        let url = raw.url ?? fields.url
        let host = url.flatMap(TextUtilities.host(of:))
        // The outlet, and what it rests on: the input, the page's own statements, its URL, then
        // what its links and copyright line say.
        let titleSuffix = fields.pageTitle.flatMap { PageMetadata.outletSuffix(ofTitle: $0, host: host) }
        let candidates: [(String?, String?)] = [
            (raw.outlet, "input"), (fields.outlet, fields.outletEvidence), (titleSuffix, "title suffix"),
            (host, raw.url != nil ? "URL" : "canonical URL"),
            (fields.inferredOutlet?.outlet, fields.inferredOutlet?.evidence),
        ]
        let chosen = candidates.first { $0.0.map { !TextUtilities.isBlank($0) } ?? false }
        let outlet = chosen?.0
        let outletEvidence = chosen?.1
        var title = raw.title ?? fields.title.map { PageMetadata.strippingOutletSuffix($0, outlet: outlet) }
        if raw.title == nil, fields.title == nil, let pageTitle = fields.pageTitle {
            title = PageMetadata.strippingSiteSuffix(pageTitle, outlet: outlet)
        }
        return .success(Article(
            id: raw.id,
            source: raw.location.description,
            url: url,
            outlet: outlet,
            title: title,
            published: publication(raw, fields: fields, url: url)?.date.iso8601,
            byline: fields.byline,
            dateline: fields.dateline,
            credits: CreditDetector.deduplicated(fields.credits),
            text: fields.text,
            language: LanguageIdentifier.identify(fields.text, declared: fields.language),
            outletEvidence: outletEvidence))
    }

    /// The publication time in ISO 8601, whatever form the input or the page gave it in: the
    /// input's own `published`, else the page's date, else a date in the URL, else the scrape time.
    private func publication(_ raw: RawDocument, fields: ExtractedFields, url: String?) -> PublicationDate? {
        if let given = raw.published.flatMap({ DateText.parse($0) }) { return PublicationDate(date: given, source: .given) }
        if let found = fields.publication { return found }
        let finder = PublicationDateFinder(notAfter: notAfter(raw), order: .dayFirst)
        if let inURL = url.flatMap(finder.dateInURL) { return PublicationDate(date: inURL, source: .url) }
        return raw.fetched.flatMap { DateText.parse($0) }.map { PublicationDate(date: $0, source: .scraped) }
    }

    /// The scrape time, or now: no publication date can be later.
    private func notAfter(_ raw: RawDocument) -> Double {
        raw.fetched.flatMap { DateText.parse($0) }.flatMap { Timestamp.seconds($0.iso8601) } ?? Date().timeIntervalSince1970
    }

    /// The publication date `extract` gives a document, and where it was found, whether or not
    /// the document has article text (for the date evaluation).
    package func publication(_ raw: RawDocument) -> PublicationDate? {
        var fields = ExtractedFields()
        if case .html(let bytes, let charset) = raw.payload {
            fields = HTMLArticleReader(configuration: configuration)
                .read(bytes: bytes, charset: charset, url: raw.url, outletKnown: raw.outlet != nil, notAfter: notAfter(raw))
        }
        return publication(raw, fields: fields, url: raw.url ?? fields.url)
    }

    private func binary(_ raw: RawDocument) -> Rejection {
        Rejection(
            location: raw.location, reason: .binaryContent,
            message: "document \(raw.id) looks binary (NUL or control bytes, or a binary file signature)")
    }
}

/// What a reader found in one payload, before the `RawDocument`'s own fields override it.
struct ExtractedFields {
    var url: String?
    var outlet: String?
    /// Title from metadata or the article itself, used as is.
    var title: String?
    /// The HTML `<title>`: the title (site suffix stripped) when nothing better exists, and a
    /// source of the outlet's name.
    var pageTitle: String?
    /// The publication date the page states (HTML pages), or a date line's date (scrapes).
    var publication: PublicationDate?
    var byline: String?
    var dateline: String?
    var credits: [WireCredit] = []
    var text: String = ""
    /// The language the page declares, normalised.
    var language: String?
    /// What `outlet` rests on ("og:site_name", "JSON-LD publisher", "application-name").
    var outletEvidence: String?
    /// The outlet the page's links or copyright line point to, when it states none.
    var inferredOutlet: OutletInference.Guess?
    /// Set when the page nests deeper than the DOM depth cap.
    var depthOverflow: HTMLDocument.DepthOverflow?
}
