import KioskProtocol
import Testing

/// The line that opens a subscription, as kioskd writes it and kioskctl watch and the tests read it.
struct SubscriptionConfirmationTests {
    @Test func theLineIsTheOneTheSocketHasAlwaysSent() throws {
        #expect(SubscriptionConfirmation.line == #"{"event":"subscribed"}"#)
        #expect(SubscriptionConfirmation.confirms(SubscriptionConfirmation.line))
        #expect(try ProtocolJSON.decode(SubscriptionConfirmation.self, from: SubscriptionConfirmation.line) == SubscriptionConfirmation())
    }

    @Test func anEventIsNotAConfirmationNorTheConfirmationAnEvent() {
        let event = ProtocolJSON.encode(DaemonEvent.deviceConnected(path: "/dev/input/subscribed", role: "subscribed"))
        #expect(!SubscriptionConfirmation.confirms(event), "an event whose fields say subscribed is still an event")
        #expect(!SubscriptionConfirmation.confirms("subscribed"))
        #expect(throws: DecodingError.self) { try ProtocolJSON.decode(DaemonEvent.self, from: SubscriptionConfirmation.line) }
    }
}
