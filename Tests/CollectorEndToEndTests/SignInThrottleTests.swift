import Foundation
import KioskTestSupport
import Testing

/// Guessing passwords slows only the guesser: behind a trusted proxy each client is its own source,
/// so the province admin signs in while an attacker waits (429 with Retry-After); a client's own
/// X-Forwarded-For is not believed without one; and the failures live in the database, so a second
/// collector on it does not give a second set of guesses.
@Suite struct SignInThrottleTests {
    static func rig(_ backend: CollectorBackend, proxy: Bool) throws -> CollectorRig {
        let rig = try CollectorRig("throttle", backend: backend, serveArguments: proxy ? ["--trusted-proxy", "127.0.0.1"] : [])
        try DashboardTests.addUser(rig, ["--name", "tinh", "--role", "province-admin"], password: DashboardTests.adminPassword)
        return rig
    }

    static func signIn(_ base: String, _ password: String, from client: String? = nil) throws -> HTTPExchange.Answer {
        var headers = ["Content-Type": "application/x-www-form-urlencoded", "Origin": base]
        if let client { headers["X-Forwarded-For"] = client }
        return try HTTPExchange.send("POST", base + "/login", body: Data("name=tinh&password=\(password)".utf8), headers: headers)
    }

    @Test(arguments: CollectorBackend.available) func behindATrustedProxyTheAttackerWaitsAndTheAdminSignsIn(_ backend: CollectorBackend) throws {
        let rig = try Self.rig(backend, proxy: true)
        let base = rig.collector.base
        for _ in 0..<3 { #expect(try Self.signIn(base, "doan-bua-123456", from: "203.0.113.9").status == 401) }
        let throttled = try Self.signIn(base, DashboardTests.adminPassword, from: "203.0.113.9")
        #expect(throttled.status == 429, "even with the right password, while the guesser waits")
        #expect(Int(throttled.headers["retry-after"] ?? "").map { $0 >= 1 } == true, "\(throttled.headers)")
        #expect(try Self.signIn(base, DashboardTests.adminPassword, from: "198.51.100.7").status == 302, "the admin, elsewhere, is not locked out")
    }

    @Test(arguments: CollectorBackend.available) func withoutATrustedProxyAClientsOwnForwardingHeaderIsIgnored(_ backend: CollectorBackend) throws {
        let rig = try Self.rig(backend, proxy: false)
        let base = rig.collector.base
        for attempt in 0..<3 { #expect(try Self.signIn(base, "doan-bua-123456", from: "203.0.113.\(attempt)").status == 401) }
        let spoofed = try Self.signIn(base, "doan-bua-123456", from: "198.51.100.99")
        #expect(spoofed.status == 429, "a new X-Forwarded-For does not make a new source")
    }

    @Test(arguments: CollectorBackend.available) func aSecondCollectorOnTheSameDatabaseSeesTheFailures(_ backend: CollectorBackend) throws {
        let rig = try Self.rig(backend, proxy: false)
        let second = try CollectordProcess(database: rig.database)
        for _ in 0..<3 { #expect(try Self.signIn(rig.collector.base, "doan-bua-123456").status == 401) }
        #expect(try Self.signIn(second.base, "doan-bua-123456").status == 429)
    }

    /// Failures forgotten a day after the last are deleted at the next failure, so guessing at
    /// ever new names does not grow the table without end.
    @Test(arguments: CollectorBackend.available) func forgottenFailuresAreDeleted(_ backend: CollectorBackend) throws {
        let rig = try Self.rig(backend, proxy: false)
        try rig.execute("INSERT INTO login_failure (key, failures, last_failure) VALUES ('name:cu|source:203.0.113.9', 7, '2026-01-01T00:00:00.000Z')")
        #expect(try Self.signIn(rig.collector.base, "doan-bua-123456").status == 401)
        let keys = try rig.sql("SELECT key FROM login_failure ORDER BY key").map { $0[0] }
        #expect(keys == ["name:tinh|source:127.0.0.1", "source:127.0.0.1"], "\(keys)")
    }
}
