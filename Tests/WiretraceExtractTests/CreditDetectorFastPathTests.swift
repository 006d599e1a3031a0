import Foundation
import Testing
import WiretraceCore
@testable import WiretraceExtract

/// `CreditDetector.analyze(line:)` skips the byline and standalone-agency tests on lines without
/// an agency word; these tests compare it with the reference that runs every test.
@Suite("CreditDetector agency-word fast path")
struct CreditDetectorFastPathTests {
    private func expectSameAsReference(_ line: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fast = CreditDetector.analyze(line: line)
        let reference = CreditDetector.analyze(line: line, skippingLinesWithoutAgencyWord: false)
        #expect(fast.credits == reference.credits && fast.isCreditLine == reference.isCreditLine,
            "\(line.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test("every agency word is a word of some spelling, and every spelling has one")
    func agencyWordsCoverEverySpelling() {
        for (_, spellings) in NewsAgency.aliases {
            for spelling in spellings {
                let words = CreditDetector.words(of: spelling)
                #expect(words.contains(where: CreditDetector.agencyWords.contains), "\(spelling)")
            }
        }
        #expect(!CreditDetector.agencyWords.contains("the"))
        #expect(!CreditDetector.agencyWords.contains("press"))
    }

    @Test("ordinary sentences have no agency word; credit lines do")
    func filterAnswers() {
        #expect(!CreditDetector.mayNameAgency(lowercased: "the council met on tuesday, and the mayor spoke."))
        #expect(!CreditDetector.mayNameAgency(lowercased: "a happy apricot farmer paid the tax."))
        #expect(CreditDetector.mayNameAgency(lowercased: "by jane roe, the canadian press"))
        #expect(CreditDetector.mayNameAgency(lowercased: "— ap"))
        #expect(CreditDetector.mayNameAgency(lowercased: "daniel price and lena voss, reuters"))
        #expect(CreditDetector.mayNameAgency(lowercased: "von anna berger, dpa-afx"))
        #expect(CreditDetector.mayNameAgency(lowercased: "路透社"))
    }

    @Test("credit lines, lookalikes and odd spellings give the reference's answer")
    func handWrittenLines() {
        let lines = [
            "By Reuters", "By The Associated Press", "By Ana Lima, AFP", "By Ana Lima", "BY TOMAS RIVERA, AP Economics Writer | on",
            "By MARTA OKAFOR Associated Press", "By Daniel Price, Lena Voss and Omar Haddad Associated Press",
            "By                 LENA VOSS | Associated Press", "Von Anna Berger, dpa-AFX", "Par Claire Morel,\u{A0}AFP",
            "DANIEL PRICE, LENA VOSS and OMAR HADDAD / AP", "Daniel Price and Lena Voss, Reuters", "Marta Okafor / AP",
            "DANIEL PRICE, LENA VOSS/AFP/Getty Images", "AFP", "- TASS", "AFP/Reuters", "(Xinhua)", "Itar-Tass", "ITAR-TASS.",
            "Agence France-Presse", "Agence\u{A0}France-Presse", "agence france–presse", "The Associated Press.", "[Kyodo News]",
            "Source: Reuters/jt", "Sources: AFP, Reuters", "Reporting by Ana Lima; Editing by Tom Reed",
            "Copyright 2021 Thomson Reuters", "© 2024 The Associated Press. All rights reserved.",
            "By Ana Lima, Agência Lusa", "By Ana Lima, Age\u{302}ncia Lusa", "Door Pieter de Vries, ANP", "Av Erik Lund, TT",
            "By Jan Novák, ČTK", "By Jan Novák, C\u{30C}TK", "By Ana Ap", "By Marta Okafor and Daniel Price",
            "Reuters\u{37E} AFP", "By Ana Lima, Reuters\u{301}", "By Ana Lima, \u{301}Reuters", "Рейтер", "РИА Новости",
            "新华社", "By Ana Lima · AP", "Ruth Okonjo, Lena Voss and Omar Haddad, The Associated Press •",
            "LAGOS (Reuters) - Nigeria's central bank held rates on Tuesday.", "KAZAN, April 9. /TASS/. The governor spoke.",
            "The ministry said. — AP", "The council met on Tuesday, and the mayor spoke.", "Press Trust of India",
            "By Ravi Kumar, Press Trust of India", "Asian News International", "PA Media", "By Ana Lima for Bloomberg",
        ]
        for line in lines { expectSameAsReference(line) }
    }

    @Test("lines put together at random from names, agency spellings and separators give the reference's answer")
    func randomLines() {
        var generator = SplitMix64(seed: 7)
        let spellings = NewsAgency.aliases.flatMap { [$0.canonical] + $0.spellings }
        let pieces = spellings + spellings.map { $0.uppercased() } + [
            "By", "BY", "Von", "Par", "Por", "Door", "Av", "Jane", "ROE", "Lena Voss", "Omar", "and", "the", "for", "staff",
            "Writer", "Correspondent", "Getty Images", "photo", "said", "Tuesday", "2021", "Source:", "Copyright", "©",
            ",", ", ", " / ", "/", " | ", " - ", " — ", " – ", ";", "(", ")", ".", "-", "\u{A0}", "•", "·", "  ", "é", "e\u{301}",
        ]
        for _ in 0..<3000 {
            var line = ""
            for index in 0..<Int(1 + generator.next() % 7) {
                if index > 0, generator.next() % 3 != 0 { line += " " }
                line += pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            let collapsed = line.split(separator: " ").joined(separator: " ")
            expectSameAsReference(line)
            expectSameAsReference(collapsed)
        }
    }

    @Test("every line of the fixture pages and dumps gives the reference's answer")
    func fixtureLines() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures")
        var checked = 0
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard ["txt", "jsonl", "html", "htm"].contains(url.pathExtension), let text = try? String(contentsOf: url, encoding: .utf8)
            else { continue }
            for line in TextUtilities.nonBlankLines(text) {
                expectSameAsReference(line)
                checked += 1
            }
        }
        #expect(checked > 1000)
    }
}
