extension SpeechLexicon {
    /// Russian: `«…», — заявил Шойгу`, `Шойгу заявил: «…»`, `по словам министра`, dash speech.
    static let russian: SpeechLexicon = {
        let past = forms(
            [
                "заяви", "сказа", "отмети", "подчеркну", "добави", "сообщи", "поясни", "указа", "замети",
                "ответи", "призна", "рассказа", "напомни", "предупреди", "констатирова", "уточни",
                "заверил", "завери", "резюмирова", "написа", "говори", "объяви", "высказа", "выразил", "выраз",
                "отреагирова", "прокомментирова", "пообеща", "спроси", "воскликну", "обрати", "признава",
                "утвержда", "считa", "счита", "заключи", "процитирова", "цитирова", "передава", "передал", "переда",
                "сообща", "информирова", "оцени", "выступи", "возрази", "продолжи", "повтори", "объясни",
            ],
            ["л", "ла", "ли", "ло"])
        let present: Set<String> = [
            "говорит", "говорят", "заявляет", "заявляют", "считает", "считают", "отмечает", "отмечают",
            "подчеркивает", "подчёркивает", "пишет", "пишут", "сообщает", "сообщают", "поясняет", "уверен",
            "уверена", "уверены", "убежден", "убеждён", "добавляет", "указывает", "утверждает", "полагает",
            "признает", "признаёт", "цитирует", "цитируют", "передает", "передаёт", "рассказывает", "объясняет",
            "уточняет", "предупреждает", "напоминает", "говорится", "сказано", "заявил", "сказал",
        ]
        return SpeechLexicon(
            language: "ru",
            verbs: past.union(present),
            auxiliaries: ["также", "еще", "ещё", "уже", "тогда", "затем", "позже", "журналистам", "агентству",
                          "тасс", "риа", "в", "интервью", "он", "она", "прямо", "сегодня", "вчера", "в", "среду"],
            according: [["по", "словам"], ["по", "мнению"], ["по", "данным"], ["как", "сообщил"], ["как", "заявил"],
                        ["согласно"], ["со", "слов"]],
            pronouns: ["он", "она", "они", "я", "мы"],
            determiners: [],
            connectors: ["де", "ван", "фон"],
            stops: [
                "и", "или", "но", "а", "что", "чтобы", "который", "которая", "которые", "если", "когда", "как",
                "в", "во", "на", "с", "со", "к", "ко", "по", "о", "об", "от", "до", "из", "за", "для", "при", "без",
                "после", "перед", "не", "это", "был", "была", "были", "было", "также", "ещё", "еще", "уже",
                "в", "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье",
                "сегодня", "вчера", "журналистам", "агентству", "интервью", "заявлении",
            ],
            capitalises: true)
    }()

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
