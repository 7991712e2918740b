import Foundation

// The sums and equalities a published report's printed figures must satisfy (within a table, between tables, between
// the text and the tables), checked with the rounding of the printed figures: a total may differ from the sum of n
// printed parts by half a unit of each (n × 0.005 万元 for figures printed to 0.01 万元); a figure printed twice
// must be printed the same. When several equalities fail because of one wrong figure, that figure is named once
// (single-fault diagnosis), so that a report with one figure changed gets one finding, at that figure.

/// `total = Σ sign × part`.
struct Identity {
    let rule: AuditRule
    let total: FigureKey
    let parts: [(key: FigureKey, sign: Int)]
    /// What the equality says, e.g. `款 20101 = 所属各项之和`.
    let what: String
    /// Counts (vehicles, people, batches): exact, no rounding.
    let exact: Bool

    init(
        _ rule: AuditRule, _ total: FigureKey, _ parts: [FigureKey], minus: [FigureKey] = [], _ what: String,
        exact: Bool = false
    ) {
        self.rule = rule
        self.total = total
        self.parts = parts.map { ($0, 1) } + minus.map { ($0, -1) }
        self.what = what
        self.exact = exact
    }

    var figures: [FigureKey] { [total] + parts.map(\.key) }

    /// The coefficient of `key` in `total − Σ parts` (0 when it is not in the identity).
    func coefficient(_ key: FigureKey) -> Int {
        var sum = key == total ? 1 : 0
        for part in parts where part.key == key { sum -= part.sign }
        return sum
    }
}

/// An identity evaluated on the printed figures.
struct IdentityResult {
    let identity: Identity
    let total: PrintedNumberOrBlank
    let sum: Decimal
    /// total − sum.
    let difference: Decimal
    /// How far apart the two sides may be from rounding alone.
    let bound: Decimal
    /// How many printed non-zero figures the two sides hold.
    let addends: Int
    /// Whether every printed figure has 2 decimals (the bound is then `RoundingBound`'s n × 0.005).
    let uniformCents: Bool

    var fails: Bool { abs(difference) > bound }
    var isTail: Bool { !difference.isZero && !fails }
}

/// The total's value as printed, or a blank cell.
struct PrintedNumberOrBlank {
    let value: Decimal
    let number: PrintedNumber?
}

struct IdentityChecker {
    let book: FigureBook

    /// Evaluates `identity`; nil when one of its figures is absent or every part is blank and the total too.
    func evaluate(_ identity: Identity) -> IdentityResult? {
        var numbers: [PrintedNumber] = []
        let totalValue = book[identity.total]
        guard let total = totalValue.value else { return nil }
        if let number = totalValue.number { numbers.append(number) }
        var sum = Decimal.zero
        var partNumbers: [PrintedNumber] = []
        for part in identity.parts {
            let value = book[part.key]
            guard let amount = value.value else { return nil }
            sum += part.sign > 0 ? amount : -amount
            if let number = value.number { partNumbers.append(number) }
        }
        numbers += partNumbers
        let nonzero = numbers.filter { !$0.value.isZero }
        var bound = Decimal.zero
        let partsNonzero = partNumbers.filter { !$0.value.isZero }
        if identity.exact {
            bound = 0
        } else if partsNonzero.count <= 1 && identity.parts.count >= 1 {
            // The same figure printed twice: equal, or equal at the coarser of the two precisions.
            let places = numbers.map(\.places)
            if let coarse = numbers.min(by: { $0.places < $1.places }), Set(places).count > 1 {
                bound = coarse.halfUnit
            }
        } else {
            bound = nonzero.map(\.halfUnit).reduce(0, +)
        }
        return IdentityResult(
            identity: identity, total: PrintedNumberOrBlank(value: total, number: totalValue.number), sum: sum,
            difference: total - sum, bound: bound, addends: nonzero.count,
            uniformCents: nonzero.allSatisfy { $0.places == 2 })
    }

    /// The findings of `identities`: one per wrong figure where one figure explains several failing equalities,
    /// one per failing equality otherwise, and a 提示 for each difference within the rounding bound.
    func findings(_ identities: [Identity]) -> [AuditFinding] {
        let results = identities.compactMap(evaluate)
        var failing = results.filter(\.fails)
        let passing = results.filter { !$0.fails }
        var findings: [AuditFinding] = []
        // Single-fault diagnosis: the figure whose one correction mends the most failing equalities (at least
        // two) without breaking one that holds.
        while true {
            var best: (key: FigureKey, correction: Decimal, mended: [Int])?
            var candidates = Set<FigureKey>()
            for result in failing { candidates.formUnion(result.identity.figures) }
            for key in candidates.sorted(by: { $0.description < $1.description }) {
                guard case .printed = book[key] else { continue }
                var groups: [(correction: Decimal, members: [Int])] = []
                for (index, result) in failing.enumerated() {
                    let coefficient = result.identity.coefficient(key)
                    guard coefficient != 0 else { continue }
                    let correction = -result.difference / Decimal(coefficient)
                    if let group = groups.firstIndex(where: { abs($0.correction - correction) <= result.bound + 0.005 })
                    {
                        groups[group].members.append(index)
                    } else {
                        groups.append((correction, [index]))
                    }
                }
                for group in groups where group.members.count >= 2 {
                    let breaks = passing.contains { result in
                        let coefficient = result.identity.coefficient(key)
                        guard coefficient != 0 else { return false }
                        return abs(result.difference + Decimal(coefficient) * group.correction) > result.bound
                    }
                    let mendsAll = group.members.allSatisfy { index in
                        let result = failing[index]
                        let coefficient = Decimal(result.identity.coefficient(key))
                        return abs(result.difference + coefficient * group.correction) <= result.bound
                    }
                    guard !breaks, mendsAll else { continue }
                    if best == nil || group.members.count > best!.mended.count {
                        best = (key, group.correction, group.members)
                    }
                }
            }
            guard let best else { break }
            findings.append(attributed(best.key, correction: best.correction, results: best.mended.map { failing[$0] }))
            failing = failing.enumerated().filter { !best.mended.contains($0.offset) }.map(\.element)
        }
        findings += failing.map(finding)
        findings += results.filter(\.isTail).map(tail)
        return findings
    }

