/// A department ready to render: its accounts, its findings and its report view.
public struct ReportPreparation: Sendable {
    public let input: DepartmentInput
    public let accounts: Accounts
    public let view: ReportView
    /// Every finding, most serious first.
    public let findings: [Finding]

    public init(_ input: DepartmentInput) {
        self.input = input
        accounts = Accounts(input)
        view = ReportView.build(accounts)
        findings = Validator.findings(accounts: accounts, view: view)
    }

    public var fatal: [Finding] { findings.filter { $0.severity == .fatal } }
}
