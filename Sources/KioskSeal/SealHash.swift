import Crypto

/// SHA-256 of a sealed day's canonical bytes, in lower-case hex: the chain link (`previous`).
public enum SealHash {
    public static func hex(of bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
