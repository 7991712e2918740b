/// A department ready to render: its accounts, its findings and its report view.
public struct ReportPreparation: Sendable {
    public let input: DepartmentInput
    public let accounts: Accounts
    public let view: ReportView
    /// Every finding of the data rules, most serious first.
    public let findings: [Finding]

    public init(_ input: DepartmentInput) {
        self.input = input
        accounts = Accounts(input)
        view = ReportView.build(accounts)
        findings = Validator.findings(accounts: accounts, view: view)
    }

    public var fatal: [Finding] { findings.filter { $0.severity == .fatal } }
}

/// A department checked and, when its data allow, rendered and checked again against its own text (表文一致).
public struct CheckedReport: Sendable {
    public let preparation: ReportPreparation
    /// The rendered report; nil when the data have fatal findings or the templates failed.
    public let rendered: RenderedReport?
    /// Why the templates failed, if they did.
    public let renderError: ReportRenderError?
    /// Data findings and table-to-text findings, most serious first.
    public let findings: [Finding]

    public init(_ input: DepartmentInput, templates: ReportTemplates = .standard) {
        preparation = ReportPreparation(input)
        guard preparation.fatal.isEmpty else {
            rendered = nil
            renderError = nil
            findings = preparation.findings
            return
        }
        do {
            let report = try RenderedReport(view: preparation.view, templates: templates)
            rendered = report
            renderError = nil
            findings = Validator.sorted(
                preparation.findings
                    + Validator.textFindings(
                        document: report.document, accounts: preparation.accounts, view: preparation.view))
        } catch {
            rendered = nil
            renderError = error
            findings = preparation.findings
        }
    }

    public var fatal: [Finding] { findings.filter { $0.severity == .fatal } }
}
