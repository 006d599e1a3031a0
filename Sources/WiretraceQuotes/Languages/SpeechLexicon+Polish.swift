extension SpeechLexicon {
    /// Polish: `„…” – powiedział premier`, `Premier powiedział: „…”`, `według ministra`.
    static let polish: SpeechLexicon = {
        let past = forms(
            [
                "powiedzia", "stwierdzi", "doda", "podkreśli", "mówi", "oświadczy", "zaznaczy", "napisa",
                "przekaza", "oceni", "wyjaśni", "zapewni", "poinformowa", "zauważy", "przypomnia", "ostrzeg",
                "zapowiedzia", "odpowiedzia", "zapyta", "argumentowa", "przyzna", "tłumaczy", "komentowa",
                "skomentowa", "deklarowa", "zadeklarowa", "uzna", "dodawa", "wskaza", "zaapelowa", "podsumowa",
            ],
            ["ł", "ła", "li", "ły"])
        let present: Set<String> = [
            "mówi", "mówią", "twierdzi", "twierdzą", "dodaje", "podkreśla", "zaznacza", "pisze", "uważa",
            "ocenia", "wyjaśnia", "zapewnia", "przekonuje", "tłumaczy", "stwierdza", "ostrzega", "informuje",
            "przyznaje", "zauważa", "przypomina", "powiedziała", "powiedział", "mówił", "mówiła",
        ]
        return SpeechLexicon(
            language: "pl",
            verbs: past.union(present),
            auxiliaries: ["też", "także", "również", "jeszcze", "wtedy", "potem", "później", "dziś", "wczoraj", "się"],
            according: [["według"], ["zdaniem"], ["jak", "powiedział"], ["jak", "podał"], ["jak", "poinformował"]],
            pronouns: ["on", "ona", "oni", "one", "ja", "my"],
            determiners: [],
            connectors: ["de", "von", "van"],
            stops: [
                "i", "oraz", "lub", "albo", "ale", "że", "żeby", "który", "która", "które", "jeśli", "gdy",
                "kiedy", "jak", "w", "we", "na", "z", "ze", "do", "od", "o", "po", "przy", "dla", "bez", "przed",
                "za", "nad", "pod", "nie", "to", "jest", "był", "była", "byli", "się", "też", "także", "również",
                "dziś", "wczoraj", "poniedziałek", "wtorek", "środę", "czwartek", "piątek", "sobotę", "niedzielę",
                "dziennikarzom", "wywiadzie", "rozmowie",
            ])
    }()
}
