import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// A member as the API shows it: the shape the CLI prints too.
typealias MemberJSON = MemberRepresentation

extension MemberRepresentation: ResponseEncodable {}

/// The body of `POST /members` and `PATCH /members/{id}`; in a PATCH, absent fields stay and
/// `null` clears the optional ones.
struct MemberBody: Decodable, Sendable {
    var name: String?
    var legalForm: String?
    var siret: Nullable<String>?
    var category: Nullable<String>?
    var headcount: Double?
    var annualBudgetCents: Int?
    var joinedOn: String?
    var leftOn: Nullable<String>?

    enum CodingKeys: String, CodingKey {
        case name, legalForm, siret, category, headcount, annualBudgetCents, joinedOn, leftOn
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        legalForm = try container.decodeIfPresent(String.self, forKey: .legalForm)
        siret = try container.nullable(String.self, forKey: .siret)
        category = try container.nullable(String.self, forKey: .category)
        headcount = try container.decodeIfPresent(Double.self, forKey: .headcount)
        annualBudgetCents = try container.decodeIfPresent(Int.self, forKey: .annualBudgetCents)
        joinedOn = try container.decodeIfPresent(String.self, forKey: .joinedOn)
        leftOn = try container.nullable(String.self, forKey: .leftOn)
    }
}

/// A JSON value that may be given as `null`, told apart from a field that is absent.
enum Nullable<Wrapped: Decodable & Sendable>: Sendable {
    case null
    case value(Wrapped)

    var value: Wrapped? {
        if case .value(let wrapped) = self { wrapped } else { nil }
    }
}

extension KeyedDecodingContainer {
    /// `nil` when the key is absent, `.null` when it is `null`, else its value.
    func nullable<Value: Decodable & Sendable>(_ type: Value.Type, forKey key: Key) throws -> Nullable<Value>? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(type, forKey: key))
    }
}
