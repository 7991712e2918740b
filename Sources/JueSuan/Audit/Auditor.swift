// `juesuan audit`: reads a published report and checks everything the generator would have derived from its
// figures — the tables' sums, the identities between them, every figure, share, change and completion rate of the
// text — with the rounding of the printed figures taken into account.

/// The audit of one report.
public struct AuditResult: Sendable {
    public let report: PublishedReport
    /// Every finding, the most serious first, then in the order of the report.
    public let findings: [AuditFinding]

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// What could not be read (tables, sentences, lines): listed, never guessed; placed in the report's own names.
    public var unread: [UnreadLine] { report.unread.map(report.names.rename) }
}

extension ReportNames {
    /// The finding placed in the report's own names.
    func rename(_ finding: AuditFinding) -> AuditFinding {
        guard !parts.isEmpty || !tables.isEmpty else { return finding }
        var renamed = finding
        renamed.place = rename(finding.place)
        renamed.message = rename(finding.message)
        renamed.computation = finding.computation.map(rename)
        return renamed
    }
}

public enum Auditor {
    public static func audit(_ report: PublishedReport) -> AuditResult {
        let book = FigureBook(report)
        var findings = IdentityChecker(book: book).findings(IdentityBuilder.build(report))
        findings += TextChecks.run(report, book: book)
        let ordered = findings.enumerated().sorted { a, b in
            (a.element.severity, a.element.line == 0 ? Int.max : a.element.line, a.offset)
                < (b.element.severity, b.element.line == 0 ? Int.max : b.element.line, b.offset)
        }.map { report.names.rename($0.element) }
        return AuditResult(report: report, findings: ordered)
    }

    /// Reads and audits the report file at `path`.
    public static func audit(path: String) -> Result<AuditResult, ReportReadError> {
        ReportFile.read(path: path).map { audit(PublishedReport($0)) }
    }
}
