@testable import KioskInput
import Testing

@Suite struct LogRateLimiterTests {
    @Test func aBurstIsLoggedThenLikeMessagesAreCountedUntilTheMinuteIsOver() {
        var limiter = LogRateLimiter(burst: 5, windowSeconds: 60)
        let first = (0..<8).map { limiter.admit("double tracking ID", at: 100 + Double($0)) }
        #expect(first.prefix(4).allSatisfy { $0 == .log(suppressedBefore: 0, lastOfBurst: false) })
        #expect(first[4] == .log(suppressedBefore: 0, lastOfBurst: true))
        #expect(first.suffix(3).allSatisfy { $0 == .suppress })
        // Another message is not held back by the first one's burst.
        #expect(limiter.admit("ioctl failed", at: 108) == .log(suppressedBefore: 0, lastOfBurst: false))
        #expect(limiter.admit("double tracking ID", at: 159.9) == .suppress)
        // The minute is over: logged again, saying how many were not.
        #expect(limiter.admit("double tracking ID", at: 160) == .log(suppressedBefore: 4, lastOfBurst: false))
        #expect(limiter.admit("double tracking ID", at: 161) == .log(suppressedBefore: 0, lastOfBurst: false))
    }
}
