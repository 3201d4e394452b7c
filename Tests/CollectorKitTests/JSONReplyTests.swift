@testable import CollectorKit
import Foundation
import Testing

@Suite struct JSONReplyTests {
    @Test func keysAreSortedAndEverythingIsEscapedAsJSONReadsIt() throws {
        let object = ["status": "stored", "error": "quote \" slash \\ line\nend\t\u{1}", "day": "Ngày 30/10 — đã lưu", "a/b": "x"]
        let text = JSONReply.text(object)
        #expect(text.hasPrefix(#"{"a/b":"x","day":"#))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains(#"\u0001"#))
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(decoded == object)
    }
}
