/// Each use of a phrase the organisation has agreed to avoid, at its line and
/// column, with the word to use instead.
struct TerminologyCheck {
    let rules: [TerminologyRule]

    func check(_ file: SourceFile, into diagnostics: inout [Diagnostic]) {
        guard !rules.isEmpty else { return }
        for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for rule in rules {
                for column in Self.occurrences(of: rule.avoid, in: line) {
                    diagnostics.append(Diagnostic(
                        .warning, at: file.location(line: index + 1, column: column),
                        "'\(rule.avoid)' is a term to avoid; use '\(rule.use)'"))
                }
            }
        }
    }

    /// 1-based UTF-8 columns of whole-word, case-insensitive matches.
    static func occurrences(of phrase: String, in line: Substring) -> [Int] {
        guard !phrase.isEmpty else { return [] }
        var columns: [Int] = []
        var searchStart = line.startIndex
        while let range = line.range(of: phrase, options: [.caseInsensitive], range: searchStart..<line.endIndex) {
            let before = range.lowerBound == line.startIndex ? nil : line[line.index(before: range.lowerBound)]
            let after = range.upperBound == line.endIndex ? nil : line[range.upperBound]
            if !(before?.isLetter ?? false) && !(before?.isNumber ?? false) && !(after?.isLetter ?? false) && !(after?.isNumber ?? false) {
                columns.append(line.utf8.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
            searchStart = range.upperBound
        }
        return columns
    }
}

import Foundation
