import Foundation
import Mustache
import Testing

// Templates are written by template authors and, through `--templates`, by anyone who runs a batch: no template may
// crash the program (a stack overflow), make it run for ever, or read files outside its directory.

private func render(_ templates: [String: String], _ name: String, _ data: MustacheValue, maximumSteps: Int? = nil)
    -> RenderResult
{
    var options = RenderOptions(escaping: .none)
    if let maximumSteps { options.maximumSteps = maximumSteps }
    return TemplateLibrary(templates: templates).render(name, data, options: options)
}

private func nested(_ depth: Int, around inner: String) -> String {
    String(repeating: "{{#b}}", count: depth) + inner + String(repeating: "{{/b}}", count: depth)
}

/// Partials p0 … p(count-1), each 204 sections deep around the next one.
private func partialChain(_ count: Int) -> [String: String] {
    var templates: [String: String] = [:]
    for index in 0..<count {
        templates["p\(index)"] = nested(204, around: index + 1 < count ? "{{>p\(index + 1)}}" : "x")
    }
    return templates
}

/// Runs `body` on a thread with an 8 MB stack, as the command line's main thread and the batch workers have.
private func onLargeStack<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
    nonisolated(unsafe) var result: T?
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        result = body()
        done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    done.wait()
    return result!
}

@Suite struct LimitTests {
    @Test func sectionsNestedDeeperThanTheParserAllowsAreAParseError() throws {
        #expect(throws: Never.self) { try Template(parsing: nested(256, around: "x")) }
        do {
            _ = try Template(parsing: "第一行\n" + nested(257, around: "x"), name: "deep")
            Issue.record("a template nested 257 deep parsed")
        } catch {
            #expect(error.kind == .nestingTooDeep)
            #expect(error.description == "deep:2:1537: 区块嵌套超过 256 层：{{#b}}（sections nested too deep）")
        }
        // Blocks and parents count as well.
        let blocks = String(repeating: "{{$a}}", count: 257) + String(repeating: "{{/a}}", count: 257)
        #expect(throws: MustacheError.self) { try Template(parsing: blocks) }
    }

    // Five partials of 204 nested sections each are 1,024 levels (with the four partial tags), more than one
    // template may hold but just what the renderer allows; a sixth is beyond it and stops the render with an error
    // instead of overflowing the stack.
    @Test func nestingAcrossPartialsIsBoundedByTheRenderer() throws {
        let five = partialChain(5)
        let six = partialChain(6)
        let fits = onLargeStack { render(five, "p0", ["b": true]) }
        #expect(fits.errors.isEmpty)
        #expect(fits.output == "x")
        let tooDeep = onLargeStack { render(six, "p0", ["b": true]) }
        #expect(tooDeep.output == "")
        #expect(
            tooDeep.errors.map(\.description) == [
                "p4:1:1225: 区块、局部模板和父模板嵌套超过 1024 层：{{>p5}}（nested too deep）"
            ])
    }

    // Issue 14, row 2: after the first path hit the recursion limit the render went on with the second inclusion at
    // every level, 2^100 partials in all. It now stops at the first error.
    @Test(.timeLimit(.minutes(1))) func aPartialIncludingItselfTwiceStopsAtTheFirstError() throws {
        let result = render(["t": "a{{>t}}{{>t}}"], "t", [:])
        #expect(result.output == String(repeating: "a", count: 101))
        #expect(
            result.errors.map(\.description) == ["t:1:2: 局部模板嵌套超过 100 层，可能是无限递归：{{>t}}（recursion too deep）"])
    }

    // Data-driven blow-ups stay within the depth limit; the work limit stops them.
    @Test(.timeLimit(.minutes(1))) func exponentialWorkWithinTheDepthLimitIsStopped() throws {
        var data: MustacheValue = ["x": false]
        for _ in 0..<60 { data = ["x": data] }
        let result = render(["t": "{{#x}}{{>t}}{{>t}}{{/x}}"], "t", data)
        #expect(result.errors.map(\.kind) == [.tooMuchWork])
        #expect(result.errors.first?.description.hasPrefix("t:1:") == true)
        // 1,000,000 steps and 50 per value of the data.
        #expect(RenderOptions.defaultMaximumSteps(for: data) == 1_000_000 + 50 * 62)
        #expect(result.errors.first?.description.contains("模板展开超过 1003100 步") == true)
    }

    @Test func theWorkLimitCountsEveryExpandedNode() throws {
        let items = MustacheValue.list((0..<10).map { .number(Decimal($0)) })
        let template = ["t": "{{#a}}{{#a}}{{#a}}{{.}}{{/a}}{{/a}}{{/a}}"]
        let enough = render(template, "t", ["a": items], maximumSteps: 5_000)
        #expect(enough.errors.isEmpty)
        #expect(enough.output.count == 1_000)
        let tooLittle = render(template, "t", ["a": items], maximumSteps: 500)
        #expect(tooLittle.errors.map(\.kind) == [.tooMuchWork])
        #expect(tooLittle.errors.first.map { "\($0.line):\($0.column) \($0.tag)" } == "1:13 {{#a}}")
        #expect(tooLittle.output.count < 500)
    }

    // Row 14: `{{>../../etc/hostname}}` read outside the partials directory. A name is a relative path inside the
    // source's root, whichever source it is looked up in and whether it is written or taken from data.
    @Test func templateNamesStayInsideTheirRoot() throws {
        for name in ["../secret", "/etc/hostname", "a/../../secret", "a//b", "./a", "a\\b", ""] {
            #expect(!TemplateName.isValid(name), "\(name)")
        }
        for name in ["a", "parts/part1", "a.b", "..a", "tables/t01"] { #expect(TemplateName.isValid(name), "\(name)") }

        let root = FileManager.default.temporaryDirectory.appendingPathComponent("limit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("SECRET".utf8).write(to: root.appendingPathComponent("secret.mustache"))
        let source = DirectoryTemplateSource(root: root.appendingPathComponent("templates"))
        #expect(throws: TemplateName.InvalidName.self) { try source.templateText(named: "../secret") }

        let library = TemplateLibrary(sources: [source, DictionaryTemplateSource(["t": "[{{>../secret}}][{{>*n}}]"])])
        let result = library.render("t", ["n": "../secret"])
        #expect(result.output == "[][]")
        #expect(result.errors.map(\.kind) == [.invalidTemplateName, .invalidTemplateName])
        #expect(result.errors.map { "\($0.line):\($0.column)" } == ["1:2", "1:18"])
    }
}
