import KioskCore
import Testing

/// Numbers, letters and ticket numbers as Vietnamese people say them.
@Suite struct VietnameseNumberTests {
    @Test(arguments: [
        (0, "không"), (1, "một"), (4, "bốn"), (5, "năm"), (10, "mười"), (11, "mười một"), (14, "mười bốn"),
        (15, "mười lăm"), (20, "hai mươi"), (21, "hai mươi mốt"), (24, "hai mươi tư"), (25, "hai mươi lăm"),
        (31, "ba mươi mốt"), (55, "năm mươi lăm"), (99, "chín mươi chín"), (100, "một trăm"), (101, "một trăm linh một"),
        (104, "một trăm linh bốn"), (105, "một trăm linh năm"), (110, "một trăm mười"), (111, "một trăm mười một"),
        (115, "một trăm mười lăm"), (121, "một trăm hai mươi mốt"), (999, "chín trăm chín mươi chín"), (1000, "một nghìn"),
        (1005, "một nghìn không trăm linh năm"), (1010, "một nghìn không trăm mười"), (1500, "một nghìn năm trăm"),
        (2024, "hai nghìn không trăm hai mươi tư"), (10_000, "mười nghìn"), (15_000, "mười lăm nghìn"),
        (21_000, "hai mươi mốt nghìn"), (105_000, "một trăm linh năm nghìn"), (1_000_000, "một triệu"),
        (1_000_005, "một triệu không trăm linh năm"), (2_021_000, "hai triệu không trăm hai mươi mốt nghìn"),
    ])
    func cardinals(value: Int, spoken: String) {
        #expect(VietnameseNumber.cardinal(value) == spoken)
    }

    @Test(arguments: [(105, "một trăm lẻ năm"), (1001, "một nghìn không trăm lẻ một"), (15, "mười lăm")])
    func theSouthSaysLe(value: Int, spoken: String) {
        #expect(VietnameseNumber.cardinal(value, zeroTens: .le) == spoken)
    }

    @Test(arguments: [
        ("A012", "a không một hai"), ("B1000", "bê một không không không"), ("D045", "dê không bốn năm"),
        ("Đ5", "đê năm"), ("C7", "xê bảy"), ("K001", "ca không không một"), ("b24", "bê hai bốn"),
    ])
    func ticketNumbersAreLetterNameThenEachDigit(number: String, spoken: String) {
        #expect(SpokenTicketNumber.words(number) == spoken)
    }

    @Test(arguments: [
        ("A", "a"), ("B", "bê"), ("C", "xê"), ("D", "dê"), ("Đ", "đê"), ("E", "e"), ("G", "giê"), ("H", "hát"), ("K", "ca"),
        ("L", "e lờ"), ("M", "em mờ"), ("N", "en nờ"), ("P", "pê"), ("Q", "quy"), ("R", "e rờ"), ("S", "ét xì"), ("T", "tê"),
        ("V", "vê"), ("X", "ích xì"), ("Y", "i dài"),
    ])
    func lettersHaveTheirVietnameseNames(letter: Character, name: String) {
        #expect(VietnameseLetter.name(of: letter) == name)
    }

    @Test func theHallCallUsesTheSameDigitWords() {
        for digit in 0...9 {
            #expect(CallAnnouncement.text(number: "A\(digit)", counterNumber: 1) == "Mời số A \(VietnameseNumber.digit(digit)) đến quầy số 1.")
        }
    }
}
