import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// The pole's members: who they are, since when, and their export.
struct MembersPage: Sendable {
    struct Row: Sendable {
        var name: String
        var link: String
        var legalForm: String
        var category: String
        var joined: String
        var left: String
        var users: String
    }

    var frame: Frame
    var rows: [Row]
}

/// One member's form (a new one, or an existing one to edit) and, once it exists, its users.
struct MemberFormPage: Sendable {
    struct UserRow: Sendable {
        var id: String
        var name: String
        var email: String
        var state: String
        var enabled: Bool
    }

    var frame: Frame
    var csrf: String
    var heading: String
    var action: String
    var isNew: Bool
    var errors: [FieldMessage]
    var hasErrors: Bool
    var name: String
    var legalForms: [BookingFormPage.Option]
    var siret: String
    var categories: [BookingFormPage.Option]
    var headcount: String
    var budget: String
    var joinedOn: String
    var leftOn: String
    var nameError: String?
    var legalFormError: String?
    var siretError: String?
    var headcountError: String?
    var budgetError: String?
    var joinedOnError: String?
    var leftOnError: String?
    var users: [UserRow]
    var usersAction: String
    var userName: String
    var userEmail: String
    var userNameError: String?
    var userEmailError: String?
    var hasUserErrors: Bool
    var commitments: CommitmentSection?
}

/// An invitation just made: the link to pass on, shown once.
struct InvitationLinkPage: Sendable {
    var frame: Frame
    var userName: String
    var email: String
    var link: String
    var back: String
}

/// What the member form sends, in the API's names; numbers typed the French way.
struct MemberForm: TokenCarrying {
    var csrf: String?
    var name: String?
    var legalForm: String?
    var siret: String?
    var category: String?
    var headcount: String?
    var annualBudget: String?
    var joinedOn: String?
    var leftOn: String?
}

/// What the form adding a member's user sends.
struct MemberUserForm: TokenCarrying {
    var csrf: String?
    var name: String?
    var email: String?
}

