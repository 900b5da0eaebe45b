/// The legal form of a member organisation.
public enum LegalForm: String, Sendable, NamedValue {
    case association
    /// Société coopérative et participative: a workers' cooperative.
    case scop
    /// Société coopérative d'intérêt collectif: a multi-stakeholder cooperative.
    case scic
    /// Any other cooperative.
    case cooperative
    case mutual
    case foundation
    case company
    case localAuthority = "local-authority"
    case researchCentre = "research-centre"
    case trainingBody = "training-body"

    /// True for the social and solidarity economy's own forms.
    public var isSocialEconomy: Bool {
        switch self {
        case .association, .scop, .scic, .cooperative, .mutual, .foundation: true
        case .company, .localAuthority, .researchCentre, .trainingBody: false
        }
    }
}
