import Testing
@testable import WiretraceExtract

/// Language identification on short news paragraphs written for these tests.
@Suite struct LanguageIdentifierTests {
    static let paragraphs: [(code: String, text: String)] = [
        ("en", "The harbour authority said on Tuesday that the ferry service would resume after the storm, and that its crews had been working through the night."),
        ("de", "Die Hafenbehörde teilte am Dienstag mit, dass der Fährverkehr nach dem Sturm wieder aufgenommen werde und die Mannschaften die ganze Nacht gearbeitet hätten."),
        ("fr", "L'autorité portuaire a annoncé mardi que le service de ferry reprendrait après la tempête et que ses équipes avaient travaillé toute la nuit."),
        ("es", "La autoridad portuaria dijo el martes que el servicio de ferri se reanudará después de la tormenta y que sus equipos trabajaron durante toda la noche."),
        ("it", "L'autorità portuale ha detto martedì che il servizio di traghetti riprenderà dopo la tempesta e che le sue squadre hanno lavorato per tutta la notte."),
        ("pt", "A autoridade portuária disse na terça-feira que o serviço de balsas será retomado depois da tempestade e que as suas equipes trabalharam durante a noite."),
        ("nl", "De havenautoriteit zei dinsdag dat de veerdienst na de storm wordt hervat en dat de bemanningen de hele nacht hebben doorgewerkt."),
        ("pl", "Władze portu poinformowały we wtorek, że połączenia promowe zostaną wznowione po burzy, a załogi pracowały przez całą noc."),
        ("tr", "Liman idaresi salı günü yaptığı açıklamada, feribot seferlerinin fırtınadan sonra yeniden başlayacağını ve ekiplerin bütün gece çalıştığını söyledi."),
        ("sv", "Hamnmyndigheten sade på tisdagen att färjetrafiken ska återupptas efter stormen och att besättningarna har arbetat hela natten."),
        ("ru", "Портовое управление сообщило во вторник, что паромное сообщение будет возобновлено после шторма, а бригады работали всю ночь."),
        ("uk", "Портова адміністрація повідомила у вівторок, що поромне сполучення відновлять після шторму, а бригади працювали всю ніч."),
        ("bg", "Пристанищната администрация съобщи във вторник, че фериботните линии ще бъдат възобновени след бурята, а екипите са работили цяла нощ."),
        ("ar", "قالت هيئة الميناء يوم الثلاثاء إن خدمة العبارات ستستأنف بعد العاصفة، وإن فرقها عملت طوال الليل على إصلاح الأضرار."),
        ("fa", "سازمان بندر روز سه‌شنبه اعلام کرد که خدمات کشتی پس از طوفان از سر گرفته می‌شود و گروه‌ها تمام شب کار کرده‌اند."),
        ("zh", "港务局星期二表示，渡轮服务将在风暴过后恢复，工作人员已经连夜抢修了受损的码头设施。"),
        ("ja", "港湾局は火曜日、嵐の後にフェリーの運航を再開すると発表し、作業員が夜通し復旧作業に当たったと述べた。"),
        ("ko", "항만청은 화요일 폭풍이 지나간 뒤 여객선 운항을 재개할 것이며 작업자들이 밤새 복구 작업을 했다고 밝혔다."),
        ("el", "Η λιμενική αρχή ανακοίνωσε την Τρίτη ότι τα δρομολόγια των πλοίων θα επαναληφθούν μετά την καταιγίδα."),
        ("he", "רשות הנמל הודיעה ביום שלישי כי שירות המעבורות יחודש לאחר הסערה וכי הצוותים עבדו כל הלילה."),
    ]

    @Test(arguments: paragraphs)
    func identifiesTheLanguageOfAParagraph(code: String, text: String) {
        #expect(LanguageIdentifier.identify(text) == code, "\(text.prefix(40))")
    }

    @Test func theTextOutweighsTheDeclaredLanguage() {
        // A site that declares English for every page, carrying a German wire story.
        let german = Self.paragraphs.first { $0.code == "de" }!.text
        #expect(LanguageIdentifier.identify(german, declared: "en-US") == "de")
    }

    @Test func tooShortToTellFallsBackToTheDeclaration() {
        #expect(LanguageIdentifier.identify("Fullscreen", declared: "pt-BR") == "pt")
        #expect(LanguageIdentifier.identify("Fullscreen") == nil)
        #expect(LanguageIdentifier.identify("", declared: nil) == nil)
        #expect(LanguageIdentifier.identify("12 345 678 — 9.10", declared: "xyz") == nil)
    }

    @Test func aDeclarationInAnotherScriptIsIgnored() {
        let russian = Self.paragraphs.first { $0.code == "ru" }!.text
        #expect(LanguageIdentifier.identify(russian, declared: "en") == "ru")
    }

    @Test func foreignNamesInAnEnglishTextDoNotTurnIt() {
        let text = "Mr Erdoğan met Mr Müller and Ms Łukasiewicz in Zürich on Friday, where they said the talks had gone well and that they would meet again."
        #expect(LanguageIdentifier.identify(text) == "en")
    }

    @Test func primarySubtags() {
        #expect(LanguageIdentifier.primarySubtag("en-US") == "en")
        #expect(LanguageIdentifier.primarySubtag("zh_Hant_TW") == "zh")
        #expect(LanguageIdentifier.primarySubtag("deu") == nil)
        #expect(LanguageIdentifier.primarySubtag("") == nil)
    }
}
