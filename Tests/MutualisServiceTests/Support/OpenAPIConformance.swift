import Foundation
import MutualisDomain
import MutualisService

/// Checks an answer of the API against `openapi.yaml`: its status is one the operation gives,
/// its content type one that status gives, and a JSON body matches the schema, strictly
/// (`additionalProperties: false` holds, formats and patterns are checked).
///
/// Every answer a service test gets goes through it, so that the document and the code cannot
/// drift apart unnoticed.
struct OpenAPIConformance: Sendable {
    /// The document the running service serves.
    static let served = OpenAPIConformance(document: OpenAPIDocument.embedded)

    private let document: JSONValue
    private let templates: [(path: String, segments: [Substring])]

    init(document: OpenAPIDocument) {
        do {
            self.document = try JSONValue(parsing: Data(document.json.utf8))
        } catch {
            fatalError("/openapi.json is not JSON: \(error)")
        }
        self.templates = (self.document["paths"]?.members ?? [:]).keys.sorted().map { ($0, $0.split(separator: "/")) }
    }

    /// What in the answer the document does not allow; empty when it conforms.
    ///
    /// Paths the document does not describe are not checked (a 404 for an unknown path), nor
    /// methods it does not give for a path (the router's 405).
    func violations(method: String, uri: String, status: Int, contentType: String?, body: Data) -> [String] {
        let path = String(uri.prefix { $0 != "?" })
        guard let template = template(matching: path),
            let operation = document["paths"]?[template]?[method.lowercased()]
        else { return [] }
        let answered = "\(method) \(template) → \(status)"
        guard var response = operation["responses"]?[String(status)] ?? operation["responses"]?["default"] else {
            return ["\(answered): the document gives no such status"]
        }
        if let reference = response["$ref"]?.string, let resolved = resolve(reference) { response = resolved }
        guard let content = response["content"]?.members else {
            return body.isEmpty ? [] : ["\(answered): a body where the document gives none"]
        }
        let mediaType = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let media = content[mediaType] else {
            return ["\(answered): content type \(contentType ?? "none") is not one of \(content.keys.sorted())"]
        }
        guard mediaType.hasSuffix("json"), let schema = media["schema"] else { return [] }
        do {
            let value = try JSONValue(parsing: body)
            return validate(value, against: schema, at: "body").map { "\(answered): \($0)" }
        } catch {
            return ["\(answered): the body is not JSON"]
        }
    }

    private func template(matching path: String) -> String? {
        let segments = path.split(separator: "/")
        let matches = templates.filter { template in
            template.segments.count == segments.count
                && zip(template.segments, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
        // A literal segment wins over a parameter, as in the router.
        return matches.max { literals($0.segments) < literals($1.segments) }?.path
    }

    private func literals(_ segments: [Substring]) -> Int { segments.filter { !$0.hasPrefix("{") }.count }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        return reference.dropFirst(2).split(separator: "/").reduce(document as JSONValue?) { node, key in node?[String(key)] }
    }

    private func validate(_ value: JSONValue, against schema: JSONValue, at location: String) -> [String] {
        var problems: [String] = []
        if let reference = schema["$ref"]?.string {
            guard let resolved = resolve(reference) else { return ["\(location): unknown reference \(reference)"] }
            problems += validate(value, against: resolved, at: location)
        }
        if let type = schema["type"] {
            let allowed = type.string.map { [$0] } ?? (type.elements ?? []).compactMap(\.string)
            guard allowed.contains(where: { Self.value(value, is: $0) }) else {
                return problems + ["\(location): \(Self.describe(value)) where the document says \(allowed.joined(separator: " or "))"]
            }
        }
        if let allowed = schema["enum"]?.elements, !allowed.contains(value) {
            problems.append("\(location): \(Self.describe(value)) is not one of the enumerated values")
        }
        if let choices = schema["anyOf"]?.elements,
            !choices.contains(where: { validate(value, against: $0, at: location).isEmpty })
        {
            problems.append("\(location): \(Self.describe(value)) matches none of anyOf")
        }
        if let choices = schema["oneOf"]?.elements,
            choices.filter({ validate(value, against: $0, at: location).isEmpty }).count != 1
        {
            problems.append("\(location): \(Self.describe(value)) does not match exactly one of oneOf")
        }
        for part in schema["allOf"]?.elements ?? [] { problems += validate(value, against: part, at: location) }
        switch value {
        case .string(let string): problems += validate(string: string, against: schema, at: location)
        case .number(let number): problems += validate(number: number, against: schema, at: location)
        case .array(let elements):
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() { problems += validate(element, against: items, at: "\(location)[\(index)]") }
            }
        case .object(let members): problems += validate(object: members, against: schema, at: location)
        case .null, .bool: break
        }
        return problems
    }

    private func validate(object members: [String: JSONValue], against schema: JSONValue, at location: String) -> [String] {
        var problems: [String] = []
        let properties = schema["properties"]?.members ?? [:]
        for required in schema["required"]?.elements ?? [] {
            if let name = required.string, members[name] == nil { problems.append("\(location).\(name) is required") }
        }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let property = properties[name] {
                problems += validate(member, against: property, at: "\(location).\(name)")
            } else if let additional = schema["additionalProperties"] {
                if additional == .bool(false) {
                    problems.append("\(location).\(name) is not in the document")
                } else if additional.members != nil {
                    problems += validate(member, against: additional, at: "\(location).\(name)")
                }
            }
            if let names = schema["propertyNames"] {
                problems += validate(.string(name), against: names, at: "\(location) key \(name)")
            }
        }
        return problems
    }

    private func validate(string: String, against schema: JSONValue, at location: String) -> [String] {
        var problems: [String] = []
        if let minimum = schema["minLength"]?.number, Double(string.count) < minimum {
            problems.append("\(location): shorter than \(Int(minimum))")
        }
        if let maximum = schema["maxLength"]?.number, Double(string.count) > maximum {
            problems.append("\(location): longer than \(Int(maximum))")
        }
        if let pattern = schema["pattern"]?.string, string.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(location): \"\(string)\" does not match \(pattern)")
        }
        let wellFormed: Bool =
            switch schema["format"]?.string {
            case "uuid": UUID(uuidString: string) != nil && string == string.lowercased()
            case "date": LocalDate(string) != nil
            case "date-time": RFC3339.parse(string) != nil
            default: true
            }
        if !wellFormed { problems.append("\(location): \"\(string)\" is not a \(schema["format"]?.string ?? "")") }
        return problems
    }

    private func validate(number: Double, against schema: JSONValue, at location: String) -> [String] {
        var problems: [String] = []
        if let minimum = schema["minimum"]?.number, number < minimum { problems.append("\(location): \(number) below \(minimum)") }
        if let maximum = schema["maximum"]?.number, number > maximum { problems.append("\(location): \(number) above \(maximum)") }
        if let bound = schema["exclusiveMinimum"]?.number, number <= bound {
            problems.append("\(location): \(number) not above \(bound)")
        }
        return problems
    }

    private static func value(_ value: JSONValue, is type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number):
            true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let bool): "\(bool)"
        case .number(let number): "\(number)"
        case .string(let string): "\"\(string.prefix(60))\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
