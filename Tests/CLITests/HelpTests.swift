import Testing

@Suite struct HelpTests {
    @Test func mainHelpListsCommandsAndExitCodes() throws {
        let result = try runJueSuan(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("用法：juesuan <命令>"))
        #expect(result.stdout.contains("  check "))
        #expect(result.stdout.contains("  schema "))
        #expect(result.stdout.contains("2 用法错误或输入无法读取"))
    }

    @Test func commandHelp() throws {
        let result = try runJueSuan(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("用法：juesuan check FILE..."))
    }

    @Test func version() throws {
        let result = try runJueSuan(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("juesuan "))
    }

    @Test func unknownFlagGivesUsageAndExit2() throws {
        let result = try runJueSuan(["check", "--bogus", "x.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("未知选项：--bogus"))
        #expect(result.stderr.contains("用法：juesuan check"))
    }

    @Test func unknownCommandExit2() throws {
        let result = try runJueSuan(["frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("未知命令“frobnicate”"))
    }

    @Test func missingOptionValue() throws {
        let result = try runJueSuan(["schema", "--help=yes"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("选项 --help 不带值"))
    }
}
