import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// What `tools/screen-check`'s `contrast` command measured on a page.
struct ContrastVerdict: Decodable {
    struct Failure: Decodable {
        var what: String
        var kind: String
        var ratio: Double
        var needs: Double
    }

    var text: Double?
    var shapes: Double?
    var count: Int
    var failures: [Failure]
    var clipped: [String]

    static func decode(_ answer: String) throws -> ContrastVerdict {
        try JSONDecoder().decode(ContrastVerdict.self, from: Data(answer.utf8))
    }
}

/// Every screen kioskd serves, in every state, at the panel's 1024×600 and at full HD, in headless
/// Chromium: WCAG 2.2 contrast from the rendered colours (4.5:1 text, 3:1 large text, 3:1 the
/// rating faces and the zone boxes) and no text cut or off-screen; the rating screen's faces, one
/// per choice, each its own shape. A page made worse on purpose fails the same check.
@Suite(.serialized) struct ScreenContrastTests {
    static let sizes = ["1024x600", "1920x1080"]

    /// Shows each state in turn (`set` commands), checks it, and returns the lowest ratios seen.
    func check(_ page: ScreenBrowser, _ screen: String, states: [(String, [String])]) throws -> (text: Double, shapes: Double?) {
        var text = Double.infinity, shapes: Double?
        for (state, commands) in states {
            for command in commands { #expect(try page.send(command) == "ok", "\(command)") }
            let verdict = try ContrastVerdict.decode(try page.send("contrast"))
            #expect(verdict.count > 0, "\(screen) \(state): nothing measured")
            #expect(verdict.failures.isEmpty, "\(screen) \(state): \(verdict.failures.map { "\($0.what) \($0.ratio) < \($0.needs)" })")
            #expect(verdict.clipped.isEmpty, "\(screen) \(state): \(verdict.clipped)")
            text = min(text, verdict.text ?? .infinity)
            if let lowest = verdict.shapes { shapes = min(shapes ?? lowest, lowest) }
        }
        print("contrast \(screen): text \(text), shapes \(shapes.map { "\($0)" } ?? "-")")
        return (text, shapes)
    }

    @Test func everyScreenMeetsWCAGContrastAndFitsAtBothSizes() throws {
        let port = try freeLoopbackPort()
        let rig = try TerminalScreenTests.rig("screen-contrast", port: port)
        try rig.evdev.emit("ticket-pad", EventScripts.keyTap(KeyCodes.code(named: "KEY_KP1")!))
        try rig.events!.await(.ticketIssued)
        let base = "http://127.0.0.1:\(port)/screens"
        // kioskd's message for a ticket not printed with no cupsd, as the ticket menu shows it.
        let kept = "Số A001 của bạn đã được ghi nhận nhưng chưa in được phiếu. Không kết nối được dịch vụ in (CUPS). Xin hãy nhớ số A001 và báo cán bộ. / Your number A001 is recorded but the ticket could not be printed. The print service (CUPS) cannot be reached. Please remember A001 and tell a staff member."
        for size in Self.sizes {
            let rating = try ScreenBrowser("\(base)/rating/quay-1-danh-gia", size: size)
            #expect(try rating.shows("body", "data-state", "asking"))
            let moods = try (1...4).map { try rating.send("attribute [data-zone='\($0)'] .face svg data-mood") }
            #expect(moods == [#""very-happy""#, #""happy""#, #""neutral""#, #""very-unhappy""#], "\(moods)")
            let zones = try PageRect.decode(try rating.send("rects [data-zone]"))
            let faces = try PageRect.decode(try rating.send("rects .face"))
            for (face, zone) in zip(faces, zones) {
                #expect(face.width >= 0.5 * zone.width && face.x >= zone.x && face.x + face.width <= zone.x + zone.width, "a large face inside zone \(zone.id ?? "?")")
            }
            // Zones wider than tall (a keypad's screen, a landscape strip) put the face beside the words.
            let wide = (1...4).flatMap { zone in
                ["set [data-zone='\(zone)'] class zone choice-\(zone) wide", "set [data-zone='\(zone)'] style left:2%;top:\(18 + (zone - 1) * 20)%;width:96%;height:19%"]
            }
            _ = try check(rating, "rating \(size)", states: ["asking", "waiting", "thanks", "paused", "storage", "offline"].map { ($0, ["set body data-state \($0)"]) }
                + [("wide zones", ["set body data-state asking"] + wide)])
            if size == "1024x600", let keep = ProcessInfo.processInfo.environment["KIOSK_KEEP_SCREENSHOTS"] {
                try rating.send("screenshot \(keep)/rating-wide-\(size).png")
            }

            let tickets = try ScreenBrowser("\(base)/tickets/lay-so", size: size)
            // No cupsd here: the ticket just taken was not printed, so the printer's trouble shows.
            #expect(try tickets.shows("body", "data-state", "printer"))
            _ = try check(tickets, "tickets \(size)", states: [
                ("menu", ["set body data-state menu"]),
                ("number", ["set #number text A001", "set body data-state number"]),
                ("number, printer down", ["set body data-printer down"]),
                ("number kept", ["set #kept text \(kept)", "set body data-kept yes"]),
                ("printer", ["set body data-kept no", "set body data-state printer"]),
                ("storage", ["set body data-state storage"]),
                ("offline", ["set body data-state offline"]),
            ])

            let hall = try ScreenBrowser("\(base)/hall", size: size)
            #expect(try hall.shows("tr[data-service=ho-tich]", "data-waiting", "1"))
            _ = try check(hall, "hall \(size)", states: [
                ("online", []),
                ("a call flashing", ["set tr[data-counter=quay-1] class flash"]),
                ("a counter paused", ["set tr[data-counter=quay-1] class paused"]),
                ("offline", ["set #offline hidden -"]),
            ])
        }
    }

    /// The contrast maths against WCAG's own figures (`tools/screen-check/test_contrast.py`).
    @Test func theContrastMathsMatchWCAG() throws {
        let run = try ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-m", "unittest", "discover", "-s", RepositoryPaths.root.appendingPathComponent("tools/screen-check").path, "-p", "test_*.py"],
            timeout: 30)
        #expect(run.status == 0, "\(run.errorText)")
    }

