import Foundation
import Hummingbird

/// Reads a request body as the API's JSON: instants in RFC 3339, unknown fields refused, a
/// malformed body answered 400 naming the field.
public struct StrictRequestDecoder: RequestDecoder {
    public func decode<Value: Decodable>(_ type: Value.Type, from request: Request, context: some RequestContext) async throws -> Value {
        try Request.decodeJSON(type, from: Data(buffer: try await request.body.collect(upTo: context.maxUploadSize)))
    }
}
