import AsyncHTTPClient
import Foundation
import KioskProtocol
import KioskSeal
import NIOCore

/// Fetches the calendar files the collector has newer than the kiosk's (`GET
/// {collector}/api/v1/calendars?have=…`, signed with the kiosk's key as its pushes are), checks
/// each (`CalendarCheck`) and installs those that pass (`CalendarShelf`); a refused file changes
/// nothing. After installing it asks again with what it now has, which is what the collector
/// records for the dashboard. Run by `kioskctl push` after the days.
public struct CalendarFetcher: Sendable {
    let collector: String
    let kioskID: String
    let signingKey: KioskSigningKey
    let collectorKey: KioskPublicKey
    public let shelf: CalendarShelf
    let timeout: Double
    let now: @Sendable () -> Date

    public init(
        collector: String, kioskID: String, signingKey: KioskSigningKey, collectorKey: KioskPublicKey, shelf: CalendarShelf, timeout: Double = 30,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.collector = collector.hasSuffix("/") ? String(collector.dropLast()) : collector
        self.kioskID = kioskID
        self.signingKey = signingKey
        self.collectorKey = collectorKey
        self.shelf = shelf
        self.timeout = timeout
        self.now = now
    }

    public func fetch() async -> CalendarFetchReport {
        var report = CalendarFetchReport(had: shelf.stamps().map(\.holding))
        let offer: CalendarOffer
        switch await ask(have: report.had) {
        case .failure(let failure):
            report.failure = failure
            return report
        case .success(let answer): offer = answer
        }
        for calendar in offer.calendars {
            switch CalendarCheck.verdict(calendar, collectorKey: collectorKey, installed: shelf.stamp(year: calendar.year)) {
            case .alreadyInstalled:
                continue
            case .refuse(let reason):
                report.refused.append(.init(year: calendar.year, version: calendar.version, reason: reason))
            case .install:
                do {
                    try shelf.install(calendar)
                    report.installed.append(calendar.stamp.holding)
                } catch {
                    report.failure = .notInstalled(year: calendar.year, String(describing: error))
                    return report
                }
            }
        }
        if !report.installed.isEmpty {
            // Ask once more with what is now installed, so the collector's dashboard shows it tonight
            // rather than after the next run; the answer offers nothing new and is not needed.
            _ = await ask(have: shelf.stamps().map(\.holding))
        }
        return report
    }

    private func ask(have: [CalendarHolding]) async -> Result<CalendarOffer, CalendarFetchReport.Failure> {
        let haveText = CalendarFetch.have(have)
        let time = Self.timeText(now())
        let signature: String
        do {
            signature = try signingKey.seal(CalendarFetch.message(kioskID: kioskID, time: time, have: haveText)).signature
        } catch {
            return .failure(.unreachable("cannot sign the request: \(error)"))
        }
        var configuration = HTTPClient.Configuration()
        // As DayPusher: a collector that cannot be reached is tried again on the next nightly run.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        var request = HTTPClientRequest(url: "\(collector)\(CalendarFetch.path)?have=\(haveText)")
        request.headers.add(name: PushAnswer.Header.kioskID, value: kioskID)
        request.headers.add(name: CalendarFetch.Header.time, value: time)
        request.headers.add(name: PushAnswer.Header.signature, value: signature)
        let result = await send(request, client: client)
        try? await client.shutdown()
        return result
    }

    private func send(_ request: HTTPClientRequest, client: HTTPClient) async -> Result<CalendarOffer, CalendarFetchReport.Failure> {
        let status: Int
        let body: Data
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
            // A year's file is about 6 KiB; every year a province keeps fits well under this.
            body = Data((try await response.body.collect(upTo: 8 << 20)).readableBytesView)
            status = Int(response.status.code)
        } catch {
            return .failure(.unreachable("\(error)"))
        }
        switch status {
        case 200:
            do {
                return .success(try ProtocolJSON.decode(CalendarOffer.self, from: body))
            } catch {
                return .failure(.unreadable("\(error)"))
            }
        case 429, 500...599:
            return .failure(.unreachable("HTTP \(status): \(Self.reason(body))"))
        default:
            return .failure(.refused(status: status, reason: Self.reason(body)))
        }
    }

    static func timeText(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    private static func reason(_ body: Data) -> String {
        (try? ProtocolJSON.decode(PushAnswer.self, from: body))?.reason ?? String(decoding: body, as: UTF8.self)
    }
}
