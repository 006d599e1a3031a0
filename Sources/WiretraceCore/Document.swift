/// Where a document or a problem came from: the file, and inside it the record.
///
/// Never carries article text, so it is safe to print in any message.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file as given on the command line or found under an input directory.
    public var file: String
    /// 1-based record number inside a multi-record file (JSONL line, WARC record), if any.
    public var record: Int?
    /// Byte offset of the record inside the (decompressed) file, if known.
    public var offset: Int?
    /// The record's own identifier (WARC-Record-ID, JSONL `id`), if it has one.
    public var recordID: String?

    public init(file: String, record: Int? = nil, offset: Int? = nil, recordID: String? = nil) {
        self.file = file
        self.record = record
        self.offset = offset
        self.recordID = recordID
    }

    public var description: String {
        var parts = file
        if let record { parts += " record \(record)" }
        if let offset { parts += " at byte \(offset)" }
        if let recordID { parts += " (\(recordID))" }
        return parts
    }
}

/// The kind of input a document was read from.
public enum InputFormat: String, Sendable, Codable, CaseIterable {
    case html, warc, jsonl, text
}

/// What a reader found for one document, before extraction.
public enum RawPayload: Sendable {
    /// Page bytes as served; `charset` is a hint from HTTP headers when a WARC record gave one.
    case html(bytes: [UInt8], charset: String?)
    /// Text scraped to plain text (a `.txt` file): paragraphs, boilerplate lines still in.
    case scrapedText(String)
    /// Text given by a JSONL record's `text` field: used exactly as is, never rewritten.
    case verbatimText(String)
}

/// One document as a reader produced it.
public struct RawDocument: Sendable {
    /// Document id, kept everywhere (JSONL `id`, or the path relative to the input root).
    public var id: String
    public var location: SourceLocation
    public var format: InputFormat
    public var url: String?
    public var outlet: String?
    /// Publication (or scrape) time as found in the input, ISO 8601 when the input gave one.
    public var published: String?
    /// When the page was fetched (WARC-Date, JSONL `scraped`): a fallback for `published`.
    public var fetched: String?
    public var title: String?
    public var payload: RawPayload

    public init(
        id: String, location: SourceLocation, format: InputFormat, url: String? = nil,
        outlet: String? = nil, published: String? = nil, fetched: String? = nil, title: String? = nil,
        payload: RawPayload
    ) {
        self.id = id
        self.location = location
        self.format = format
        self.url = url
        self.outlet = outlet
        self.published = published
        self.fetched = fetched
        self.title = title
        self.payload = payload
    }
}

extension RawDocument {
    /// Bytes the payload holds (page bytes, or the text's UTF-8): what a batch of documents
    /// costs in memory before extraction.
    public var payloadByteCount: Int {
        switch payload {
        case .html(let bytes, _): bytes.count
        case .scrapedText(let text), .verbatimText(let text): text.utf8.count
        }
    }
}

/// A wire credit found in a page: the agency normalised, and the text that said so.
public struct WireCredit: Sendable, Hashable, Codable {
    /// Normalised agency name: "Reuters", "AP", "AFP", "TASS", "Xinhua", ...
    public var agency: String
    /// The words of the page that carry the credit ("Source: Reuters/jt", "(Reuters) -").
    public var text: String

    public init(agency: String, text: String) {
        self.agency = agency
        self.text = text
    }
}

/// A document after extraction: the shape `wiretrace extract` prints, plus the id.
public struct Article: Sendable, Codable, Hashable {
    public var id: String
    /// The file (and record) it came from.
    public var source: String
    public var url: String?
    public var outlet: String?
    public var title: String?
    public var published: String?
    public var byline: String?
    public var dateline: String?
    public var credits: [WireCredit]
    /// Article text: paragraphs joined by blank lines ("\n\n").
    public var text: String
    /// ISO 639-1 code of the language identified from the text ("en", "ru", "zh"); the language
    /// a page declares only decides when the text is too short to tell. Nil when neither can.
    public var language: String?
    /// What `outlet` rests on: "input", "og:site_name", "JSON-LD publisher", "URL", "canonical
    /// URL", "title suffix", "links: 91 of 140 point to example.com", "copyright line".
    public var outletEvidence: String?

    public init(
        id: String, source: String, url: String? = nil, outlet: String? = nil, title: String? = nil,
        published: String? = nil, byline: String? = nil, dateline: String? = nil,
        credits: [WireCredit] = [], text: String, language: String? = nil, outletEvidence: String? = nil
    ) {
        self.id = id
        self.source = source
        self.url = url
        self.outlet = outlet
        self.title = title
        self.published = published
        self.byline = byline
        self.dateline = dateline
        self.credits = credits
        self.text = text
        self.language = language
        self.outletEvidence = outletEvidence
    }
}