    // MARK: - Messages

    static func number(_ value: Decimal, places: Int = 2, grouping: Bool = false) -> String {
        Format.number(value, places: places, grouping: grouping)
    }

    /// Whether the total of a result is printed with thousands separators (its expected figure is then too).
    private func grouping(_ result: IdentityResult) -> Bool {
        result.total.number?.text.contains(",") ?? false
    }

    /// `a + b − c` with the figures as printed (at most eight terms).
    func terms(_ identity: Identity) -> String {
        let printed = identity.parts.filter { book[$0.key].number.map { !$0.value.isZero } ?? false }
        guard !printed.isEmpty else { return "0" }
        guard printed.count <= 8 else { return "\(printed.count) 个数之和" }
        var text = ""
        for (index, part) in printed.enumerated() {
            let value = book.text(part.key).replacingOccurrences(of: ",", with: "")
            if index == 0 {
                text += part.sign > 0 ? value : "−" + value
            } else {
                text += (part.sign > 0 ? " + " : " − ") + value
            }
        }
        return text
    }

    func boundText(_ result: IdentityResult) -> String {
        if result.uniformCents {
            return RoundingBound(addends: result.addends, unit: .wanYuan).description
        }
        return "舍入误差范围（\(Self.number(result.bound, places: 3))）"
    }

    private func places(_ result: IdentityResult) -> Int {
        result.total.number?.places ?? 2
    }

    func finding(_ result: IdentityResult) -> AuditFinding {
        let identity = result.identity
        let places = places(result)
        let stated = book.text(identity.total)
        let partsNonzero = identity.parts.filter { book[$0.key].number.map { !$0.value.isZero } ?? false }
        let sameFigure = identity.parts.count == 1 || partsNonzero.count <= 1 && identity.parts.count >= 1
        let expected = Self.number(result.sum, places: places, grouping: grouping(result))
        let message: String
        if sameFigure, identity.parts.count == 1, let part = identity.parts.first {
            message =
                "\(book.place(identity.total)) 印 \(stated)，\(book.place(part.key)) 印 \(book.text(part.key))：\(identity.what)，同一个数应当相同"
        } else {
            message =
                "\(identity.what)：所印 \(stated)，所印各项之和为 \(expected)（\(terms(identity))），相差 \(Self.number(abs(result.difference), places: places))，超出\(boundText(result))"
        }
        return AuditFinding(
            rule: identity.rule, place: book.place(identity.total), line: book.line(identity.total), stated: stated,
            expected: expected, computation: sameFigure ? nil : "\(terms(identity)) = \(expected)", message: message)
    }

    func tail(_ result: IdentityResult) -> AuditFinding {
        let identity = result.identity
        let places = places(result)
        let expected = Self.number(result.sum, places: places, grouping: grouping(result))
        return AuditFinding(
            rule: identity.rule, severity: .info, place: book.place(identity.total), line: book.line(identity.total),
            stated: book.text(identity.total), expected: expected, computation: "\(terms(identity)) = \(expected)",
            message:
                "\(identity.what)：所印 \(book.text(identity.total))，所印各项之和为 \(expected)，相差 \(Self.number(abs(result.difference), places: places))，在\(boundText(result))之内：各数分别由元级数据四舍五入，不是错误"
        )
    }

    func attributed(_ key: FigureKey, correction: Decimal, results: [IdentityResult]) -> AuditFinding {
        let number = book[key].number
        let places = number?.places ?? 2
        let value = number?.value ?? 0
        let expected = Self.number(value + correction, places: places, grouping: number?.text.contains(",") ?? false)
        let rules = results.map(\.identity.rule)
        let rule =
            rules.first { $0 == AuditRules.textAmounts } ?? rules.first { $0 == AuditRules.tableSums } ?? rules[0]
        let reasons = results.map { result in
            "\(result.identity.what)（差 \(Self.number(abs(result.difference), places: places))）"
        }
        return AuditFinding(
            rule: rule, place: book.place(key), line: book.line(key), stated: book.text(key), expected: expected,
            computation: results.map {
                "\($0.identity.what)：\(terms($0.identity)) = \(Self.number($0.sum, places: places))"
            }
            .joined(separator: "；"),
            message:
                "\(book.place(key)) 印 \(book.text(key))，应为 \(expected)：它所在的 \(results.count) 个等式都差 \(Self.number(abs(correction), places: places))，改正这一个数后都成立（\(reasons.joined(separator: "；"))）"
        )
    }
}
