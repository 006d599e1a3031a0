/// The most frequent function words of languages that share a script: articles, prepositions,
/// conjunctions, pronouns and auxiliaries, lower-cased, as general grammars list them. A word
/// that two languages share counts for both; only the words that differ decide.
struct FunctionWords: Sendable {
    let code: String
    let words: Set<String>
    /// Lower-case letters of the language's alphabet that most others of its script lack.
    let letters: Set<Unicode.Scalar>

    init(_ code: String, _ words: String, letters: String = "") {
        self.code = code
        self.words = Set(words.split(separator: " ").map(String.init))
        self.letters = Set(letters.unicodeScalars)
    }

    /// The lexicons of one script as lookup tables: a word, or a letter, to the set of languages
    /// (bits, in lexicon order) that have it. One dictionary lookup per word instead of one per
    /// language.
    struct Table: Sendable {
        let codes: [String]
        let words: [String: UInt64]
        let letters: [Unicode.Scalar: UInt64]

        init(_ lexicons: [FunctionWords]) {
            precondition(lexicons.count <= 64)
            codes = lexicons.map(\.code)
            var words: [String: UInt64] = [:]
            var letters: [Unicode.Scalar: UInt64] = [:]
            for (index, lexicon) in lexicons.enumerated() {
                for word in lexicon.words { words[word, default: 0] |= 1 << UInt64(index) }
                for letter in lexicon.letters { letters[letter, default: 0] |= 1 << UInt64(index) }
            }
            self.words = words
            self.letters = letters
        }
    }

    static let latinTable = Table(latin)
    static let cyrillicTable = Table(cyrillic)
    static let arabicScriptTable = Table(arabicScript)

    /// Languages written in Latin script, most widely published first (a tie goes to the first).
    static let latin: [FunctionWords] = [
        FunctionWords("en", "the and of to in is that for it was on with at by from he she they his her this are were be been has have had not but which who would will said an their its or about after than"),
        FunctionWords("de", "der die das und ist nicht mit den dem des von zu sich auf für ein eine einen einem einer im auch es wird werden wurde sind hat haben nach bei aus wie noch über dass sie er wir oder aber vor zum zur nur", letters: "äöüß"),
        FunctionWords("fr", "le la les de des du et est un une dans pour que qui pas sur au aux avec ce cette il elle ils sont été ont par plus ne se son sa ses mais comme leur être", letters: "çèêëàâîïôûœù"),
        FunctionWords("es", "el la los las de del y en que es un una por con para se su sus al lo como más pero fue ha han este esta son también entre sobre sin muy ya porque cuando desde", letters: "ñáéíóú"),
        FunctionWords("it", "il lo la gli le di del della dei che è e un una per con non si sono ha anche nel nella alla al dal più ma come questo questa essere stato stata loro suo sua ai degli delle", letters: "àèéìòù"),
        FunctionWords("pt", "o os de do da dos das e em na nos nas um uma que é para com não por se ao mais foi como mas também seu sua ele ela são pelo pela está isso já muito quando", letters: "ãõçáâêéíóôú"),
        FunctionWords("nl", "de het een en van in is dat op te zijn niet met voor die er aan ook als bij om maar door naar wordt werd heeft hebben nog dan deze uit over tot zich wel geen"),
        FunctionWords("pl", "i w z na się nie do że to jest o od po jak dla ale przez za co jego już tak przy był była było są oraz który która które tym także może czy tylko", letters: "łąęśżźńćó"),
        FunctionWords("tr", "ve bir bu da de için ile olarak olan çok daha gibi en ne o kadar sonra ama ya her şey olduğu var değil ise ancak göre tarafından yılında ilk", letters: "ışğçöüâ"),
        FunctionWords("sv", "och i att det som en på är av för med till den har de inte om ett var jag men sig så vid kan från efter eller också sina hade nu", letters: "åäö"),
        FunctionWords("da", "og i at det en den til er som på de med han af for ikke der var et har om vi men fra efter også blev kan skal", letters: "æøå"),
        FunctionWords("no", "og i det som på er en til å av for med har ikke den de et var om men fra også ble kan skal etter seg hun han", letters: "æøå"),
        FunctionWords("fi", "ja on ei että se oli hän ovat mutta kun myös tai joka jotka ole sen hänen kuin mukaan vuonna nyt vain jo niin tämä siitä", letters: "äö"),
        FunctionWords("cs", "a se na v je že to s z do o jako ale by pro jsou byl byla bylo jeho podle také jen který která které už však při než ještě", letters: "řůěčšžýáíé"),
        FunctionWords("sk", "a sa na v je že to s z do o ako ale by pre sú bol bola bolo jeho podľa tiež len ktorý ktorá ktoré už však pri ešte aj", letters: "ľĺŕôäčšžýáíé"),
        FunctionWords("ro", "și în de la a cu pe că nu care din este un o să pentru mai au fost se sunt ca al ale lui iar dar prin după fi", letters: "țșăâî"),
        FunctionWords("hu", "a az és hogy nem is egy meg van volt már de csak ez azt mint még el ki be fel után kell lesz pedig vagy szerint között amely aki", letters: "őűáéíóöúü"),
        FunctionWords("hr", "i je u na da se za su od s a o koji koja koje ne iz će bi kao ali što sa bio bila ili godine nakon prema", letters: "đćčšž"),
        FunctionWords("sl", "in je v na da se za so z s ki ne pa bo tudi od kot ali po bi ga še lahko pri iz le bil bila", letters: "čšž"),
        FunctionWords("ca", "el la els les de del i a en que és un una per amb no es va als més però com aquest aquesta també seu seva ha han", letters: "ŀçàèéíòóú"),
        FunctionWords("id", "yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga ada adalah oleh karena saat tersebut bisa sudah atau kami mereka telah"),
        FunctionWords("vi", "của và các có là được trong cho không người những một với đã này để khi đến từ theo về như năm cũng", letters: "ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"),
        FunctionWords("et", "ja on ei et see oli ka kui aga mis ta nad ning või välja pärast seda sest üle veel", letters: "õäöüšž"),
        FunctionWords("lt", "ir kad yra su į iš tai bet kaip jo buvo nuo dėl po apie jau taip tik", letters: "ėįųūąčšž"),
        FunctionWords("lv", "un ir ka no uz ar par kas arī bet tas viņš bija lai kā pēc vai tikai to", letters: "āēīūņļķģčšž"),
        FunctionWords("sq", "të e në dhe një për me që i nga është së u nuk do ka ishte si por edhe", letters: "ëç"),
    ]

