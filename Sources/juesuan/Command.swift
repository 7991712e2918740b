import Foundation
import JueSuan

/// Exit statuses, as documented in the README.
enum ExitStatus: Int32, Error {
    /// Everything worked.
    case ok = 0
    /// The input has fatal findings (or a template failed to render).
    case findings = 1
    /// Usage error or unreadable input.
    case usage = 2
}

/// Where a command writes. Tests of the command line run the binary as a process, so this is the real thing.
///
/// `out` and `err` are for messages, which quote the input (names, paths, texts): a control character from the input
/// (ESC, BEL, CR …) is shown as `\u001B`, never sent to the terminal, where it could move the cursor, change colours
/// or rewrite what was printed. Line feeds and TABs stay. `outVerbatim` is for what a command produces (a report on
/// standard output, a rendered template), `errVerbatim` for the progress line's own control sequences.
struct Console: Sendable {
    func out(_ text: String) { outVerbatim(Self.visible(text)) }

    func err(_ text: String) { errVerbatim(Self.visible(text)) }

    func outVerbatim(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func errVerbatim(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `text` with every control character but LF and TAB written as `\u` and four hex digits (as in JSON).
    static func visible(_ text: String) -> String {
        func isHidden(_ scalar: Unicode.Scalar) -> Bool {
            scalar != "\n" && scalar != "\t" && scalar.properties.generalCategory == .control
        }
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(
                    contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

/// One `juesuan <command>`.
protocol Command {
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// The synopsis line(s), e.g. `juesuan check FILE...`.
    static var synopsis: String { get }
    /// Further help text after the synopsis (may be empty).
    static var details: String { get }
    static var options: [OptionSpec] { get }
    static func run(_ arguments: ParsedArguments, console: Console) -> ExitStatus
}

extension Command {
    static var details: String { "" }
    static var options: [OptionSpec] { [] }

    static var help: String {
        var text = "用法：\(synopsis)\n\n\(summary)\n"
        if !details.isEmpty { text += "\n\(details)\n" }
        text += "\n选项：\n\(optionsHelp(options))\n"
        return text
    }
}

extension Command {
    /// The templates named by `--templates NAME|DIR` (the standard ones without it); nil after telling the user
    /// why they cannot be used (no such set or directory, a broken set.json).
    static func templates(_ arguments: ParsedArguments, console: Console) -> ReportTemplates? {
        guard let name = arguments.value("templates") else { return .standard }
        do {
            return try ReportTemplates.load(name)
        } catch {
            console.err("juesuan \(self.name)：--templates \(name)：\(error.message)\n")
            return nil
        }
    }

    /// False, after saying so, when a format needs LibreOffice and it is not installed (checked before any work).
    static func libreOfficeIfNeeded(_ formats: [OutputFormat], console: Console) -> Bool {
        guard formats.contains(where: \.needsLibreOffice) else { return true }
        do {
            try PDFConversion.requireLibreOffice()
            return true
        } catch {
            console.err("juesuan \(name)：\(error)\n")
            return false
        }
    }
}

extension Command {
    /// Last year's files named by `--prior` (nil without the option); exits with a message when they cannot be read.
    static func priors(_ arguments: ParsedArguments, console: Console) -> Result<PriorFiles?, ExitStatus> {
        guard let path = arguments.value("prior") else { return .success(nil) }
        switch PriorFiles.load(path) {
        case .success(let priors): return .success(priors)
        case .failure(let error):
            console.err("juesuan \(name)：无法读取上年文件：\n\(error.description)\n")
            return .failure(.usage)
        }
    }
}
