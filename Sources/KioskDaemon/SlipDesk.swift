import Foundation
import KioskCore

/// Placeholder until the slip request parser lands; replaced in the next step.
struct SlipDesk: Sendable {
    struct Answer: Sendable {
        var status: Int
        var body: String
    }

    func handle(_ body: [UInt8]) -> Answer {
        Answer(status: 501, body: ControlCommands.error("not yet"))
    }
}
