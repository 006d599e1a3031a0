extension SpeechLexicon {
    /// French: `« … », a affirmé le chef de l'État`, `« … », dit-il`, `selon le ministre`.
    static let french = SpeechLexicon(
        language: "fr",
        verbs: [
            "dit", "dire", "déclaré", "déclare", "déclarait", "affirmé", "affirme", "affirmait", "ajouté", "ajoute",
            "ajoutait", "expliqué", "explique", "expliquait", "souligné", "souligne", "soulignait", "estimé",
            "estime", "estimait", "assuré", "assure", "assurait", "indiqué", "indique", "indiquait", "précisé",
            "précise", "précisait", "lancé", "lance", "martelé", "martèle", "insisté", "insiste", "confié",
            "confie", "raconté", "raconte", "poursuivi", "poursuit", "répondu", "répond", "rappelé", "rappelle",
            "annoncé", "annonce", "averti", "avertit", "prévenu", "prévient", "dénoncé", "dénonce", "reconnu",
            "reconnaît", "admis", "admet", "écrit", "tweeté", "commenté", "commente", "observé", "observe",
            "noté", "note", "jugé", "juge", "estimant", "déclarant", "affirmant", "soulignant", "ajoutant",
            "expliquant", "insistant", "s'est", "félicité", "interrogé", "demandé", "demande", "conclu", "conclut",
            "résumé", "résume", "plaidé", "plaide", "promis", "promet", "souhaité", "souhaite", "regretté", "regrette",
            "dit-il", "dit-elle", "disait", "disent", "déclarent", "affirment", "ont",
        ],
        auxiliaries: ["a", "ont", "avait", "avaient", "aurait", "encore", "aussi", "également", "alors", "ensuite",
                      "enfin", "déjà", "lui", "pour", "sa", "part", "t", "-t-il", "-t-elle"],
        according: [["selon"], ["d'après"], ["d’après"], ["de", "l'avis", "de"], ["aux", "dires", "de"]],
        pronouns: ["il", "elle", "ils", "elles", "je", "nous", "on"],
        determiners: ["le", "la", "les", "l'", "un", "une", "des", "son", "sa", "ses", "leur", "ce", "cette", "du"],
        connectors: ["de", "du", "des", "d'", "la", "le", "l'"],
        stops: [
            "et", "ou", "mais", "que", "qu'", "qui", "car", "si", "quand", "dans", "en", "sur", "sous", "avec",
            "pour", "par", "sans", "vers", "chez", "après", "avant", "depuis", "pendant", "lors", "à", "au", "aux",
            "ne", "pas", "plus", "est", "était", "sont", "a", "ont", "avait", "lundi", "mardi", "mercredi", "jeudi",
            "vendredi", "samedi", "dimanche", "hier", "aujourd'hui", "encore", "aussi", "alors", "lui", "leur",
            "se", "s'est",
        ])
}
