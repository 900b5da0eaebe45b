import Hummingbird

/// `GET /openapi.json`: the OpenAPI 3.1 description of the API.
struct OpenAPIController {
    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/openapi.json") { _, _ -> Response in
            Response(
                status: .ok,
                headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json))
            )
        }
    }
}
