extension BusinessCalendar {
    /// A day of the week, encoded by its English name in lower case (`"monday"`).
    public enum Weekday: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        /// Monday.
        case monday
        /// Tuesday.
        case tuesday
        /// Wednesday.
        case wednesday
        /// Thursday.
        case thursday
        /// Friday.
        case friday
        /// Saturday.
        case saturday
        /// Sunday.
        case sunday

        /// The days Monday to Friday.
        public static let workdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

        /// The day's index, `0` for Monday to `6` for Sunday.
        public var index: Int {
            switch self {
            case .monday: 0
            case .tuesday: 1
            case .wednesday: 2
            case .thursday: 3
            case .friday: 4
            case .saturday: 5
            case .sunday: 6
            }
        }

        /// Orders days from Monday to Sunday.
        public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }
    }
}
