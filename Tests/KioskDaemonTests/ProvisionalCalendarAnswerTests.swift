import Foundation
import KioskConfigFile
import KioskCore
@testable import KioskDaemon
import KioskProtocol
import Logging
import Testing

/// kioskd's slip answer, status and `reload-calendars` in-process, on the shipped calendar files
/// (2025 and 2026 official) with provisional years: a return date in 2027 is answered and says it
/// is provisional, status names the official and provisional years and warns about 2027, and a
/// reload takes up a calendar installed from the collector, or keeps the old one when the new
/// files do not read.
struct ProvisionalCalendarAnswerTests {
    typealias O = InProcessOffice

    static let shipped = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("kiosk-config/calendar").path

    final class Rig: Sendable {
        let office: O
        let clock = ManualClock("2026-12-07 08:00")
        let sources: CalendarSources
        let book: CalendarBook
        let slips: SlipDesk
        let commands: ControlCommands
        let board: StatusBoard

        /// - Parameter shipped: the calendar directory of the office file (the repository's by default).
        init(_ name: String, shipped: String = ProvisionalCalendarAnswerTests.shipped) throws {
            office = try O(name)
            let installed = office.directory.appendingPathComponent("calendar").path
            let sources = CalendarSources(shipped: shipped, installed: installed)
            self.sources = sources
            book = CalendarBook(try sources.load().get(), load: { sources.load() })
            var config = office.config
            // A printer the office does not have: the spooler answers at once that nothing was printed.
            config.slips = SlipConfig(
                parentBody: nil, issuingBody: "UBND phường Thử Nghiệm", place: "Hà Nội", printer: "khong-co", feedbackBody: nil,
                feedbackAddress: "Số 1 phố Thử Nghiệm", feedbackHotline: "1022")
            let clock = clock.officeClock()
            let logger = Logger(label: "test")
            let spooler = PrintSpooler(
                config: config, store: office.store, board: PrinterBoard(printers: config.printers), logger: logger, clock: clock,
                publish: { _ in })
            slips = SlipDesk(config: config, slips: config.slips!, calendar: book, spooler: spooler, clock: clock, printTimeout: 1)
            let sealer = DaySealer(
                config: config, store: office.store, keyPath: office.directory.appendingPathComponent("no-key").path, logger: logger,
                clock: clock, publish: { _ in })
            commands = ControlCommands(config: config, store: office.store, spooler: spooler, slips: slips, sealer: sealer, replyTimeout: 0.2)
            let storage = StorageWatch(store: office.store, directory: office.directory.path, logger: logger, publish: { _ in })
            let book = book
            board = StatusBoard(
                config: config, clock: clock, printers: PrinterBoard(printers: config.printers), storage: storage, kept: { KeptTickets() },
                calendar: { book.current })
        }

        func slip(receivedAt: String, days: Double) throws -> SlipReply {
            let request: [String: Any] = [
                "dossierCode": "000.20.36.H26-261202-0001",
                "applicant": ["name": "Nguyễn Văn An", "address": "Số 5 phố Thử Nghiệm, Hà Nội", "phone": "0912345678"],
                "procedure": "Cấp giấy phép xây dựng", "documents": [["name": "Đơn đề nghị"]], "processingWorkingDays": days,
                "receivedAt": receivedAt, "receivingOfficer": "Lê Minh Đức", "recordBook": "05", "serialNumber": "0001",
            ]
            let answer = slips.handle(Array(try JSONSerialization.data(withJSONObject: request)))
            #expect(answer.status == 503, "the slip printer does not exist: \(answer.body)")
            return try ProtocolJSON.decode(SlipReply.self, from: answer.body)
        }

        func install(_ year: Int, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: sources.installed, withIntermediateDirectories: true)
            try text.write(toFile: "\(sources.installed)/\(year).toml", atomically: true, encoding: .utf8)
        }

