/// Something district staff must look at: a kiosk pushed different figures for a day already
/// stored (`tamper`), or a day whose `previous` does not match the stored day before (`chain-break`).
public struct CollectorAlarm: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case tamper
        case chainBreak = "chain-break"
    }

    public var kiosk: String
    public var day: String
    public var kind: Kind
    public var detail: String

    public init(kiosk: String, day: String, kind: Kind, detail: String) {
        self.kiosk = kiosk
        self.day = day
        self.kind = kind
        self.detail = detail
    }
}
