import KioskConfigFile
import KioskCore
import Testing

/// `[sync]`: the kiosk id, when days are sealed, where they go, and the key file.
@Suite struct SyncConfigTests {
    @Test func defaultsAreTheOfficeCodeAndHalfAnHourAfterTheTicketReset() throws {
        let config = try decodeValid(OfficeTOML.minimal)
        #expect(config.sync == SyncConfig(kioskID: "TEST-01", sealAt: OfficeHours.ClockTime(hour: 0, minute: 30)!))
        let resetAtFive = try decodeValid(OfficeTOML.minimal + "\n[ticketing]\nreset_hour = 5\n")
        #expect(resetAtFive.sync.sealAt == OfficeHours.ClockTime(hour: 5, minute: 30)!)
    }

    @Test func everyKeyIsRead() throws {
        let config = try decodeValid(OfficeTOML.minimal + """

            [sync]
            kiosk_id = "TEST-01-may-2"
            seal_at = "01:15"
            collector = "https://thongke.example.vn"
            key_file = "keys/kiosk.key"
            """)
        #expect(config.sync == SyncConfig(
            kioskID: "TEST-01-may-2", sealAt: OfficeHours.ClockTime(hour: 1, minute: 15)!, collector: "https://thongke.example.vn",
            keyFile: "keys/kiosk.key"))
    }

    @Test func aSealTimeBeforeTheTicketResetIsRefused() {
        expectSingleIssue(
            OfficeTOML.minimal + "\n[ticketing]\nreset_hour = 5\n\n[sync]\nseal_at = \"04:59\"\n", key: "sync.seal_at",
            messageContains: "at or after the ticket reset hour (05:00)")
    }

    @Test(arguments: [
        ("seal_at = \"24:00\"", "sync.seal_at", "expected a time HH:MM"),
        ("kiosk_id = \"máy 1\"", "sync.kiosk_id", "expected up to 64 ASCII letters"),
        ("collector = \"ftp://x\"", "sync.collector", "expected an https:// (or http://) URL"),
        ("key_file = \"\"", "sync.key_file", "expected a non-empty string"),
        ("push_at = \"02:00\"", "sync.push_at", "unknown key"),
    ])
    func mistakesAreNamed(line: String, key: String, fragment: String) {
        expectSingleIssue(OfficeTOML.minimal + "\n[sync]\n\(line)\n", key: key, messageContains: fragment)
    }
}

@Suite struct VoiceConfigTests {
    @Test func withoutAVoiceTableTheOfficeIsSilent() throws {
        #expect(try decodeValid(OfficeTOML.minimal).voice == nil)
    }

    @Test func theVoiceTableHasDefaultsAndChecksItsKeys() throws {
        let config = try decodeValid(OfficeTOML.minimal + "\n[voice]\n")
        #expect(config.voice == VoiceConfig(device: "default", voice: "vi", wordsPerMinute: 140))
        let tuned = try decodeValid(OfficeTOML.minimal + "\n[voice]\ndevice = \"plughw:1,0\"\nvoice = \"vi-vn-x-south\"\nwords_per_minute = 120\n")
        #expect(tuned.voice == VoiceConfig(device: "plughw:1,0", voice: "vi-vn-x-south", wordsPerMinute: 120))
        expectSingleIssue(OfficeTOML.minimal + "\n[voice]\nwords_per_minute = 20\n", key: "voice.words_per_minute", messageContains: "80")
        expectSingleIssue(OfficeTOML.minimal + "\n[voice]\nspeaker = \"x\"\n", key: "voice.speaker", messageContains: "unknown key")
    }
}
