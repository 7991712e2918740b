import JueSuan

enum CheckCommand: Command {
    static let name = "check"
    static let summary = "读取并检查部门数据文件（JSON 格式、字段、类型）"
    static let synopsis = "juesuan check FILE..."

    static func run(_ arguments: ParsedArguments, console: Console) -> ExitStatus {
        guard !arguments.positionals.isEmpty else {
            console.err("juesuan check：缺少输入文件\n\n" + help)
            return .usage
        }
        console.err("未实现\n")
        return .usage
    }
}
