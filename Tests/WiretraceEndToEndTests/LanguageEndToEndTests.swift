import Foundation
import Testing

/// Every document's language, identified from its text, in the exports and the reports.
@Suite struct LanguageEndToEndTests {
    @Test func languagesAreIdentifiedStoredExportedAndShown() throws {
        let db = CLI.temporaryDatabase()
        defer { CLI.remove(db) }
        let run = try CLI.run(["run", "--db", db, CLI.fixture("jsonl/multilingual-story.jsonl"), CLI.fixture("html")])
        #expect(run.status == 0, "\(run.stderr)")
        let clusters = try CLI.objects(try CLI.run(["export", "clusters", "--db", db]))
        var languages: [String: String] = [:]
        for cluster in clusters {
            for member in cluster["members"] as? [[String: Any]] ?? [] {
                if let id = member["id"] as? String { languages[id] = member["language"] as? String ?? "none" }
            }
        }
        #expect(languages["tass-ru/2021-06-22-min-aung-hlaing-shoigu.txt"] == "ru")
        #expect(languages["rhein-ostsee-depesche/2021-06-22-myanmar-militaerchef-dankt-russland.txt"] == "de")
        #expect(languages["yaou-tongxun/2021-06-22-min-aung-hlaing-thanks-russia.txt"] == "zh")
        #expect(languages.values.filter { $0 == "en" }.count >= 3)
        #expect(!languages.values.contains("none"))
        // TASS's Russian original, the earliest and named as the source by the others (as ТАСС
        // in Russian, TASS in English), is the story's origin; its English version a translation.
        let seedStory = try #require(clusters.first { cluster in
            (cluster["members"] as? [[String: Any]] ?? []).contains { $0["id"] as? String == "tass-ru/2021-06-22-min-aung-hlaing-shoigu.txt" }
        })
        let members = seedStory["members"] as? [[String: Any]] ?? []
        #expect(members.first?["id"] as? String == "tass-ru/2021-06-22-min-aung-hlaing-shoigu.txt")
        #expect(members.first?["role"] as? String == "origin")
        let englishTASS = members.first { $0["id"] as? String == "tass/2021-06-22-myanmar-army-strongest-thanks-to-russia-shoigu-talks.html" }
        #expect(englishTASS?["role"] as? String == "translation")

        let extract = try CLI.objects(try CLI.run(["extract", "--format", "jsonl", CLI.fixture("jsonl/multilingual-story.jsonl")]))
        #expect(Set(extract.compactMap { $0["language"] as? String }) == ["ru", "en", "de", "zh"])

        let report = try CLI.run(["report", "--db", db])
        for shown in [" ru ТАСС ", " zh 亚欧通讯 ", " de Rhein-Ostsee Depesche ", " en CNA "] {
            #expect(report.stdout.contains(shown), "\(shown) in \(report.stdout)")
        }
    }

    /// The seed story through translation: the syndication report lists the outlets that carried
    /// TASS's Russian original in other languages, and the quotes in Russian, German and Chinese
    /// have their speakers, the Chinese one first reported by TASS.
    @Test func translationsCarryTheOriginalAndItsQuotes() throws {
        let db = CLI.temporaryDatabase()
        defer { CLI.remove(db) }
        let run = try CLI.run(["run", "--db", db, CLI.fixture("jsonl/multilingual-story.jsonl")])
        #expect(run.status == 0, "\(run.stderr)")
        let syndication = try CLI.run(["report", "syndication", "--db", db]).stdout
        #expect(syndication.contains("3 translations"), "\(syndication)")
        for row in ["| Reuters | translation |", "| Rhein-Ostsee Depesche | translation |", "| 亚欧通讯 | translation |"] {
            #expect(syndication.contains(row), "\(row) in \(syndication)")
        }
        let quotes = try CLI.objects(try CLI.run(["export", "quotes", "--db", db]))
        func speaker(_ document: String) -> [String] {
            quotes.filter { ($0["id"] as? String)?.hasPrefix(document) == true }.compactMap { $0["speaker"] as? String }
        }
        #expect(speaker("tass-ru/2021-06-22").contains("Мин Аунг Хлайн"))
        #expect(!speaker("rhein-ostsee-depesche/2021-06-22").isEmpty)
        // The Chinese mention is the commander with his Latin name; its quote's speaker resolves to that name.
        let chinese = quotes.filter { ($0["id"] as? String)?.hasPrefix("yaou-tongxun") == true && $0["speaker"] is String }
        #expect(chinese.contains { ($0["speaker_mention"] as? String)?.contains("敏昂莱") == true && ($0["via"] as? [String])?.first == "TASS" },
                "\(chinese)")
        // One quote through the translation: TASS's Russian words and Reuters' English ones.
        func quoteID(_ document: String, _ words: String) -> Int? {
            quotes.first { ($0["id"] as? String)?.hasPrefix(document) == true && ($0["quote"] as? String)?.contains(words) == true }?["quote_id"] as? Int
        }
        let russian = quoteID("tass-ru/2021-06-22", "Благодаря России")
        #expect(russian != nil)
        #expect(quoteID("reuters/2021-06-22", "Thanks to Russia") == russian)
        let report = try CLI.run(["report", "quotes", "--db", db]).stdout
        #expect(report.contains("first reported by TASS; relayed by Reuters"), "\(report)")
    }

    /// Languages beyond the seed story's, none of them in the cross-language lexicon (Italian,
    /// Portuguese, Japanese, Arabic, Turkish, Polish): each of three stories joins its seven
    /// versions, the English one (the earliest) as origin and the others as its translations,
    /// while other events of the same kinds (another strike, another launch, another fine) stay
    /// apart. Only names, numbers and their sound keys link these languages.
    @Test func translationsWithoutALexiconJoinTheirOriginal() throws {
        let db = CLI.temporaryDatabase()
        defer { CLI.remove(db) }
        let run = try CLI.run(["run", "--db", db, CLI.fixture("jsonl/seven-languages.jsonl")])
        #expect(run.status == 0, "\(run.stderr)")
        let clusters = try CLI.objects(try CLI.run(["export", "clusters", "--db", db]))
        var storyOf: [String: Int] = [:]
        var members: [String: [String: Any]] = [:]
        for (index, cluster) in clusters.enumerated() {
            for member in cluster["members"] as? [[String: Any]] ?? [] {
                guard let id = member["id"] as? String else { continue }
                storyOf[id] = index
                members[id] = member
            }
        }
        #expect(members.count == 25)
        for (id, member) in members {
            #expect(member["language"] as? String == id.split(separator: "/").last.map(String.init), "\(id)")
        }
        let languages = ["en", "it", "pt", "ja", "ar", "tr", "pl"]
        let stories = ["copper-strike", "lunar-probe", "oil-spill-fine"]
        let joined = try stories.map { try #require(storyOf["\($0)/en"]) }
        for (story, index) in zip(stories, joined) {
            #expect(members["\(story)/en"]?["role"] as? String == "origin", "\(story)")
            for language in languages.dropFirst() {
                #expect(storyOf["\(story)/\(language)"] == index, "\(story)/\(language) apart from its English original")
                #expect(members["\(story)/\(language)"]?["role"] as? String == "translation", "\(story)/\(language)")
                #expect(members["\(story)/\(language)"]?["of"] as? String == "\(story)/en", "\(story)/\(language)")
            }
        }
        #expect(Set(joined).count == 3)
        for distractor in ["peru-strike/en", "peru-strike/it", "india-satellite/pt", "denmark-fine/ja"] {
            #expect(!joined.contains(try #require(storyOf[distractor])), "\(distractor) joined a story it is not part of")
        }
        #expect(storyOf["peru-strike/en"] == storyOf["peru-strike/it"])

        // Reported speech in the translations (`ha detto che`, `disse que`, `powiedział, że`) joins
        // the English original's reported quote of the same speaker, and only that one.
        let quotes = try CLI.objects(try CLI.run(["export", "quotes", "--db", db]))
        func quoteID(_ document: String, _ speaker: String) -> Int? {
            quotes.first { $0["id"] as? String == document && $0["kind"] as? String == "indirect" && $0["speaker"] as? String == speaker }?["quote_id"] as? Int
        }
        let valdivia = try #require(quoteID("copper-strike/en", "Rosa Valdivia"))
        for language in ["it", "pt", "pl"] {
            #expect(quoteID("copper-strike/\(language)", "Rosa Valdivia") == valdivia, "\(language)")
        }
        let shipping = try #require(quoteID("oil-spill-fine/en", "Nordhavn Shipping"))
        #expect(quoteID("oil-spill-fine/it", "Nordhavn Shipping") == shipping)
        // "Ingrid" and "Nordhavn" share a sound key; the prosecutor's words stay hers.
        #expect(quoteID("oil-spill-fine/en", "Ingrid Solheim") != shipping)
    }
}
