import Mustache
import Testing

private func parseError(_ text: String, name: String = "t") -> MustacheError? {
    do {
        _ = try Template(parsing: text, name: name)
        return nil
    } catch {
        return error
    }
}

@Suite struct ParseErrorTests {
    @Test func unclosedTag() throws {
        let error = try #require(parseError("第一行\n  {{name\n第三行 {{x}}\n", name: "report/part1"))
        #expect(error.kind == .unclosedTag)
        #expect(error.description == "report/part1:2:3: 标签没有闭合：{{name 缺少 }}（unclosed tag）")
        #expect(error.tag == "{{name")
    }

    @Test func unclosedTagRunningIntoTheNextTag() throws {
        let error = try #require(parseError("a {{b {{c}}"))
        #expect(error.description == "t:1:3: 标签没有闭合：{{b 缺少 }}（unclosed tag）")
    }

    @Test func unclosedTripleMustache() throws {
        let error = try #require(parseError("x\n{{{raw}}\n"))
        #expect(error.description == "t:2:1: 标签没有闭合：{{{raw}} 缺少 }}}（unclosed tag）")
    }

    @Test func unclosedSection() throws {
        let error = try #require(parseError("表头\n{{#rows}}\n  {{name}}\n"))
        #expect(error.kind == .unclosedSection)
        #expect(error.description == "t:2:1: 区块 {{#rows}} 没有闭合：缺少 {{/rows}}（unclosed section）")
        #expect(error.tag == "{{#rows}}")
    }

    @Test func unclosedSectionWithCustomDelimiters() throws {
        let error = try #require(parseError("{{=<% %>=}}<%^empty%>"))
        #expect(error.description == "t:1:12: 区块 <%^empty%> 没有闭合：缺少 <%/empty%>（unclosed section）")
    }

    @Test func mismatchedClosingTagNamesBoth() throws {
        let error = try #require(parseError("{{#a}}\n  {{#b}}\n  {{/a}}\n{{/b}}\n"))
        #expect(error.kind == .mismatchedClosingTag)
        #expect(error.description == "t:3:3: 结束标签 {{/a}} 与第 2 行第 3 列的开始标签 {{#b}} 不匹配（mismatched closing tag）")
        #expect(error.tag == "{{/a}}")
    }

    @Test func closingTagWithoutSection() throws {
        let error = try #require(parseError("文字{{/rows}}"))
        #expect(error.kind == .unexpectedClosingTag)
        #expect(error.description == "t:1:3: 结束标签 {{/rows}} 没有对应的开始标签（unexpected closing tag）")
    }

    @Test func badDelimiterChanges() throws {
        let one = try #require(parseError("x\n{{=<% =}}"))
        #expect(one.kind == .badDelimiters)
        #expect(
            one.description == "t:2:1: 分隔符设置无效 {{=<% =}}：需要两个不含空白和等号的分隔符，如 {{=<% %>=}}（bad delimiter change）")
        let three = try #require(parseError("{{= a b c =}}"))
        #expect(three.kind == .badDelimiters)
        #expect(three.tag == "{{= a b c =}}")
        let equals = try #require(parseError("{{=a= b=}}"))
        #expect(equals.kind == .badDelimiters)
        let unterminated = try #require(parseError("ab{{=<% %>}}"))
        #expect(unterminated.description == "t:1:3: 分隔符设置无效 {{=<% %>}}：应以 =}} 结尾，如 {{=<% %>=}}（bad delimiter change）")
    }

    @Test func emptyTagNames() throws {
        let plain = try #require(parseError("a {{ }} b"))
        #expect(plain.kind == .emptyTagName)
        #expect(plain.description == "t:1:3: 标签名为空：{{ }}（empty tag name）")
        let section = try #require(parseError("\n\n{{#}}{{/}}"))
        #expect(section.description == "t:3:1: 标签名为空：{{#}}（empty tag name）")
        let partial = try #require(parseError("{{> }}"))
        #expect(partial.kind == .emptyTagName)
        let dynamic = try #require(parseError("{{>*}}"))
        #expect(dynamic.kind == .emptyTagName)
    }

    @Test func invalidTagNames() throws {
        let spaced = try #require(parseError("{{first name}}"))
        #expect(spaced.description == "t:1:1: 标签名不能含空白：{{first name}}（invalid tag name）")
        let dots = try #require(parseError("{{a..b}}"))
        #expect(dots.description == "t:1:1: 标签名无效：{{a..b}} 含有空的名称段（invalid tag name）")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let error = try #require(parseError("部门决算{{/x}}"))
        #expect(error.line == 1)
        #expect(error.column == 5)
    }

    @Test func libraryThrowsTheParseErrorOfANamedTemplate() {
        let library = TemplateLibrary(templates: ["broken": "ok\n{{#a}}"])
        #expect(throws: MustacheError.self) { try library.template(named: "broken") }
        let result = library.render("broken", [:])
        #expect(result.errors.map(\.description) == ["broken:2:1: 区块 {{#a}} 没有闭合：缺少 {{/a}}（unclosed section）"])
    }
}
