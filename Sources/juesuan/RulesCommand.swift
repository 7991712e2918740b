import JueSuan

enum RulesCommand: Command {
    static let name = "rules"
    static let summary = "列出全部检查规则（编号、严重程度、检查内容、示例），即 docs/RULES.md"
    static let synopsis = "juesuan rules"

    static func run(_ arguments: ParsedArguments, console: Console) -> ExitStatus {
        guard arguments.positionals.isEmpty else {
            console.err("juesuan rules：不接受参数\n\n" + help)
            return .usage
        }
        console.out(RuleCatalogue.markdownReference())
        return .ok
    }
}
