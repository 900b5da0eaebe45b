import Foundation
import Hummingbird
import Mustache

/// The templates of the pages, parsed once at start, and the responses they make.
struct PageRenderer: Sendable {
    /// Every template, by name; a test checks that each file of `Templates/` is here.
    static let templates: [(name: String, text: [UInt8])] = [
        ("layout", PackageResources.layout_mustache),
        ("connexion", PackageResources.connexion_mustache),
        ("invitation", PackageResources.invitation_mustache),
        ("accueil", PackageResources.accueil_mustache),
        ("ressources", PackageResources.ressources_mustache),
        ("semaine", PackageResources.semaine_mustache),
        ("reserver", PackageResources.reserver_mustache),
        ("verifier", PackageResources.verifier_mustache),
        ("mes-reservations", PackageResources.mes_reservations_mustache),
        ("annuler", PackageResources.annuler_mustache),
        ("releves", PackageResources.releves_mustache),
        ("releve", PackageResources.releve_mustache),
        ("compte", PackageResources.compte_mustache),
        ("creneaux-libres", PackageResources.creneaux_libres_mustache),
        ("accessibilite", PackageResources.accessibilite_mustache),
        ("erreur", PackageResources.erreur_mustache),
    ]

    let library: MustacheLibrary

    /// Parses every template; a template that does not parse is an error naming it.
    init() throws {
        var library = MustacheLibrary()
        for (name, text) in Self.templates {
            do {
                try library.register(String(decoding: text, as: UTF8.self), named: name)
            } catch {
                throw TemplateError(name: name, underlying: error)
            }
        }
        self.library = library
    }

    /// An HTML page from a template and its view model.
    func page(_ name: String, _ model: some Sendable, status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(model, withTemplate: name) ?? ""
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A template that does not parse.
    struct TemplateError: Error, CustomStringConvertible {
        var name: String
        var underlying: any Error
        var description: String { "the template \(name) does not parse: \(underlying)" }
    }
}

/// Answers that send the browser elsewhere.
extension Response {
    /// 303 See Other: where a POST's answer sends the browser, and where a page sends a visitor
    /// who must sign in first.
    static func redirect(to path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }
}

/// The stylesheet, served with a long cache life: it changes only with the binary.
enum Stylesheet {
    static let response = Response(
        status: .ok,
        headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600", .xContentTypeOptions: "nosniff"],
        body: .init(byteBuffer: ByteBuffer(bytes: PackageResources.mutualis_css))
    )
}
