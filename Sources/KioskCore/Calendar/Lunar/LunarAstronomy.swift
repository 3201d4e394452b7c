import Foundation

/// New moons and the sun's longitude, after Jean Meeus, "Astronomical Algorithms" (2nd ed., 1998):
/// the new moon with all the periodic and planetary terms of chapter 49 (a few seconds' error),
/// ΔT by Espenak and Meeus' polynomials, and the sun's apparent longitude of chapter 25 (0.01°).
/// Hồ Ngọc Đức's short "Âm lịch Việt Nam" script keeps only the largest new-moon terms, which date
/// the new moons of 2072 and 2077 that fall minutes from midnight on another day than his own
/// published tables; the full terms agree with the tables there.
/// Days are Julian day numbers; instants are Julian dates.
enum LunarAstronomy {
    /// Julian day number of 1970-01-01.
    static let julianDayOfEpoch = 2_440_588

    static func julianDay(_ day: LocalDay) -> Int {
        day.daysSinceEpoch + julianDayOfEpoch
    }

    static func localDay(julianDay: Int) -> LocalDay {
        let civil = LocalDay.civil(fromDaysSinceEpoch: julianDay - julianDayOfEpoch)
        return LocalDay(year: civil.year, month: civil.month, day: civil.day)!
    }

    private static func sinDegrees(_ degrees: Double) -> Double { sin(degrees * .pi / 180) }

    /// The instant (Julian date, universal time) of new moon number `k`, counted from the one of
    /// 6 January 2000 (Meeus' numbering).
    static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        let t4 = t3 * t
        var jde = 2_451_550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4
        let e = 1 - 0.002516 * t - 0.0000074 * t2
        let m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3
        let mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4
        let f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4
        let omega = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3
        let terms: [Double] = [
            -0.40720 * sinDegrees(mp),
            0.17241 * e * sinDegrees(m),
            0.01608 * sinDegrees(2 * mp),
            0.01039 * sinDegrees(2 * f),
            0.00739 * e * sinDegrees(mp - m),
            -0.00514 * e * sinDegrees(mp + m),
            0.00208 * e * e * sinDegrees(2 * m),
            -0.00111 * sinDegrees(mp - 2 * f),
            -0.00057 * sinDegrees(mp + 2 * f),
            0.00056 * e * sinDegrees(2 * mp + m),
            -0.00042 * sinDegrees(3 * mp),
            0.00042 * e * sinDegrees(m + 2 * f),
            0.00038 * e * sinDegrees(m - 2 * f),
            -0.00024 * e * sinDegrees(2 * mp - m),
            -0.00017 * sinDegrees(omega),
            -0.00007 * sinDegrees(mp + 2 * m),
            0.00004 * sinDegrees(2 * mp - 2 * f),
            0.00004 * sinDegrees(3 * m),
            0.00003 * sinDegrees(mp + m - 2 * f),
            0.00003 * sinDegrees(2 * mp + 2 * f),
            -0.00003 * sinDegrees(mp + m + 2 * f),
            0.00003 * sinDegrees(mp - m + 2 * f),
            -0.00002 * sinDegrees(mp - m - 2 * f),
            -0.00002 * sinDegrees(3 * mp + m),
            0.00002 * sinDegrees(4 * mp),
        ]
        let planetary: [(Double, Double)] = [
            (0.000325, 299.77 + 0.107408 * k - 0.009173 * t2),
            (0.000165, 251.88 + 0.016321 * k),
            (0.000164, 251.83 + 26.651886 * k),
            (0.000126, 349.42 + 36.412478 * k),
            (0.000110, 84.66 + 18.206239 * k),
            (0.000062, 141.74 + 53.303771 * k),
            (0.000060, 207.14 + 2.453732 * k),
            (0.000056, 154.84 + 7.306860 * k),
            (0.000047, 34.52 + 27.261239 * k),
            (0.000042, 207.19 + 0.121824 * k),
            (0.000040, 291.34 + 1.844379 * k),
            (0.000037, 161.72 + 24.198154 * k),
            (0.000035, 239.56 + 25.513099 * k),
            (0.000023, 331.55 + 3.592518 * k),
        ]
        jde += terms.reduce(0, +)
        jde += planetary.reduce(0) { $0 + $1.0 * sinDegrees($1.1) }
        return jde - deltaT(atJulianDate: jde) / 86400
    }

    /// ΔT = TT − UT in seconds (Espenak and Meeus, "Five Millennium Canon of Solar Eclipses", 2006).
    static func deltaT(atJulianDate jd: Double) -> Double {
        let y = 2000 + (jd - 2_451_545.0) / 365.25
        switch y {
        case ..<1900:
            let t = y - 1860
            return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * pow(t, 3) - 0.0004473624 * pow(t, 4) + pow(t, 5) / 233_174
        case ..<1920:
            let t = y - 1900
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * pow(t, 3) - 0.000197 * pow(t, 4)
        case ..<1941:
            let t = y - 1920
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * pow(t, 3)
        case ..<1961:
            let t = y - 1950
            return 29.07 + 0.407 * t - t * t / 233 + pow(t, 3) / 2547
        case ..<1986:
            let t = y - 1975
            return 45.45 + 1.067 * t - t * t / 260 - pow(t, 3) / 718
        case ..<2005:
            let t = y - 2000
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * pow(t, 3) + 0.000651814 * pow(t, 4) + 0.00002373599 * pow(t, 5)
        case ..<2050:
            let t = y - 2000
            return 62.92 + 0.32217 * t + 0.005589 * t * t
        case ..<2150:
            let u = (y - 1820) / 100
            return -20 + 32 * u * u - 0.5628 * (2150 - y)
        default:
            let u = (y - 1820) / 100
            return -20 + 32 * u * u
        }
    }

    /// The sun's apparent longitude in radians, 0 ..< 2π, at a Julian date (universal time; the
    /// minute of ΔT moves it by 0.0007°, below this formula's accuracy).
    static func sunLongitude(_ julianDate: Double) -> Double {
        let t = (julianDate - 2_451_545.0) / 36525
        let t2 = t * t
        let m = 357.52911 + 35999.05029 * t - 0.0001537 * t2  // mean anomaly
        let l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t2  // mean longitude
        let c =
            (1.914602 - 0.004817 * t - 0.000014 * t2) * sinDegrees(m) + (0.019993 - 0.000101 * t) * sinDegrees(2 * m)
            + 0.000289 * sinDegrees(3 * m)
        let omega = 125.04 - 1934.136 * t
        let apparent = l0 + c - 0.00569 - 0.00478 * sinDegrees(omega)  // nutation and aberration
        let radians = apparent * .pi / 180
        return radians - 2 * .pi * (radians / (2 * .pi)).rounded(.down)
    }
}
