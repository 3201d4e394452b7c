import Hummingbird
import NIOCore

/// The request context of the collector's server: Hummingbird's core context plus the peer's
/// address (login throttling counts failures per address as well as per name).
public struct CollectorRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
