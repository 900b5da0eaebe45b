import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers what the HTTP parser cannot read (a request head over 80 KiB, bytes that are not
/// HTTP) with a problem+json 400, then closes the connection; Hummingbird alone would answer
/// with an empty body.
///
/// It answers only between requests: an error in the middle of one is left to Hummingbird,
/// which is writing that request's answer.
final class ParseErrorProblemHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Requests read whose answer is not written to its end yet.
    private var unanswered = 0

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { unanswered += 1 }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { unanswered -= 1 }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError, unanswered == 0 else {
            context.fireErrorCaught(error)
            return
        }
        let body = ByteBuffer(
            string:
                #"{"detail":"the request cannot be read as HTTP; its head may be longer than 80 KiB","errors":[],"status":400,"title":"Bad Request","type":"about:blank"}"#
        )
        let head = HTTPResponse(
            status: .badRequest,
            headerFields: [
                .contentType: "application/problem+json", .contentLength: String(body.readableBytes), .connection: "close",
            ])
        let channel = context.channel
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
