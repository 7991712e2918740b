import Foundation
import Testing

/// `--format pdf`: LibreOffice prints the .docx; without LibreOffice a clear message, exit 2 and no file at all,
/// before any department is rendered.
@Suite struct PDFCommandTests {
    static let isCI = ProcessInfo.processInfo.environment["JUESUAN_CI"] == "1"
    static let hasLibreOffice: Bool = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/soffice")
        }
    }()

    /// This process's environment with a PATH on which there is no `soffice`.
    static var withoutLibreOffice: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "/nonexistent"
        return environment
    }

    @Test func renderWithoutLibreOfficeWritesNothing() throws {
        let out = try RenderAndValidateTests.scratch("pdf-missing")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try runJueSuan(
            ["render", RenderAndValidateTests.sample, "--format", "txt,pdf", "--out", out.path],
            environment: Self.withoutLibreOffice)
        #expect(result.status == 2)
        #expect(result.stderr.contains("juesuan render：生成 PDF 需要 LibreOffice，但在 PATH 中找不到 soffice"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test func batchWithoutLibreOfficeRendersNothing() throws {
        let out = try RenderAndValidateTests.scratch("pdf-missing-batch")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try runJueSuan(
            ["batch", "Samples", "--format", "html,pdf", "--out", out.path], environment: Self.withoutLibreOffice)
        #expect(result.status == 2)
        #expect(result.stderr.contains("juesuan batch：生成 PDF 需要 LibreOffice"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test func pdfIsNotForStandardOutput() throws {
        let result = try runJueSuan(["render", RenderAndValidateTests.sample, "--format", "pdf", "--out", "-"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--out - 只能用于一个输入文件和一种文本格式"))
    }

    /// The PDF is written like every format, and the same input gives the same bytes (LibreOffice's creation date
    /// and file identifier are replaced by the document's).
    @Test(.enabled(if: hasLibreOffice || isCI, "LibreOffice not installed"))
    func renderWritesTheSamePDFTwice() throws {
        let out = try RenderAndValidateTests.scratch("pdf")
        defer { try? FileManager.default.removeItem(at: out) }
        let base = out.appendingPathComponent(RenderAndValidateTests.baseName).path
        let first = try runJueSuan(["render", RenderAndValidateTests.sample, "--format", "pdf", "--out", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        let pdf = try Data(contentsOf: URL(fileURLWithPath: base + ".pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(String(decoding: pdf.suffix(16), as: UTF8.self).contains("%%EOF"))
        // The document's date (the standard template leaves the default, 2000-01-01), not the time of the run.
        #expect(String(decoding: pdf, as: UTF8.self).contains("/CreationDate(D:20000101000000"))
        let second = try runJueSuan([
            "render", RenderAndValidateTests.sample, "--format", "pdf", "--out", out.path, "--force",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: base + ".pdf")) == pdf)
    }

    /// Parallel jobs convert at the same time, each LibreOffice with its own profile.
    @Test(.enabled(if: hasLibreOffice || isCI, "LibreOffice not installed"))
    func batchConvertsInParallel() throws {
        let out = try RenderAndValidateTests.scratch("pdf-batch")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try runJueSuan(["batch", "Samples", "--format", "pdf", "--jobs", "2", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".pdf") }
        #expect(pdfs.count == 4)
        for name in pdfs {
            let pdf = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(pdf.starts(with: Array("%PDF-".utf8)), "\(name)")
        }
        let summary = try String(contentsOf: out.appendingPathComponent("summary.html"), encoding: .utf8)
        #expect(summary.contains(">PDF</a>"))
    }
}
