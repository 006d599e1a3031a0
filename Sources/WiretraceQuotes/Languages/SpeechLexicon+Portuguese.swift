extension SpeechLexicon {
    /// Portuguese: `“…”, disse o presidente`, `segundo o ministro`, `de acordo com`.
    static let portuguese = SpeechLexicon(
        language: "pt",
        verbs: [
            "disse", "diz", "dizia", "disseram", "dizem", "afirmou", "afirma", "declarou", "declara", "explicou",
            "explica", "acrescentou", "acrescenta", "sublinhou", "sublinha", "destacou", "destaca", "salientou",
            "salienta", "assegurou", "assegura", "garantiu", "garante", "referiu", "refere", "indicou", "indica",
            "adiantou", "adianta", "frisou", "frisa", "respondeu", "responde", "perguntou", "pergunta", "anunciou",
            "anuncia", "comentou", "comenta", "escreveu", "escreve", "admitiu", "admite", "alertou", "alerta",
            "ressaltou", "ressalta", "reconheceu", "reconhece", "defendeu", "defende", "considerou", "considera",
            "dito", "afirmado", "declarado",
        ],
        auxiliaries: ["tem", "têm", "tinha", "havia", "também", "ainda", "depois", "hoje", "ontem", "já"],
        according: [["segundo"], ["de", "acordo", "com"], ["conforme"], ["para"]],
        pronouns: ["ele", "ela", "eles", "elas", "eu", "nós"],
        determiners: ["o", "a", "os", "as", "um", "uma", "seu", "sua", "do", "da"],
        connectors: ["de", "do", "da", "dos", "das"],
        stops: [
            "e", "ou", "mas", "que", "quem", "porque", "se", "quando", "em", "no", "na", "nos", "nas", "sobre",
            "com", "para", "por", "pelo", "pela", "sem", "desde", "após", "durante", "ao", "à", "não", "é", "era",
            "foi", "tem", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado",
            "domingo", "hoje", "ontem", "também", "ainda", "entre",
        ])
}
