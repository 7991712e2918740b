import Foundation
import Mustache
import Testing

private func json(_ text: String) throws -> MustacheValue {
    try MustacheValue(json: Data(text.utf8))
}

private func render(_ template: String, _ data: MustacheValue) throws -> String {
    try Template(parsing: template).render(data, options: RenderOptions(escaping: .none)).get()
}

@Suite struct ValueTests {
    @Test func trueAndOneStayApart() throws {
        let value = try json(#"{"flag": true, "one": 1, "zero": 0, "no": false}"#)
        #expect(value["flag"] == .bool(true))
        #expect(value["one"] == .number(1))
        #expect(value["flag"] != value["one"])
        #expect(value["no"] == .bool(false))
        #expect(value["zero"] == .number(0))
        #expect(try render("{{flag}} {{one}} {{no}} {{zero}}", value) == "true 1 false 0")
        #expect(
            try render("{{#zero}}zero is truthy{{/zero}}{{^no}}, false is not{{/no}}", value)
                == "zero is truthy, false is not")
    }

    @Test func decimalsRenderExactly() throws {
        let value = try json(#"{"a": 1.21, "b": 0.1, "c": 85, "d": 1.0, "e": -0.5, "f": 1e3, "g": 1234567.891}"#)
        #expect(value["a"] == .number(Decimal(string: "1.21")!))
        #expect(try render("{{a}} {{b}} {{c}} {{d}} {{e}} {{f}} {{g}}", value) == "1.21 0.1 85 1 -0.5 1000 1234567.891")
    }

    @Test func numbersRenderExactlyAsDecimalDescription() throws {
        var numbers: [Decimal] = [0, 1, -1, Decimal(UInt64.max), Decimal(Int64.min), Decimal(string: "1e-20")!]
        for index in 0..<3000 {
            numbers.append(Decimal(index * 7919 % 1_000_000) / 100)
            numbers.append(Decimal(index) / 7)
            numbers.append(
                Decimal(sign: index % 2 == 0 ? .plus : .minus, exponent: index % 50 - 25, significand: Decimal(index)))
        }
        let decoded = try JSONDecoder().decode(
            [Decimal].self, from: Data("[1.10, 2.50, 100.000, -0.0, 1e2, 0.10, 99.990]".utf8))
        numbers += decoded
        let template = try Template(parsing: "{{#.}}{{.}}\n{{/.}}")
        let output = try template.render(.list(numbers.map(MustacheValue.number))).get()
        #expect(output == numbers.map { "\($0)\n" }.joined())
    }

    @Test func largeIntegers() throws {
        let value = try json(#"{"big": 12345678901234567890123, "negative": -9007199254740993}"#)
        #expect(try render("{{big}} {{negative}}", value) == "12345678901234567890123 -9007199254740993")
    }

    @Test func nestedObjectsAndLists() throws {
        let value = try json(
            #"{"dept": {"name": "某局", "units": [{"name": "一处", "staff": [3, null, "x"]}, {"name": "二处", "staff": []}]}}"#
        )
        #expect(value["dept"]?["units"] == [["name": "一处", "staff": [3, nil, "x"]], ["name": "二处", "staff": []]])
        #expect(
            try render("{{dept.name}}:{{#dept.units}} {{name}}{{#staff}}<{{.}}>{{/staff}}{{/dept.units}}", value)
                == "某局: 一处<3><><x> 二处")
    }

    @Test func decodedKeysAreSortedAndLiteralKeysKeepTheirOrder() throws {
        let decoded = try json(#"{"z": 1, "a": 2, "m": 3}"#)
        guard case .object(let object) = decoded else {
            Issue.record("not an object: \(decoded)")
            return
        }
        #expect(object.keys == ["a", "m", "z"])
        let literal: MustacheObject = ["z": 1, "a": 2, "m": 3]
        #expect(literal.keys == ["z", "a", "m"])
        #expect(MustacheValue.object(literal) == decoded)
    }

    @Test func literalsAndDescription() {
        let value: MustacheValue = ["s": "引号\"", "n": 1.21, "i": 42, "b": true, "nil": nil, "l": [1, "x"]]
        #expect(value.description == #"{"s": "引号\"", "n": 1.21, "i": 42, "b": true, "nil": null, "l": [1, "x"]}"#)
    }

    @Test func objectMutationKeepsPositionAndCopiesOnWrite() {
        var first: MustacheObject = ["a": 1, "b": 2]
        let copy = first
        first["a"] = "changed"
        first["c"] = 3
        first["b"] = nil
        #expect(first.keys == ["a", "c"])
        #expect(first["a"] == "changed")
        #expect(copy.keys == ["a", "b"])
        #expect(copy["a"] == 1)
    }

    @Test func largeObjectsUseAnIndex() {
        var object = MustacheObject()
        for index in 0..<50 { object["key\(index)"] = .number(Decimal(index)) }
        #expect(object.count == 50)
        #expect(object["key37"] == 37)
        object["key37"] = nil
        #expect(object["key37"] == nil)
        #expect(object["key38"] == 38)
        #expect(object.keys.count == 49)
    }

    @Test func invalidJSONThrows() {
        #expect(throws: (any Error).self) { try json("{\"a\": ") }
    }

    private struct Row: Encodable {
        let name: String
        let amount: Double
        let share: Float
        let exact: Decimal
        let count: Int
        let flags: [Bool]
        let note: String?
        let link: URL
    }

    private struct Report: Encodable {
        let title: String
        let rows: [Row]
        let total: UInt64
        let format: MustacheValue
    }

    @Test func encodableConvertsDirectlyKeepingOrderAndExactNumbers() throws {
        let report = Report(
            title: "决算",
            rows: [
                Row(
                    name: "甲", amount: 0.1, share: 0.3, exact: Decimal(string: "1234.50")!, count: 2,
                    flags: [true, false], note: nil, link: URL(string: "https://example.org/a")!)
            ],
            total: UInt64.max,
            format: .lambda(MustacheLambda.rendered { $0.uppercased() }))
        let value = try MustacheValue(encoding: report)
        guard case .object(let object) = value,
            case .object(let row)? = value["rows"].flatMap({ rows in
                if case .list(let items) = rows { return items.first }
                return nil
            })
        else {
            Issue.record("unexpected shape: \(value)")
            return
        }
        #expect(object.keys == ["title", "rows", "total", "format"])
        #expect(row.keys == ["name", "amount", "share", "exact", "count", "flags", "link"])
        #expect(row["amount"] == .number(Decimal(string: "0.1")!))
        #expect(row["flags"] == [true, false])
        #expect(
            try render(
                "{{title}} {{total}} {{#rows}}{{amount}} {{share}} {{exact}} {{count}} {{link}}{{/rows}} {{#format}}x{{title}}{{/format}}",
                value)
                == "决算 18446744073709551615 0.1 0.3 1234.5 2 https://example.org/a X决算")
    }

    @Test func encodingRejectsNonFiniteNumbers() {
        #expect(throws: EncodingError.self) { try MustacheValue(encoding: ["x": Double.nan]) }
    }

    @Test func valueRoundTripsThroughJSONEncoder() throws {
        let value: MustacheValue = ["a": [1, 2.5, "x", true, nil], "b": ["c": "d"]]
        let data = try JSONEncoder().encode(value)
        #expect(try MustacheValue(json: data) == value)
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(MustacheValue.lambda(MustacheLambda { $0 })) }
    }

