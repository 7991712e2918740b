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
struct Console: Sendable {
    func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
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
