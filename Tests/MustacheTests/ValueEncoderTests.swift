import Foundation
import Mustache
import Testing

/// `MustacheValue(encoding:)` on hand-written conformances: containers filled late, nested and super encoders,
/// repeated keys, coding paths.
@Suite struct ValueEncoderTests {
    /// Records the coding paths it sees, as `a.b[0]` strings.
    final class PathLog: @unchecked Sendable {
        var paths: [String] = []
        func record(_ path: [any CodingKey]) {
            paths.append(path.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined())
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct Leaf: Encodable {
        let log: PathLog
        func encode(to encoder: any Encoder) throws {
            log.record(encoder.codingPath)
            var single = encoder.singleValueContainer()
            log.record(single.codingPath)
            try single.encode("leaf")
        }
    }

    struct Hand: Encodable {
        let log: PathLog
        func encode(to encoder: any Encoder) throws {
            var keyed = encoder.container(keyedBy: Key.self)
            try keyed.encode(1, forKey: Key("a"))
            var nested = keyed.nestedContainer(keyedBy: Key.self, forKey: Key("n"))
            var list = keyed.nestedUnkeyedContainer(forKey: Key("l"))
            try keyed.encode("b", forKey: Key("b"))
            try keyed.encode(2, forKey: Key("a"))  // replaces, keeps the first position
            try nested.encode(true, forKey: Key("x"))  // filled after its parent went on
            try nested.encode(Leaf(log: log), forKey: Key("leaf"))
            try list.encode("first")
            try list.encode(Leaf(log: log))
            var inner = list.nestedContainer(keyedBy: Key.self)
            try inner.encode(Optional<Int>.none, forKey: Key("none"))
            try list.encodeNil()
            log.record(list.codingPath)
            log.record(inner.codingPath)
            try Leaf(log: log).encode(to: keyed.superEncoder())
            try Leaf(log: log).encode(to: keyed.superEncoder(forKey: Key("sup")))
            var replaced = keyed.nestedContainer(keyedBy: Key.self, forKey: Key("r"))
            try keyed.encode("plain", forKey: Key("r"))  // the nested container no longer counts
            try replaced.encode(9, forKey: Key("gone"))
            let again = encoder.container(keyedBy: Key.self)  // the same object
            log.record(again.codingPath)
        }
    }

    struct Outer: Encodable {
        let hand: Hand
        let items: [Hand?]
        let empty: Empty
    }

    struct Empty: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    @Test("late, nested and super containers, repeated keys and coding paths")
    func handWritten() throws {
        let log = PathLog()
        let value = try MustacheValue(
            encoding: Outer(hand: Hand(log: log), items: [nil, Hand(log: log)], empty: Empty()))
        let hand: MustacheValue = [
            "a": 2, "n": ["x": true, "leaf": "leaf"], "l": ["first", "leaf", ["none": nil], nil], "b": "b",
            "super": "leaf", "sup": "leaf", "r": "plain",
        ]
        #expect(value == ["hand": hand, "items": [nil, hand], "empty": [:]])
        guard case .object(let object) = value["hand"] else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["a", "n", "l", "b", "super", "sup", "r"])
        let once = [
            ".hand.n.leaf", ".hand.n.leaf", ".hand.l[1]", ".hand.l[1]", ".hand.l", ".hand.l[2]", ".hand", ".hand",
            ".hand.sup", ".hand.sup", ".hand",
        ]
        #expect(log.paths == once + once.map { $0.replacingOccurrences(of: ".hand", with: ".items[1]") })
    }

    @Test("a non-finite number is an error naming its path")
    func nonFinitePath() {
        struct Holder: Encodable {
            let rows: [[String: Double]]
        }
        do {
            _ = try MustacheValue(encoding: Holder(rows: [["x": 1], ["y": .infinity]]))
            Issue.record("no error")
        } catch let EncodingError.invalidValue(_, context) {
            #expect(context.codingPath.map(\.stringValue) == ["rows", "1", "y"])
        } catch {
            Issue.record("\(error)")
        }
    }
}
