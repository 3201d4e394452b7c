import KioskPrint

/// Where things are in an encoded job, read with `EscPosRaster.commands(in:)` (the decoder, not
/// the printer model the tests check).
struct EscPosJobLayout {
    /// Offsets at which a command starts, and the job's end: a printer given the bytes before one
    /// of these is not inside a command. Every NUL is a command of its own.
    let boundaries: Set<Int>
    /// Offset of each band header.
    let bandStarts: [Int]
    /// For each band, where its data starts and how long it is.
    let bandData: [Range<Int>]

    init(_ job: [UInt8]) throws {
        var boundaries: Set<Int> = []
        var bandStarts: [Int] = []
        var bandData: [Range<Int>] = []
        var offset = 0
        for command in try EscPosRaster.commands(in: job) {
            let length: Int
            switch command {
            case .nulPadding(let count):
                boundaries.formUnion(offset ..< offset + count)
                length = count
            case .initialize:
                length = 2
            case .raster(_, _, let data):
                bandStarts.append(offset)
                bandData.append(offset + 8 ..< offset + 8 + data.count)
                length = 8 + data.count
            case .feed:
                length = 3
            case .cut(_, let feed):
                length = feed == nil ? 3 : 4
            }
            boundaries.insert(offset)
            offset += length
        }
        boundaries.insert(offset)
        self.boundaries = boundaries
        self.bandStarts = bandStarts
        self.bandData = bandData
    }

    /// Raster data bytes among the first `count` bytes of the job.
    func rasterBytes(inFirst count: Int) -> Int {
        bandData.reduce(0) { $0 + max(0, min(count, $1.upperBound) - $1.lowerBound) }
    }
}
