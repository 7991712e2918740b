import Foundation
import TestSupport
import Testing

@testable import JueSuan

/// A report as a clerk gets it: the generator's Word document printed to PDF by LibreOffice, its text taken with
/// `pdftotext -layout` (tables laid out with spaces, paragraphs wrapped, page numbers) and without it (one cell a
/// line). Needs LibreOffice and poppler; skipped where they are missing, mandatory in CI.
@Suite(.serialized) struct AuditPDFTests {
    @Test func textOfThePDFReadsAsTheReport() throws {
        guard Checker.isCI || (Checker.soffice && Checker.poppler) else { return }
        try Checker.require(Checker.soffice, "LibreOffice")
        try Checker.require(Checker.poppler, "poppler-utils")
        let path = packageRoot.appendingPathComponent("Samples/s0-rendaban.json").path
        let report = try #require(CheckedReport(try InputLoader.load(path: path).get()).rendered)
        let directory = try outputDirectory("audit-pdf")
        let docx = directory.appendingPathComponent("s0.docx")
        try Data(try report.bytes(.docx)).write(to: docx)
        let pdf = try #require(try convertToPDF([docx], in: directory).first)
        let text = try Auditor.audit(text: String(decoding: try report.bytes(.txt), as: UTF8.self))

        let layout = directory.appendingPathComponent("s0-layout.txt")
        #expect(try run("pdftotext", ["-layout", pdf.path, layout.path]).status == 0)
        let laidOut = try Auditor.audit(path: layout.path).get()
        #expect(laidOut.count(.fatal) == 0, "\(laidOut.findings.filter { $0.severity == .fatal }.map(\.message))")
        // The 自评表 alone cannot be read from laid-out text: said so.
        #expect(laidOut.unread.map(\.place) == ["第三部分 九（二）"], "\(laidOut.unread)")
        #expect(laidOut.report.tables.count == 10)
        // Every figure of the tables read: as many as from the text the generator wrote.
        for table in PublicTable.allCases {
            #expect(laidOut.report.tables[table]?.figures.count == text.report.tables[table]?.figures.count, "\(table)")
        }
        #expect(laidOut.report.clauses.count == text.report.clauses.count)
        // Without the 自评表 the count of tables against projects (AU-08) is not checked.
        #expect(laidOut.count(.warning) == text.count(.warning) - 1)

        // Without -layout the cells of a table come one to a line: the tables are listed as unread, not guessed.
        let plain = directory.appendingPathComponent("s0-plain.txt")
        #expect(try run("pdftotext", [pdf.path, plain.path]).status == 0)
        let lines = try Auditor.audit(path: plain.path).get()
        #expect(lines.count(.fatal) == 0)
        #expect(lines.report.tables.isEmpty)
        #expect(lines.unread.filter { $0.reason.hasPrefix("表格被提取成一格一行") }.count == 10)
    }
}

extension Auditor {
    static func audit(text: String) throws -> AuditResult {
        audit(PublishedReport(try ReportFile.read(bytes: Array(text.utf8), name: "report.txt").get()))
    }
}