        func reload() throws -> Result<StatusReport.Calendar, ControlFailure> {
            let line = commands.run(.reloadCalendars)
            if let failure = try? ProtocolJSON.decode(ControlFailure.self, from: line) { return .failure(failure) }
            return .success(try ProtocolJSON.decode(StatusReport.Calendar.self, from: line))
        }
    }

    @Test func aReturnDateIn2027IsAnsweredAndSaysItIsProvisional() throws {
        let rig = try Rig("slip-2027")
        // Received Wednesday 02/12/2026 09:00 with 30 working days; Friday 01/01/2027 is off.
        let reply = try rig.slip(receivedAt: "2026-12-02T09:00:00+07:00", days: 30)
        #expect(reply.returnAt == "2027-01-14T13:30:00+07:00")
        #expect(reply.returnText == "13:30 thứ Năm, 14/01/2027")
        #expect(reply.provisional)
        let notice = try #require(reply.calendarNotice)
        #expect(notice.hasPrefix("Ngày hẹn trả là tạm tính: năm 2027 chưa có lịch nghỉ lễ, tết chính thức"))
        #expect(notice.contains("The return date is provisional: 2027 has no official holiday calendar yet"))
    }

    @Test func aReturnDateInAnOfficialYearIsNotProvisional() throws {
        let reply = try Rig("slip-2026").slip(receivedAt: "2026-11-02T09:00:00+07:00", days: 5)
        #expect(reply.returnAt == "2026-11-09T13:30:00+07:00")
        #expect(!reply.provisional)
        #expect(reply.calendarNotice == nil)
        #expect(!ProtocolJSON.encode(reply).contains("calendarNotice"))
    }

    @Test func statusNamesTheOfficialAndProvisionalYearsAndWarnsAboutNextYear() throws {
        let calendar = try #require(try Rig("status").board.report().calendar)
        #expect(calendar.officialYears == [2025, 2026])
        #expect(calendar.provisionalFrom == 1900)
        #expect(calendar.provisionalTo == 2100)
        #expect(calendar.missingOfficialYear == 2027)
        #expect(calendar.warning?.hasPrefix("Chưa có lịch ngày làm việc chính thức năm 2027 (calendar/2027.toml)") == true)
    }

    @Test func reloadTakesUpAnInstalledYearAndKeepsTheCalendarWhenAFileIsInvalid() throws {
        let rig = try Rig("reload")
        #expect(try rig.reload().get().officialYears == [2025, 2026])

        // The collector's 2027: Tết days as the rule guesses, with a swapped Saturday the rule never guesses.
        try rig.install(2027, """
            year = 2027

            [[days_off]]
            date = "2027-01-04"
            kind = "swapped"
            note = "Nghỉ hoán đổi thử"
            source = "Văn bản thử"

            [[working_days]]
            date = "2027-01-09"
            note = "Làm bù thử"
            source = "Văn bản thử"
            """)
        let reloaded = try rig.reload().get()
        #expect(reloaded.officialYears == [2025, 2026, 2027])
        #expect(reloaded.missingOfficialYear == nil)
        #expect(try rig.board.report().calendar?.officialYears == [2025, 2026, 2027])
        // Counted on the new calendar, which lists no Tết Dương lịch: Thursday afternoon, Friday
        // 01/01, Monday 04/01 off, Tuesday, Wednesday morning → Wednesday 06/01 13:30.
        let reply = try rig.slip(receivedAt: "2026-12-31T09:00:00+07:00", days: 3)
        #expect(reply.returnAt == "2027-01-06T13:30:00+07:00")
        #expect(!reply.provisional)

        try rig.install(2028, """
            year = 2027

            [[days_off]]
            date = "2027-01-01"
            kind = "holiday"
            note = "Tết Dương lịch"
            source = "Văn bản thử"
            """)
        guard case .failure(let failure) = try rig.reload() else {
            Issue.record("a misnamed file was taken up")
            return
        }
        #expect(failure.error == "calendar not reloaded, the one in use stays: 1 problem")
        #expect(failure.problems?.first?.field.hasSuffix("calendar/2028.toml: year") == true)
        #expect(rig.book.current.officialYears == [2025, 2026, 2027])
    }

    @Test func anInstalledFileReplacesTheShippedOneOfItsYear() throws {
        let rig = try Rig("installed-wins")
        try rig.install(2026, """
            year = 2026

            [[days_off]]
            date = "2026-01-01"
            kind = "holiday"
            note = "Tết Dương lịch"
            source = "Văn bản thử"
            """)
        _ = try rig.reload().get()
        #expect(rig.book.current.official[2026]?.daysOff.map(\.entry.source) == ["Văn bản thử"])
        #expect(rig.sources.origins(of: rig.book.current)[2026] == "\(rig.sources.installed)/2026.toml")
        #expect(rig.sources.origins(of: rig.book.current)[2025] == "\(ProvisionalCalendarAnswerTests.shipped)/2025.toml")
    }
}
