import Testing

@Test func placeholderMustacheTests() { #expect(1 + 1 == 2) }
