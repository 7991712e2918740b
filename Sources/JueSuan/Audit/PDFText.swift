import Foundation

/// The text of a published report's PDF, as `pdftotext -layout` (poppler) gives it — the form the audit reads best —
/// when the user has pdftotext installed; without it, or for a PDF that holds no text (a scan), an error that says
/// what to do.
enum PDFText {
    /// `pdftotext` on the PATH, found once per process.
    static let pdftotext: String? = ExternalProgram.find("pdftotext")

    /// How long one extraction may take.
    static let timeoutSeconds = 120

    static func text(of pdf: [UInt8], name: String) -> Result<[UInt8], ReportReadError> {
        func failure(_ message: String) -> Result<[UInt8], ReportReadError> {
            .failure(ReportReadError(fileName: name, message: message))
        }
        guard let pdftotext else {
            return failure(
                "这是 PDF 文件：读取它需要 pdftotext（poppler-utils，如 apt-get install poppler-utils），在 PATH 中找不到；"
                    + "也可以先用 pdftotext -layout 提取文字，给出 .txt 文件，或给出报告的 Word 文档")
        }
        let directory: URL
        do {
            directory = try ExternalProgram.temporaryDirectory("juesuan-pdftext")
        } catch {
            return failure("无法建立临时目录：\(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("report.pdf")
        let output = directory.appendingPathComponent("report.txt")
        let log = directory.appendingPathComponent("pdftotext.log")
        do {
            try Data(pdf).write(to: input)
        } catch {
            return failure("无法写临时文件：\(error.localizedDescription)")
        }
        let status: Int32
        do {
            status = try ExternalProgram.run(
                [pdftotext, "-layout", "-enc", "UTF-8", input.path, output.path],
                environment: ProcessInfo.processInfo.environment, log: log, timeout: timeoutSeconds)
        } catch {
            switch error {
            case .failed(let message): return failure("pdftotext 未能运行：\(message)")
            case .timedOut(let seconds): return failure("pdftotext 在 \(seconds) 秒内未能提取文字，已停止")
            }
        }
        guard status == 0, let text = FileManager.default.contents(atPath: output.path) else {
            let said = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").suffix(2)
                .joined(separator: " ")
            return failure("pdftotext 未能提取文字（PDF 可能已损坏）：\(said.isEmpty ? "退出状态 \(status)" : said)")
        }
        guard text.contains(where: { $0 > 0x20 && $0 != 0x0C }) else {
            return failure("PDF 中没有文字（可能是扫描的图片）：请给出报告的 Word 文档或文字版")
        }
        return .success(Array(text))
    }
}
