import WiretraceCore

/// What other stages may ask of one line of text: whether it is page furniture rather than a
/// headline or prose (the same tests the text reader uses to find a headline and a body).
public enum LineFurniture {
    /// Whether `line` is boilerplate (share rows, newsletter and cookie notices), a photo caption
    /// or credit, a wire-credit line or a byline ("By NAME", "Von NAME", "NAME / AP").
    ///
    /// - Complexity: O(n) in the line's length.
    public static func contains(_ line: String) -> Bool {
        let collapsed = TextUtilities.collapseWhitespace(line)
        return Boilerplate.isBoilerplate(collapsed) || Boilerplate.isCaption(collapsed)
            || CreditDetector.analyze(line: collapsed).isCreditLine || TextSignals.byline(in: collapsed) != nil
    }

    /// Whether `line` is a photo credit standing alone ("AP Photo/NAME", "REUTERS/NAME",
    /// "Photo: NAME"): a caption-shaped line of at most eight words.
    ///
    /// - Complexity: O(n) in the line's length.
    public static func isPhotoCredit(_ line: String) -> Bool {
        let collapsed = TextUtilities.collapseWhitespace(line)
        return collapsed.split(separator: " ").count <= 8 && Boilerplate.isCaption(collapsed)
    }
}
