import Foundation

/// Every command, in the order the help lists them.
var commands: [any Command.Type] {
    [
        RenderCommand.self,
        WorkbookCommand.self,
        BatchCommand.self,
        SampleCommand.self,
        ValidateCommand.self,
        AuditCommand.self,
        ImportCommand.self,
        CheckCommand.self,
        SchemaCommand.self,
        RulesCommand.self,
        TemplatesCommand.self,
        MustacheCommand.self,
    ]
}

let version = "juesuan 0.1.0"

func mainHelp() -> String {
    let width = commands.map { $0.name.count }.max() ?? 0
    let list = commands.map { "  \($0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0))\($0.summary)" }
    return """
        juesuan — 部门决算公开生成工具：每个部门一个 JSON 文件，生成完整的五部分部门决算公开报告。

        用法：juesuan <命令> [选项] [参数...]
              juesuan <命令> --help
              juesuan --version

        命令：
        \(list.joined(separator: "\n"))

        退出状态：0 成功；1 输入有致命问题（batch：有部门有致命问题或失败）；2 用法错误或输入无法读取。

        """
}

func runMain(_ arguments: [String]) -> ExitStatus {
    let console = Console()
    guard let first = arguments.first else {
        console.err(mainHelp())
        return .usage
    }
    switch first {
    case "--help", "-h", "help":
        if first == "help", arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
            console.out(command.help)
        } else {
            console.out(mainHelp())
        }
        return .ok
    case "--version", "-V":
        console.out(version + "\n")
        return .ok
    default:
        break
    }
    guard let command = commands.first(where: { $0.name == first }) else {
        console.err("juesuan：未知命令“\(first)”\n\n" + mainHelp())
        return .usage
    }
    let parsed: ParsedArguments
    do {
        parsed = try parseArguments(Array(arguments.dropFirst()), options: command.options)
    } catch {
        console.err("juesuan \(command.name)：\(error.message)\n\n" + command.help)
        return .usage
    }
    if parsed.has("help") {
        console.out(command.help)
        return .ok
    }
    return command.run(parsed, console: console)
}
