import Foundation

/// The address people open Mutualis at (`https://mutualis.example.org`), from which the
/// links the server and the CLI hand out are made, and which says whether cookies are `Secure`.
public struct PublicURL: Sendable, Equatable, CustomStringConvertible {
    /// The address without a trailing slash.
    public let description: String
    /// True when served over HTTPS.
    public let isSecure: Bool

    /// Where a development server listens.
    public static let local = PublicURL("http://127.0.0.1:8080")!

    /// An http or https address with a host and nothing after its path; nil otherwise.
    public init?(_ text: String) {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard trimmed.count <= 200, let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
            components.query == nil, components.fragment == nil, components.user == nil
        else { return nil }
        description = trimmed
        isSecure = scheme == "https"
    }

    /// The link with which a person invited chooses a password.
    public func invitationLink(_ secret: String) -> String {
        "\(description)/invitation/\(secret)"
    }
}
