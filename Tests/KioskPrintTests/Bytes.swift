import Glibc

/// Byte comparisons at memcmp speed: the tests compare tens of kilobytes of paper thousands of
/// times, and the debug build's generic element-by-element comparison makes that minutes.
enum Bytes {
    static func same(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, a.count) == 0 } }
    }

    static func allZero(_ bytes: ArraySlice<UInt8>) -> Bool {
        var rest = bytes
        while !rest.isEmpty {
            let chunk = rest.prefix(zeros.count)
            guard same(chunk, zeros[..<chunk.count]) else { return false }
            rest = rest.dropFirst(chunk.count)
        }
        return true
    }

    private static let zeros = [UInt8](repeating: 0, count: 4096)
}
