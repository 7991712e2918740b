import Documents

// A labelled value of a form sheet (基本信息, 人员情况, 上年数, 政府采购 …): the label in column A identifies the row
// when reading, the value sits in column B, and `path` says where it belongs in the input file. Writing takes the
// value from the input's own JSON form, reading puts it back at the same path: the two directions cannot drift.

struct FormField: Sendable {
    enum Kind: Sendable, Equatable {
        /// Free text.
        case text
        /// An amount in the workbook's unit.
        case amount
        /// A whole number ≥ 0.
        case count
        /// A year such as 2024.
        case year
        /// 是 / 否.
        case flag
        /// One of the listed texts.
        case choice([String])
        /// A score (a decimal number, not money).
        case score
    }

    let label: String
    /// JSON keys from the root of the input file.
    let path: [String]
    let kind: Kind
    /// What to enter, shown beside the cell.
    let note: String

    init(_ label: String, _ path: [String], _ kind: Kind, note: String = "") {
        self.label = label
        self.path = path
        self.kind = kind
        self.note = note
    }

    var jsonPath: JSONPath { JSONPath(path.map { .key($0) }) }

    /// The input cell's style.
    var inputStyle: CellStyle {
        switch kind {
        case .text: return WorkbookStyle.inputText
        case .amount: return WorkbookStyle.inputAmount
        case .count, .year: return WorkbookStyle.inputCount
        case .flag, .choice: return WorkbookStyle.inputChoice
        case .score: return WorkbookStyle.inputScore
        }
    }

    /// The choices offered in the cell, if any.
    var choices: [String]? {
        switch kind {
        case .flag: return ["是", "否"]
        case .choice(let values): return values
        default: return nil
        }
    }

    /// The cell value of the field in `tree` (the input's JSON form).
    func value(in tree: JSONNode?) -> Spreadsheet.Value {
        guard let node = tree?.node(at: jsonPath) else { return .empty }
        switch node {
        case .number(let text, _): return .number(text)
        case .string(let text, _): return text.isEmpty ? .empty : .text(text)
        case .bool(let flag, _): return .text(flag ? "是" : "否")
        default: return .empty
        }
    }
}

extension JSONNode {
    /// The node at `path`, nil where the path leads nowhere.
    func node(at path: JSONPath) -> JSONNode? {
        var node = self
        for component in path.components {
            switch (component, node) {
            case (.key(let key), .object(let members, _)):
                guard let next = members.first(where: { $0.key == key })?.value else { return nil }
                node = next
            case (.index(let index), .array(let items, _)):
                guard items.indices.contains(index) else { return nil }
                node = items[index]
            default:
                return nil
            }
        }
        return node
    }
}

extension SheetBuilder {
    /// One form row: label, value and what to enter.
    mutating func field(_ field: FormField, tree: JSONNode?) {
        nextRow()
        set(1, .text(field.label), WorkbookStyle.label)
        set(2, field.value(in: tree), field.inputStyle)
        if !field.note.isEmpty { set(3, .text(field.note), WorkbookStyle.instruction) }
        if let choices = field.choices {
            sheet.choices.append(
                Spreadsheet.Choice(
                    range: CellRange(rows: row...row, columns: 2...2), values: choices,
                    message: "请从下拉列表中选择：" + choices.joined(separator: "、")))
        }
    }

    /// A section title in bold on its own row.
    mutating func section(_ title: String) {
        nextRow()
        set(1, .text(title), WorkbookStyle.section)
        sheet.rowHeights[row] = 20
    }
}
