import Foundation
import Testing
import WiretraceCore
import WiretraceExtract

/// The outlet boilerplate learned from the dump, on the pages in `fixtures/extraction/outlet-boilerplate/`.
@Suite("Learned outlet boilerplate")
struct OutletBoilerplateTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/extraction/outlet-boilerplate")

    static let membershipPitch = "The Valley Courier is an independent newsroom funded by readers like you. Become a member today."
    static let sharedRealParagraph = "The Mill Street bridge closure was also discussed, with members asking for weekly updates."

    /// Extracted articles of the fixture pages, by file name without extension.
    static func extracted() throws -> [String: Article] {
        var articles: [String: Article] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".html") }
        for name in names {
            let bytes = try Data(contentsOf: directory.appendingPathComponent(name))
            let raw = RawDocument(
                id: name, location: SourceLocation(file: name), format: .html, payload: .html(bytes: Array(bytes), charset: nil))
            articles[String(name.dropLast(5))] = try ArticleExtractor().extract(raw).get()
        }
        return articles
    }

    static var configuration: BoilerplateConfiguration {
        var configuration = BoilerplateConfiguration()
        configuration.minimumDocuments = 4
        configuration.minimumShare = 0.5
        return configuration
    }

    static func paragraphs(_ article: Article?) -> [String] {
        article?.text.components(separatedBy: "\n\n") ?? []
    }

    /// Cleans the fixture pages (courier pages in order, then the herald's) in batches of `batchSize`.
    static func cleaned(batchSize: Int, configuration: BoilerplateConfiguration = configuration) throws -> [String: Article] {
        let articles = try extracted()
        let order = articles.keys.sorted()
        let learner = OutletBoilerplate(configuration: configuration)
        var result: [String: Article] = [:]
        for start in stride(from: 0, to: order.count, by: batchSize) {
            let names = Array(order[start..<min(start + batchSize, order.count)])
            var batch = names.map { articles[$0]! }
            learner.clean(&batch)
            for (name, article) in zip(names, batch) { result[name] = article }
        }
        return result
    }

    @Test("extraction alone keeps the in-article pitch, so the learner is what removes it")
    func extractionKeepsPitch() throws {
        let articles = try Self.extracted()
        #expect(articles.count == 8)
        for index in 1...6 {
            #expect(Self.paragraphs(articles["courier-\(index)"]).contains(Self.membershipPitch))
        }
    }

    @Test("footers, pitches and 'Also worth reading' repeated across one outlet's pages are removed")
    func repeatedFootersRemoved() throws {
        let cleaned = try Self.cleaned(batchSize: 8)
        for index in 1...6 {
            let paragraphs = Self.paragraphs(cleaned["courier-\(index)"])
            #expect(!paragraphs.contains(Self.membershipPitch), "courier-\(index)")
            #expect(!paragraphs.contains { $0.hasPrefix("Also worth reading") }, "courier-\(index)")
            #expect(!paragraphs.contains { $0.contains("All rights reserved") }, "courier-\(index) (the 2023 footer too)")
            #expect(!paragraphs.contains { $0.contains("Morning Briefing") }, "courier-\(index)")
        }
        #expect(Self.paragraphs(cleaned["courier-2"]) == [
            "The school board voted five to two on Tuesday to move the high school's first bell from 7:30 to 8:15 starting in September.",
            "Supporters cited research on teenage sleep; opponents worried about after-school jobs and sports practice.",
            "Bus routes will be redrawn over the summer, the district's transport manager said.",
        ])
    }

    @Test("the same sentence in another outlet's page is kept")
    func otherOutletKeepsSentence() throws {
        let cleaned = try Self.cleaned(batchSize: 8)
        #expect(Self.paragraphs(cleaned["herald-1"]).contains(Self.membershipPitch))
        #expect(cleaned["herald-1"]?.text == (try Self.extracted())["herald-1"]?.text)
    }

    @Test("a real paragraph that repeats in only two pages of the outlet is kept")
    func twoPageRepeatKept() throws {
        let cleaned = try Self.cleaned(batchSize: 8)
        #expect(Self.paragraphs(cleaned["courier-5"]).contains(Self.sharedRealParagraph))
        #expect(Self.paragraphs(cleaned["courier-6"]).contains(Self.sharedRealParagraph))
    }

    @Test("streaming: counts grow batch by batch, so pages read before the threshold keep the boilerplate")
    func streamingBatches() throws {
        let cleaned = try Self.cleaned(batchSize: 1)
        // min_documents 4: pages 1–3 were cleaned with fewer than four sightings, 4–6 with enough.
        for index in 1...3 { #expect(Self.paragraphs(cleaned["courier-\(index)"]).contains(Self.membershipPitch)) }
        for index in 4...6 { #expect(!Self.paragraphs(cleaned["courier-\(index)"]).contains(Self.membershipPitch)) }
    }

    @Test("the share threshold: boilerplate in too few of the outlet's documents stays")
    func shareThreshold() throws {
        let articles = try Self.extracted()
        var documents = (1...6).map { articles["courier-\($0)"]! }
        // Four more Courier pages without the pitch: it is now in 6 of 10 documents.
        for (index, topic) in ["roads", "schools", "parks", "taxes"].enumerated() {
            documents.append(Article(id: "c\(index + 7)", source: "c\(index + 7)", outlet: "Valley Courier",
                text: "Fresh reporting on the valley's \(topic)."))
        }
        var configuration = Self.configuration
        configuration.minimumShare = 0.7
        var batch = documents
        OutletBoilerplate(configuration: configuration).clean(&batch)
        #expect(Self.paragraphs(batch[0]).contains(Self.membershipPitch))
        configuration.minimumShare = 0.6
        batch = documents
        OutletBoilerplate(configuration: configuration).clean(&batch)
        #expect(!Self.paragraphs(batch[0]).contains(Self.membershipPitch))
    }

    @Test("exact repeats of one page (re-crawls) do not teach their paragraphs as boilerplate")
    func recrawlsNotCounted() throws {
        let articles = try Self.extracted()
        var batch = Array(repeating: articles["courier-1"]!, count: 6)
        OutletBoilerplate(configuration: Self.configuration).clean(&batch)
        #expect(batch.allSatisfy { $0.text == articles["courier-1"]!.text })
    }

    @Test("ineligible texts (verbatim JSONL text) are neither counted nor changed; disabled does nothing")
    func eligibilityAndDisabled() throws {
        let articles = try Self.extracted()
        let courier = (1...6).map { articles["courier-\($0)"]! }
        var batch = courier
        OutletBoilerplate(configuration: Self.configuration).clean(&batch, eligible: Array(repeating: false, count: 6))
        #expect(batch == courier)
        var disabled = Self.configuration
        disabled.enabled = false
        batch = courier
        OutletBoilerplate(configuration: disabled).clean(&batch)
        #expect(batch == courier)
    }

    @Test("with a tiny memory budget the rarest counts are forgotten but repeated boilerplate still goes")
    func boundedMemory() throws {
        var configuration = Self.configuration
        configuration.maximumTrackedParagraphs = 20
        let cleaned = try Self.cleaned(batchSize: 1, configuration: configuration)
        #expect(!Self.paragraphs(cleaned["courier-6"]).contains(Self.membershipPitch))
        #expect(Self.paragraphs(cleaned["courier-6"]).contains(Self.sharedRealParagraph))
    }
}
