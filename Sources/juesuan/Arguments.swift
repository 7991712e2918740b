// Hand-written command-line parsing: `--flag value`, `--flag=value`, boolean flags, `--` ends options,
// `-` is an ordinary argument (standard input or output). Anything unknown is a usage error (exit 2).

/// One option a command accepts.
struct OptionSpec: Sendable {
    /// Long name without the dashes, e.g. `format`.
    let name: String
    /// Name of the value in the help text (`FMT`); nil for a boolean flag.
    let valueName: String?
    /// One-line help, in Chinese.
    let help: String
    /// Single-letter alias without the dash, e.g. `o`.
    var short: Character? = nil

    var takesValue: Bool { valueName != nil }

    static func flag(_ name: String, help: String, short: Character? = nil) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, short: short)
    }

    static func value(_ name: String, _ valueName: String, help: String, short: Character? = nil) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, short: short)
    }
}

/// What the parser found.
struct ParsedArguments: Sendable {
    var positionals: [String] = []
    /// Values by option name, in the order given (an option may be repeated).
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    func value(_ name: String) -> String? { values[name]?.last }
    func has(_ name: String) -> Bool { flags.contains(name) }
}

struct UsageError: Error, Sendable {
    let message: String
}

/// The built-in options every command accepts.
let helpOption = OptionSpec.flag("help", help: "显示本命令的帮助", short: "h")

func parseArguments(_ arguments: [String], options: [OptionSpec]) throws(UsageError) -> ParsedArguments {
    let all = options + [helpOption]
    var result = ParsedArguments()
    var index = 0
    var optionsEnded = false

    func spec(long name: String) -> OptionSpec? { all.first { $0.name == name } }
    func spec(short letter: Character) -> OptionSpec? { all.first { $0.short == letter } }

    func record(_ option: OptionSpec, inline: String?, shown: String) throws(UsageError) {
        if option.takesValue {
            let value: String
            if let inline {
                value = inline
            } else {
                index += 1
                guard index < arguments.count else {
                    throw UsageError(message: "选项 \(shown) 需要一个值（\(option.valueName ?? "值")）")
                }
                value = arguments[index]
            }
            result.values[option.name, default: []].append(value)
        } else {
            if inline != nil {
                throw UsageError(message: "选项 \(shown) 不带值")
            }
            result.flags.insert(option.name)
        }
    }

    while index < arguments.count {
        let argument = arguments[index]
        if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
            result.positionals.append(argument)
        } else if argument == "--" {
            optionsEnded = true
        } else if argument.hasPrefix("--") {
            let body = argument.dropFirst(2)
            let name: String
            let inline: String?
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals])
                inline = String(body[body.index(after: equals)...])
            } else {
                name = String(body)
                inline = nil
            }
            guard let option = spec(long: name) else {
                throw UsageError(message: "未知选项：--\(name)")
            }
            try record(option, inline: inline, shown: "--\(name)")
        } else {
            let letters = Array(argument.dropFirst())
            guard letters.count == 1, let option = spec(short: letters[0]) else {
                throw UsageError(message: "未知选项：\(argument)")
            }
            try record(option, inline: nil, shown: argument)
        }
        index += 1
    }
    return result
}

/// The options part of a command's help text.
func optionsHelp(_ options: [OptionSpec]) -> String {
    let rows = (options + [helpOption]).map { option -> (String, String) in
        var left = "  "
        if let short = option.short { left += "-\(short), " } else { left += "    " }
        left += "--\(option.name)"
        if let valueName = option.valueName { left += " \(valueName)" }
        return (left, option.help)
    }
    let width = rows.map { $0.0.count }.max() ?? 0
    return rows.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }
        .joined(separator: "\n")
}
