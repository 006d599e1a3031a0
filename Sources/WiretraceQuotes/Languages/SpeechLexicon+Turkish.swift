extension SpeechLexicon {
    /// Turkish, subject first and verb last: `Erdoğan, “…” dedi.`, `Bakan şunları söyledi: “…”`,
    /// `Bakan'a göre`.
    static let turkish = SpeechLexicon(
        language: "tr",
        order: .verbFinal,
        verbs: [
            "dedi", "diyor", "demişti", "dediler", "diye", "söyledi", "söylüyor", "söylemişti", "açıkladı",
            "açıklıyor", "belirtti", "belirtiyor", "kaydetti", "vurguladı", "vurguluyor", "ifade", "etti",
            "konuştu", "sordu", "yanıtladı", "cevap", "verdi", "ekledi", "uyardı", "anlattı", "yazdı",
            "paylaştı", "duyurdu", "bildirdi", "aktardı", "savundu", "dile", "getirdi", "kullandı", "diyerek",
            "ifadelerini", "sözlerini", "şunları", "şöyle",
        ],
        auxiliaries: ["ki", "da", "de", "ise", "ayrıca", "bugün", "dün"],
        accordingAfter: ["göre"],
        pronouns: ["o", "ben", "biz", "onlar"],
        stops: [
            "ve", "veya", "ama", "fakat", "ancak", "ki", "bu", "şu", "bir", "için", "ile", "gibi", "kadar",
            "sonra", "önce", "da", "de", "ise", "olarak", "olan", "pazartesi", "salı", "çarşamba", "perşembe",
            "cuma", "cumartesi", "pazar", "bugün", "dün", "şunları", "şöyle", "açıklamasında", "konuşmasında",
            "yaptığı", "basın", "toplantısında", "gazetecilere",
        ])

    /// Arabic, verb first: `وقال الوزير: «…»`, `«…»، قال المتحدث`, `بحسب الوكالة`. Names are not
    /// capitalised: a speaker phrase runs from the verb to the next punctuation or function word.
    static let arabic: SpeechLexicon = {
        let bare: [String] = [
            "قال", "قالت", "قالوا", "يقول", "تقول", "أضاف", "أضافت", "يضيف", "أكد", "أكدت", "يؤكد", "أوضح",
            "أوضحت", "يوضح", "صرح", "صرحت", "أعلن", "أعلنت", "ذكر", "ذكرت", "أشار", "أشارت", "تابع", "تابعت",
            "شدد", "شددت", "اعتبر", "اعتبرت", "كتب", "كتبت", "أفاد", "أفادت", "لفت", "لفتت", "ردّ", "رد",
            "سأل", "حذر", "حذرت", "أردف", "أردفت", "نقل", "نقلت",
        ]
        var verbs = Set(bare)
        for verb in bare { verbs.insert("و" + verb); verbs.insert("ف" + verb) }
        return SpeechLexicon(
            language: "ar",
            order: .verbFirst,
            verbs: verbs,
            auxiliaries: ["قد", "وقد", "كما", "أيضا", "أيضاً", "اليوم", "أمس"],
            according: [["بحسب"], ["حسب"], ["وفقا", "لـ"], ["وفقاً", "لـ"], ["وفق"], ["وبحسب"], ["وحسب"]],
            pronouns: [],
            stops: [
                "في", "إن", "أن", "إنه", "إنها", "أنه", "أنها", "على", "من", "إلى", "عن", "مع", "خلال", "بعد",
                "قبل", "يوم", "إنّ", "أنّ", "لـ", "ل", "و", "التي", "الذي", "الذين", "لوكالة", "للصحفيين",
                "لصحيفة", "لقناة", "في", "بيان", "تصريحات", "تصريح", "مؤتمر", "صحفي", "الاثنين", "الثلاثاء",
                "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
            ],
            capitalises: false)
    }()
}
