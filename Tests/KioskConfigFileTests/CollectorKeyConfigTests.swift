import KioskConfigFile
import KioskCore
import Testing

/// `[sync] collector_key`: the collector's public key, which signs the calendars the kiosk fetches.
@Suite struct CollectorKeyConfigTests {
    static let key = "Yejk0/FktpDqx+h1i+N29Hi6OeMrgYxHb8WR7sI+Img="

    @Test func theKeyIsReadBesideTheCollector() throws {
        let config = try decodeValid(OfficeTOML.minimal + "\n[sync]\ncollector = \"https://thongke.example.vn\"\ncollector_key = \"\(Self.key)\"\n")
        #expect(config.sync.collectorKey == Self.key)
        #expect(try decodeValid(OfficeTOML.minimal).sync.collectorKey == nil)
    }

    @Test(arguments: [
        ("collector = \"https://x.vn\"\ncollector_key = \"abc\"", "expected the collector's public key as `collectord key` prints it (base64 of 32 bytes)"),
        ("collector = \"https://x.vn\"\ncollector_key = \"\(String(key.dropLast(4)))\"", "base64 of 32 bytes"),
        ("collector_key = \"\(key)\"", "expected `collector` (the collector's URL) beside it"),
    ])
    func aKeyThatIsNotOneIsNamed(lines: String, fragment: String) {
        expectSingleIssue(OfficeTOML.minimal + "\n[sync]\n\(lines)\n", key: "sync.collector_key", messageContains: fragment)
    }
}
