import Documents
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A report as PDF: its .docx printed by LibreOffice (`soffice`, looked up once on the PATH), run headless in a
/// temporary directory of its own (the file, LibreOffice's profile, the PDF), so that conversions running at the
/// same time do not share anything. Where the GB/T 9704 fonts are missing LibreOffice is told which Chinese
/// fonts stand in for them (a fontconfig file that adds stand-ins after each name, used only where the named
/// font is not installed). The PDF's creation date and identifier are made from the document, so the same
/// report gives the same PDF. Only bytes come back: the caller writes them like every other format.
public enum PDFConversion {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// No `soffice` on the PATH.
        case libreOfficeMissing
        /// LibreOffice ran but made no PDF; its last words.
        case failed(String)
        /// LibreOffice did not finish within this many seconds (it was stopped).
        case timedOut(Int)
        /// A temporary file could not be written or read.
        case temporaryFiles(String)

        public var description: String {
            switch self {
            case .libreOfficeMissing:
                "生成 PDF 需要 LibreOffice，但在 PATH 中找不到 soffice；请安装 LibreOffice（如 apt-get install libreoffice-writer）后重试"
            case .failed(let message): "LibreOffice 未能生成 PDF：\(message)"
            case .timedOut(let seconds): "LibreOffice 在 \(seconds) 秒内未完成 PDF 转换，已停止"
            case .temporaryFiles(let message): "PDF 转换的临时文件出错：\(message)"
            }
        }
    }

    /// The `soffice` program on the PATH, found once per process; nil when LibreOffice is not installed.
    public static let soffice: String? = ExternalProgram.find(
        "soffice", also: ["/Applications/LibreOffice.app/Contents/MacOS"])

    /// How long one conversion may take.
    public static let timeoutSeconds = 300

    /// Throws `.libreOfficeMissing` when there is no LibreOffice: to check before any work is done.
    public static func requireLibreOffice() throws(Failure) {
        if soffice == nil { throw .libreOfficeMissing }
    }

    /// The PDF of `docx` (a .docx package). `date` (ISO 8601, the document's date) becomes the PDF's creation
    /// date.
    public static func pdf(fromDocx docx: [UInt8], date: String) throws(Failure) -> [UInt8] {
        guard let soffice else { throw .libreOfficeMissing }
        let directory: URL
        do {
            directory = try ExternalProgram.temporaryDirectory("juesuan-pdf")
        } catch {
            throw .temporaryFiles(error.localizedDescription)
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("report.docx")
        let output = directory.appendingPathComponent("pdf")
        let fontConfig = directory.appendingPathComponent("fonts.conf")
        var environment = ProcessInfo.processInfo.environment
        do {
            try Data(docx).write(to: input)
            if let system = systemFontConfig(environment) {
                try Data(fontFallbacks(including: system).utf8).write(to: fontConfig)
                environment["FONTCONFIG_FILE"] = fontConfig.path
            }
        } catch {
            throw .temporaryFiles(error.localizedDescription)
        }
        let arguments = [
            soffice, "-env:UserInstallation=" + directory.appendingPathComponent("profile").absoluteString,
            "--headless", "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", output.path, input.path,
        ]
        let log = directory.appendingPathComponent("soffice.log")
        let status = try run(arguments, environment: environment, log: log, timeout: timeoutSeconds)
        let pdf = output.appendingPathComponent("report.pdf")
        guard let bytes = try? Data(contentsOf: pdf), bytes.starts(with: Array("%PDF".utf8)) else {
            let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let last = said.split(separator: "\n").suffix(3).joined(separator: " ")
            throw .failed(last.isEmpty ? "退出状态 \(status)" : last)
        }
        return deterministic(Array(bytes), date: date, seed: docx)
    }

    // MARK: - Pieces

    /// The fontconfig file in use, to include in ours; nil where there is none (LibreOffice then finds fonts its
    /// own way).
    static func systemFontConfig(_ environment: [String: String]) -> String? {
        if let file = environment["FONTCONFIG_FILE"], FileManager.default.fileExists(atPath: file) { return file }
        for file in ["/etc/fonts/fonts.conf", "/usr/local/etc/fonts/fonts.conf", "/opt/homebrew/etc/fonts/fonts.conf"]
        where FileManager.default.fileExists(atPath: file) {
            return file
        }
        return nil
    }

    /// Stand-ins for each GB/T 9704 font, in order of preference, used only where the named font is missing:
    /// the fonts Windows and macOS have under other names, then Noto CJK SC and Source Han (free, in most Linux
    /// distributions).
    static let fallbacks: [(font: String, standIns: [String])] = [
        (
            "仿宋_GB2312",
            ["仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif CJK"]
        ),
        ("方正小标宋简体", ["方正小标宋_GBK", "华文中宋", "STZhongsong", "Noto Serif CJK SC", "Source Han Serif SC"]),
        ("黑体", ["SimHei", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans CJK"]),
        ("楷体_GB2312", ["楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", "Source Han Serif SC"]),
        ("楷体", ["KaiTi", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", "Source Han Serif SC"]),
        ("宋体", ["SimSun", "STSong", "AR PL UMing CN", "Noto Serif CJK SC", "Source Han Serif SC"]),
    ]

    static func fontFallbacks(including system: String) -> String {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
        xml += "  <include ignore_missing=\"yes\">\(XMLText.escape(system))</include>\n"
        for (font, standIns) in fallbacks {
            xml += "  <alias binding=\"same\"><family>\(font)</family><accept>"
            for standIn in standIns { xml += "<family>\(standIn)</family>" }
            xml += "</accept></alias>\n"
        }
        xml += "</fontconfig>\n"
        return xml
    }

    /// Runs LibreOffice (see `ExternalProgram.run`).
    private static func run(_ arguments: [String], environment: [String: String], log: URL, timeout: Int)
        throws(Failure) -> Int32
    {
        do {
            return try ExternalProgram.run(arguments, environment: environment, log: log, timeout: timeout)
        } catch {
            switch error {
            case .failed(let message): throw .failed(message)
            case .timedOut(let seconds): throw .timedOut(seconds)
            }
        }
    }

    /// `pdf` with what LibreOffice makes different on every run replaced, byte for byte in place (the offsets in
    /// the file stay right): the creation date becomes `date`, the file identifier and checksum digests of `seed`.
    static func deterministic(_ pdf: [UInt8], date: String, seed: [UInt8]) -> [UInt8] {
        var pdf = pdf
        let digits = Array(date.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.prefix(14))
        for marker in ["/CreationDate(D:", "/ModDate(D:"] {
            let key = Array(marker.utf8)
            var from = 0
            while let at = find(key, in: pdf, from: from) {
                let start = at + key.count
                var i = 0
                while i < digits.count, start + i < pdf.count, isDigit(pdf[start + i]) {
                    pdf[start + i] = digits[i]
                    i += 1
                }
                from = start
            }
        }
        // `/ID [ <hex> <hex> ]` and LibreOffice's `/DocChecksum /hex`: from CRCs of the seed with different
        // prefixes.
        var salt: UInt8 = 0
        for (marker, end) in [("/ID [", UInt8(ascii: "]")), ("/DocChecksum /", UInt8(ascii: "\n"))] {
            let key = Array(marker.utf8)
            guard let at = find(key, in: pdf, from: 0) else { continue }
            var hex: [UInt8] = []
            var i = at + key.count
            while i < pdf.count, pdf[i] != end {
                if isHexDigit(pdf[i]) {
                    if hex.isEmpty {
                        salt &+= 1
                        let words = (0..<4).map { ZipArchive.crc32([salt, UInt8($0)] + seed) }
                        hex = Array(words.map { String($0, radix: 16).leftPadded(8) }.joined().uppercased().utf8)
                    }
                    pdf[i] = hex.removeFirst()
                } else {
                    hex = []
                }
                i += 1
            }
        }
        return pdf
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i] == first && haystack[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
