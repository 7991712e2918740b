import Documents
import Foundation

/// Why a published report cannot be read at all.
public struct ReportReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var fileName: String
    public var message: String

    public var description: String { "\(fileName)：\(message)" }
}

/// A published report file: a text file (UTF-8 or UTF-16) or a Word document, as its lines.
public struct ReportFile: Sendable {
    public enum Kind: String, Sendable, Codable {
        /// Plain text: the text of a PDF (`pdftotext -layout` or a plain extraction) or of any document.
        case text
        /// A Word document (.docx).
        case docx
        /// A PDF, read as `pdftotext -layout` gives its text (places are its pages).
        case pdf
    }

    /// The file as the user named it.
    public let name: String
    public let kind: Kind
    let lines: [ReportLine]
    /// For a PDF: the page of each line (1-based, parallel to `lines`).
    var pages: [Int] = []

    /// `第 12 行` in a text file, `第 12 段` in a Word document (paragraphs and table rows are counted), `第 3 页` in
    /// a PDF (its text's lines are nothing the reader sees).
    public func lineText(_ number: Int) -> String {
        switch kind {
        case .docx: return "第 \(number) 段"
        case .text: return "第 \(number) 行"
        case .pdf: return "第 \(pages.indices.contains(number - 1) ? pages[number - 1] : 1) 页"
        }
    }

    public static func read(path: String) -> Result<ReportFile, ReportReadError> {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            var isDirectory: ObjCBool = false
            let reason =
                !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                ? "文件不存在" : isDirectory.boolValue ? "这是一个目录，不是文件" : "没有读取权限或无法读取"
            return .failure(ReportReadError(fileName: path, message: "无法读取文件：\(reason)"))
        }
        return read(bytes: Array(data), name: path)
    }

    /// The page of each line of pdftotext's text: a form feed ends each page, so a line's page is one more than the
    /// form feeds before its first character.
    static func pages(of text: [UInt8]) -> [Int] {
        var pages: [Int] = []
        var feeds = 0
        var lineStart = true
        for byte in text {
            switch byte {
            case 0x0C:
                feeds += 1
            case UInt8(ascii: "\n"):
                if lineStart { pages.append(feeds + 1) }
                lineStart = true
            default:
                if lineStart { pages.append(feeds + 1) }
                lineStart = false
            }
        }
        if lineStart { pages.append(feeds + 1) }
        return pages
    }

    /// Reads a report from its bytes: a ZIP is a Word document, a PDF is read by pdftotext, anything else text.
    public static func read(bytes: [UInt8], name: String) -> Result<ReportFile, ReportReadError> {
        if bytes.starts(with: Array("%PDF-".utf8)) {
            return PDFText.text(of: bytes, name: name).flatMap { text in
                read(bytes: text, name: name).map { file in
                    ReportFile(name: file.name, kind: .pdf, lines: file.lines, pages: pages(of: text))
                }
            }
        }
        if bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04 {
            do {
                let blocks = try DocxReader.read(bytes: bytes)
                return .success(ReportFile(name: name, kind: .docx, lines: lines(of: blocks)))
            } catch {
                return .failure(ReportReadError(fileName: name, message: "无法读取 Word 文档：\(error.description)"))
            }
        }
        guard let text = decodeText(bytes) else {
            return .failure(
                ReportReadError(
                    fileName: name,
                    message: "不是 UTF-8 编码的文本，也不是 Word 文档（.docx）：请用 pdftotext 提取 PDF 的文字，或将文本另存为 UTF-8"))
        }
        if text.contains("\u{0}") {
            return .failure(ReportReadError(fileName: name, message: "这是二进制文件，不是文本：请给出报告的文字（.txt）或 Word 文档（.docx）"))
        }
        var lines: [ReportLine] = []
        var number = 0
        // "\r\n" is one Character in Swift: line ends are unified on the scalars first.
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for line in unified.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            // pdftotext starts each page with a form feed.
            let cleaned = line.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\u{0C}", with: "")
            lines.append(ReportLine(number: number, raw: cleaned))
        }
        return .success(ReportFile(name: name, kind: .text, lines: lines))
    }

    /// UTF-8 (with or without a byte order mark) or UTF-16 with a byte order mark.
    static func decodeText(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return String(data: Data(bytes), encoding: .utf16)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        return String(validating: body, as: UTF8.self)
    }

    /// A Word document's paragraphs and table rows as lines, numbered in order (a paragraph with line breaks is
    /// one line per break, all with the paragraph's number).
    static func lines(of blocks: [DocxBlock]) -> [ReportLine] {
        var lines: [ReportLine] = []
        var number = 0
        for block in blocks {
            switch block {
            case .paragraph(let text):
                number += 1
                for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    lines.append(
                        ReportLine(number: number, raw: String(part).replacingOccurrences(of: "\t", with: " ")))
                }
            case .table(let rows):
                for row in rows {
                    number += 1
                    let cells = row.map {
                        $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: "")
                    }
                    lines.append(ReportLine(number: number, raw: cells.joined(separator: "\t"), isTableRow: true))
                }
            }
        }
        return lines
    }
}
