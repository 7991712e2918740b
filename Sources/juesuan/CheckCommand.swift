import JueSuan

enum CheckCommand: Command {
    static let name = "check"
    static let summary = "读取并检查部门数据文件（JSON 或工作簿 .xlsx：格式、字段、类型、编码）"
    static let synopsis = "juesuan check FILE..."
    static let details = """
        逐个读取文件；每个问题一行：JSON 文件为“文件:行:列: 错误：JSON 路径：说明”，工作簿为“文件!工作表!单元格: 错误：说明”。
        全部通过时退出状态为 0，有文件无法读取或不符合格式时为 2。
        """

    static func run(_ arguments: ParsedArguments, console: Console) -> ExitStatus {
        guard !arguments.positionals.isEmpty else {
            console.err("juesuan check：缺少输入文件\n\n" + help)
            return .usage
        }
        var failed = 0
        for path in arguments.positionals {
            switch InputLoader.loadDepartment(path: path) {
            case .success(let loaded):
                for note in loaded.notes { console.err("\(path)：提示：\(note)\n") }
                let input = loaded.input
                console.out("\(path)：通过（\(input.department.name) \(input.year) 年度）\n")
            case .failure(let error):
                failed += 1
                console.err(error.description + "\n")
            }
        }
        if failed > 0 {
            console.err("\(failed) 个文件未通过检查。\n")
            return .usage
        }
        return .ok
    }
}
