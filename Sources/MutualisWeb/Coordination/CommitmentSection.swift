import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// A member's commitments on its page: each volume a year with its term, and the form that
/// records another.
struct CommitmentSection: Sendable {
    struct Row: Sendable {
        var id: String
        var resource: String
        var volume: String
        var term: String
        /// Named apart from the form's `note`, which Mustache would find when this is nil.
        var remark: String?
    }

    var rows: [Row]
    var memberId: String
    var action: String
    var resources: [BookingFormPage.Option]
    var units: [BookingFormPage.Option]
    var volume: String
    var startsOn: String
    var endsOn: String
    var note: String
    var errors: [FieldMessage]
    var hasErrors: Bool
    var resourceError: String?
    var volumeError: String?
    var startsOnError: String?
    var endsOnError: String?
}

/// What the commitment form sends.
struct CommitmentForm: TokenCarrying {
    var csrf: String?
    var resourceId: String?
    var volume: String?
    var unit: String?
    var startsOn: String?
    var endsOn: String?
    var note: String?
}

extension Website {
    func addCommitmentRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.post("/membres/:memberId/engagements") { request, context -> Response in
            let session = context.webSession!
            guard let form = try await Forms.signed(CommitmentForm.self, from: request, session: session)
            else { return Refusal.expiredForm.page(renderer, context) }
            guard let member = try await pathMember(context) else { return notFound(context) }
            var errors: [FieldMessage] = []
            let resource = form.resourceId.flatMap(ResourceID.init)
            if resource == nil { errors.append(.init(field: "commitment-resource", message: "Choisissez la ressource.")) }
            var volume: Int?
            if case .success(let hundredths) = AmountText.cents(Forms.line(form.volume, limit: 20), limit: 1_000_000_000), hundredths > 0 {
                volume = hundredths * 10
            } else {
                errors.append(
                    .init(field: "commitment-volume", message: "Le volume par an s’écrit comme un nombre, par exemple 120 ou 12,5."))
            }
            let unit = UsageRecord.Unit(rawValue: Forms.line(form.unit, limit: 10)) ?? .hours
            let startsOn = Forms.date(form.startsOn)
            if startsOn == nil {
                errors.append(.init(field: "commitment-start", message: "Saisissez le premier jour, par exemple 01/01/2027."))
            }
            let endsOn = Forms.date(form.endsOn)
            if endsOn == nil {
                errors.append(.init(field: "commitment-end", message: "Saisissez le dernier jour, par exemple 31/12/2029."))
            }
            if let startsOn, let endsOn, endsOn < startsOn {
                errors.append(.init(field: "commitment-end", message: "Le dernier jour suit le premier."))
            }
            if errors.isEmpty, let resource, let volume, let startsOn, let endsOn {
                let input = CommitmentInput(
                    memberID: member.id, resourceID: resource, volumeThousandths: volume, unit: unit, startsOn: startsOn, endsOn: endsOn,
                    note: Forms.text(form.note, limit: 501))
                do {
                    _ = try await commitments.create(pole: session.principal.poleID, input, actor: session.principal.actor)
                    return .redirect(to: "/coordination/membres/\(member.id)?engagement=1#engagements")
                } catch StoreError.invalid(let fields) {
                    errors += fields.map { Self.commitmentMessage($0) }
                } catch StoreError.notFound {
                    errors.append(.init(field: "commitment-resource", message: "Choisissez la ressource dans la liste."))
                }
            }
            var page = try await memberFormPage(context, member: member, form: nil, errors: [])
            page.commitments = try await commitmentSection(session, member: member, form: form, errors: errors)
            return renderer.page(.membre, page, status: .unprocessableContent)
        }
        router.post("/engagements/:commitmentId/retirer") { request, context -> Response in
            let session = context.webSession!
            guard let form = try await Forms.signed(ReturnForm.self, from: request, session: session)
            else { return Refusal.expiredForm.page(renderer, context) }
            guard let id = context.parameters.get("commitmentId").flatMap(CommitmentID.init) else { return notFound(context) }
            do {
                try await commitments.withdraw(pole: session.principal.poleID, id, actor: session.principal.actor)
            } catch StoreError.notFound {
                return notFound(context)
            }
            let member = form.membre.flatMap(MemberID.init).map { "/coordination/membres/\($0)?engagement-retire=1#engagements" }
            return .redirect(to: member ?? "/coordination/membres")
        }
    }

    /// A refusal of the commitment checks, on its field, in French.
    static func commitmentMessage(_ error: FieldError) -> FieldMessage {
        switch error.field {
        case "volume":
            return .init(
                field: "commitment-volume", message: "Le volume par an va de 0,001 à \(InputBounds.maxCommitmentThousandths / 1_000).")
        case "endsOn":
            return .init(field: "commitment-end", message: "Le dernier jour suit le premier, et l’engagement dure dix ans au plus.")
        case "memberId", "resourceId":
            return .init(field: "commitment-resource", message: "Choisissez la ressource dans la liste.")
        default:
            return .init(field: "commitment-note", message: "La note tient en 500 caractères, sans caractère invisible.")
        }
    }

    /// The commitments of a member, and the form to record one (filled back after a refusal).
    func commitmentSection(_ session: WebSession, member: Member, form: CommitmentForm? = nil, errors: [FieldMessage] = [])
        async throws -> CommitmentSection
    {
        let pole = session.principal.poleID
        let all = try await resources.all(pole: pole).sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        let names = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.name) })
        let chosen = form.map { Forms.line($0.resourceId, limit: 40) } ?? ""
        let unit = form.map { Forms.line($0.unit, limit: 10) } ?? "hours"
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        return CommitmentSection(
            rows: try await commitments.list(pole: pole, member: member.id).map {
                .init(
                    id: $0.id.description, resource: names[$0.resourceID] ?? "Ressource",
                    volume: "\(FrenchFormat.decimal($0.volume, places: 3)) \(Sentences.usageUnit($0.unit)) par an",
                    term: "du \(FrenchFormat.date($0.startsOn)) au \(FrenchFormat.date($0.endsOn))", remark: $0.note.isEmpty ? nil : $0.note
                )
            },
            memberId: member.id.description, action: "/coordination/membres/\(member.id)/engagements",
            resources: [BookingFormPage.Option(value: "", label: "Choisir…", selected: chosen.isEmpty)]
                + all.map { .init(value: $0.id.description, label: $0.name, selected: $0.id.description == chosen) },
            units: UsageRecord.Unit.allCases.map {
                .init(value: $0.rawValue, label: Sentences.usageUnit($0), selected: $0.rawValue == unit)
            },
            volume: form.map { Forms.line($0.volume, limit: 20) } ?? "", startsOn: form.map { Forms.line($0.startsOn, limit: 10) } ?? "",
            endsOn: form.map { Forms.line($0.endsOn, limit: 10) } ?? "", note: form.map { Forms.text($0.note, limit: 500) } ?? "",
            errors: errors, hasErrors: !errors.isEmpty, resourceError: error("commitment-resource"),
            volumeError: error("commitment-volume"),
            startsOnError: error("commitment-start"), endsOnError: error("commitment-end"))
    }
}

/// A form that says where to go back: the member whose page it came from.
struct ReturnForm: TokenCarrying {
    var csrf: String?
    var membre: String?
}
