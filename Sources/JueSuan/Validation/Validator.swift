import Foundation

/// Runs the rules of the catalogue on one department. Data rules run on the accounts and the view; the
/// table-to-text rules run on the rendered document (`textFindings`).
public enum Validator {
    /// Every finding of the data rules, most serious first (stable order within a severity).
    public static func findings(accounts: Accounts, view: ReportView) -> [Finding] {
        var collector = FindingCollector(accounts: accounts)
        collector.inputRules()
        collector.crossTableRules()
        collector.priorYearRules()
        collector.reasonRules(view.missingReasons)
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
    let accounts: Accounts
    var input: DepartmentInput { accounts.input }
    var findings: [Finding] = []

    init(accounts: Accounts) {
        self.accounts = accounts
    }

    mutating func add(_ rule: Rule, _ location: FindingLocation, _ message: String) {
        findings.append(rule.finding(location, message))
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
}
