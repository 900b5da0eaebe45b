import Hummingbird
import MutualisStore

/// `/health` (the process answers) and `/ready` (and its database does).
struct HealthController {
    let database: MutualisDatabase

    struct Status: ResponseEncodable {
        var status: String
    }

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/health") { _, _ in Status(status: "ok") }
        // Within a second whatever the load: a pool too busy to answer by then is not ready.
        router.get("/ready") { _, _ -> Response in
            guard (try? await withinDeadline(.seconds(1), { await database.isReady() })) == true else {
                throw Problem.unavailable("the database cannot be reached in time")
            }
            return Response(
                status: .ok,
                headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ready"}"#))
            )
        }
    }
}
