import Foundation
import Hummingbird
import HummingbirdTesting
import MutualisService
import MutualisStore
import MutualisWeb
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("every route of the router is in /openapi.json, and every path of the document is routed")
    func documentMatchesRouter() async throws {
        try await withAPI { client, _, pool in
            let answer = try await client.call(.get, "/openapi.json", token: nil)
            expect(answer, .ok)
            #expect(answer["openapi"] == "3.1.0")
            let paths = try #require(answer.json["paths"] as? [String: [String: Any]])
            let methods: Set = ["get", "put", "post", "patch", "delete"]
            let documented = Set(
                paths.flatMap { path, operations in
                    operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
                })
            // The pages are for people, not part of the API: what the website routes is left out.
            let pages = Router(context: MutualisRequestContext.self)
            try Website(database: MutualisDatabase(pool: pool), publicURL: .local).addRoutes(to: pages)
            let describe = { (route: Router<MutualisRequestContext>.RouteDescription) -> String in
                let path = route.path.description.split(separator: "/").map { segment in
                    segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
                }.joined(separator: "/")
                return "\(route.method.rawValue) /\(path)"
            }
            let routed = Set(try buildRouter(database: MutualisDatabase(pool: pool)).routes.map(describe))
                .subtracting(pages.routes.map(describe))
            #expect(routed.subtracting(documented).sorted() == [], "routes missing from the document")
            #expect(documented.subtracting(routed).sorted() == [], "documented paths that are not routed")
            #expect(routed.count > 20)
        }
    }

    @Test("/openapi.yaml is the file in the source tree, and /openapi.json the same document in JSON")
    func bothFormsAreTheSourceFile() async throws {
        let source = URL(filePath: #filePath).deletingLastPathComponent().appending(
            path: "../../Sources/MutualisService/OpenAPI/openapi.yaml")
        let written = try String(contentsOf: source, encoding: .utf8)
        try await withAPI { client, _, _ in
            let yaml = try await client.call(.get, "/openapi.yaml", token: nil)
            expect(yaml, .ok)
            #expect(yaml.contentType == "application/yaml")
            #expect(String(decoding: yaml.data, as: UTF8.self) == written)
            let json = try await client.call(.get, "/openapi.json", token: nil)
            #expect(try JSONValue(parsing: json.data) == JSONValue(parsing: Data(OpenAPIDocument(yaml: written).json.utf8)))
        }
    }

    @Test("every operation has a unique operationId and a declared tag, for client generators")
    func operationsAreNamedAndTagged() throws {
        let document = try JSONValue(parsing: Data(OpenAPIDocument.embedded.json.utf8))
        let tags = Set((document["tags"]?.elements ?? []).compactMap { $0["name"]?.string })
        var identifiers: [String] = []
        for (path, item) in document["paths"]?.members ?? [:] {
            for (method, operation) in item.members ?? [:] where method != "parameters" {
                let identifier = try #require(operation["operationId"]?.string, "\(method) \(path) has no operationId")
                identifiers.append(identifier)
                let operationTags = (operation["tags"]?.elements ?? []).compactMap(\.string)
                #expect(!operationTags.isEmpty && operationTags.allSatisfy(tags.contains), "\(method) \(path): tags \(operationTags)")
            }
        }
        #expect(identifiers.count > 40)
        #expect(Set(identifiers).count == identifiers.count, "operationIds repeat")
    }

    @Test("YAML is read by the 1.2 core schema: yes, on and 12:30 stay strings; quoted numbers stay strings")
    func yamlCoreSchema() throws {
        let yaml = #"""
            a: yes
            b: on
            c: 12:30
            '200': 200
            d: 1.5
            e: ~
            f: true
            g: "line\nbreak \\ \"quoted\""
            h: [1, x]
            """#
        let json = try OpenAPIDocument(yaml: yaml).json
        #expect(
            json == #"{"a":"yes","b":"on","c":"12:30","200":200,"d":1.5,"e":null,"f":true,"g":"line\nbreak \\ \"quoted\"","h":[1,"x"]}"#)
    }

    @Test("an alias is written out in JSON; a key that is not a string, or no document at all, is refused")
    func yamlWithoutJSONForm() throws {
        #expect(try OpenAPIDocument(yaml: "a: &x [1]\nb: *x").json == #"{"a":[1],"b":[1]}"#)
        #expect(throws: (any Error).self) { try OpenAPIDocument(yaml: "1: one") }
        #expect(throws: (any Error).self) { try OpenAPIDocument(yaml: "") }
    }

    @Test("the conformance check finds an undocumented field, status or content type, and a wrong format")
    func conformanceCheckCanFail() {
        let check = OpenAPIConformance.served
        let id = "0b7c9f3e-5d2a-4f1b-9c8e-1a2b3c4d5e6f"
        let category = #"{"id": "\#(id)", "name": "Collectivités", "coefficient": 1}"#
        #expect(
            check.violations(
                method: "GET", uri: "/api/v1/categories", status: 200, contentType: "application/json",
                body: Data(#"{"items": [\#(category)], "next": null}"#.utf8)) == [])
        let extra = #"{"items": [{"id": "\#(id)", "name": "x", "coefficient": 1, "secret": 1}], "next": null}"#
        #expect(
            check.violations(method: "GET", uri: "/api/v1/categories", status: 200, contentType: "application/json", body: Data(extra.utf8))
                .count == 1)
        let badID = #"{"items": [{"id": "42", "name": "x", "coefficient": 1}], "next": null}"#
        #expect(
            check.violations(method: "GET", uri: "/api/v1/categories", status: 200, contentType: "application/json", body: Data(badID.utf8))
                .count == 1)
        #expect(
            check.violations(method: "GET", uri: "/api/v1/categories", status: 418, contentType: "application/json", body: Data()).count
                == 1)
        #expect(
            check.violations(method: "GET", uri: "/api/v1/categories?limit=5", status: 200, contentType: "text/html", body: Data()).count
                == 1)
        #expect(check.violations(method: "GET", uri: "/nowhere", status: 404, contentType: nil, body: Data()) == [])
    }
}
