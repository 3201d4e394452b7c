import Hummingbird
import NIOCore

/// The request context of the collector's server: Hummingbird's core context plus the peer's
/// address (the sign-in throttle counts failures per source, read through `ClientAddress`).
public struct CollectorRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
