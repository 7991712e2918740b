import Mustache
import Testing

private let nasty: MustacheValue = ["text": "<a href=\"x\">Tom & Jerry's</a>\tnext\r\nline"]

private func render(_ escaping: Escaping) throws -> String {
    try Template(parsing: "{{text}}|{{{text}}}|{{&text}}").render(nasty, options: RenderOptions(escaping: escaping))
        .get()
}

@Suite struct EscapingTests {
    @Test func none() throws {
        let raw = "<a href=\"x\">Tom & Jerry's</a>\tnext\r\nline"
        #expect(try render(.none) == "\(raw)|\(raw)|\(raw)")
    }

    @Test func html() throws {
        let raw = "<a href=\"x\">Tom & Jerry's</a>\tnext\r\nline"
        let escaped = "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;\tnext\r\nline"
        #expect(try render(.html) == "\(escaped)|\(raw)|\(raw)")
    }

    @Test func xml() throws {
        let raw = "<a href=\"x\">Tom & Jerry's</a>\tnext\r\nline"
        let escaped = "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;\tnext\r\nline"
        #expect(try render(.xml) == "\(escaped)|\(raw)|\(raw)")
    }

    @Test func customLineMarkupEscaper() throws {
        let lineMarkup = Escaping.custom { text in
            String(text.unicodeScalars.map { "\t\r\n".unicodeScalars.contains($0) ? " " : Character($0) })
        }
        let raw = "<a href=\"x\">Tom & Jerry's</a>\tnext\r\nline"
        #expect(try render(lineMarkup) == "<a href=\"x\">Tom & Jerry's</a> next  line|\(raw)|\(raw)")
    }

    @Test func replacementTable() throws {
        let lineMarkup = Escaping.replacing(["\t": " ", "\r": " ", "\n": " "])
        let raw = "<a href=\"x\">Tom & Jerry's</a>\tnext\r\nline"
        #expect(try render(lineMarkup) == "<a href=\"x\">Tom & Jerry's</a> next  line|\(raw)|\(raw)")
        let brackets = Escaping.replacing(["[": "【", "]": "】"])
        #expect(brackets.escape("[注]中文[1]") == "【注】中文【1】")
        #expect(Escaping.replacing([:]).escape("a\tb") == "a\tb")
    }

    @Test func escapingAppliesToNumbersAndLambdaResultsButNotToText() throws {
        let brackets = Escaping.custom { "[\($0)]" }
        let data: MustacheValue = ["n": 1.5, "yes": true, "f": .lambda(MustacheLambda { _ in "<b>" })]
        let output = try Template(parsing: "<{{n}} {{yes}} {{f}} {{{f}}}>").render(
            data, options: RenderOptions(escaping: brackets)
        ).get()
        #expect(output == "<[1.5] [true] [<b>] <b>>")
    }

    @Test func escapeFunction() {
        #expect(Escaping.html.escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
        #expect(Escaping.xml.escape("'") == "&apos;")
        #expect(Escaping.none.escape("<") == "<")
        #expect(Escaping.html.escape("中文 & 英文") == "中文 &amp; 英文")
    }
}
