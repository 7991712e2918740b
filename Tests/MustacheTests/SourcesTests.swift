import Mustache
import Testing

/// `RenderOptions.recordsSources`: where each piece of the output came from.
@Suite struct SourcesTests {
    static let recording = RenderOptions(escaping: .none, recordsSources: true)

    /// The text of each recorded value, with its path and template position.
    static func values(_ result: RenderResult) -> [String] {
        let bytes = Array(result.output.utf8)
        return (result.sources?.values ?? []).map { value in
            let text = String(decoding: bytes[value.output], as: UTF8.self)
            let helpers = value.helpers.isEmpty ? "" : " via " + value.helpers.joined(separator: ",")
            return "\(text) = \(value.path.joined(separator: ".")) @\(value.location)\(helpers)"
        }
    }

    /// The template position of the first output byte of `text` in the output.
    static func location(of text: String, in result: RenderResult) -> String? {
        guard let range = result.output.range(of: text) else { return nil }
        let offset = result.output.utf8.distance(from: result.output.startIndex, to: range.lowerBound)
        return result.sources?.location(at: offset)?.description
    }

    @Test func valuesHaveTheirDataPathAndTag() throws {
        let library = TemplateLibrary(templates: [
            "t":
                "总计 {{total}}\n{{#rows}}- {{amount}}（{{name.first}}）\n{{/rows}}{{#obj}}{{inner}}{{/obj}}{{#flag}}{{.}}{{/flag}}\n"
        ])
        let data: MustacheValue = [
            "total": "3.50",
            "rows": [["amount": "1.25", "name": ["first": "甲"]], ["amount": "2.25", "name": ["first": "乙"]]],
            "obj": ["inner": "内"], "flag": "旗",
        ]
        let result = library.render("t", data, options: Self.recording)
        #expect(result.succeeded)
        #expect(
            Self.values(result) == [
                "3.50 = total @t:1:4", "1.25 = rows.0.amount @t:2:12", "甲 = rows.0.name.first @t:2:23",
                "2.25 = rows.1.amount @t:2:12", "乙 = rows.1.name.first @t:2:23", "内 = obj.inner @t:3:18",
                "旗 = flag @t:3:44",
            ])
        // A name found further out than the section is named where it was found.
        let outer = TemplateLibrary(templates: ["t": "{{#rows}}{{total}}{{/rows}}"])
        let found = outer.render("t", ["total": "9", "rows": [["a": 1]]], options: Self.recording)
        #expect(Self.values(found) == ["9 = total @t:1:10"])
    }

    @Test func literalTextMapsToItsTemplateLine() throws {
        let library = TemplateLibrary(templates: [
            "report": "@title 报告\n{{#parts}}\n  {{>part}}\n{{/parts}}\n@end\n",
            "part": "@h1 第{{n}}部分\n@p 正文\n",
        ])
        let result = library.render("report", ["parts": [["n": "一"], ["n": "二"]]], options: Self.recording)
        #expect(result.output == "@title 报告\n  @h1 第一部分\n  @p 正文\n  @h1 第二部分\n  @p 正文\n@end\n")
        #expect(Self.location(of: "@title", in: result) == "report:1:1")
        #expect(Self.location(of: "@h1 第二", in: result) == "part:1:1")
        #expect(Self.location(of: "部分\n  @p", in: result) == "part:1:11")
        #expect(Self.location(of: "@p", in: result) == "part:2:1")
        #expect(Self.location(of: "@end", in: result) == "report:5:1")
        #expect(Self.location(of: "二", in: result) == "part:1:6")
        // The same bytes as without recording.
        #expect(library.render("report", ["parts": [["n": "一"], ["n": "二"]]]).output == result.output)
        #expect(library.render("report", ["parts": []]).sources == nil)
    }

    @Test func anOverridingBlockMapsToTheTemplateThatWroteIt() throws {
        let library = TemplateLibrary(templates: [
            "base": "@h1 标题\n{{$body}}\n@p 默认\n{{/body}}\n@p 结尾 {{x}}\n",
            "child": "{{<base}}\n  {{$body}}\n    @p 改写 {{x}}\n  {{/body}}\n{{/base}}\n",
        ])
        let result = library.render("child", ["x": "1"], options: Self.recording)
        #expect(result.output == "@h1 标题\n@p 改写 1\n@p 结尾 1\n")
        #expect(Self.location(of: "@p 改写", in: result) == "child:3:5")
        #expect(Self.values(result) == ["1 = x @child:3:11", "1 = x @base:5:7"])
    }

    @Test func aHelperLambdaKeepsTheValueItFormats() throws {
        let upper = MustacheLambda.rendered { "[" + $0 + "]" }
        let library = TemplateLibrary(templates: [
            "t": "{{#box}}{{x}}{{/box}} {{#box}}{{x}}{{y}}{{/box}} {{#box}}文字{{/box}}"
        ])
        let result = library.render("t", ["box": .lambda(upper), "x": "1", "y": "2"], options: Self.recording)
        #expect(result.output == "[1] [12] [文字]")
        #expect(Self.values(result) == ["[1] = x @t:1:9 via box"])
        #expect(Self.location(of: "[12]", in: result) == "t:1:23")
    }

    @Test func aBlockTheParentDoesNotDefineIsAnError() throws {
        let library = TemplateLibrary(templates: [
            "base": "{{$head}}H{{/head}}{{>part}}{{<frame}}{{$inner}}{{$deep}}D{{/deep}}{{/inner}}{{/frame}}",
            "part": "{{#x}}{{$s7}}S{{/s7}}{{/x}}",
            "frame": "[{{$inner}}{{/inner}}]",
            "child":
                "{{<base}}\n{{$head}}h{{/head}}\n{{$s7}}s{{/s7}}\n{{$deep}}d{{/deep}}\n{{$s10}}x{{/s10}}\n{{$haed}}{{/haed}}\n{{/base}}",
        ])
        let result = library.render("child", ["x": true], options: RenderOptions(escaping: .none))
        #expect(result.output == "hs[d]")
        #expect(result.errors.map(\.kind) == [.undefinedBlock, .undefinedBlock])
        #expect(
            result.errors.map(\.description) == [
                "child:5:1: 父模板“base”没有块 s10，{{$s10}} 的内容不会输出（undefined block）",
                "child:6:1: 父模板“base”没有块 haed，{{$haed}} 的内容不会输出；是不是 head？（undefined block）",
            ])
        // Spec mode ignores them, as the spec asks.
        #expect(library.render("child", ["x": true], options: RenderOptions(escaping: .none, mode: .spec)).succeeded)
        // A dynamic partial may define any block: nothing is reported.
        let dynamic = TemplateLibrary(templates: [
            "base": "{{>*which}}", "p": "{{$a}}{{/a}}", "child": "{{<base}}{{$b}}{{/b}}{{/base}}",
        ])
        #expect(dynamic.render("child", ["which": "p"]).succeeded)
    }
}
