import ArgumentParser
import CollectorStorage

struct RebuildRollupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild-rollups",
        abstract: "Recompute the monthly report tables and each kiosk's day count from the stored days (after a repair by hand; ingest keeps them in step).")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await CollectorStores.open(storage.database).rebuildRollups()
        print("Đã tính lại bảng tổng hợp theo tháng và số ngày của từng máy / monthly rollups and kiosk day counts rebuilt")
    }
}
