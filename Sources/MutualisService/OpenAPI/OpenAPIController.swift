import Hummingbird

/// `GET /openapi.json` and `GET /openapi.yaml`: the description of the API, in either form.
struct OpenAPIController {
    let document: OpenAPIDocument

    func addRoutes(to router: Router<some RequestContext>) {
        let json = ByteBuffer(string: document.json)
        let yaml = ByteBuffer(string: document.yaml)
        router.get("/openapi.json") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: json))
        }
        router.get("/openapi.yaml") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: yaml))
        }
    }
}
