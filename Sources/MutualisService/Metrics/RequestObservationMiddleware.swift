import Dispatch
import Hummingbird
import Logging

/// Logs every request once it is answered (method, path without its query — calendar keys
/// travel there —, status, duration; the request id comes with the logger) and records its
/// route (the pattern, so that ids stay out of labels), method, status and latency.
struct RequestObservationMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        func observe(_ status: HTTPResponse.Status) {
            let elapsed = Int64(DispatchTime.now().uptimeNanoseconds - start)
            metrics.recordRequest(
                route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: status.code, nanoseconds: elapsed
            )
            context.logger.log(
                level: status == .serviceUnavailable ? .warning : (status.code >= 500 ? .error : .info), "request",
                metadata: [
                    "method": "\(request.method.rawValue)", "path": "\(request.uri.path)",
                    "status": "\(status.code)", "duration_ms": "\(Double(elapsed / 1_000) / 1_000)",
                ]
            )
        }
        do {
            let response = try await next(request, context)
            observe(response.status)
            return response
        } catch let error as any HTTPResponseError {
            observe(error.status)
            throw error
        } catch {
            observe(.internalServerError)
            throw error
        }
    }
}
