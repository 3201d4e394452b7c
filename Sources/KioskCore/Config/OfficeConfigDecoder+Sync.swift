import Foundation

extension OfficeConfigDecoder {
    static func readSync(_ table: TableReader, officeCode: String?, resetHour: Int) -> SyncConfig {
        table.rejectUnknownKeys(["kiosk_id", "seal_at", "collector", "key_file", "collector_key"])
        let defaults = SyncConfig.defaults(officeCode: officeCode ?? "", resetHour: resetHour)
        let kioskID = table.string("kiosk_id", required: false) ?? defaults.kioskID
        if !kioskID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) || kioskID.count > 64 {
            table.issues.report(table.keyPath("kiosk_id"), "expected up to 64 ASCII letters, digits, '-' or '_', found \"\(kioskID)\"")
        }
        var sealAt = defaults.sealAt
        if let text = table.string("seal_at", required: false) {
            if let time = OfficeHours.ClockTime(text), time.hour >= resetHour {
                sealAt = time
            } else {
                table.issues.report(
                    table.keyPath("seal_at"),
                    "expected a time HH:MM at or after the ticket reset hour (\(OfficeHours.ClockTime(hour: resetHour, minute: 0)!)), "
                        + "so that the day's tickets are complete; found \"\(text)\"")
            }
        }
        let collector = table.string("collector", required: false)
        if let collector, !(collector.hasPrefix("https://") || collector.hasPrefix("http://")) {
            table.issues.report(table.keyPath("collector"), "expected an https:// (or http://) URL, found \"\(collector)\"")
        }
        let keyFile = table.string("key_file", required: false) ?? defaults.keyFile
        let collectorKey = table.string("collector_key", required: false)
        if let collectorKey, Data(base64Encoded: collectorKey)?.count != 32 {
            table.issues.report(
                table.keyPath("collector_key"), "expected the collector's public key as `collectord key` prints it (base64 of 32 bytes), found \"\(collectorKey)\"")
        } else if collectorKey != nil, collector == nil {
            table.issues.report(table.keyPath("collector_key"), "expected `collector` (the collector's URL) beside it: the key is the collector's")
        }
        return SyncConfig(kioskID: kioskID, sealAt: sealAt, collector: collector, keyFile: keyFile, collectorKey: collectorKey)
    }
}
