import Foundation
import KioskCore
import Testing

@Suite struct SurveyPresetsTests {
    @Test func presetNamesAreDefaultAndSipasFive() {
        #expect(SurveyPresets.names == ["default", "sipas5"])
        #expect(SurveyPresets.named("default") == SurveyPresets.single)
        #expect(SurveyPresets.named("sipas5") == SurveyPresets.sipasFive)
        #expect(SurveyPresets.named("sipas6") == nil)
        #expect(SurveyPresets.named("Default") == nil)
    }

    @Test func defaultPresetAsksOneQuestionWithTheFourSatisfactionLevels() throws {
        let survey = try #require(SurveyPresets.named("default"))
        #expect(survey.questions.count == 1)
        let question = try #require(survey.questions.first)
        #expect(question.id == "chung")
        #expect(question.text == "Ông/Bà có hài lòng với sự phục vụ tại quầy không?")
        #expect(question.choices.map(\.label) == ["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng"])
        #expect(question.choices.map(\.labelEnglish) == ["Very satisfied", "Satisfied", "Neutral", "Not satisfied"])
        #expect(question.choices.map(\.id) == ["rat-hai-long", "hai-long", "binh-thuong", "khong-hai-long"])
        #expect(question.choices.map(\.satisfied) == [true, true, false, false])
        #expect(question.choices.map(\.score) == [100, 75, 50, 0])
    }

    @Test func sipasFivePresetAsksFiveQuestionsWithTheSameChoices() throws {
        let survey = try #require(SurveyPresets.named("sipas5"))
        #expect(survey.questions.count == 5)
        #expect(survey.questions.map(\.id) == ["tiep-can", "thu-tuc", "cong-chuc", "ket-qua", "gop-y"])
        for question in survey.questions {
            #expect(question.choices == SurveyPresets.satisfactionChoices, "\(question.id)")
            #expect(!question.textEnglish.isEmpty, "\(question.id)")
        }
        #expect(survey.question(id: "ket-qua")?.text == "Ông/Bà đánh giá thế nào về kết quả giải quyết thủ tục?")
        #expect(survey.question(id: "khong-co") == nil)
    }

    /// Vietnamese must be stored precomposed (NFC): a decomposed "ấ" is three scalars and prints and sorts differently.
    /// `==` on String ignores the difference, so the scalars themselves are compared.
    @Test func vietnameseTextOfEveryPresetIsPrecomposed() {
        for survey in [SurveyPresets.single, SurveyPresets.sipasFive] {
            for question in survey.questions {
                let texts = [question.text] + question.choices.map(\.label)
                for text in texts {
                    let precomposed = text.precomposedStringWithCanonicalMapping
                    #expect(Array(text.unicodeScalars) == Array(precomposed.unicodeScalars), "\(text)")
                }
            }
        }
    }

    @Test func satisfactionLabelsHaveTheirPrecomposedScalarCounts() {
        // Each Vietnamese letter with its marks is one scalar: "Rất hài lòng" is 12 scalars, decomposed it is 16.
        let labels = SurveyPresets.satisfactionChoices.map(\.label)
        #expect(labels.map(\.unicodeScalars.count) == [12, 8, 11, 14])
        #expect("Rất hài lòng".decomposedStringWithCanonicalMapping.unicodeScalars.count == 16)
    }
}
