import Foundation

// Figure identities. Every figure the view prints carries an identity: `<subject>:<measure>`, where the subject is
// `dept` for the department as a whole or a 功能分类 code (`201`, `20101`, `2010101`), and the measure says which
// quantity it is (`income.total`, `generalBudget.basic`, `threePublic.abroad.actual`). The same quantity has the same
// identity wherever it is printed — a table cell, a sentence, a share — so that a template can word and arrange a
// report as its locality does, and the table-to-text check still knows which figure each printed number claims to
// be. The view objects name it in `id` (an object that is one figure: its members are forms of it) or in `ids` (an
// object with several figures: member name → identity).

/// Every figure of the report view by identity, with what its printed forms are computed from.
public struct ViewFigures: Sendable {
    public struct Figure: Sendable, Equatable {
        /// The exact value: an amount in 万元, or a count.
        public var value: Decimal
        public var isCount: Bool
        /// Last year's amount (for the year-on-year forms).
        public var prior: Decimal?
        /// The total a share is taken of.
        public var shareBase: Decimal?
        /// The budget a completion rate is taken of.
        public var budget: Decimal?
    }

    public private(set) var figures: [String: Figure] = [:]

    public subscript(id: String) -> Figure? { figures[id] }

    /// Records a figure; a second record of the same identity adds what the first did not have.
    mutating func add(
        _ id: String, _ value: Decimal, isCount: Bool = false, prior: Decimal? = nil, shareBase: Decimal? = nil,
        budget: Decimal? = nil
    ) {
        guard !id.isEmpty else { return }
        if var known = figures[id] {
            known.prior = known.prior ?? prior
            known.shareBase = known.shareBase ?? shareBase
            known.budget = known.budget ?? budget
            figures[id] = known
        } else {
            figures[id] = Figure(value: value, isCount: isCount, prior: prior, shareBase: shareBase, budget: budget)
        }
    }
}

/// Identities, spelled in one place.
enum FigureID {
    /// `dept:<measure>`.
    static func dept(_ measure: String) -> String { "dept:" + measure }

    /// A subject line's measure: `dept:<measure>` for the 合计 line (code `""`), `<code>:<measure>` otherwise.
    static func line(_ code: String, _ measure: String) -> String {
        (code.isEmpty ? "dept" : code) + ":" + measure
    }

    /// The subject and measure of an identity.
    static func split(_ id: String) -> (subject: Substring, measure: Substring) {
        guard let colon = id.firstIndex(of: ":") else { return ("", id[...]) }
        return (id[..<colon], id[id.index(after: colon)...])
    }
}

extension ViewBuilder {
    /// A table amount with its identity, recorded in the book.
    mutating func money(_ amount: Amount, _ id: String) -> MoneyView {
        book.add(id, amount.value)
        return MoneyView(amount, id: id)
    }

    /// A table count with its identity, recorded in the book.
    mutating func count(_ value: Int, _ id: String) -> CountView {
        book.add(id, Decimal(value), isCount: true)
        return CountView(value, id: id)
    }

    /// A narrative amount (`2443.08`) recorded in the book under `id`.
    mutating func amount(_ amount: Amount, _ id: String, budget: Amount? = nil) -> String {
        book.add(id, amount.value, budget: budget?.value)
        return Format.amount(amount)
    }

    /// A narrative count recorded in the book.
    mutating func counted(_ value: Int, _ id: String) -> String {
        book.add(id, Decimal(value), isCount: true)
        return String(value)
    }
}
