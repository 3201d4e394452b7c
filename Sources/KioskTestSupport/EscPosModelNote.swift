/// Something `EscPosPrinterModel` noticed in the byte stream: where the command started (bytes
/// since the model was created) and what it was.
public struct EscPosModelNote: Sendable, Equatable, CustomStringConvertible {
    public let offset: Int
    public let what: String

    public init(offset: Int, what: String) {
        self.offset = offset
        self.what = what
    }

    public var description: String { "byte \(offset): \(what)" }
}
