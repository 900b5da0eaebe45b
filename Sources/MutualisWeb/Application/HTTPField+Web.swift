import HTTPTypes

extension HTTPField.Name {
    /// `Referrer-Policy`, which HTTPTypes does not name.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    /// `Sec-Fetch-Site`: where a browser says a request comes from.
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}