extension Website {
    func addMemberRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/membres") { request, context -> Response in
            let session = context.webSession!
            let pole = session.principal.poleID
            let categories = Dictionary(uniqueKeysWithValues: try await categories.list(pole: pole).map { ($0.id, $0.name) })
            let userCounts = Dictionary(grouping: try await users.list(pole: pole).filter { !$0.isDisabled }, by: \.memberID)
            let rows = try await members.all(pole: pole).sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }.map {
                member in
                MembersPage.Row(
                    name: member.name, link: "/coordination/membres/\(member.id)", legalForm: Sentences.legalForm(member.legalForm),
                    category: member.categoryID.flatMap { categories[$0] } ?? "—", joined: FrenchFormat.date(member.joinedOn),
                    left: member.leftOn.map(FrenchFormat.date) ?? "—",
                    users: FrenchFormat.count(userCounts[member.id]?.count ?? 0, "personne", "personnes"))
            }
            let status = request.uri.queryParameters.get("enregistre") != nil ? "Le membre est enregistré." : nil
            return renderer.page(
                .membres,
                MembersPage(frame: coordinationFrame(context, "Membres", section: "/coordination/membres", status: status), rows: rows))
        }
        router.get("/membres.csv") { request, context -> Response in
            let session = context.webSession!
            let dialect = Forms.dialect(request)
            let pole = session.principal.poleID
            let text = try MemberCSV.write(
                try await members.all(pole: pole), categories: try await categories.list(pole: pole), dialect: dialect)
            return .download(Array(text.utf8), filename: FileName.marked("membres-\(FileName.slug(session.poleName)).csv", dialect))
        }
        router.get("/membres/nouveau") { _, context -> Response in
            renderer.page(.membre, try await memberFormPage(context, member: nil, form: nil, errors: []))
        }
        router.post("/membres") { request, context -> Response in
            try await saveMember(request, context, id: nil)
        }
        router.get("/membres/:memberId") { request, context -> Response in
            guard let member = try await pathMember(context) else { return notFound(context) }
            let status: String? =
                if request.uri.queryParameters.get("enregistre") != nil {
                    "Le membre est enregistré."
                } else if request.uri.queryParameters.get("desactive") != nil {
                    "La personne ne peut plus se connecter."
                } else if request.uri.queryParameters.get("ajoute") != nil {
                    "La personne est ajoutée : invitez-la pour qu’elle choisisse son mot de passe."
                } else if request.uri.queryParameters.get("engagement") != nil {
                    "L’engagement est enregistré."
                } else if request.uri.queryParameters.get("engagement-retire") != nil {
                    "L’engagement est retiré : les prochains calculs ne le comptent plus."
                } else { nil }
            return renderer.page(.membre, try await memberFormPage(context, member: member, form: nil, errors: [], status: status))
        }
        router.post("/membres/:memberId") { request, context -> Response in
            guard let member = try await pathMember(context) else { return notFound(context) }
            return try await saveMember(request, context, id: member.id)
        }
        router.post("/membres/:memberId/utilisateurs") { request, context -> Response in
            let session = context.webSession!
            guard let form = try await Forms.signed(MemberUserForm.self, from: request, session: session)
            else { return Refusal.expiredForm.page(renderer, context) }
            guard let member = try await pathMember(context) else { return notFound(context) }
            do {
                _ = try await users.create(
                    pole: session.principal.poleID, email: Forms.line(form.email, limit: 320), name: Forms.line(form.name, limit: 200),
                    role: .member, memberID: member.id, actor: session.principal.actor)
            } catch StoreError.invalid(let fields) {
                return try await memberUserRefusal(context, member, form, fields.map { ($0.field, $0.message) })
            } catch StoreError.conflict {
                return try await memberUserRefusal(context, member, form, [("email", "taken")])
            }
            return .redirect(to: "/coordination/membres/\(member.id)?ajoute=1")
        }
        router.post("/utilisateurs/:userId/inviter") { request, context -> Response in
            let session = context.webSession!
            guard try await Forms.signed(TokenForm.self, from: request, session: session) != nil
            else { return Refusal.expiredForm.page(renderer, context) }
            guard let user = try await pathUser(context), !user.isDisabled else { return notFound(context) }
            let secret = try await accounts.invite(user.id, actor: session.principal.actor)
            return renderer.page(
                .invitationLien,
                InvitationLinkPage(
                    frame: coordinationFrame(
                        context, "Invitation de \(user.name)", section: "/coordination/membres",
                        status: "Voici le lien d’invitation : copiez-le maintenant, il ne sera plus affiché."),
                    userName: user.name, email: user.email, link: publicURL.invitationLink(secret),
                    back: user.memberID.map { "/coordination/membres/\($0)" } ?? "/coordination/membres"))
        }
        router.post("/utilisateurs/:userId/desactiver") { request, context -> Response in
            let session = context.webSession!
            guard try await Forms.signed(TokenForm.self, from: request, session: session) != nil
            else { return Refusal.expiredForm.page(renderer, context) }
            guard let user = try await pathUser(context), user.id != session.principal.userID else { return notFound(context) }
            try await users.disable(user.id, actor: session.principal.actor)
            return .redirect(to: user.memberID.map { "/coordination/membres/\($0)?desactive=1" } ?? "/coordination/membres")
        }
    }

    func pathMember(_ context: some WebRequestContext) async throws -> Member? {
        guard let id = context.parameters.get("memberId").flatMap(MemberID.init) else { return nil }
        return try? await members.get(pole: context.webSession!.principal.poleID, id)
    }

    private func pathUser(_ context: some WebRequestContext) async throws -> User? {
        guard let id = context.parameters.get("userId").flatMap(UserID.init) else { return nil }
        return try? await users.get(pole: context.webSession!.principal.poleID, id)
    }

    /// Creates or updates a member from its form: the same checks as the API, said in French
    /// next to each field.
    private func saveMember(_ request: Request, _ context: some WebRequestContext, id: MemberID?) async throws -> Response {
        let session = context.webSession!
        guard let form = try await Forms.signed(MemberForm.self, from: request, session: session)
        else { return Refusal.expiredForm.page(renderer, context) }
        let pole = session.principal.poleID
        var errors: [FieldMessage] = []
        let legalForm = LegalForm(rawValue: Forms.line(form.legalForm, limit: 40))
        if legalForm == nil { errors.append(.init(field: "legalForm", message: "Choisissez la forme juridique.")) }
        var headcount = 0.0
        let headcountText = Forms.line(form.headcount, limit: 20)
        if !headcountText.isEmpty {
            switch AmountText.cents(headcountText, limit: Int(InputBounds.maxWeight) * 100) {
            case .success(let hundredths): headcount = Double(hundredths) / 100
            case .failure:
                errors.append(.init(field: "headcount", message: "L’effectif s’écrit en équivalents temps plein, par exemple 3,5."))
            }
        }
        var budget = 0
        let budgetText = Forms.line(form.annualBudget, limit: 40)
        if !budgetText.isEmpty {
            switch AmountText.cents(budgetText, limit: InputBounds.maxBudgetCents) {
            case .success(let cents): budget = cents
            case .failure: errors.append(.init(field: "annualBudget", message: "Le budget s’écrit en euros, par exemple 180 000."))
            }
        }
        let joinedText = Forms.line(form.joinedOn, limit: 10)
        let joined = Forms.date(joinedText)
        if !joinedText.isEmpty && joined == nil {
            errors.append(.init(field: "joinedOn", message: "La date d’adhésion s’écrit JJ/MM/AAAA."))
        }
        let leftText = Forms.line(form.leftOn, limit: 10)
        let left = Forms.date(leftText)
        if !leftText.isEmpty && left == nil { errors.append(.init(field: "leftOn", message: "La date de départ s’écrit JJ/MM/AAAA.")) }
        var category: CategoryID?
        let categoryText = Forms.line(form.category, limit: 40)
        if !categoryText.isEmpty { category = CategoryID(categoryText) }
        let siret = Forms.line(form.siret, limit: 20).replacingOccurrences(of: " ", with: "")
        let input = MemberInput(
            name: Forms.line(form.name, limit: TextInput.nameLength + 1), legalForm: legalForm ?? .association,
            siret: siret.isEmpty ? nil : siret,
            categoryID: category, headcount: headcount, annualBudgetCents: budget, joinedOn: joined, leftOn: left)
        errors += input.validationErrors().map { FieldMessage(field: Self.memberFormField($0.field), message: Self.memberSentence($0)) }
        var current: Member?
        if let id { current = try? await members.get(pole: pole, id) }
        guard errors.isEmpty else {
            return renderer.page(
                .membre, try await memberFormPage(context, member: current, form: form, errors: errors), status: .unprocessableContent)
        }
        do {
            let saved: Member
            if let id {
                saved = try await members.update(pole: pole, id, actor: session.principal.actor) { stored in
                    let joinedOn = stored.joinedOn
                    stored = input
                    stored.joinedOn = input.joinedOn ?? joinedOn
                }
            } else {
                saved = try await members.create(pole: pole, input, actor: session.principal.actor)
            }
            return .redirect(to: "/coordination/membres/\(saved.id)?enregistre=1")
        } catch StoreError.invalid(let fields) {
            let errors = fields.map { FieldMessage(field: Self.memberFormField($0.field), message: Self.memberSentence($0)) }
            return renderer.page(
                .membre, try await memberFormPage(context, member: current, form: form, errors: errors), status: .unprocessableContent)
        } catch StoreError.conflict {
            let errors = [FieldMessage(field: "siret", message: "Un autre membre du pôle a déjà ce numéro SIRET.")]
            return renderer.page(.membre, try await memberFormPage(context, member: current, form: form, errors: errors), status: .conflict)
        }
    }

    /// The form field that holds what the store and the API call `field`.
    static func memberFormField(_ field: String) -> String {
        switch field {
        case "annualBudgetCents": "annualBudget"
        case "category": "category"
        default: field
        }
    }

    /// A refusal of the member checks, in French.
    static func memberSentence(_ error: FieldError) -> String {
        switch error.field {
        case "name": "Indiquez le nom du membre (200 caractères au plus, sans caractère de contrôle)."
        case "siret": "Le SIRET a 14 chiffres et une clé de contrôle valable ; vérifiez-le sur l’avis de situation."
        case "headcount": "L’effectif s’écrit en équivalents temps plein, de 0 à un million, deux décimales au plus."
        case "annualBudgetCents": "Le budget annuel va de 0 à mille milliards d’euros."
        case "leftOn": "La date de départ ne peut pas précéder la date d’adhésion."
        case "category": "Choisissez une catégorie de la liste."
        default: "Cette valeur n’est pas acceptée (\(error.message))."
        }
    }

    private func memberUserRefusal(
        _ context: some WebRequestContext, _ member: Member, _ form: MemberUserForm, _ fields: [(String, String)]
    ) async throws -> Response {
        var page = try await memberFormPage(context, member: member, form: nil, errors: [])
        page.userName = Forms.line(form.name, limit: 200)
        page.userEmail = Forms.line(form.email, limit: 320)
        for (field, message) in fields {
            switch field {
            case "email":
                page.userEmailError =
                    message == "taken" ? "Cette adresse a déjà un compte sur Mutualis." : "Indiquez une adresse électronique valable."
            default: page.userNameError = "Indiquez le nom de la personne."
            }
        }
        page.hasUserErrors = true
        return renderer.page(.membre, page, status: .unprocessableContent)
    }

    func memberFormPage(
        _ context: some WebRequestContext, member: Member?, form: MemberForm?, errors: [FieldMessage], status: String? = nil
    ) async throws -> MemberFormPage {
        let session = context.webSession!
        let pole = session.principal.poleID
        let chosenForm = form.map { Forms.line($0.legalForm, limit: 40) } ?? member?.legalForm.rawValue ?? ""
        let chosenCategory = form.map { Forms.line($0.category, limit: 40) } ?? member?.categoryID?.description ?? ""
        let people = member == nil ? [] : try await users.list(pole: pole).filter { $0.memberID == member?.id }
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        let title = member.map { "Membre : \($0.name)" } ?? "Ajouter un membre"
        var commitments: CommitmentSection?
        if let member { commitments = try await commitmentSection(session, member: member) }
        return MemberFormPage(
            frame: coordinationFrame(
                context, errors.isEmpty ? title : "Erreur – \(title)", section: "/coordination/membres", status: status),
            csrf: session.csrfToken, heading: title, action: member.map { "/coordination/membres/\($0.id)" } ?? "/coordination/membres",
            isNew: member == nil, errors: errors, hasErrors: !errors.isEmpty,
            name: form.map { Forms.line($0.name, limit: 200) } ?? member?.name ?? "",
            legalForms: [BookingFormPage.Option(value: "", label: "Choisir…", selected: chosenForm.isEmpty)]
                + LegalForm.allCases.map { .init(value: $0.rawValue, label: Sentences.legalForm($0), selected: $0.rawValue == chosenForm) },
            siret: form.map { Forms.line($0.siret, limit: 20) } ?? member?.siret?.digits ?? "",
            categories: [BookingFormPage.Option(value: "", label: "Aucune", selected: chosenCategory.isEmpty)]
                + (try await categories.list(pole: pole)).map {
                    .init(value: $0.id.description, label: $0.name, selected: $0.id.description == chosenCategory)
                },
            headcount: form.map { Forms.line($0.headcount, limit: 20) }
                ?? member.map { FrenchFormat.decimal(Double($0.headcountHundredths) / 100, places: 2) } ?? "",
            budget: form.map { Forms.line($0.annualBudget, limit: 40) }
                ?? member.map {
                    FrenchFormat.amount(cents: $0.annualBudgetCents)
                } ?? "",
            joinedOn: form.map { Forms.line($0.joinedOn, limit: 10) } ?? member?.joinedOn.description ?? "",
            leftOn: form.map { Forms.line($0.leftOn, limit: 10) } ?? member?.leftOn?.description ?? "",
            nameError: error("name"), legalFormError: error("legalForm"), siretError: error("siret"), headcountError: error("headcount"),
            budgetError: error("annualBudget"), joinedOnError: error("joinedOn"), leftOnError: error("leftOn"),
            users: people.map {
                MemberFormPage.UserRow(
                    id: $0.id.description, name: $0.name, email: $0.email, state: $0.isDisabled ? "désactivée" : "active",
                    enabled: !$0.isDisabled)
            },
            usersAction: member.map { "/coordination/membres/\($0.id)/utilisateurs" } ?? "", userName: "", userEmail: "",
            userNameError: nil, userEmailError: nil, hasUserErrors: false,
            commitments: commitments)
    }
}