    /// The same check on a rating screen made worse on purpose: a pale English label, a face's disc
    /// the colour of its box, and a label too big for its box are each caught.
    @Test func aLowContrastOrCutScreenFails() throws {
        let port = try freeLoopbackPort()
        let rig = try TerminalScreenTests.rig("screen-contrast-fails", port: port)
        defer { withExtendedLifetime(rig) {} }
        let page = try ScreenBrowser("http://127.0.0.1:\(port)/screens/rating/quay-1-danh-gia", size: "1024x600")
        #expect(try page.shows("body", "data-state", "asking"))
        let clean = try ContrastVerdict.decode(try page.send("contrast"))
        #expect(clean.failures.isEmpty && clean.clipped.isEmpty)

        #expect(try page.send("style .zone span { color: #6c9a74 }") == "ok")
        let pale = try ContrastVerdict.decode(try page.send("contrast"))
        #expect(pale.failures.contains { $0.kind == "text" && $0.what.contains("span") && $0.ratio < 4.5 }, "\(pale.failures.map(\.what))")

        #expect(try page.send("style .face .disc { fill: #2b8a3e }") == "ok")
        let disc = try ContrastVerdict.decode(try page.send("contrast"))
        #expect(disc.failures.contains { $0.kind == "shape" && $0.what.contains("disc") }, "\(disc.failures.map(\.what))")

        #expect(try page.send("style .zone b { font-size: 12vh }") == "ok")
        let cut = try ContrastVerdict.decode(try page.send("contrast"))
        #expect(cut.clipped.contains { $0.contains("outside") }, "\(cut.clipped)")
    }
}
