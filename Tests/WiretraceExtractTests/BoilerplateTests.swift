import Testing
@testable import WiretraceExtract

/// Page furniture in the languages European pages are written in: teasers for other stories,
/// share bars, cookie and copyright notices; and prose that merely mentions such words.
@Suite("Boilerplate lines")
struct BoilerplateTests {
    @Test("teasers, notices and share bars are furniture", arguments: [
        "Lesen Sie auch: Neue Buslinie fährt ab Mai durch die Altstadt",
        "Mehr zum Thema",
        "À lire aussi : Le festival de jazz change de lieu",
        "Lee también: El ayuntamiento aprueba el presupuesto",
        "Leggi anche",
        "Teilen: Facebook | Twitter | WhatsApp | E-Mail",
        "Partager : Facebook Twitter LinkedIn E-mail Imprimer",
        "FacebookEmail Twitter Google+ LinkedIn Pinterest",
        "Share on Facebook Share on X",
        "Wir verwenden Cookies, um unsere Website für Sie zu verbessern. Mit einem Klick auf Akzeptieren stimmen Sie zu.",
        "© 2022 Stadtanzeiger – Alle Rechte vorbehalten",
        "Veröffentlicht am 02.09.2020",
        "Mis à jour le 4 mars 2021 à 10h12",
        "Updated: May 3, 2021 at 4:46 PM",
        "Ein Beitrag geteilt von Lisa Maier (@lisa.maier) am Jun 17, 2019 um 12:17 PDT",
        "A post shared by Harbour Days (@harbourdays) on Aug 2, 2020 at 9:05am PDT",
        "Enlarge this image",
        "toggle caption",
    ])
    func furniture(_ line: String) {
        #expect(Boilerplate.isBoilerplate(line))
    }

    @Test("photo captions and credits in German, French, Spanish and Italian", arguments: [
        "Foto: Anna Berger/dpa",
        "Der neue Kai im Hafen von Talheim. Bild: Stadtwerke",
        "Photo : Jeanne Dupont",
        "Crédit photo : Mairie de Valbonne",
        "Fotografía: Luis García",
        "Die Baustelle am Marktplatz im Mai. Anna Berger/picture alliance",
        "The storm front reached the coast on Tuesday night (Picture: Harbour Weather Service)",
        "Der Kran wird am Kai aufgebaut (Foto: Stadtwerke Talheim)",
        // Credits with spaces around the slash, and photos credited "via" a source.
        "The ferry leaves the harbour at dusk.Jane Roe / Reuters",
        "Harbour Pool Photo via Associated Press/file",
        "Photo via Talheim Fire Department",
    ])
    func captions(_ line: String) {
        #expect(Boilerplate.isCaption(line))
    }

    @Test("prose that mentions photos is no caption", arguments: [
        "Die Fotos zeigen den Hafen vor und nach dem Umbau, sagte die Bürgermeisterin am Montag in Talheim.",
        "Bilder aus dem Archiv belegen, dass der Kai schon 1920 gebaut wurde.",
        "The mayor shared the photo via her own account on Tuesday, hours before the council met to vote.",
        "Rents rose 4 / 5 times faster than wages, the report found.",
    ])
    func notCaptions(_ line: String) {
        #expect(!Boilerplate.isCaption(line))
    }

    @Test("prose that names a network or a teaser word stays", arguments: [
        "Twitter und Facebook sperrten das Konto am Dienstag, nachdem die Polizei ermittelt hatte.",
        "Le maire a dit qu'il faut lire aussi le rapport de la cour des comptes avant de juger.",
        "Print and email newsletters were cut after the paper changed owners.",
        "Veröffentlicht am 2. Mai 2019 hat die Kommission ihren Bericht nicht.",
        "Published on May 3, 2021, the report found that rents rose in every district.",
        "Facebook",
    ])
    func prose(_ line: String) {
        // A lone network name is an exact furniture line already; everything else is prose.
        #expect(Boilerplate.isBoilerplate(line) == (line == "Facebook"))
        #expect(!Boilerplate.isShareBar(line.lowercased()))
    }
}
