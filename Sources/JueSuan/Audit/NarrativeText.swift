// A stretch of report text (a section of 第三部分, a paragraph) searched as one string: its lines joined in their
// compact form (so that a sentence split by the PDF reads whole), each character remembering its line, and the
// text as printed recoverable for reasons and names with PDF spacing repaired.

struct NarrativeText {
    /// The compact characters.
    let characters: [Character]
    /// The characters as printed (white space left out, punctuation as it was).
    private let originals: [Character]
    /// The report line of each character.
    private let lineOf: [Int]
    /// Whether the printed text had white space before each character (on the same line).
    private let spaceBefore: [Bool]
    /// Whether each character's line is justified (spaces between most of its CJK characters, as a PDF's text
    /// extraction prints a justified line): those spaces are not the text's own.
    private let justified: [Bool]

    init(_ lines: [ReportLine]) {
        var characters: [Character] = []
        var originals: [Character] = []
        var lineOf: [Int] = []
        var spaceBefore: [Bool] = []
        var justified: [Bool] = []
        for line in lines where !TableReader.isPageNumber(line.compact) {
            let compact = Array(line.compact)
            let isJustified = Self.isJustified(line.raw)
            // Walk the raw line alongside its compact form to see where white space stood.
            var pendingSpace = false
            var compactIndex = 0
            for character in line.raw {
                if ReportText.isSpace(character) {
                    pendingSpace = compactIndex > 0
                    continue
                }
                guard compactIndex < compact.count else { break }
                characters.append(compact[compactIndex])
                originals.append(character)
                lineOf.append(line.number)
                spaceBefore.append(pendingSpace)
                justified.append(isJustified)
                pendingSpace = false
                compactIndex += 1
            }
        }
        self.characters = characters
        self.originals = originals
        self.lineOf = lineOf
        self.spaceBefore = spaceBefore
        self.justified = justified
    }

    /// Whether most neighbouring CJK characters of `raw` stand apart: a justified line of a PDF extraction.
    static func isJustified(_ raw: String) -> Bool {
        let characters = Array(raw)
        var adjacent = 0
        var apart = 0
        var previousWide: Character?
        var sawSpace = false
        for character in characters {
            if ReportText.isSpace(character) {
                sawSpace = true
                continue
            }
            if isWide(character) {
                if previousWide != nil {
                    if sawSpace { apart += 1 } else { adjacent += 1 }
                }
                previousWide = character
            } else {
                previousWide = nil
            }
            sawSpace = false
        }
        return apart >= 3 && apart * 2 >= adjacent
    }

    var count: Int { characters.count }
    var isEmpty: Bool { characters.isEmpty }

    /// The line of character `index` (the last line for the end).
    func line(_ index: Int) -> Int {
        guard !lineOf.isEmpty else { return 0 }
        return lineOf[min(max(0, index), lineOf.count - 1)]
    }

