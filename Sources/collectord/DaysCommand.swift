import ArgumentParser
import CollectorCore
import CollectorStorage
import Foundation
import KioskCore

struct DaysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "days", abstract: "The days stored from a kiosk, with their chain links.")

    @OptionGroup var storage: StorageOptions
    @Option(help: "The kiosk id.") var kiosk: String
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let days = try await CollectorStores.open(storage.database).storedDays(kiosk: kiosk)
        if json {
            print(ListingJSON.days(days))
            return
        }
        for day in days { print("\(day.day)\t\(day.hash.prefix(16))…\t\(day.link.rawValue)") }
    }
}

struct AlarmsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alarms", abstract: "Tamper and chain-break alarms.")

    @OptionGroup var storage: StorageOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let alarms = try await CollectorStores.open(storage.database).alarms()
        if json {
            print(ListingJSON.alarms(alarms))
            return
        }
        for alarm in alarms {
            let firstSeen = alarm.firstSeen.map(CollectorTime.text) ?? "", lastSeen = alarm.lastSeen.map(CollectorTime.text) ?? ""
            let repeats = alarm.seen > 1 ? "\t×\(alarm.seen) (\(firstSeen) … \(lastSeen))" : "\t\(firstSeen)"
            print("\(alarm.day)\t\(alarm.kiosk)\t\(alarm.kind.rawValue)\t\(alarm.detail)\(repeats)")
        }
    }
}

struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health", abstract: "Every kiosk: last day received, nights silent, missing days, gaps, chain restarts, alarms, printer faults.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var zone: TimeZoneOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let today = try zone.clock().today
        let kiosks = try await CollectorStores.open(storage.database).health()
        if json {
            print(ListingJSON.health(kiosks, today: today))
            return
        }
        for kiosk in kiosks {
            let silent = kiosk.silentNights(today: today).map { $0 >= 2 ? "⚠ \($0) đêm không gửi / nights silent" : "ok" } ?? "chưa gửi / never pushed"
            print(
                "\(kiosk.kiosk)\t\(kiosk.officeName)\t\(kiosk.lastDay ?? "–")\t\(silent)\tmissing \(kiosk.missingDays)\tgaps \(kiosk.gaps)"
                    + "\tbroken \(kiosk.broken)\trestarts \(kiosk.restarts)\talarms \(kiosk.alarms)\tprinter faults \(kiosk.printerFaults)")
        }
    }
}
