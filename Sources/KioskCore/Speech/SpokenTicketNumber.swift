/// A ticket number as people read it: the service letter by its name, then each digit, so
/// "A012" is "a không một hai" and never "a mười hai".
public enum SpokenTicketNumber {
    public static func words(_ number: String) -> String {
        number.compactMap { character -> String? in
            if let digit = character.wholeNumberValue, character.isASCII { return VietnameseNumber.digit(digit) }
            return VietnameseLetter.name(of: character) ?? (character.isWhitespace ? nil : String(character))
        }.joined(separator: " ")
    }
}
