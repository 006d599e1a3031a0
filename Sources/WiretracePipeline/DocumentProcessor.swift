import Dispatch
import Foundation
import WiretraceCore
import WiretraceDedup
import WiretraceExtract
import WiretraceQuotes
import WiretraceStore

/// The stateless per-document stages (extract, shingle and band keys, find quotes), run in parallel
/// over a batch. Barrier stages (LSH, clustering, quote matching) happen later, over the store.
struct DocumentProcessor: Sendable {
    let extractor: ArticleExtractor
    let sketcher: DedupSketcher
    let quoteExtractor: QuoteExtractor
    let shingleSize: Int
    let signatureParameters: String
    let bandKeyParameters: String
    let workers: Int

    init(configuration: PipelineConfiguration) {
        extractor = ArticleExtractor(configuration: configuration.extraction)
        sketcher = DedupSketcher(configuration: configuration.dedup, banding: DuplicateFinder(configuration: configuration.dedup).banding)
        shingleSize = configuration.dedup.shingleSize
        signatureParameters = configuration.signatureParameters
        bandKeyParameters = configuration.bandKeyParameters
        workers = configuration.workers > 0 ? configuration.workers : ProcessInfo.processInfo.activeProcessorCount
        var quoteOptions = QuoteExtractorOptions()
        quoteOptions.nonSpeechReports = configuration.nonSpeechReports
        quoteExtractor = QuoteExtractor(model: .shared, options: quoteOptions)
    }

    /// One processed document, or why it was rejected.
    enum Outcome: Sendable {
        case stored(StoredDocument)
        case rejected(Rejection)
    }

    func process(_ raw: RawDocument) -> Outcome {
        switch extractor.extract(raw) {
        case .failure(let rejection):
            return .rejected(rejection)
        case .success(let article):
            return .stored(sketch(article, format: raw.format))
        }
    }

    /// Extracts a batch in parallel, then removes the outlet boilerplate learned so far (counts
    /// updated with this batch first). JSONL `text` stays verbatim: its offsets are the user's.
    func extract(_ batch: [RawDocument], boilerplate: OutletBoilerplate) -> [Result<Article, Rejection>] {
        var results = parallelMap(batch) { extractor.extract($0) }
        var indices: [Int] = []
        var articles: [Article] = []
        var eligible: [Bool] = []
        for (index, result) in results.enumerated() {
            guard case .success(let article) = result else { continue }
            indices.append(index)
            articles.append(article)
            if case .verbatimText = batch[index].payload { eligible.append(false) } else { eligible.append(true) }
        }
        boilerplate.clean(&articles, eligible: eligible)
        for (index, article) in zip(indices, articles) { results[index] = .success(article) }
        return results
    }

    /// `extract(_:boilerplate:)`, then shingles, signature and quotes of each article, in parallel.
    func process(_ batch: [RawDocument], boilerplate: OutletBoilerplate) -> [Outcome] {
        let extracted = extract(batch, boilerplate: boilerplate)
        return parallelMap(Array(zip(extracted, batch.map(\.format)))) { result, format in
            switch result {
            case .failure(let rejection): return .rejected(rejection)
            case .success(let article): return .stored(sketch(article, format: format))
            }
        }
    }

    func sketch(_ article: Article, format: InputFormat) -> StoredDocument {
        // The band keys `dedup` computes for this text (all matching needs of it later), and
        // the size of its exact shingle set (to plan verification's memory).
        var sketcher = sketcher
        let (keys, hashes) = sketcher.sketch(article.text)
        let shingleCount = DedupSketcher.shingleSet(sortingHashes: hashes).count
        let quotes = quoteExtractor.quotes(in: article).map { quote in
            QuoteOccurrenceRecord(
                documentID: article.id, start: quote.start, end: quote.end, text: quote.text,
                kind: quote.kind.rawValue, speaker: quote.speaker, cue: quote.cue, via: quote.via,
                speakerStart: quote.speakerStart, speakerEnd: quote.speakerEnd)
        }
        return StoredDocument(
            article: article, format: format, contentHash: Self.contentHash(article, parameters: signatureParameters),
            signatureParameters: bandKeyParameters, shingleCount: shingleCount, signature: BandKeyBytes.encode(keys),
            quotes: quotes, textHash: StableHash.hex(article.text))
    }

    /// Applies `transform` to every element on `workers` threads, keeping the order.
    func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        items.parallelMap(workers: workers, transform)
    }

    /// FNV-1a-64 over what the analysis reads of a document, so an unchanged one is skipped.
    static func contentHash(_ article: Article, parameters: String) -> String {
        var hash = StableHash()
        for field in [article.text, article.title, article.outlet, article.published, article.url, article.byline,
                      article.dateline, article.source, parameters] {
            hash.combine(field ?? "\u{0}")
            hash.combineSeparator()
        }
        for credit in article.credits {
            hash.combine(credit.agency + "\u{1}" + credit.text)
            hash.combineSeparator()
        }
        return hash.hex
    }
}
