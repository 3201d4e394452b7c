import KioskConfigFile
import KioskCore
import Testing

/// Mistakes in `[survey]`: presets, written-out questions and their choices.
@Suite struct SurveyConfigErrorTests {
    typealias ChoiceSpec = OfficeTOML.ChoiceSpec

    @Test func emptyQuestionListIsAnEmptySurvey() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("preset = \"default\"", with: "questions = []"),
            key: "survey.questions", messageContains: "expected at least one question; the survey is empty")
    }

    @Test func unknownPresetNamesTheKnownOnes() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("preset = \"default\"", with: "preset = \"sipas6\""),
            key: "survey.preset", messageContains: "expected one of: default, sipas5; found \"sipas6\"")
    }

    @Test func presetAndQuestionsTogetherAreRejected() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("preset = \"default\"", with: "preset = \"default\"\nquestions = []"),
            key: "survey", messageContains: "expected either preset or questions, not both")
    }

    @Test func surveyWithNeitherPresetNorQuestionsIsReported() {
        expectSingleIssue(
            OfficeTOML.minimal.replacingFirst("preset = \"default\"\n", with: ""),
            key: "survey.questions", messageContains: "missing; give questions, or preset = one of: default, sipas5")
    }

    @Test func scoreAboveOneHundredIsOutOfRange() {
        var choices = OfficeTOML.fourChoices
        choices[0].score = 150
        expectSingleIssue(
            OfficeTOML.withSurvey([("chung", choices)]),
            key: "survey.questions[0].choices[0].score", messageContains: "expected an integer from 0 to 100, found 150")
    }

    @Test func negativeScoreIsOutOfRange() {
        var choices = OfficeTOML.fourChoices
        choices[3].score = -1
        expectSingleIssue(
            OfficeTOML.withSurvey([("chung", choices)]),
            key: "survey.questions[0].choices[3].score", messageContains: "expected an integer from 0 to 100, found -1")
    }

    @Test func questionsWithDifferentNumbersOfChoicesAreRejected() {
        let text = OfficeTOML.withSurvey([("chung", OfficeTOML.fourChoices), ("ket-qua", Array(OfficeTOML.fourChoices.prefix(3)))])
        expectSingleIssue(
            text, key: "survey.questions[1].choices",
            messageContains: "expected 4 choices like the first question (zones and keys select a choice by its position), found 3")
    }

    @Test func questionWithNoSatisfiedChoiceIsRejected() {
        let choices = OfficeTOML.fourChoices.map { ChoiceSpec(id: $0.id, score: $0.score, satisfied: false) }
        expectSingleIssue(
            OfficeTOML.withSurvey([("chung", choices)]),
            key: "survey.questions[0].choices", messageContains: "expected at least one choice with satisfied = true")
    }

    @Test func questionWithOneChoiceIsRejected() {
        let text = OfficeTOML.withSurvey([("chung", [OfficeTOML.fourChoices[0]])])
        expectSingleIssue(text, key: "survey.questions[0].choices", messageContains: "expected at least two choices, found 1")
    }

    @Test func duplicateQuestionIdIsRejected() {
        let text = OfficeTOML.withSurvey([("chung", OfficeTOML.fourChoices), ("chung", OfficeTOML.fourChoices)])
        expectSingleIssue(
            text, key: "survey.questions[1].id", messageContains: "duplicate id \"chung\"; already used by survey.questions[0]")
    }

    @Test func duplicateChoiceIdIsRejected() {
        var choices = OfficeTOML.fourChoices
        choices[1].id = choices[0].id
        expectSingleIssue(
            OfficeTOML.withSurvey([("chung", choices)]),
            key: "survey.questions[0].choices[1].id",
            messageContains: "duplicate id \"rat-hai-long\"; already used by survey.questions[0].choices[0]")
    }

    @Test func choiceWithoutSatisfiedIsMissingARequiredKey() {
        // The first "satisfied = false" is that of the third choice.
        let text = OfficeTOML.withSurvey([("chung", OfficeTOML.fourChoices)]).replacingFirst("satisfied = false\n", with: "")
        expectSingleIssue(text, key: "survey.questions[0].choices[2].satisfied", messageContains: "missing; this key is required")
    }

    @Test func zoneForAChoiceTheSurveyDoesNotHaveIsRejected() {
        // Three choices, but the minimal office's touchscreen has a zone for choice 4.
        let text = OfficeTOML.withSurvey([("chung", Array(OfficeTOML.fourChoices.prefix(3)))])
        expectSingleIssue(
            text, key: "terminals[0].zones[3].choice", messageContains: "expected a choice from 1 to 3 (the survey's choices), found 4")
    }
}
