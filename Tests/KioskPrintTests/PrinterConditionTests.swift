@testable import KioskCups
@testable import KioskPrint
import Testing

/// printer-state-reasons (RFC 8011 keywords, with their -error/-warning/-report suffixes) as the
/// conditions the terminal names.
@Suite struct PrinterConditionTests {
    func status(_ reasons: [String], state: PrinterStatus.State = .idle, accepting: Bool = true) -> PrinterStatus {
        PrinterStatus(state: state, reasons: reasons, accepting: accepting, message: "")
    }

    @Test(arguments: [
        (["media-empty-error"], PrinterCondition.outOfPaper),
        (["media-needed-warning"], .outOfPaper),
        (["media-jam-error"], .paperJam),
        (["cover-open-error"], .coverOpen),
        (["door-open-report"], .coverOpen),
        (["offline-report"], .offline),
        (["connecting-to-device"], .offline),
        (["timed-out"], .offline),
        (["paused"], .stopped),
    ])
    func reasonNamesItsCondition(_ reasons: [String], _ condition: PrinterCondition) {
        #expect(status(reasons).conditions == [condition])
    }

    @Test func aStoppedRejectingPrinterOutOfPaperListsEveryConditionMostSeriousFirst() {
        let conditions = status(["media-empty-error", "cover-open-error"], state: .stopped, accepting: false).conditions
        #expect(conditions == [.outOfPaper, .coverOpen, .stopped, .notAccepting])
    }

    @Test func aReadyPrinterHasNoCondition() {
        #expect(status([]).conditions.isEmpty)
        #expect(status(["other-report"], state: .processing).conditions.isEmpty)
    }
}
