extension SpeechLexicon {
    /// Chinese, written without spaces: `敏昂莱表示：“……”`, `“……”，他说。`, `据新华社报道`. The
    /// verbs are matched as character strings; the speaker is the run of characters before the
    /// verb back to punctuation, cut before a preposition that opens an adverbial (`在`, `于`).
    static let chinese = SpeechLexicon(
        language: "zh",
        verbs: [
            "表示", "说", "说道", "称", "指出", "强调", "宣布", "告诉", "透露", "介绍", "认为", "坦言", "回答",
            "写道", "问道", "声称", "宣称", "证实", "补充说", "补充道", "解释说", "警告说", "重申", "呼吁",
            "提到", "谈到", "回应", "直言", "表态", "致辞", "讲话", "發表", "表達", "說", "說道", "指出說",
        ],
        auxiliaries: ["还", "也", "则", "又", "再次", "曾", "曾经", "当天", "随后", "同时", "进一步", "都", "亦", "更",
                      "已", "就此", "对此", "當天", "還"],
        according: [["据"], ["據"], ["根据"], ["根據"]],
        pronouns: ["他", "她", "他们", "她们", "我", "我们"],
        stops: ["在", "于", "於", "对", "對", "向", "和", "与", "與", "就", "接受", "会见", "會見", "时", "時", "今天",
                "昨天", "日", "中", "上"],
        capitalises: false)
}
