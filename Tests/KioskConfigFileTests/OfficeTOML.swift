import Foundation
import KioskConfigFile
import KioskCore
import Testing

/// Test office files built as TOML text: a minimal valid office, and edits of it that each make one mistake.
enum OfficeTOML {
    /// The file name the tests pass to `parse(_:file:)`; every issue must name it.
    static let fileName = "office.toml"

    /// A small valid office: two counters, a free touchscreen terminal at counter 1 and an armed keypad
    /// terminal at counter 2 with its staff keypad. Keypads give no `keys`, so they get the default bindings.
    static let minimal = """
        [office]
        code = "TEST-01"
        name = "Bộ phận Một cửa thử nghiệm"
        time_zone = "Asia/Ho_Chi_Minh"

        [[services]]
        id = "ho-tich"
        letter = "A"
        name = "Tư pháp – Hộ tịch"

        [[services]]
        id = "dat-dai"
        letter = "B"
        name = "Đất đai"

        [[counters]]
        id = "quay-1"
        number = 1
        services = ["ho-tich"]

        [[counters]]
        id = "quay-2"
        number = 2
        services = ["dat-dai"]

        [survey]
        preset = "default"

        [[terminals]]
        id = "man-hinh"
        kind = "rating"
        counter = "quay-1"
        policy = "free"
        lockout_seconds = 30
        screen = { width = 800, height = 600 }
        zones = [
          { choice = 1, x = 0,   y = 0, width = 200, height = 600 },
          { choice = 2, x = 200, y = 0, width = 200, height = 600 },
          { choice = 3, x = 400, y = 0, width = 200, height = 600 },
          { choice = 4, x = 600, y = 0, width = 200, height = 600 },
        ]

        [[terminals]]
        id = "ban-phim"
        kind = "rating"
        counter = "quay-2"
        policy = "armed"
        arm_window_seconds = 120

        [[devices]]
        path = "/dev/input/touch"
        role = "rating_touchscreen"
        terminal = "man-hinh"

        [[devices]]
        path = "/dev/input/rating-keypad"
        role = "rating_keypad"
        terminal = "ban-phim"

        [[devices]]
        path = "/dev/input/staff-keypad"
        role = "staff_keypad"
        counter = "quay-2"

        """

    /// The survey section of `minimal`, to replace with written-out questions.
    static let presetSurvey = """
        [survey]
        preset = "default"
        """

    struct ChoiceSpec {
        var id: String
        var score: Int
        var satisfied: Bool
    }

    /// Four choices, like the default preset, so the minimal office's four zones and keys still fit.
    static let fourChoices = [
        ChoiceSpec(id: "rat-hai-long", score: 100, satisfied: true),
        ChoiceSpec(id: "hai-long", score: 75, satisfied: true),
        ChoiceSpec(id: "binh-thuong", score: 50, satisfied: false),
        ChoiceSpec(id: "khong-hai-long", score: 0, satisfied: false),
    ]

    /// A `[survey]` section with questions written out.
    static func survey(_ questions: [(id: String, choices: [ChoiceSpec])]) -> String {
        var lines = ["[survey]"]
        for question in questions {
            lines += ["", "[[survey.questions]]", "id = \"\(question.id)\"", "text = \"Câu hỏi \(question.id)?\""]
            for choice in question.choices {
                lines += [
                    "", "[[survey.questions.choices]]", "id = \"\(choice.id)\"", "label = \"Nhãn \(choice.id)\"",
                    "score = \(choice.score)", "satisfied = \(choice.satisfied)",
                ]
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The minimal office with its survey written out as `questions`.
    static func withSurvey(_ questions: [(id: String, choices: [ChoiceSpec])]) -> String {
        minimal.replacingFirst(presetSurvey, with: survey(questions))
    }
}

extension String {
    /// This text with the first occurrence of `old` replaced by `new`.
    ///
    /// Records a test issue when `old` does not occur, so that a test never checks an unchanged config by mistake.
    func replacingFirst(_ old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        guard let range = range(of: old) else {
            Issue.record("the text to replace does not occur: \(old)", sourceLocation: sourceLocation)
            return self
        }
        return replacingCharacters(in: range, with: new)
    }
}

/// The issues of parsing `text`; empty when it is valid.
func configIssues(_ text: String) -> [ConfigIssue] {
    switch OfficeConfigFile.parse(text, file: OfficeTOML.fileName) {
    case .success: []
    case .failure(let errors): errors.issues
    }
}

/// Expects exactly one issue, at `key`, whose message contains `fragment`, naming the file.
func expectSingleIssue(
    _ text: String, key: String, messageContains fragment: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let issues = configIssues(text)
    #expect(issues.count == 1, "expected exactly one issue, found: \(issues)", sourceLocation: sourceLocation)
    guard let issue = issues.first else { return }
    #expect(issue.file == OfficeTOML.fileName, sourceLocation: sourceLocation)
    #expect(issue.key == key, "message: \(issue.message)", sourceLocation: sourceLocation)
    #expect(issue.message.contains(fragment), "message: \(issue.message)", sourceLocation: sourceLocation)
}

/// Decodes `text`, failing the test with every issue when it is not valid.
func decodeValid(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> OfficeConfig {
    switch OfficeConfigFile.parse(text, file: OfficeTOML.fileName) {
    case .success(let config): return config
    case .failure(let errors):
        Issue.record("expected a valid office, found:\n\(errors)", sourceLocation: sourceLocation)
        throw errors
    }
}

/// Linux key code by name, failing the test when the name is unknown.
func keyCode(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> UInt16 {
    try #require(KeyCodes.code(named: name), sourceLocation: sourceLocation)
}
