import Testing

@Test func placeholderJueSuanTests() { #expect(1 + 1 == 2) }
