import Testing

@Test func placeholderDocumentsTests() { #expect(1 + 1 == 2) }
