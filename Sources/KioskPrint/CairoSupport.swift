import CPangoCairo

// The only place that owns Cairo handles. Everything here is internal: no Cairo pointer leaves
// KioskPrint. Each object lives within one render call on one thread.

/// An owned `cairo_surface_t`.
final class CairoSurface {
    let pointer: OpaquePointer

    private init(adopting pointer: OpaquePointer) throws {
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(pointer)
            throw PrintRenderError.cairo(CairoSurface.message(status))
        }
        self.pointer = pointer
    }

    deinit { cairo_surface_destroy(pointer) }

    /// An image surface cleared to transparent (for A8: no ink).
    static func image(_ format: cairo_format_t, width: Int, height: Int) throws -> CairoSurface {
        guard width > 0, height > 0, width <= 32767, height <= 32767 else {
            throw PrintRenderError.invalidSize(width: width, height: height)
        }
        return try CairoSurface(adopting: cairo_image_surface_create(format, Int32(width), Int32(height)))
    }

    /// A PDF surface whose bytes go to `sink` (points: 1/72 inch).
    static func pdf(width: Double, height: Double, sink: ByteSink) throws -> CairoSurface {
        let surface = cairo_pdf_surface_create_for_stream(
            { closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
                    .bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                return CAIRO_STATUS_SUCCESS
            },
            Unmanaged.passUnretained(sink).toOpaque(), width, height)!
        return try CairoSurface(adopting: surface)
    }

    /// Reads a PNG (any format Cairo reads) into an image surface.
    static func png(_ bytes: [UInt8]) throws -> CairoSurface {
        let source = ByteSource(bytes)
        let surface = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(
                { closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
                    let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
                    let wanted = Int(length)
                    guard source.offset + wanted <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
                    source.bytes.withUnsafeBufferPointer { buffer in
                        data.update(from: buffer.baseAddress! + source.offset, count: wanted)
                    }
                    source.offset += wanted
                    return CAIRO_STATUS_SUCCESS
                },
                Unmanaged.passUnretained(source).toOpaque())!
        }
        do {
            return try CairoSurface(adopting: surface)
        } catch {
            throw PrintRenderError.png(PrintTexts.notAPNG)
        }
    }

    var width: Int { Int(cairo_image_surface_get_width(pointer)) }
    var height: Int { Int(cairo_image_surface_get_height(pointer)) }
    var stride: Int { Int(cairo_image_surface_get_stride(pointer)) }
    var format: cairo_format_t { cairo_image_surface_get_format(pointer) }

    /// The PNG encoding of this image surface.
    func pngBytes() throws -> [UInt8] {
        let sink = ByteSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(
                pointer,
                { closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                    Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
                        .bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                    return CAIRO_STATUS_SUCCESS
                },
                Unmanaged.passUnretained(sink).toOpaque())
        }
        guard status == CAIRO_STATUS_SUCCESS else { throw PrintRenderError.cairo(CairoSurface.message(status)) }
        return sink.bytes
    }

    func finish() throws {
        cairo_surface_finish(pointer)
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else { throw PrintRenderError.cairo(CairoSurface.message(status)) }
    }

    /// Thresholds an image surface to 1 bit. A8: a pixel is black when its alpha (ink coverage) is
    /// ≥ `threshold`. ARGB32/RGB24: the pixel is composited on white paper and is black when its
    /// darkness (255 − luminance) is ≥ `threshold`. A1: set bits are ink.
    func monochrome(threshold: UInt8 = 128) throws -> MonochromeBitmap {
        cairo_surface_flush(pointer)
        let width = self.width, height = self.height, stride = self.stride
        guard let data = cairo_image_surface_get_data(pointer) else {
            throw PrintRenderError.cairo(PrintTexts.noImageData)
        }
        var bitmap = MonochromeBitmap(width: width, height: height)
        switch format {
        case CAIRO_FORMAT_A8:
            bitmap.fill { x, y in data[y * stride + x] >= threshold }
        case CAIRO_FORMAT_ARGB32, CAIRO_FORMAT_RGB24:
            let opaque = format == CAIRO_FORMAT_RGB24
            data.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * height) { words in
                bitmap.fill { x, y in
                    let pixel = words[y * (stride / 4) + x]
                    let alpha = opaque ? 255 : Int(pixel >> 24)
                    // Premultiplied colour over white: c + (255 − alpha).
                    let r = Int((pixel >> 16) & 0xFF) + 255 - alpha
                    let g = Int((pixel >> 8) & 0xFF) + 255 - alpha
                    let b = Int(pixel & 0xFF) + 255 - alpha
                    let luminance = (299 * r + 587 * g + 114 * b) / 1000
                    return 255 - luminance >= Int(threshold)
                }
            }
        case CAIRO_FORMAT_A1:
            data.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * height) { words in
                bitmap.fill { x, y in
                    words[y * (stride / 4) + x >> 5] & (CairoSurface.a1Bit(x)) != 0
                }
            }
        default:
            throw PrintRenderError.cairo(PrintTexts.unsupportedImageFormat)
        }
        return bitmap
    }

    /// A 1-bit image surface (Cairo A1) of a bitmap, for PNG output. Cairo writes an A1 surface as
    /// a grayscale PNG where a set bit is white, so the bits are set for white pixels.
    static func a1(_ bitmap: MonochromeBitmap) throws -> CairoSurface {
        let surface = try image(CAIRO_FORMAT_A1, width: bitmap.width, height: bitmap.height)
        cairo_surface_flush(surface.pointer)
        let stride = surface.stride
        let data = cairo_image_surface_get_data(surface.pointer)!
        data.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * bitmap.height) { words in
            for y in 0..<bitmap.height {
                let rowWords = words + y * (stride / 4)
                for w in 0..<(stride / 4) { rowWords[w] = 0 }
                for x in 0..<bitmap.width where !bitmap[x, y] {
                    rowWords[x >> 5] |= a1Bit(x)
                }
            }
        }
        cairo_surface_mark_dirty(surface.pointer)
        return surface
    }

    /// Cairo's A1 pixels are bits of native-endian 32-bit words; on a little-endian machine the
    /// leftmost pixel is the least significant bit.
    private static func a1Bit(_ x: Int) -> UInt32 {
        #if _endian(little)
        return 1 << UInt32(x & 31)
        #else
        return 0x8000_0000 >> UInt32(x & 31)
        #endif
    }

    static func message(_ status: cairo_status_t) -> String {
        String(cString: cairo_status_to_string(status))
    }
}

