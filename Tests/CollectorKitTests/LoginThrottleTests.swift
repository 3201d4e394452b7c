import CollectorCore
import CollectorHTTP
import Foundation
import Testing

/// The sign-in throttle's delays and whose address counts, on an injected clock.
@Suite struct LoginThrottleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func failures(_ count: Int, lastAt seconds: Double = 0) -> LoginThrottle.Failures {
        .init(count: count, last: start.addingTimeInterval(seconds))
    }

    @Test func theFirstFailuresCostNothingThenTheDelayDoublesUpToFifteenMinutes() {
        #expect(LoginThrottle.wait(nameAndSource: failures(2), source: nil, now: start) == nil)
        #expect(LoginThrottle.wait(nameAndSource: failures(3), source: nil, now: start) == 1)
        #expect(LoginThrottle.wait(nameAndSource: failures(4), source: nil, now: start) == 2)
        #expect(LoginThrottle.wait(nameAndSource: failures(8), source: nil, now: start) == 32)
        #expect(LoginThrottle.wait(nameAndSource: failures(40), source: nil, now: start) == 15 * 60)
        #expect(LoginThrottle.wait(nameAndSource: failures(8), source: nil, now: start.addingTimeInterval(31.5)) == 1)
        #expect(LoginThrottle.wait(nameAndSource: failures(8), source: nil, now: start.addingTimeInterval(32)) == nil)
    }

    @Test func aSourceTryingManyNamesIsSlowedToo() {
        #expect(LoginThrottle.wait(nameAndSource: nil, source: failures(19), now: start) == nil)
        #expect(LoginThrottle.wait(nameAndSource: nil, source: failures(22), now: start) == 4)
        #expect(LoginThrottle.wait(nameAndSource: failures(5), source: failures(22), now: start) == 4, "the longer wait")
    }

    @Test func failuresAreForgottenADayAfterTheLast() {
        let old = failures(30)
        #expect(LoginThrottle.wait(nameAndSource: old, source: nil, now: start.addingTimeInterval(24 * 3600)) == nil)
        #expect(LoginThrottle.counted(after: old, at: start.addingTimeInterval(24 * 3600)).count == 1)
        #expect(LoginThrottle.counted(after: old, at: start.addingTimeInterval(60)).count == 31)
    }

    @Test func theKeysNeverCountANameAlone() {
        let keys = LoginThrottle.keys(name: "Tinh", source: "203.0.113.9")
        #expect(keys.nameAndSource == "name:tinh|source:203.0.113.9")
        #expect(keys.source == "source:203.0.113.9")
    }

    @Test func forwardingHeadersAreBelievedOnlyFromATrustedProxy() {
        let none = ClientAddress(trustedProxies: [])
        #expect(none.resolve(peer: "198.51.100.7", forwardedFor: "203.0.113.9") == "198.51.100.7")
        let proxied = ClientAddress(trustedProxies: ["127.0.0.1", "10.0.0.2"])
        #expect(proxied.resolve(peer: "127.0.0.1", forwardedFor: "203.0.113.9") == "203.0.113.9")
        #expect(proxied.resolve(peer: "127.0.0.1", forwardedFor: "1.2.3.4, 203.0.113.9, 10.0.0.2") == "203.0.113.9", "the last hop not a proxy")
        #expect(proxied.resolve(peer: "127.0.0.1", forwardedFor: nil) == "127.0.0.1")
        #expect(proxied.resolve(peer: "198.51.100.7", forwardedFor: "203.0.113.9") == "198.51.100.7", "not from the proxy")
    }
}
