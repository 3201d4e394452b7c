import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// A signed day whose figures no kiosk can count (more served than issued, more priority tickets
/// than issued, a press kind that does not exist) is refused with 422 and the field, and nothing
/// of it is stored.
@Suite struct CollectorLooseFiguresTests {
    static let first = LocalDay(year: 2026, month: 11, day: 2)!

    @Test(arguments: CollectorBackend.available) func figuresNoKioskCanCountAreRefusedWithTheField(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("loose-figures", backend: backend)
        let loose: [(DayTallies, String)] = [
            (DayTallies(kiosk: rig.kiosk, office: rig.office, day: Self.first, previous: "", tickets: [.init(service: "ho-tich", issued: 3, served: 9)]),
                "tickets[0].served"),
            (DayTallies(kiosk: rig.kiosk, office: rig.office, day: Self.first, previous: "", tickets: [.init(service: "ho-tich", issued: 1, priority: 4)]),
                "tickets[0].priority"),
            (DayTallies(kiosk: rig.kiosk, office: rig.office, day: Self.first, previous: "",
                presses: [.init(terminal: "quay-1", kind: "<script>alert(1)</script>", count: 1)]), "presses[0].kind"),
        ]
        for (day, field) in loose {
            let answer = try rig.push(day.canonicalBytes())
            #expect(answer.status == 422, "\(field): \(answer.json)")
            #expect(answer.json["field"] as? String == field, "\(answer.json)")
        }
        #expect(try rig.sql("SELECT COUNT(*) FROM sealed_day") == [["0"]])
        #expect(try rig.sql("SELECT COUNT(*) FROM day_press") == [["0"]])
        let kept = DayTallies(kiosk: rig.kiosk, office: rig.office, day: Self.first, previous: "",
            tickets: [.init(service: "ho-tich", issued: 3, priority: 1, served: 2, noShow: 1)])
        #expect(try rig.push(kept.canonicalBytes()).status == 201)
    }
}
