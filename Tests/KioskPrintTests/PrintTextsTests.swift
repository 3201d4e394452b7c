import Foundation
import Testing
import KioskPrint
import KioskTestSupport

@Suite struct PrintTextsTests {
    @Test func kioskPrintSourcesAreNFC() throws {
        let directory = RepositoryPaths.root.appendingPathComponent("Sources/KioskPrint")
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            #expect(Array(text.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars),
                    "\(file) has decomposed (NFD) text")
        }
    }

    @Test func printedStringsAreNFCWithTheirMarks() {
        for text in [PrintTexts.motto, PrintTexts.slipTitle, PrintTexts.copyApplicant, PrintTexts.documentsContinued,
                     PrintTexts.ticketNumberCaption,
                     PrintTexts.estimatedWait(minutes: 80), PrintTexts.counters([1, 3])] {
            #expect(Array(text.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
        }
        #expect(PrintTexts.slipTitle.unicodeScalars.contains("\u{1EA4}"))  // Ấ precomposed
    }

    @Test func valuesAreFormattedTheVietnameseWay() {
        #expect(PrintTexts.estimatedWait(minutes: 15) == "khoảng\u{00A0}15\u{00A0}phút")
        #expect(PrintTexts.estimatedWait(minutes: 0) == "dưới\u{00A0}1\u{00A0}phút")
        #expect(PrintTexts.estimatedWait(minutes: 80) == "khoảng\u{00A0}1\u{00A0}giờ\u{00A0}20\u{00A0}phút")
        #expect(PrintTexts.counters([1, 3]) == "Quầy\u{00A0}1, 3")
        #expect(PrintTexts.workingDays(3) == "03\u{00A0}ngày\u{00A0}làm\u{00A0}việc")
        #expect(PrintTexts.workingDays(2.5) == "2,5\u{00A0}ngày\u{00A0}làm\u{00A0}việc")
        #expect(PrintTexts.workingDays(12).hasPrefix("12\u{00A0}"))
        #expect(PrintTexts.sets(1) == "01\u{00A0}(bộ)")
        #expect(PrintTexts.page(2, of: 3) == "Trang 2/3")
        #expect(PrintTexts.document(name: "Giấy chứng sinh", form: "Bản chính", copies: 1) == "Giấy chứng sinh (Bản chính: 01)")
    }

    @Test func datesAreInTheOfficesTimeZone() {
        // 2026-11-23 01:15 UTC is 08:15 in Hà Nội.
        let date = Date(timeIntervalSince1970: 1_795_396_500)
        let local = VietnameseDate(date, timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
        #expect(local.dateTime == "23/11/2026 08:15")
        #expect(local.formDateTime == "08 giờ 15 phút, ngày 23 tháng 11 năm 2026")
        #expect(local.weekdayName == "Thứ Hai")
        #expect(local.placeAndDate("Hà Nội") == "Hà Nội, ngày 23 tháng 11 năm 2026")
        let utc = VietnameseDate(date, timeZone: TimeZone(identifier: "UTC")!)
        #expect(utc.dateTime == "23/11/2026 01:15")
    }

    @Test func errorsSayItInVietnameseFirst() {
        let message = PrintRenderError.missingField("feedback.hotline").description
        #expect(message.hasPrefix("Thiếu thông tin bắt buộc"))
        #expect(message.contains("/ Required field missing"))
    }
}
