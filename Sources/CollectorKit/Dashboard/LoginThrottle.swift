import Foundation

/// Slows password guessing: after `limit` failed logins for one name or from one address within
/// `window`, further attempts for it are refused until the window has passed since the last failure.
actor LoginThrottle {
    private let limit: Int
    private let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds to wait before trying again, or nil when an attempt is allowed.
    func wait(name: String, address: String, now: Date = Date()) -> Int? {
        let waits = [Self.key(name: name), Self.key(address: address)].compactMap { key -> Int? in
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[key] = recent
            guard recent.count >= limit, let last = recent.last else { return nil }
            return max(1, Int((window - now.timeIntervalSince(last)).rounded(.up)))
        }
        return waits.max()
    }

    func failed(name: String, address: String, now: Date = Date()) {
        failures[Self.key(name: name), default: []].append(now)
        failures[Self.key(address: address), default: []].append(now)
    }

    func succeeded(name: String) {
        failures[Self.key(name: name)] = nil
    }

    private static func key(name: String) -> String { "name:" + name.lowercased() }
    private static func key(address: String) -> String { "address:" + address }
}
