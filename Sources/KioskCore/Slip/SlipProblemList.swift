/// The problems found so far; shared by the readers of the nested objects of one request.
final class SlipProblemList {
    private(set) var all: [FieldProblem] = []

    func add(_ field: String, _ reason: String) {
        all.append(FieldProblem(field: field, reason: reason))
    }
}
