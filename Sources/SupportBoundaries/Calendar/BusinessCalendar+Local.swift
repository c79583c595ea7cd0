import Foundation

extension BusinessCalendar {
    /// The local date (day number since 1970-01-01) of an instant in the calendar's zone.
    func localDay(of date: Date) -> Int64 {
        let seconds = CivilTime.floorDiv(Instant.nanoseconds(date), Instant.perSecond)
        return CivilTime.floorDiv(seconds + timeline.zone.offset(at: seconds), CivilTime.secondsPerDay)
    }

    /// The instant a local date starts (its first existing moment).
    func startOfLocalDay(_ day: Int64) -> Date {
        Date(timeIntervalSince1970: Double(timeline.zone.resolve(local: day * CivilTime.secondsPerDay)))
    }

    /// An instant as local wall time, `yyyy-MM-dd HH:mm`.
    func localText(_ date: Date) -> String {
        let seconds = CivilTime.floorDiv(Instant.nanoseconds(date), Instant.perSecond)
        let local = seconds + timeline.zone.offset(at: seconds)
        let day = CivilTime.floorDiv(local, CivilTime.secondsPerDay)
        let time = (local - day * CivilTime.secondsPerDay) / 60 * 60
        return "\(CivilTime.formatDate(day)) \(CivilTime.formatTime(time))"
    }
}
