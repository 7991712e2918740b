import Mustache
import Testing

private func render(
    _ templates: [String: String], _ name: String, _ data: MustacheValue, mode: RenderMode = .strict
) -> RenderResult {
    TemplateLibrary(templates: templates).render(name, data, options: RenderOptions(escaping: .none, mode: mode))
}

@Suite struct StrictModeTests {
    @Test func unknownNameInInterpolationNamesTemplateLineColumnTagAndPath() throws {
        let result = render(
            ["report/part3": "标题\n\n  合计：{{section1.totalIncome}}元\n"], "report/part3",
            ["section1": ["totalExpense": 1]])
        #expect(result.output == "标题\n\n  合计：元\n")
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(
            error.description
                == "report/part3:3:6: 未知名称 {{section1.totalIncome}}，查找路径：section1 → totalIncome"
                + "（section1 中没有 totalIncome）(unknown name)")
        #expect(error.kind == .unknownName)
        #expect(error.template == "report/part3")
        #expect(error.line == 3)
        #expect(error.column == 6)
        #expect(error.tag == "{{section1.totalIncome}}")
        #expect(error.path == ["section1", "totalIncome"])
        #expect(error.contextStack == ["根"])
    }

    @Test func unknownFirstNameListsTheContextsSearchedAndCountsRepeats() throws {
        let result = render(
            ["t": "{{#rows}}\n- {{name}}: {{amount}}\n{{/rows}}\n"], "t", ["rows": [["name": "甲"], ["name": "乙"]]])
        #expect(result.output == "- 甲: \n- 乙: \n")
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(
            error.description
                == "t:2:13: 未知名称 {{amount}}，查找路径：amount（在上下文 rows[0]、根 中都没有 amount）(unknown name)（共 2 次）")
        #expect(error.occurrences == 2)
        #expect(error.contextStack == ["rows[0]", "根"])
    }

