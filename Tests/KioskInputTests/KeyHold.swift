/// A key's release as `.keyReleased` reports it: which key, held how long.
struct KeyHold: Equatable, CustomStringConvertible {
    var code: UInt16
    var milliseconds: Int

    init(_ code: UInt16, _ milliseconds: Int) {
        self.code = code
        self.milliseconds = milliseconds
    }

    var description: String { "key \(code) held \(milliseconds) ms" }
}
