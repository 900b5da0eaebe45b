import Foundation
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// The API's JSON conventions: camelCase keys, instants in RFC 3339, unknown fields refused.
enum APICoding {
    static let decoder = StrictJSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be \(RFC3339.expectedText)")
            }
            return date
        }
        return decoder
    }

    /// One encoder for every answer: its options never change, and making one per answer cost
    /// as much as the encoding.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.format(date))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
