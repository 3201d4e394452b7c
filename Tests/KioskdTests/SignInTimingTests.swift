import Foundation
import KioskTestSupport
import Testing

/// Sign-in does not tell which names exist: a wrong password for a real account and any password
/// for a name that does not exist take the same time (one bcrypt check at the accounts' cost).
@Suite struct SignInTimingTests {
    @Test(arguments: CollectorBackend.available) func aWrongNameCostsWhatAWrongPasswordDoes(_ backend: CollectorBackend) throws {
        let rig = try DashboardTests.rig(backend)
        func attempt(_ name: String) throws -> Double {
            let start = Date()
            let answer = try HTTPCall.send(
                "POST", rig.collector.base + "/login", body: Data("name=\(name)&password=sai-mat-khau-123".utf8),
                headers: ["Content-Type": "application/x-www-form-urlencoded", "Origin": rig.collector.base])
            #expect(answer.status == 401)
            return Date().timeIntervalSince(start)
        }
        // Under the throttle's limit for one address: two of each, the faster of each pair.
        let real = try min(attempt("tinh"), attempt("tinh"))
        let unknown = try min(attempt("khong-co-ai"), attempt("ai-do-khac"))
        print("sign-in on \(backend): wrong password \(Int(real * 1000)) ms, unknown name \(Int(unknown * 1000)) ms")
        #expect(real > 0.05, "a bcrypt check at cost 12 takes far more than 50 ms")
        #expect(unknown > real * 0.6 && unknown < real * 1.6, "wrong password \(real) s, unknown name \(unknown) s")
    }
}
