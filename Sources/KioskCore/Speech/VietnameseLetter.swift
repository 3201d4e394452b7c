/// Latin letters by their Vietnamese names, as a ticket's service letter is read out: B is
/// "bê", D "dê", Đ "đê". The names are the school alphabet's (bảng chữ cái), not the phonics
/// ("bờ", "dờ") children first learn, because that is how letters of codes and plates are said;
/// F, J, W and Z, not in the Vietnamese alphabet, get their usual loan names.
public enum VietnameseLetter {
    static let names: [Character: String] = [
        "A": "a", "Ă": "á", "Â": "ớ", "B": "bê", "C": "xê", "D": "dê", "Đ": "đê", "E": "e", "Ê": "ê",
        "F": "ép", "G": "giê", "H": "hát", "I": "i", "J": "gi", "K": "ca", "L": "e lờ", "M": "em mờ",
        "N": "en nờ", "O": "o", "Ô": "ô", "Ơ": "ơ", "P": "pê", "Q": "quy", "R": "e rờ", "S": "ét xì",
        "T": "tê", "U": "u", "Ư": "ư", "V": "vê", "W": "vê kép", "X": "ích xì", "Y": "i dài", "Z": "dét",
    ]

    /// The letter's name, upper or lower case; nil for anything that is not a letter of the table.
    public static func name(of letter: Character) -> String? {
        names[Character(String(letter).uppercased())]
    }
}
