import Foundation
import SupportEngine
import SupportSimulation

/// `supportdesk calendar`: a business-time calculator on a club's hours.
struct CalendarCommand {
    let arguments: CalendarArguments

    func run() throws {
        let club = try arguments.config.map(ClubConfiguration.load(path:)) ?? ClubConfiguration.defaultClub()
        let configuration = club.hours.configuration
        let windows = configuration.windows.map { window in
            "\(window.days.map { String($0.rawValue.prefix(3)) }.joined(separator: ",")) \(window.start)-\(window.end)"
        }
        print("hours: \(configuration.timeZone); \(windows.isEmpty ? "always open" : windows.joined(separator: "; "))")
        for line in try arguments.answer(on: club.hours) { print(line) }
    }
}
