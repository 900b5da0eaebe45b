import Foundation
import Hummingbird
import Mustache

/// The templates of the pages, parsed once at start, and the responses they make.
struct PageRenderer: Sendable {
    /// A template of `Templates/`, named as its file; a test checks that each file is here.
    enum Template: String, CaseIterable {
        case layout
        case connexion
        case invitation
        case accueil
        case ressources
        case creneauxLibres = "creneaux-libres"
        case semaine
        case reserver
        case verifier
        case mesReservations = "mes-reservations"
        case annuler
        case releves
        case releve
        case compte
        case accessibilite
        case erreur
        case releveContenu = "releve-contenu"
        case coordination
        case validations
        case couts
        case cloture
        case repartition
        case finaliser
        case relevesImprimables = "releves-imprimables"
        case rapport
        case mutualisation
        case membres
        case membre
        case invitationLien = "invitation-lien"
        case ressourcesCoordination = "ressources-coordination"
        case ressource
        case avis
        case presences
        case raccourcir

        /// The template's text, embedded at build time.
        var text: [UInt8] {
            switch self {
            case .layout: PackageResources.layout_mustache
            case .connexion: PackageResources.connexion_mustache
            case .invitation: PackageResources.invitation_mustache
            case .accueil: PackageResources.accueil_mustache
            case .ressources: PackageResources.ressources_mustache
            case .creneauxLibres: PackageResources.creneaux_libres_mustache
            case .semaine: PackageResources.semaine_mustache
            case .reserver: PackageResources.reserver_mustache
            case .verifier: PackageResources.verifier_mustache
            case .mesReservations: PackageResources.mes_reservations_mustache
            case .annuler: PackageResources.annuler_mustache
            case .releves: PackageResources.releves_mustache
            case .releve: PackageResources.releve_mustache
            case .compte: PackageResources.compte_mustache
            case .accessibilite: PackageResources.accessibilite_mustache
            case .erreur: PackageResources.erreur_mustache
            case .releveContenu: PackageResources.releve_contenu_mustache
            case .coordination: PackageResources.coordination_mustache
            case .validations: PackageResources.validations_mustache
            case .couts: PackageResources.couts_mustache
            case .cloture: PackageResources.cloture_mustache
            case .repartition: PackageResources.repartition_mustache
            case .finaliser: PackageResources.finaliser_mustache
            case .relevesImprimables: PackageResources.releves_imprimables_mustache
            case .rapport: PackageResources.rapport_mustache
            case .mutualisation: PackageResources.mutualisation_mustache
            case .membres: PackageResources.membres_mustache
            case .membre: PackageResources.membre_mustache
            case .invitationLien: PackageResources.invitation_lien_mustache
            case .ressourcesCoordination: PackageResources.ressources_coordination_mustache
            case .ressource: PackageResources.ressource_mustache
            case .avis: PackageResources.avis_mustache
            case .presences: PackageResources.presences_mustache
            case .raccourcir: PackageResources.raccourcir_mustache
            }
        }
    }

    let library: MustacheLibrary

    /// Parses every template; a template that does not parse is an error naming it.
    init() throws {
        var library = MustacheLibrary()
        for template in Template.allCases {
            do {
                try library.register(String(decoding: template.text, as: UTF8.self), named: template.rawValue)
            } catch {
                throw TemplateError(name: template.rawValue, underlying: error)
            }
        }
        self.library = library
    }

    /// An HTML page from a template and its view model.
    func page(_ template: Template, _ model: some Sendable, status: HTTPResponse.Status = .ok) -> Response {
        // Every template was registered at start, so the library has each one.
        let html = library.render(model, withTemplate: template.rawValue) ?? ""
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

    /// A file to save, named for the person who downloads it.
    static func download(_ bytes: some Sequence<UInt8>, filename: String, contentType: String = "text/csv; charset=utf-8") -> Response {
        Response(
            status: .ok, headers: [.contentType: contentType, .contentDisposition: "attachment; filename=\"\(filename)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
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
