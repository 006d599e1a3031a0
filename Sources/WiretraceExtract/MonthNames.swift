/// Month names and abbreviations of the languages news pages are written in, and the names of
/// time zones that date lines print.
///
/// Words are looked up lower-cased, without a trailing dot. Genitive forms (Russian "августа",
/// Polish "sierpnia", Czech "srpna", Finnish "elokuuta") sit beside the nominative ones, and
/// common spellings without diacritics beside the ones with them. An abbreviation that is also a
/// frequent word in another language ("sie", "die") is left out: a month word counts only beside
/// a day or a year, and these would still be read wrongly too often.
enum MonthNames {
    /// Month number by word.
    static let number: [String: Int] = {
        var table: [String: Int] = [:]
        let languages: [[[String]]] = [
            // English
            [["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
             ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"], ["october", "oct"],
             ["november", "nov"], ["december", "dec"]],
            // German (with Austrian "Jänner", "Feber")
            [["januar", "jänner", "jaenner", "janner", "jän"], ["februar", "feber"], ["märz", "maerz", "marz", "mär", "mrz"],
             ["april"], ["mai"], ["juni"], ["juli"], ["august"], ["september"], ["oktober", "okt"], ["november"],
             ["dezember", "dez"]],
            // French
            [["janvier", "janv"], ["février", "fevrier", "févr", "fevr", "fév", "fev"], ["mars"], ["avril", "avr"], ["mai"],
             ["juin"], ["juillet", "juil"], ["août", "aout"], ["septembre"], ["octobre"], ["novembre"],
             ["décembre", "decembre", "déc"]],
            // Spanish
            [["enero", "ene"], ["febrero"], ["marzo"], ["abril", "abr"], ["mayo"], ["junio"], ["julio"], ["agosto", "ago"],
             ["septiembre", "setiembre"], ["octubre"], ["noviembre"], ["diciembre", "dic"]],
            // Italian
            [["gennaio", "gen"], ["febbraio"], ["marzo"], ["aprile"], ["maggio", "mag"], ["giugno", "giu"], ["luglio", "lug"],
             ["agosto"], ["settembre", "set"], ["ottobre", "ott"], ["novembre"], ["dicembre"]],
            // Portuguese
            [["janeiro"], ["fevereiro"], ["março", "marco"], ["abril"], ["maio"], ["junho"], ["julho"], ["agosto"],
             ["setembro"], ["outubro", "out"], ["novembro"], ["dezembro"]],
            // Dutch
            [["januari"], ["februari"], ["maart", "mrt"], ["april"], ["mei"], ["juni"], ["juli"], ["augustus"],
             ["september"], ["oktober"], ["november"], ["december"]],
            // Polish (nominative, genitive)
            [["styczeń", "stycznia", "styczen", "sty"], ["luty", "lutego", "lut"], ["marzec", "marca"],
             ["kwiecień", "kwietnia", "kwiecien", "kwi"], ["maj", "maja"], ["czerwiec", "czerwca", "cze"],
             ["lipiec", "lipca", "lip"], ["sierpień", "sierpnia", "sierpien"], ["wrzesień", "września", "wrzesien", "wrzesnia", "wrz"],
             ["październik", "października", "pazdziernik", "pazdziernika", "paź"], ["listopad", "listopada", "lis"],
             ["grudzień", "grudnia", "grudzien", "gru"]],
            // Russian (nominative, genitive, abbreviations)
            [["январь", "января", "янв"], ["февраль", "февраля", "фев"], ["март", "марта", "мар"], ["апрель", "апреля", "апр"],
             ["май", "мая"], ["июнь", "июня", "июн"], ["июль", "июля", "июл"], ["август", "августа", "авг"],
             ["сентябрь", "сентября", "сен", "сент"], ["октябрь", "октября", "окт"], ["ноябрь", "ноября", "ноя", "нояб"],
             ["декабрь", "декабря", "дек"]],
            // Ukrainian (genitive)
            [["січня", "січень"], ["лютого", "лютий"], ["березня", "березень"], ["квітня", "квітень"], ["травня", "травень"],
             ["червня", "червень"], ["липня", "липень"], ["серпня", "серпень"], ["вересня", "вересень"],
             ["жовтня", "жовтень"], ["листопада", "листопад"], ["грудня", "грудень"]],
            // Turkish
            [["ocak"], ["şubat", "subat"], ["mart"], ["nisan"], ["mayıs", "mayis"], ["haziran"], ["temmuz"],
             ["ağustos", "agustos"], ["eylül", "eylul"], ["ekim"], ["kasım", "kasim"], ["aralık", "aralik"]],
            // Swedish, Danish, Norwegian
            [["januari", "januar"], ["februari", "februar"], ["mars", "marts"], ["april"], ["maj", "mai"], ["juni"], ["juli"],
             ["augusti", "august"], ["september"], ["oktober"], ["november"], ["december", "desember"]],
            // Finnish (partitive, nominative)
            [["tammikuuta", "tammikuu"], ["helmikuuta", "helmikuu"], ["maaliskuuta", "maaliskuu"], ["huhtikuuta", "huhtikuu"],
             ["toukokuuta", "toukokuu"], ["kesäkuuta", "kesäkuu"], ["heinäkuuta", "heinäkuu"], ["elokuuta", "elokuu"],
             ["syyskuuta", "syyskuu"], ["lokakuuta", "lokakuu"], ["marraskuuta", "marraskuu"], ["joulukuuta", "joulukuu"]],
            // Czech (genitive, nominative)
            [["ledna", "leden"], ["února", "unora", "únor"], ["března", "brezna", "březen"], ["dubna", "duben"],
             ["května", "kvetna", "květen"], ["června", "cervna", "červen"], ["července", "cervence", "červenec"],
             ["srpna", "srpen"], ["září", "zari"], ["října", "rijna", "říjen"], ["listopadu"], ["prosince", "prosinec"]],
            // Hungarian
            [["január"], ["február"], ["március"], ["április"], ["május"], ["június"], ["július"], ["augusztus"],
             ["szeptember"], ["október"], ["november"], ["december"]],
            // Romanian
            [["ianuarie"], ["februarie"], ["martie"], ["aprilie"], ["mai"], ["iunie"], ["iulie"], ["august"],
             ["septembrie"], ["octombrie"], ["noiembrie"], ["decembrie"]],
            // Arabic: the names of Egypt and the Gulf, and the one-word Levantine ones (شباط …
            // أيلول; the Levantine January, October, November and December are two words)
            [["يناير"], ["فبراير", "شباط"], ["مارس", "آذار"], ["أبريل", "ابريل", "إبريل", "نيسان"], ["مايو", "أيار", "ايار"],
             ["يونيو", "يونيه", "حزيران"], ["يوليو", "يوليه", "تموز"], ["أغسطس", "اغسطس", "آب"], ["سبتمبر", "أيلول", "ايلول"],
             ["أكتوبر", "اكتوبر"], ["نوفمبر"], ["ديسمبر"]],
            // Catalan
            [["gener"], ["febrer"], ["març"], ["abril"], ["maig"], ["juny"], ["juliol"], ["agost"], ["setembre"],
             ["octubre"], ["novembre"], ["desembre"]],
            // Slovak (genitive, nominative)
            [["januára", "januara", "január"], ["februára", "februara", "február"], ["marca", "marec"],
             ["apríla", "aprila", "apríl"], ["mája", "maja", "máj"], ["júna", "juna", "jún"], ["júla", "jula", "júl"],
             ["augusta"], ["septembra"], ["októbra", "oktobra", "október"], ["novembra"], ["decembra"]],
            // Slovenian, Serbian and Bosnian (Latin script; genitive, nominative)
            [["januarja", "januar", "januara"], ["februarja", "februara"], ["marca", "marta", "mart"], ["aprila"],
             ["maja"], ["junija", "juna"], ["julija", "jula"], ["avgusta", "avgust"], ["septembra", "septembar"],
             ["oktobra", "oktobar"], ["novembra", "novembar"], ["decembra", "decembar"]],
            // Croatian (genitive; "listopada", October here, is November in Polish: left out)
            [["siječnja", "sijecnja"], ["veljače", "veljace"], ["ožujka", "ozujka"], ["travnja"], ["svibnja"], ["lipnja"],
             ["srpnja"], ["kolovoza"], ["rujna"], [], ["studenoga", "studenog"], ["prosinca"]],
            // Bulgarian, Serbian and Macedonian (Cyrillic)
            [["януари", "јануар", "јануари"], ["февруари", "фебруар"], ["март"], ["април"], ["май", "мај"],
             ["юни", "јун", "јуни"], ["юли", "јул", "јули"], ["август"], ["септември", "септембар"],
             ["октомври", "октобар"], ["ноември", "новембар"], ["декември", "децембар"]],
            // Estonian
            [["jaanuar"], ["veebruar"], ["märts"], ["aprill"], ["mai"], ["juuni"], ["juuli"], ["august"], ["september"],
             ["oktoober"], ["november"], ["detsember"]],
            // Indonesian
            [["januari"], ["februari"], ["maret"], ["april"], ["mei"], ["juni"], ["juli"], ["agustus"], ["september"],
             ["oktober"], ["november"], ["desember"]],
            // Greek (genitive)
            [["ιανουαρίου"], ["φεβρουαρίου"], ["μαρτίου"], ["απριλίου"], ["μαΐου", "μαιου"], ["ιουνίου"], ["ιουλίου"],
             ["αυγούστου"], ["σεπτεμβρίου"], ["οκτωβρίου"], ["νοεμβρίου"], ["δεκεμβρίου"]],
        ]
        for language in languages {
            for (index, words) in language.enumerated() {
                for word in words { table[word] = index + 1 }
            }
        }
        return table
    }()

    /// Names of the weekdays (lower-cased) in the languages above whose date lines print them
    /// before a date: "Dienstag, 10.12.19", "mardi 10.12.19", "terça-feira, 10/12/19". The two-letter
    /// abbreviations are left out: they are words too ("so", "di", "do").
    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
        "lunedì", "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi", "venerdì", "venerdi",
        "sabato", "domenica", "feira",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
        "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "mandag", "tirsdag", "lørdag", "søndag",
    ]

