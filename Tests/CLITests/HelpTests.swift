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

@Suite struct ArgumentTests {
    @Test func doubleDashEndsOptions() throws {
        let result = try runJueSuan(["check", "--", "--not-an-option.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--not-an-option.json: 错误：无法读取文件：文件不存在"))
        #expect(!result.stderr.contains("未知选项"))
    }

    @Test func valueAfterEqualsOrSpace() throws {
        let spaced = try runJueSuan(["schema", "--format", "markdown"])
        let joined = try runJueSuan(["schema", "--format=markdown"])
        #expect(spaced.status == 0)
        #expect(spaced.stdout == joined.stdout)
        let missing = try runJueSuan(["schema", "--format"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("选项 --format 需要一个值（FMT）"))
    }
}
