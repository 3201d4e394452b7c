/// The first line on a `subscribe` connection, `{"event":"subscribed"}`: every event kioskd
/// publishes after it reaches the subscriber. It is not a `DaemonEvent`, and no event is taken
/// for it: decoding anything whose `event` is not "subscribed" fails.
public struct SubscriptionConfirmation: Codable, Sendable, Equatable {
    public static let eventName = "subscribed"

    public let event: String

    public init() {
        event = Self.eventName
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        event = try c.decode(String.self, forKey: .event)
        guard event == Self.eventName else {
            throw DecodingError.dataCorruptedError(
                forKey: .event, in: c, debugDescription: "expected \"\(Self.eventName)\", found \"\(event)\"")
        }
    }

    /// The line as kioskd sends it, without its newline.
    public static var line: String { ProtocolJSON.encode(SubscriptionConfirmation()) }

    /// Whether a line read from a subscription is this confirmation.
    public static func confirms(_ line: String) -> Bool {
        (try? ProtocolJSON.decode(SubscriptionConfirmation.self, from: line)) != nil
    }
}
