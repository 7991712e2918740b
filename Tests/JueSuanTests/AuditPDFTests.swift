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

        // The PDF itself: read through pdftotext -layout, the same findings as its laid-out text, placed by page.
        let direct = try Auditor.audit(path: pdf.path).get()
        #expect(direct.report.file.kind == .pdf)
        #expect(direct.findings.map(\.rule) == laidOut.findings.map(\.rule))
        #expect(direct.report.tables.count == 10)
        let place = try #require(direct.unread.first)
        let page = direct.report.lineText(place.line)
        #expect(page.hasPrefix("第 ") && page.hasSuffix(" 页"), "\(page)")
        // The 自评表 is on one of the last pages, past the tables (page 5 on) and the 情况说明.
        #expect((Int(page.dropFirst(2).dropLast(2)) ?? 0) > 20, "\(page)")
        // The imported department from the PDF equals the one from its text.
        let fromPDF = ReportImport.department(from: direct.report)
        let fromText = ReportImport.department(from: laidOut.report)
        #expect(fromPDF.input == fromText.input)
    }

    /// A PDF that cannot be read says why and what to do, never a crash: broken bytes, and no text in it.
    @Test func aBrokenPDFSaysWhatToDo() throws {
        let broken = ReportFile.read(bytes: Array("%PDF-1.7\n garbage".utf8), name: "坏.pdf")
        guard case .failure(let error) = broken else {
            Issue.record("must fail")
            return
        }
        if PDFText.pdftotext == nil {
            #expect(error.message.hasPrefix("这是 PDF 文件：读取它需要 pdftotext"))
        } else {
            #expect(error.message.hasPrefix("pdftotext 未能提取文字") || error.message.hasPrefix("PDF 中没有文字"))
        }
        #expect(error.description.hasPrefix("坏.pdf："))
    }

    /// A directory's reports: text, Word and PDF files; a PDF whose text lies beside it is read once, from the text.
    @Test func aDirectoryListsEachReportOnce() throws {
        let directory = try outputDirectory("audit-files")
        for name in ["a.txt", "a.pdf", "b.pdf", "c.docx", "~$c.docx", "d.json"] {
            try Data("x".utf8).write(to: directory.appendingPathComponent(name))
        }
        let files = AuditPages.reportFiles(in: directory.path).map { ($0 as NSString).lastPathComponent }
        #expect(files == ["a.txt", "b.pdf", "c.docx"])
    }

    /// pdftotext ends every page with a form feed: a line's page counts the form feeds before it.
    @Test func pagesOfPdftotextText() {
        #expect(ReportFile.pages(of: Array("a\nb\n\u{0C}c\n\n\u{0C}\u{0C}d".utf8)) == [1, 1, 2, 2, 4])
        #expect(ReportFile.pages(of: Array("a\n".utf8)) == [1, 1])
        #expect(ReportFile.pages(of: []) == [1])
    }
}

extension Auditor {
    static func audit(text: String) throws -> AuditResult {
        audit(PublishedReport(try ReportFile.read(bytes: Array(text.utf8), name: "report.txt").get()))
    }
}
