/// Where a request comes from: the peer's address, or, when the peer is one of the configured
/// trusted proxies, the address that proxy says it forwarded for (the last one in
/// `X-Forwarded-For` that is not itself a trusted proxy). A client's own `X-Forwarded-For` is
/// never believed: without a trusted proxy in front, anyone could claim any address and escape
/// the sign-in throttle.
public struct ClientAddress: Sendable {
    public let trustedProxies: Set<String>

    public init(trustedProxies: Set<String>) {
        self.trustedProxies = trustedProxies
    }

    public func resolve(peer: String?, forwardedFor: String?) -> String {
        let peer = peer ?? "unknown"
        guard trustedProxies.contains(peer), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.last { !trustedProxies.contains($0) } ?? peer
    }
}