    @Test func unknownNameInSection() throws {
        let result = render(["t": "a\n{{#missing}}\nhidden\n{{/missing}}\nb\n"], "t", [:])
        #expect(result.output == "a\nb\n")
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.description == "t:2:1: 未知名称 {{#missing}}，查找路径：missing（根对象中没有 missing）(unknown name)")
        #expect(error.tag == "{{#missing}}")
    }

    @Test func unknownNameInInvertedSectionStillRendersItsContent() throws {
        let result = render(["t": "x {{^a.b}}none{{/a.b}}"], "t", ["a": ["c": 1]])
        #expect(result.output == "x none")
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.description == "t:1:3: 未知名称 {{^a.b}}，查找路径：a → b（a 中没有 b）(unknown name)")
    }

    @Test func lookingUpAMemberOfAScalarIsAnError() throws {
        let result = render(["t": "{{title.text}}"], "t", ["title": "标题"])
        #expect(result.output == "")
        #expect(
            result.errors.map(\.description) == [
                "t:1:1: 未知名称 {{title.text}}，查找路径：title → text（title 是字符串，不能取 text）(unknown name)"
            ])
    }

    @Test func nullAndFalseAreNotErrors() {
        let result = render(
            ["t": "[{{#n}}x{{/n}}{{^f}}y{{/f}}{{n}}{{f}}{{n.deeper}}{{#f.x}}z{{/f.x}}]"], "t", ["n": nil, "f": false])
        #expect(result.output == "[yfalse]")
        #expect(result.errors.isEmpty)
    }

    @Test func missingPartial() throws {
        let result = render(["report": "开头\n  {{>parts/part9}}\n结尾\n"], "report", [:])
        #expect(result.output == "开头\n结尾\n")
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.description == "report:2:3: 找不到局部模板“parts/part9”：{{>parts/part9}}（missing partial）")
        #expect(error.kind == .missingPartial)
        #expect(error.path == ["parts/part9"])
    }

    @Test func missingParent() throws {
        let result = render(["page": "{{<layout}}\n{{$body}}正文{{/body}}\n{{/layout}}\n"], "page", [:])
        #expect(result.output == "")
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.description == "page:1:1: 找不到父模板“layout”：{{<layout}}（missing parent）")
        #expect(error.kind == .missingParent)
    }

    @Test func missingDynamicPartialNamesTheResolvedName() {
        let result = render(["t": "{{>*kind}}{{>*nothing}}"], "t", ["kind": "table"])
        #expect(
            result.errors.map(\.description) == [
                "t:1:1: 找不到局部模板“table”：{{>*kind}}（missing partial）",
                "t:1:11: 未知名称 {{>*nothing}}，查找路径：nothing（根对象中没有 nothing）(unknown name)",
            ])
    }

    @Test func dynamicNameMustGiveATemplateName() {
        let result = render(
            ["t": "{{>*kind}}|{{>*none}}|{{>*empty}}"], "t", ["kind": ["a": 1], "none": nil, "empty": ""])
        #expect(result.output == "||")
        #expect(
            result.errors.map(\.description) == [
                "t:1:1: 动态名称 {{>*kind}} 的值不是模板名：kind 是对象（dynamic name is not a template name）",
                "t:1:23: 动态名称 {{>*empty}} 的值不是模板名：empty 是空字符串（dynamic name is not a template name）",
            ])
    }

    @Test func collectsAllErrorsOfOneRenderInOrder() {
        let templates = [
            "main": "{{title}}\n{{#rows}}{{.}}{{/rows}}\n{{>part}}\n{{^gone}}!{{/gone}}\n{{>nowhere}}\n",
            "part": "<{{inner.value}}>",
        ]
        let result = render(templates, "main", ["rows": [1, 2], "inner": [:]])
        // A standalone partial tag takes its line ending with it (spec); the partial has none of its own.
        #expect(result.output == "\n12\n<>!\n")
        #expect(
            result.errors.map(\.description) == [
                "main:1:1: 未知名称 {{title}}，查找路径：title（根对象中没有 title）(unknown name)",
                "part:1:2: 未知名称 {{inner.value}}，查找路径：inner → value（inner 中没有 value）(unknown name)",
                "main:4:1: 未知名称 {{^gone}}，查找路径：gone（根对象中没有 gone）(unknown name)",
                "main:5:1: 找不到局部模板“nowhere”：{{>nowhere}}（missing partial）",
            ])
        #expect(throws: MustacheErrors.self) { try result.get() }
    }

    @Test func specModeRendersTheSameTemplateWithoutErrors() throws {
        let templates = ["main": "[{{title}}|{{#gone}}x{{/gone}}|{{>nowhere}}|{{<nothing}}{{/nothing}}]"]
        let result = render(templates, "main", [:], mode: .spec)
        #expect(result.output == "[|||]")
        #expect(result.errors.isEmpty)
        #expect(try result.get() == "[|||]")
    }

    @Test func tagIsShownAsWrittenWithCustomDelimiters() {
        let result = render(["t": "{{=<% %>=}}\n  <% total %>"], "t", [:])
        #expect(result.output == "  ")
        #expect(
            result.errors.map(\.description) == [
                "t:2:3: 未知名称 <% total %>，查找路径：total（根对象中没有 total）(unknown name)"
            ])
    }

    @Test func locationsInsideReindentedBlocksPointAtTheOriginalText() {
        let result = render(["t": "{{$body}}\n    x {{missing}}\n{{/body}}\n"], "t", [:])
        #expect(result.output == "    x \n")
        #expect(result.errors.map(\.line) == [2])
        #expect(result.errors.map(\.column) == [7])
        #expect(result.errors.map(\.tag) == ["{{missing}}"])
    }

    @Test func listsAndObjectsCannotBeInterpolated() {
        let result = render(["t": "{{rows}}{{{info}}}"], "t", ["rows": [1], "info": ["a": 1]])
        #expect(result.output == "")
        #expect(
            result.errors.map(\.description) == [
                "t:1:1: 不能输出列表 {{rows}}：只能输出字符串、数字、布尔值或 null（cannot interpolate a list）",
                "t:1:9: 不能输出对象 {{{info}}}：只能输出字符串、数字、布尔值或 null（cannot interpolate an object）",
            ])
    }

    @Test func missingTopLevelTemplate() {
        let result = render(["a": "x"], "report", [:])
        #expect(result.output == "")
        #expect(result.errors.map(\.description) == ["report: 找不到模板“report”（missing template）"])
    }

    @Test func parseErrorInAPartialIsCollectedOnce() {
        let result = render(["main": "{{#rows}}{{>row}}{{/rows}}", "row": "{{#cell}}"], "main", ["rows": [1, 2, 3]])
        #expect(
            result.errors.map(\.description) == [
                "row:1:1: 区块 {{#cell}} 没有闭合：缺少 {{/cell}}（unclosed section）（共 3 次）"
            ])
    }

    @Test func infiniteRecursionIsStopped() throws {
        let result = render(["loop": "x{{>loop}}"], "loop", [:])
        #expect(result.output == String(repeating: "x", count: 101))
        let error = try #require(result.errors.first)
        #expect(error.kind == .recursionLimit)
        #expect(error.description == "loop:1:2: 局部模板嵌套超过 100 层，可能是无限递归：{{>loop}}（recursion too deep）")
    }
}
