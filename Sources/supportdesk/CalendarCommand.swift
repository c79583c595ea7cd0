import Foundation
import SupportEngineTesting

/// `supportdesk calendar`: a business-time calculator on a club's hours.
struct CalendarCommand {
    let arguments: CalendarArguments

    func run() throws {
        let club = try arguments.config.map(ClubConfiguration.load(path:)) ?? ClubConfiguration.defaultClub()
        print("hours: \(club.hours)")
        for line in try arguments.answer(on: club.hours) { print(line) }
    }
}
