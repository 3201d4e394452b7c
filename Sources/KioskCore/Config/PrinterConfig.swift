/// A printer as CUPS knows it, and how the kiosk talks to it.
public struct PrinterConfig: Sendable, Equatable {
    public var id: String
    /// The CUPS queue name.
    public var queue: String
    /// `host:port` of cupsd, or the path of its Unix socket.
    public var server: String
    public var mode: PrinterMode
    /// Dots per line of a thermal printer at 203 dpi: 384 (58 mm) or 576 (80 mm).
    public var width: Int
    /// Paper of a document printer, for slips sent as PDF.
    public var paper: PaperFormat
    /// The longest one CUPS request may take; a hung cupsd fails the job after this, never blocks.
    public var timeoutSeconds: Double
    /// How long a job may take from submission to completion before the ticket counts as not printed.
    public var jobTimeoutSeconds: Double

    public init(
        id: String, queue: String, server: String = PrinterConfig.defaultServer, mode: PrinterMode, width: Int = 576,
        paper: PaperFormat = .a4, timeoutSeconds: Double = 5, jobTimeoutSeconds: Double = 30
    ) {
        self.id = id
        self.queue = queue
        self.server = server
        self.mode = mode
        self.width = width
        self.paper = paper
        self.timeoutSeconds = timeoutSeconds
        self.jobTimeoutSeconds = jobTimeoutSeconds
    }

    public static let defaultServer = "/run/cups/cups.sock"
}

public enum PrinterMode: String, Sendable, Equatable, CaseIterable {
    /// ESC/POS raster (`GS v 0`), sent as application/vnd.cups-raw: the bytes reach the printer untouched.
    case raw
    /// PNG (tickets, thermal slips) or PDF (slips on paper) to a queue with a driver.
    case document
}

public enum PaperFormat: String, Sendable, Equatable, CaseIterable {
    case a4
    case a5
    /// A roll: slips are printed as raster at the printer's width, like tickets.
    case roll
}
