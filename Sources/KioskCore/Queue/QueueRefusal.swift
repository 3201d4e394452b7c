/// Why the queue did not do what a key asked, in words for the counter's screen: Vietnamese
/// first, English second.
public enum QueueRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownCounter(String)
    case counterPaused
    case nobodyWaiting
    case noCurrentTicket
    /// A called ticket must be served, recalled or marked no-show before the next call.
    case currentNotServed(TicketNumber)
    case recallLimitReached(TicketNumber, limit: Int)
    case unknownService(String)
    case sameService(String)

    public var description: String {
        switch self {
        case .unknownCounter(let counter): "Không có quầy \(counter). / No counter \(counter)."
        case .counterPaused: "Quầy đang tạm dừng; bấm tiếp tục trước. / The counter is paused; resume it first."
        case .nobodyWaiting: "Không còn ai chờ. / Nobody is waiting."
        case .noCurrentTicket: "Quầy chưa gọi số nào. / No ticket is called at this counter."
        case .currentNotServed(let number):
            "Số \(number) đang được gọi: bắt đầu phục vụ, gọi lại hoặc báo vắng trước. / \(number) is called: serve, recall or mark it no-show first."
        case .recallLimitReached(let number, let limit):
            "Đã gọi số \(number) \(limit) lần: hãy báo vắng. / \(number) was called \(limit) times: mark it no-show."
        case .unknownService(let service): "Không có lĩnh vực \(service). / No service \(service)."
        case .sameService(let service): "Số này đã ở lĩnh vực \(service). / The ticket is already in \(service)."
        }
    }
}
