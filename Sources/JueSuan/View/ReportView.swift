import Foundation

/// Everything the templates print, as display-ready strings, lists and flags (no numbers left to format). It is
/// also what `juesuan render --format json` writes, so that other systems can use the computed figures.
public struct ReportView: Encodable, Sendable {
    public var department: String
    public var year: String
    public var priorYear: String
    /// 市级 / 区级 …
    public var level: String
    /// `景德镇市人大办公室 2024 年度部门决算`.
    public var title: String
    public var part1: Part1View
    public var tables: TablesView
    public var part3: Part3View
    public var part4: Part4View
    public var part5: Part5View
    /// The input's `local` object, untouched (null without one): a locality's own data for its templates.
    public var local: LocalData

    /// Every figure printed, by identity (not encoded: the identities are in the objects).
    public var figures: ViewFigures

    /// Reason slots that print the placeholder (validation reports each as a warning).
    public var missingReasons: [MissingReason]
    /// What the department wrote that the report does not print (validation reports each as a warning).
    public var unusedInputs: [UnusedInput]

    private enum CodingKeys: String, CodingKey {
        case department, year, priorYear, level, title, part1, tables, part3, part4, part5, local
    }
}

/// Something the department wrote that the report does not print, and why.
public struct UnusedInput: Sendable, Equatable {
    /// The input field, e.g. `$.reasons.categories.205`.
    public var inputPath: String
    /// Where it would have been printed, e.g. `第三部分 三`.
    public var location: String
    /// Why it is not printed, in Chinese.
    public var why: String
}

/// A reason that is expected but was not supplied.
public struct MissingReason: Sendable, Equatable {
    /// Where the reason goes in the input, e.g. `$.reasons.income`.
    public var inputPath: String
    /// Where it shows in the report, e.g. `第三部分 一 本年收入合计`.
    public var location: String
}

extension ReportView {
    /// Builds the view of one department.
    public static func build(_ accounts: Accounts) -> ReportView {
        var builder = ViewBuilder(accounts: accounts)
        return builder.build()
    }
}

/// Collects missing reasons while the parts are built.
struct ViewBuilder {
    let accounts: Accounts
    var input: DepartmentInput { accounts.input }
    var missing: [MissingReason] = []
    var unused: [UnusedInput] = []
    var book = ViewFigures()

    init(accounts: Accounts) {
        self.accounts = accounts
    }

    mutating func build() -> ReportView {
        let part1 = buildPart1()
        let tables = buildTables()
        let part3 = buildPart3()
        let part4 = buildPart4()
        let part5 = buildPart5()
        return ReportView(
            department: input.department.name, year: String(input.year), priorYear: String(input.year - 1),
            level: input.department.level.rawValue, title: "\(input.department.name) \(input.year) 年度部门决算",
            part1: part1, tables: tables, part3: part3, part4: part4, part5: part5, local: input.local ?? .null,
            figures: book,
            missingReasons: missing, unusedInputs: unused)
    }

    /// Records that `text` (if the department wrote one) is not printed.
    mutating func notPrinted(_ text: String?, path: String, location: String, why: String) {
        guard ReasonView.clean(text) != nil else { return }
        unused.append(UnusedInput(inputPath: path, location: location, why: why))
    }

    /// A reason slot; records a missing reason when one is expected.
    mutating func reason(_ supplied: String?, expected: Bool, path: String, location: String) -> ReasonView {
        let view = ReasonView(supplied, expected: expected)
        if view.missing { missing.append(MissingReason(inputPath: path, location: location)) }
        return view
    }
}
