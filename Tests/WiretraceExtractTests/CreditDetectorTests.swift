import Testing
import WiretraceCore
import WiretraceExtract

@Suite("CreditDetector")
struct CreditDetectorTests {
    private func agencies(_ text: String) -> [String] {
        CreditDetector.credits(inText: text).map(\.agency)
    }

    @Test("a 'Source:' line with editor initials credits the agency, keeping the line as text")
    func sourceLine() {
        let credits = CreditDetector.credits(inText: "The ministry gave no figures.\n\nSource: Reuters/jt")
        #expect(credits == [WireCredit(agency: "Reuters", text: "Source: Reuters/jt")])
        #expect(agencies("Source: AFP") == ["AFP"])
        #expect(agencies("Source: CNA/Reuters/ic") == ["Reuters"])
    }

    @Test("parenthetical markers after a dateline", arguments: [
        ("LAGOS (Reuters) - Nigeria's central bank held rates on Tuesday.", "Reuters", "(Reuters) -"),
        ("DENVER (AP) — A wildfire forced hundreds from their homes.", "AP", "(AP) —"),
        ("BEIJING, March 3 (Xinhua) -- Spring planting began early.", "Xinhua", "(Xinhua) --"),
        ("KAZAN, April 9. /TASS/. The regional governor opened a new bridge.", "TASS", "/TASS/"),
    ])
    func parentheticalMarker(line: String, agency: String, text: String) {
        #expect(CreditDetector.credits(inText: line) == [WireCredit(agency: agency, text: text)])
    }

    @Test("'By' lines naming an agency")
    func byAgency() {
        #expect(agencies("By Reuters") == ["Reuters"])
        #expect(agencies("By The Associated Press") == ["AP"])
        #expect(agencies("By Ana Lima, AFP") == ["AFP"])
        #expect(agencies("By Ana Lima") == [])
    }

    @Test("national agencies close bylines in their own languages", arguments: [
        ("Von Anna Berger, APA", "APA"),
        ("Av Erik Lund, TT", "TT"),
        ("Door Pieter de Vries, ANP", "ANP"),
        ("Por Ana Ruiz, Europa Press", "Europa Press"),
        ("By Jane Roe, The Canadian Press", "Canadian Press"),
    ])
    func nationalAgencies(line: String, agency: String) {
        #expect(agencies(line) == [agency])
    }

    @Test("bylines that close with an agency, with or without a separator or a desk", arguments: [
        ("By MARTA OKAFOR Associated Press", "AP"),
        ("By DANIEL PRICE and LENA VOSS Associated Press", "AP"),
        ("By Daniel Price, Lena Voss and Omar Haddad Associated Press", "AP"),
        ("By HENRIK DAHL AP Science Writer", "AP"),
        ("By TOMAS RIVERA, AP Economics Writer | on", "AP"),
        ("By Ruth Okonjo - Associated Press - Tuesday, March 3, 2020", "AP"),
        ("By                 LENA VOSS | Associated Press", "AP"),
        ("By Ruth Okonjo, Harbour Times, AP", "AP"),
        ("By Reuters staff", "Reuters"),
        ("Von Anna Berger, dpa", "dpa"),
        ("Par Claire Morel, AFP", "AFP"),
        ("Por Ana Ruiz, EFE", "EFE"),
    ])
    func bylineAgency(line: String, agency: String) {
        #expect(agencies(line) == [agency], "\(line)")
    }

    @Test("several names over an agency are a byline; one name over an agency is a photo credit")
    func namesOverAgency() {
        #expect(agencies("DANIEL PRICE, LENA VOSS and OMAR HADDAD / AP") == ["AP"])
        #expect(agencies("Daniel Price and Lena Voss, Reuters") == ["Reuters"])
        #expect(agencies("Ruth Okonjo, Lena Voss and Omar Haddad, The Associated Press •") == ["AP"])
        #expect(agencies("Marta Okafor / AP") == [])
        #expect(agencies("(Marta Okafor / AP)") == [])
        #expect(agencies("DANIEL PRICE, LENA VOSS/AFP/Getty Images") == [])
        #expect(agencies("Photo: Daniel Price and Lena Voss / Reuters") == [])
    }

