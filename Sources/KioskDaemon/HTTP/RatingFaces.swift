/// The face drawn beside each choice of a rating screen, inline SVG, so a citizen who reads little
/// can answer. The mood comes from the choice's score (0–100 in the office's survey), and each mood
/// has its own mouth, eyes and brows: the shape says it, not the colour. A white disc with dark
/// features reads on every choice's background (`tools/screen-check` measures both: the disc
/// against the box, each feature against the disc).
enum RatingFaces {
    enum Mood: String, CaseIterable {
        case veryHappy = "very-happy", happy, neutral, unhappy, veryUnhappy = "very-unhappy"

        init(score: Int) {
            switch score {
            case 88...: self = .veryHappy
            case 63..<88: self = .happy
            case 38..<63: self = .neutral
            case 13..<38: self = .unhappy
            default: self = .veryUnhappy
            }
        }
    }

    static let ink = "#0b2545"
    static let disc = "#ffffff"

    static func svg(_ mood: Mood) -> String {
        let dots = #"<circle cx="35" cy="40" r="6" fill="\#(ink)"/><circle cx="65" cy="40" r="6" fill="\#(ink)"/>"#
        let features: String
        switch mood {
        case .veryHappy:
            features = #"<path d="M25 42 Q35 30 45 42 M55 42 Q65 30 75 42" fill="none" stroke="\#(ink)" stroke-width="6" stroke-linecap="round"/>"#
                + #"<path d="M26 56 Q50 90 74 56 Z" fill="\#(ink)" stroke="\#(ink)" stroke-width="4" stroke-linejoin="round"/>"#
        case .happy:
            features = dots + stroke("M29 62 Q50 80 71 62")
        case .neutral:
            features = dots + stroke("M31 68 L69 68")
        case .unhappy:
            features = dots + stroke("M31 74 Q50 60 69 74")
        case .veryUnhappy:
            features = dots + stroke("M22 31 L42 23 M78 31 L58 23") + stroke("M27 79 Q50 52 73 79")
        }
        return #"<svg class="face-\#(mood.rawValue)" data-mood="\#(mood.rawValue)" viewBox="0 0 100 100" aria-hidden="true" focusable="false">"#
            + #"<circle class="disc" cx="50" cy="50" r="48" fill="\#(disc)"/>\#(features)</svg>"#
    }

    private static func stroke(_ path: String) -> String {
        #"<path d="\#(path)" fill="none" stroke="\#(ink)" stroke-width="6" stroke-linecap="round"/>"#
    }
}