    /// The first place at or after `from` (and before `limit`) where `text` stands.
    func find(_ text: String, from: Int = 0, before limit: Int? = nil) -> Int? {
        let needle = Array(text)
        let end = min(limit ?? characters.count, characters.count)
        guard !needle.isEmpty, from >= 0, end - needle.count >= from else { return nil }
        var index = from
        while index <= end - needle.count {
            if characters[index] == needle[0] && Array(characters[index..<(index + needle.count)]) == needle {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The first of `texts` found at or after `from`: its place and which one.
    func findFirst(_ texts: [String], from: Int = 0, before limit: Int? = nil) -> (index: Int, text: String)? {
        texts.compactMap { text in find(text, from: from, before: limit).map { ($0, text) } }.min { $0.0 < $1.0 }
    }

    /// Whether `text` stands at `index`; the index after it.
    func expect(_ text: String, at index: Int) -> Int? {
        let needle = Array(text)
        guard index >= 0, index + needle.count <= characters.count,
            Array(characters[index..<(index + needle.count)]) == needle
        else { return nil }
        return index + needle.count
    }

    /// The first of `texts` standing at `index`, and the index after it.
    func expectAny(_ texts: [String], at index: Int) -> (end: Int, text: String)? {
        for text in texts {
            if let end = expect(text, at: index) { return (end, text) }
        }
        return nil
    }

    /// The number starting at `index` (after a filler such as `为`), and the index after it.
    func number(at index: Int) -> (number: PrintedNumber, end: Int)? {
        var start = index
        while start < characters.count, "为共计约：".contains(characters[start]), start < index + 2 { start += 1 }
        var end = start
        if end < characters.count, characters[end] == "-" { end += 1 }
        var sawDigit = false
        while end < characters.count {
            let c = characters[end]
            if c.isASCIIDigit {
                sawDigit = true
                end += 1
            } else if c == "." || c == ",", sawDigit, end + 1 < characters.count, characters[end + 1].isASCIIDigit {
                end += 1
            } else {
                break
            }
        }
        guard sawDigit, let number = PrintedNumber(String(characters[start..<end]), line: line(start)) else {
            return nil
        }
        return (number, end)
    }

    /// A number followed by `unit` at `index` (`2483.65万元`, `98.73%`): the number and the index after the unit.
    func number(at index: Int, unit: String) -> (number: PrintedNumber, end: Int)? {
        guard let (number, end) = number(at: index), let after = expect(unit, at: end) else { return nil }
        return (number, after)
    }

    /// After `label` (searched from `from`): the number and unit that follow it.
    func figure(after label: String, unit: String, from: Int, before limit: Int? = nil) -> (
        number: PrintedNumber, start: Int, end: Int
    )? {
        var search = from
        while let start = find(label, from: search, before: limit) {
            if let (number, end) = number(at: start + label.count, unit: unit) { return (number, start, end) }
            search = start + 1
        }
        return nil
    }

    /// The text from `range` as printed: line breaks removed, white space kept only between a CJK character and a
    /// digit or Latin letter (where a report writes `年初预算 10 万元`), never between two CJK characters (spaces of
    /// justified lines and wrapped cells).
    /// `original` keeps the punctuation as printed (a department's own text); without it ASCII punctuation is made
    /// full-width (text inside the standard sentences, where an extraction turned `，：` into `, :`).
    /// `cell` drops white space next to punctuation too (spaces a narrow table cell's wrapping put in: `率 (%)`),
    /// keeping it only between a digit or Latin letter and a neighbour (`=12 期`).
    func display(_ range: Range<Int>, original: Bool = false, cell: Bool = false) -> String {
        let lower = max(0, range.lowerBound)
        let upper = min(characters.count, range.upperBound)
        guard lower < upper else { return "" }
        var text = ""
        for index in lower..<upper {
            let shown = original ? originals : characters
            if index > lower, spaceBefore[index], line(index - 1) == line(index),
                Self.keepsSpace(between: shown[index - 1], and: shown[index], cell: cell, justified: justified[index])
            {
                text.append(" ")
            }
            text.append(original ? originals[index] : characters[index])
        }
        return text
    }

    /// Whether the white space printed between `left` and `right` is the text's own.
    static func keepsSpace(between left: Character, and right: Character, cell: Bool, justified: Bool) -> Bool {
        guard cell else { return !justified || !(isWide(left) && isWide(right)) }
        func mark(_ c: Character) -> Bool { c.isPunctuation || c.isSymbol }
        return (isAlphanumeric(left) && !mark(right)) || (isAlphanumeric(right) && !mark(left))
    }

    /// An ASCII digit or Latin letter.
    static func isAlphanumeric(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }

    /// A CJK character or full-width punctuation: no space is needed between two of them.
    static func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x3000...0x303F, 0x2018...0x201F, 0x2014, 0x2026:
            return true
        default:
            return false
        }
    }
}
