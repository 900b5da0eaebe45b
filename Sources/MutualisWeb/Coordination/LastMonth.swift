import Foundation
import MutualisDomain
import MutualisStore

extension WebSession {
    /// The month before today's in the pole's time zone: what a coordinator closes, costs and
    /// reports on by default.
    var lastMonth: DatePeriod {
        .month(of: timeZone.date(of: Date()).firstOfMonth.adding(months: -1)!)
    }
}
