import JueSuan

enum SchemaCommand: Command {
    static let name = "schema"
    static let summary = "输出输入文件的 JSON Schema（draft 2020-12）"
    static let synopsis = "juesuan schema"

    static func run(_ arguments: ParsedArguments, console: Console) -> ExitStatus {
        guard arguments.positionals.isEmpty else {
            console.err("juesuan schema：不接受参数\n\n" + help)
            return .usage
        }
        console.out(InputSchema.jsonSchemaText())
        return .ok
    }
}
