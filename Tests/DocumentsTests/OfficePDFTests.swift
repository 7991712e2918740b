import Documents
import Foundation
import TestSupport
import Testing

/// LibreOffice opens what we write and prints it: the landscape tables on landscape pages, the amounts on paper.
@Suite struct OfficePDFTests {
    @Test(
        .enabled(if: (Checker.soffice && Checker.poppler) || Checker.isCI, "LibreOffice or poppler-utils not installed")
    )
    func libreOfficeConvertsToPDF() throws {
        try Checker.require(Checker.soffice, "LibreOffice (soffice)")
        try Checker.require(Checker.poppler, "poppler-utils (pdfinfo, pdftotext)")
        let directory = try outputDirectory("pdf")
        let docx = directory.appendingPathComponent("sample.docx")
        let xlsx = directory.appendingPathComponent("sample-tables.xlsx")
        try Data(DocxWriter.write(OfficeSample.document)).write(to: docx)
        try Data(XlsxWriter.write(OfficeSample.document)).write(to: xlsx)
        let pdfs = try convertToPDF([docx, xlsx], in: directory)

        let docxPages = try pdfPageSizes(pdfs[0])
        #expect(docxPages.count >= 4)
        // A4 portrait (595 × 842 pt) first; the two landscape tables on landscape pages.
        if let first = docxPages.first {
            #expect(abs(first.width - 595.3) < 1 && abs(first.height - 841.9) < 1)
        }
        #expect(docxPages.filter { $0.width > $0.height }.count >= 2)
        #expect(docxPages.last.map { $0.width < $0.height } == true)

        let xlsxPages = try pdfPageSizes(pdfs[1])
        #expect(xlsxPages.count >= 3)
        #expect(xlsxPages.first.map { $0.width > $0.height } == true)

        for pdf in pdfs {
            let text = try run("pdftotext", ["-layout", pdf.path, "-"])
            #expect(text.status == 0)
            #expect(text.output.contains("2,443.08"), "\(pdf.lastPathComponent)")
            #expect(text.output.contains("1,861.26"), "\(pdf.lastPathComponent)")
            #expect(text.output.contains("收入支出决算总表"), "\(pdf.lastPathComponent)")
        }
    }
}