    /// Words that introduce a publication date ("Published", "Veröffentlicht am", "Publié le").
    static let publishedCues: [String] = [
        "published", "posted", "first published", "veröffentlicht", "erschienen", "publiziert", "erstellt",
        "publié", "publie", "publicado", "publicada", "pubblicato", "pubblicata", "gepubliceerd", "geplaatst",
        "opublikowano", "opublikowany", "опубликовано", "yayınlanma", "yayınlandı", "publicerad", "julkaistu",
        "publiceret", "publisert", "publikováno", "zveřejněno", "publikované", "közzétéve", "megjelent", "objavljeno",
        "publicat", "publicação", "publicado em", "публикувано", "објављено", "δημοσιεύθηκε", "δημοσίευση",
    ]

    /// Words that introduce a later date ("Updated", "Aktualisiert am", "Mis à jour le").
    static let modifiedCues: [String] = [
        "updated", "last updated", "modified", "last modified", "edited", "revised", "aktualisiert", "zuletzt",
        "geändert", "mis à jour", "mise à jour", "modifié", "actualizado", "actualizada", "modificado",
        "aggiornato", "aggiornata", "modificato", "atualizado", "atualizada", "bijgewerkt", "gewijzigd",
        "zaktualizowano", "обновлено", "изменено", "güncelleme", "güncellendi", "uppdaterad", "päivitetty",
        "opdateret", "oppdatert", "aktualizováno", "aktualizované", "frissítve", "módosítva", "ažurirano", "actualizat",
        "actualitzat", "обновено", "ажурирано", "ενημερώθηκε", "ενημέρωση",
    ]

    /// UTC offsets in seconds of the zone abbreviations date lines print. Names that stand for
    /// several zones ("CST": US Central or China, "IST": India, Ireland or Israel) are left out:
    /// a time in them keeps its date only.
    static let zoneOffset: [String: Int] = [
        "utc": 0, "gmt": 0, "z": 0, "wet": 0, "west": 3600, "bst": 3600,
        "cet": 3600, "met": 3600, "mez": 3600, "cest": 7200, "mest": 7200, "mesz": 7200,
        "eet": 7200, "eest": 10800, "msk": 10800,
        "est": -18000, "edt": -14400, "cdt": -18000, "mst": -25200, "mdt": -21600, "pst": -28800, "pdt": -25200,
        "akst": -32400, "akdt": -28800, "hst": -36000,
        "jst": 32400, "kst": 32400, "hkt": 28800, "sgt": 28800, "awst": 28800, "wib": 25200, "ict": 25200,
        "aest": 36000, "aedt": 39600, "acst": 34200, "acdt": 37800, "nzst": 43200, "nzdt": 46800,
    ]
}