    /// Languages written in Cyrillic script.
    static let cyrillic: [FunctionWords] = [
        FunctionWords("ru", "и в не на что с он как по это она к но его из за то от о так же для был была было были уже также который которая которые при после года этого только или ее её их сказал заявил", letters: "ыэё"),
        FunctionWords("uk", "і в у не на що з він як по це вона до але його із за від так для був була було були вже також який яка які при після року або її їх та ще", letters: "іїєґ"),
        FunctionWords("bg", "и в на да не се от за е че с по са към но като това тази който която които при след или му ще беше бъде години още само", letters: "ъ"),
        FunctionWords("sr", "и у на да је се не за од са су као ће што који која које али из по био била или након према године", letters: "ђћџљњј"),
        FunctionWords("mk", "и во на да не се од за е што со по како ова овој кој која кои при или ќе беше години само но", letters: "ѓќѕљњј"),
        FunctionWords("be", "і у ў на не што з ён як па гэта яна да але яго за ад так для быў была было былі ужо таксама які якая якія пры пасля года або яе іх", letters: "ўі"),
    ]

    /// Languages written in Arabic script (Urdu is told by its own letters first).
    static let arabicScript: [FunctionWords] = [
        FunctionWords("ar", "في من على إلى أن التي الذي عن مع هذا هذه كان لا ما أو قد بين بعد كما وقال قال ذلك عام إن حيث"),
        FunctionWords("fa", "و در به از که این را با است برای آن یک تا بر شد می های هم او شده بود کرد خود نیز"),
        FunctionWords("ur", "کے کی میں ہے اور سے کا کو نے یہ پر ہیں تھا بھی کہ ایک"),
    ]
}
