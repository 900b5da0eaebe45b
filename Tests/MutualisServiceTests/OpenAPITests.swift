import Foundation
import HummingbirdTesting
import MutualisService
import MutualisStore
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
            let routed = Set(
                buildRouter(database: MutualisDatabase(pool: pool)).routes.map { route in
                    let path = route.path.description.split(separator: "/").map { segment in
                        segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
                    }.joined(separator: "/")
                    return "\(route.method.rawValue) /\(path)"
                })
            #expect(routed.subtracting(documented).sorted() == [], "routes missing from the document")
            #expect(documented.subtracting(routed).sorted() == [], "documented paths that are not routed")
            #expect(routed.count > 20)
        }
    }
}
