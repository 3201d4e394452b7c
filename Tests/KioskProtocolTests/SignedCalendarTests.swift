import KioskProtocol
import Testing

/// What travels between the collector and the kiosks for the calendars: the JSON names both sides
/// read, and the two signed messages byte for byte.
@Suite struct SignedCalendarTests {
    @Test func theOfferAndTheStampHaveTheseNames() throws {
        let calendar = SignedCalendar(year: 2027, version: 2, sha256: "ab12", signature: "c2ln", toml: "year = 2027\nnote = \"Tết\"\n")
        let offer = ProtocolJSON.encode(CalendarOffer(calendars: [calendar]))
        #expect(offer == #"{"calendars":[{"sha256":"ab12","signature":"c2ln","toml":"year = 2027\nnote = \"Tết\"\n","version":2,"year":2027}]}"#)
        #expect(try ProtocolJSON.decode(CalendarOffer.self, from: offer).calendars == [calendar])
        #expect(ProtocolJSON.encode(calendar.stamp) == #"{"sha256":"ab12","signature":"c2ln","version":2,"year":2027}"#)
    }

    @Test func theSignedMessagesAreExactly() {
        #expect(String(decoding: SignedCalendar.message(year: 2027, version: 2, sha256: "ab12"), as: UTF8.self) == "kiosk-calendar\n2027\n2\nab12\n")
        #expect(
            String(decoding: CalendarFetch.message(kioskID: "HN-HK-01", time: "2026-12-05T01:00:00Z", have: "2026.1,2027.2"), as: UTF8.self)
                == "kiosk-calendar-fetch\nHN-HK-01\n2026-12-05T01:00:00Z\n2026.1,2027.2\n")
        #expect(CalendarFetch.have([CalendarHolding(year: 2027, version: 2), CalendarHolding(year: 2026, version: 1)]) == "2026.1,2027.2")
    }
}
