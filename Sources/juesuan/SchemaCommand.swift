import JueSuan

enum SchemaCommand: Command {
    static let name = "schema"
    static let summary = "输出输入文件的 JSON Schema（draft 2020-12）或字段说明"
    static let synopsis = "juesuan schema [--format json|markdown]"
    static let details = "--format markdown 输出 docs/INPUT.md（输入文件说明）。"
    static let options: [OptionSpec] = [
        .value("format", "FMT", help: "json（默认）或 markdown")
    ]

    static func run(_ arguments: ParsedArguments, console: Console) -> ExitStatus {
        guard arguments.positionals.isEmpty else {
            console.err("juesuan schema：不接受参数\n\n" + help)
            return .usage
        }
        switch arguments.value("format") ?? "json" {
        case "json":
            console.out(InputSchema.jsonSchemaText())
        case "markdown", "md":
            console.out(InputSchema.markdownReference())
        case let other:
            console.err("juesuan schema：--format 只能是 json 或 markdown，实际为“\(other)”\n\n" + help)
            return .usage
        }
        return .ok
    }
}