    @Test func truthiness() {
        #expect(!MustacheValue.null.isTruthy)
        #expect(!MustacheValue.bool(false).isTruthy)
        #expect(!MustacheValue.list([]).isTruthy)
        #expect(!MustacheValue.string("").isTruthy)
        #expect(MustacheValue.number(0).isTruthy)
        #expect(MustacheValue.object([:]).isTruthy)
        #expect(MustacheValue.string(" ").isTruthy)
    }
}

@Suite struct LambdaTests {
    @Test func renderedLambdaSeesTheRenderedSection() throws {
        let data: MustacheValue = [
            "name": "world", "upper": .lambda(MustacheLambda.rendered { $0.uppercased() }),
        ]
        #expect(try render("{{#upper}}hello {{name}}{{/upper}}!", data) == "HELLO WORLD!")
    }

    @Test func templateLambdaResultIsRenderedInTheCurrentContext() throws {
        let data: MustacheValue = [
            "rows": [["n": 1], ["n": 2]],
            "bold": .lambda(MustacheLambda { text in "**" + text + "**" }),
        ]
        #expect(try render("{{#rows}}{{#bold}}{{n}}{{/bold}} {{/rows}}", data) == "**1** **2** ")
    }

    @Test func lambdaResultWithAnUnknownNameIsReportedInStrictMode() throws {
        let data: MustacheValue = ["f": .lambda(MustacheLambda { _ in "[{{nope}}]" })]
        let result = try Template(parsing: "x {{f}}", name: "page").render(data)
        #expect(result.output == "x []")
        #expect(
            result.errors.map(\.description) == [
                "page（lambda）:1:2: 未知名称 {{nope}}，查找路径：nope（根对象中没有 nope）(unknown name)"
            ])
    }
}
