/// The statement of accessibility (RGAA 4.1): the level reached, what is checked, whom to tell.
struct AccessibilityPage: Sendable {
    var frame: Frame
}
