import Foundation
import Yams

/// The OpenAPI 3.1 description of the API: `openapi.yaml`, embedded in the binary, and its JSON form.
public struct OpenAPIDocument: Sendable {
    /// The document as written.
    public let yaml: String
    /// The same document in JSON, keys in the order they are written.
    public let json: String

    /// The document this build of the service carries; read once, at start.
    public static let embedded: OpenAPIDocument = {
        do {
            return try OpenAPIDocument(yaml: String(decoding: PackageResources.openapi_yaml, as: UTF8.self))
        } catch {
            // The file is part of the build and every service test reads it: this is a defect of
            // the build, never of input, so the process must not start with it.
            fatalError("openapi.yaml does not read as an OpenAPI document: \(error)")
        }
    }()

    /// Reads a document written in YAML 1.2 (the version OpenAPI 3.1 names).
    public init(yaml: String) throws {
        guard let root = try Yams.compose(yaml: yaml, Self.coreSchema) else {
            throw YAMLToJSON.Failure(message: "the document is empty")
        }
        var json = ""
        try YAMLToJSON.write(root, to: &json)
        self.yaml = yaml
        self.json = json
    }

    /// YAML 1.2's core schema: `yes`, `no`, `on`, `off` and `12:30` stay strings, as OpenAPI
    /// tools read them, where YAML 1.1 would turn them into booleans and sexagesimal numbers.
    private static let coreSchema: Resolver = {
        do {
            return try Resolver.basic
                .appending(.null, "^(?:~|null|Null|NULL|)$")
                .appending(.bool, "^(?:true|True|TRUE|false|False|FALSE)$")
                .appending(.int, "^[-+]?[0-9]+$")
                .appending(.float, "^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
        } catch {
            fatalError("a YAML core schema pattern does not compile: \(error)")
        }
    }()
}