/// An owned `cairo_t`.
final class CairoContext {
    let pointer: OpaquePointer
    let surface: CairoSurface

    init(_ surface: CairoSurface) throws {
        self.surface = surface
        pointer = cairo_create(surface.pointer)!
        let status = cairo_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(pointer)
            throw PrintRenderError.cairo(CairoSurface.message(status))
        }
    }

    deinit { cairo_destroy(pointer) }

    func setInk() { cairo_set_source_rgba(pointer, 0, 0, 0, 1) }

    /// Fills rectangles in one path, without anti-aliasing when `crisp` (1-bit output: edges on
    /// whole dots) and so without seams between touching rectangles in either case.
    func fillRectangles(_ rectangles: [(x: Double, y: Double, width: Double, height: Double)], crisp: Bool) {
        guard !rectangles.isEmpty else { return }
        cairo_save(pointer)
        cairo_set_antialias(pointer, crisp ? CAIRO_ANTIALIAS_NONE : CAIRO_ANTIALIAS_DEFAULT)
        cairo_set_fill_rule(pointer, CAIRO_FILL_RULE_WINDING)
        cairo_new_path(pointer)
        for r in rectangles {
            cairo_rectangle(pointer, r.x, r.y, r.width, r.height)
        }
        setInk()
        cairo_fill(pointer)
        cairo_restore(pointer)
    }

    func showPage() { cairo_show_page(pointer) }

    func status() throws {
        let status = cairo_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else { throw PrintRenderError.cairo(CairoSurface.message(status)) }
    }
}

/// Collects bytes written by Cairo's stream functions.
final class ByteSink {
    var bytes: [UInt8] = []
}

/// Bytes read by Cairo's stream functions.
final class ByteSource {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

extension MonochromeBitmap {
    /// The bitmap as a grayscale PNG, black on white and nothing in between, encoded by Cairo
    /// (Cairo 1.16 writes its 1-bit A1 surfaces as 8-bit gray; deflate makes that cheap).
    public func pngData() throws -> [UInt8] {
        guard width > 0, height > 0 else { throw PrintRenderError.invalidSize(width: width, height: height) }
        return try CairoSurface.a1(self).pngBytes()
    }

    /// Reads a PNG (any colour type Cairo reads) and thresholds it: a pixel is black when its
    /// darkness over white paper is ≥ `threshold`.
    public init(pngData: [UInt8], threshold: UInt8 = 128) throws {
        self = try CairoSurface.png(pngData).monochrome(threshold: threshold)
    }
}
