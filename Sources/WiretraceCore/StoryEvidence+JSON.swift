import Foundation

extension StoryEvidence {
    /// The evidence read from its stored JSON (snake_case keys); nil when `json` is not an object
    /// of these fields.
    public init?(json: String) {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let value = try? decoder.decode(StoryEvidence.self, from: Data(json.utf8)) else { return nil }
        self = value
    }
}