    @Test("a byline whose last word only looks like an agency is not a credit")
    func bylineLookalikes() {
        #expect(agencies("By Ana Ap") == [])
        #expect(agencies("By Marta Okafor and Daniel Price") == [])
        #expect(agencies("By the time the ferry arrived, Reuters reported, the port was closed.") == [])
        #expect(agencies("Di Maio said the talks would go on, and Conte agreed with him.") == [])
    }

    @Test("agencies in the scripts their own and other outlets write them")
    func agenciesInOtherScripts() {
        #expect(NewsAgency.canonical("ТАСС") == "TASS")
        #expect(NewsAgency.canonical("ИТАР-ТАСС") == "TASS")
        #expect(NewsAgency.canonical("新华社") == "Xinhua")
        #expect(NewsAgency.canonical("路透社") == "Reuters")
        #expect(NewsAgency.canonical("РИА Новости") == "RIA Novosti")
        #expect(agencies("МОСКВА, 22 июня. /ТАСС/. Главком армии Мьянмы поблагодарил Россию.") == ["TASS"])
    }

    @Test("a trailing dash credit closes a paragraph")
    func trailingDash() {
        let credits = CreditDetector.credits(inText: "Rescuers searched the valley through the night. — AP")
        #expect(credits == [WireCredit(agency: "AP", text: "— AP")])
    }

    @Test("a trailing dash credit closes a long paragraph too; a dash far from the end is not one")
    func trailingDashLongParagraph() {
        let long = String(repeating: "Rescuers searched the valley through the night and into the morning. ", count: 6)
        #expect(CreditDetector.credits(inText: long + "— AP") == [WireCredit(agency: "AP", text: "— AP")])
        #expect(CreditDetector.credits(inText: long + "said the chief - Reuters") == [WireCredit(agency: "Reuters", text: "- Reuters")])
        #expect(agencies("The wire said - Reuters " + long) == [])
    }

    @Test("Reuters' reporting and editing sign-off")
    func reportingBy() {
        let credits = CreditDetector.credits(
            inText: "(Reporting by Tom Field in Oslo; Editing by Mia Park)")
        #expect(credits.map(\.agency) == ["Reuters"])
        #expect(agencies("Reporting by Tom Field") == [])
    }

    @Test("copyright lines name the agency")
    func copyright() {
        #expect(agencies("Copyright 2024 Thomson Reuters. All rights reserved.") == ["Reuters"])
        #expect(agencies("© 2024 The Associated Press. All rights reserved.") == ["AP"])
        #expect(agencies("Copyright 2024 Example Daily Ltd.") == [])
    }

    @Test("an agency name alone on a line is a credit", arguments: ["AFP", "TASS", "Xinhua", "- AFP"])
    func standalone(line: String) {
        #expect(CreditDetector.credits(inText: "Officials met on Friday.\n\(line)").count == 1)
    }

    @Test("an agency cited inside a sentence is a source, not a credit")
    func citedAgencyIsNotACredit() {
        let text = """
            "Our talks were productive," Russian news agency TASS cited the envoy as saying.

            Xinhua said the delegation would return next month. The AFP tally could not be verified.
            """
        #expect(CreditDetector.credits(inText: text).isEmpty)
    }

    @Test("credits are deduplicated by agency, keeping the first text")
    func deduplicated() {
        let text = "PARIS (Reuters) - Talks resumed.\nMore talks followed.\nSource: Reuters/ab\nAFP"
        let credits = CreditDetector.credits(inText: text)
        #expect(credits == [
            WireCredit(agency: "Reuters", text: "(Reuters) -"), WireCredit(agency: "AFP", text: "AFP"),
        ])
    }
}
