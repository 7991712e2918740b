import Foundation

/// Runs the rules of the catalogue on one department. Data rules run on the accounts and the view; the
/// table-to-text rules run on the rendered document (`textFindings`).
public enum Validator {
    /// Every finding of the data rules, most serious first (stable order within a severity). Findings name the
    /// tables as `tables` does (the template set's names).
    public static func findings(accounts: Accounts, view: ReportView, tables: TableNames = .standard) -> [Finding] {
        var collector = FindingCollector(accounts: accounts, tables: tables)
        collector.inputRules()
        collector.crossTableRules()
        collector.priorYearRules()
        collector.reasonRules(view.missingReasons)
        collector.unusedRules(view.unusedInputs)
        collector.performanceRules()
        return sorted(collector.findings)
    }

    static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
            .map(\.element)
    }
}

/// Where the rules put their findings while they run.
struct FindingCollector {
    /// The figures as printed (official totals in place, for input in 万元).
    let accounts: Accounts
    /// The figures derived from the leaves only: what the identities and the official totals are checked on.
    let derived: Accounts
    var input: DepartmentInput { accounts.input }
    /// How findings name the tables.
    let tables: TableNames
    var findings: [Finding] = []

    init(accounts: Accounts, tables: TableNames = .standard) {
        self.accounts = accounts
        self.tables = tables
        derived = accounts.derivedFromLeaves
    }

    mutating func add(_ rule: Rule, _ location: FindingLocation, _ message: String) {
        findings.append(rule.finding(location, message))
    }

    /// A finding of `rule` with severity 提示: a difference within the rounding bound.
    mutating func note(_ rule: Rule, _ location: FindingLocation, _ message: String) {
        findings.append(Finding(rule: rule.id, severity: .info, location: location, message: message))
    }

    /// The rounding bound of a comparison that adds `addends` rounded figures (both sides together).
    func bound(_ addends: Int) -> RoundingBound {
        RoundingBound(addends: addends, unit: input.unit)
    }

    /// Checks that `a` and `b` are the same figure: nothing when they are equal (or, for input in 元, within
    /// 0.01 万元); an info finding when they differ within the rounding bound of input in 万元; the rule's finding
    /// beyond it. `what` says what is compared (with both figures); `fix` what to change when they differ. The
    /// count, the texts and the message are made only when the figures differ (the usual case is that they agree).
    func compare(
        _ a: Amount, _ b: Amount, addends: @autoclosure () -> Int, _ rule: Rule, _ location: FindingLocation,
        _ what: @autoclosure () -> String, fix: @autoclosure () -> String = ""
    ) -> Finding? {
        guard a != b else { return nil }
        return judge(difference: (a - b).magnitude, addends: addends(), rule, location, what(), fix: fix())
    }

    /// Checks that `part` is not larger than `whole` (as `compare`, on the excess).
    func within(
        _ part: Amount, _ whole: Amount, addends: @autoclosure () -> Int, _ rule: Rule, _ location: FindingLocation,
        _ what: @autoclosure () -> String, fix: @autoclosure () -> String = ""
    ) -> Finding? {
        guard part > whole else { return nil }
        return judge(difference: part - whole, addends: addends(), rule, location, what(), fix: fix())
    }

    /// Checks that a figure computed from others is not negative.
    func notNegative(
        _ value: Amount, addends: @autoclosure () -> Int, _ rule: Rule, _ location: FindingLocation,
        _ what: @autoclosure () -> String, fix: @autoclosure () -> String = ""
    ) -> Finding? {
        guard value.isNegative else { return nil }
        return judge(difference: value.magnitude, addends: addends(), rule, location, what(), fix: fix())
    }

    /// Records the finding of a check (`compare`, `within`, `notNegative`), if it has one.
    mutating func add(_ finding: Finding?) {
        if let finding { findings.append(finding) }
    }

    private func judge(
        difference: Amount, addends: Int, _ rule: Rule, _ location: FindingLocation, _ what: String, fix: String
    ) -> Finding? {
        guard !difference.isZero else { return nil }
        let bound = bound(addends)
        let gap = "相差 \(Self.money(difference))"
        if difference <= bound.amount {
            guard bound.unit == .wanYuan else { return nil }
            return Finding(
                rule: rule.id, severity: .info, location: location,
                message: "\(what)；\(gap)，在\(bound)之内（公开表的数分别四舍五入，报告照印，并有尾数误差说明）")
        }
        return rule.finding(location, "\(what)；\(gap)，超出\(bound)" + (fix.isEmpty ? "" : "：" + fix))
    }

    /// Whether two amounts differ by more than the 0.01 万元 tolerance.
    static func differ(_ a: Amount, _ b: Amount) -> Bool {
        (a - b).magnitude > RuleCatalogue.tolerance
    }

    /// Whether `part` exceeds `whole` by more than the tolerance.
    static func exceeds(_ part: Amount, _ whole: Amount) -> Bool {
        part - whole > RuleCatalogue.tolerance
    }

    static func money(_ amount: Amount) -> String { Format.amount(amount) + " 万元" }

    /// How many nonzero 项-level input figures `figures` gives under `prefix` (all 项 for ""), in the derived
    /// accounts: the rounded addends of their sum.
    func addends(under prefix: String = "", _ figures: (SubjectLine) -> [Amount]) -> Int {
        var count = 0
        for line in derived.subjectLines where line.level == .item && line.code.hasPrefix(prefix) {
            for figure in figures(line) where !figure.isZero { count += 1 }
        }
        return count
    }

    /// How many of `amounts` are not zero.
    static func nonzero(_ amounts: [Amount?]) -> Int {
        amounts.filter { !($0 ?? .zero).isZero }.count
    }
}

/// How far apart two figures may be and still be the same figure. Input in 万元 is a transcription of tables whose
/// figures were each rounded to 0.01 万元 on their own (from 元 data), so a sum of n of them may be off by
/// n × 0.005 万元: `addends` counts the rounded figures on both sides of a comparison. Input in 元 is exact; its
/// tolerance stays 0.01 万元.
struct RoundingBound: CustomStringConvertible {
    let addends: Int
    let unit: InputUnit

    var amount: Amount {
        unit == .yuan
            ? RuleCatalogue.tolerance : Amount(Decimal(max(1, addends)) * RuleCatalogue.roundingPerFigure.value)
    }

    /// `舍入误差范围（12 个数 × 0.005 = 0.06 万元）` / `容差（0.01 万元）`.
    var description: String {
        unit == .yuan
            ? "容差（0.01 万元）"
            : "舍入误差范围（\(max(1, addends)) 个数 × 0.005 = \(Self.text(amount)) 万元）"
    }

    /// `0.06`, `0.015`: two decimals, three when the third is not 0.
    static func text(_ amount: Amount) -> String {
        let two = Format.rounded(amount.value, places: 2)
        return Format.number(amount.value, places: two == amount.value ? 2 : 3)
    }
}
