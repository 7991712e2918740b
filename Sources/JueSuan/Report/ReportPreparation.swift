/// A department ready to render: its accounts, its findings and its report view.
public struct ReportPreparation: Sendable {
    public let input: DepartmentInput
    public let accounts: Accounts
    public let view: ReportView
    /// Every finding of the data rules, most serious first.
    public let findings: [Finding]

    /// Prepares a department; findings name the tables as `tables` does (the template set's names).
    public init(_ input: DepartmentInput, tables: TableNames = .standard) {
        self.input = input
        accounts = Accounts(input)
        view = ReportView.build(accounts)
        findings = Validator.findings(accounts: accounts, view: view, tables: tables)
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
        self.init(LoadedDepartment(input: input), templates: templates)
    }

    /// A department as read from its file: for a workbook, the totals found in its tables are checked too, and
    /// every finding names the cell of the input it is about.
    public init(_ loaded: LoadedDepartment, templates: ReportTemplates = .standard) {
        preparation = ReportPreparation(loaded.input, tables: templates.set.tableNames)
        let dataFindings = Validator.sorted(
            preparation.findings + Validator.pastedTotalFindings(loaded.pasted, accounts: preparation.accounts)
                + (loaded.prior.map { Validator.priorFileFindings(loaded.input, prior: $0.input, file: $0.file) } ?? [])
                + loaded.notes.map {
                    RuleCatalogue.ignoredInWorkbook.finding(FindingLocation(place: "工作簿"), $0)
                })
        func located(_ findings: [Finding]) -> [Finding] { loaded.located(findings) }
        guard !dataFindings.contains(where: { $0.severity == .fatal }) else {
            rendered = nil
            renderError = nil
            findings = located(dataFindings)
            return
        }
        do {
            let report = try RenderedReport(view: preparation.view, templates: templates)
            rendered = report
            renderError = nil
            findings = located(
                Validator.sorted(
                    dataFindings
                        + Validator.textFindings(report)))
        } catch {
            rendered = nil
            renderError = error
            findings = located(dataFindings)
        }
    }

    public var fatal: [Finding] { findings.filter { $0.severity == .fatal } }
}
