import Foundation
import Testing

@testable import SupportEmail

@Suite("Email bytes: SHA-256, charsets, transfer encodings")
struct EncodingTests {
    @Test(
        "SHA-256 matches the FIPS 180-4 vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ]
    )
    func sha256(input: String, digest: String) {
        #expect(SHA256Digest.hex(of: Array(input.utf8)) == digest)
    }

    @Test("SHA-256 is the same fed in pieces of any size, and matches the million-a vector")
    func sha256Incremental() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var hash = SHA256Digest()
        var offset = 0
        var step = 1
        while offset < message.count {
            let end = min(message.count, offset + step)
            hash.update(message[offset..<end])
            offset = end
            step = step * 3 % 997 + 1
        }
        #expect(hash.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(
        "the single-byte tables decode text encoded by Python's codecs",
        arguments: [
            (
                EmailCharset.windows1251,
                "d1fae5f8fc20e6e520e5f9b820fdf2e8f520ecffe3eae8f520f4f0e0edf6f3e7f1eae8f520e1f3ebeeea2c20e4e020e2fbefe5e920f7e0fe2e20b931",
                "Съешь же ещё этих мягких французских булок, да выпей чаю. №1"
            ),
            (
                EmailCharset.koi8R,
                "f3dfc5dbd820d6c520c5dda320dcd4c9c820cdd1c7cbc9c820c6d2c1cec3d5dad3cbc9c820c2d5cccfcb2c20c4c120d7d9d0c5ca20dec1c02e2031",
                "Съешь же ещё этих мягких французских булок, да выпей чаю. 1"
            ),
            (
                EmailCharset.iso8859_1, "a150696e67fc696e6f212041f16f2c207365f16f7220bf7175e93f20ff",
                "¡Pingüino! Año, señor ¿qué? ÿ"
            ),
            (EmailCharset.iso8859_15, "a141f16f2c207365f16f7221203520a420bd", "¡Año, señor! 5 € œ"),
            (
                EmailCharset.windows1252,
                "a150696e67fc696e6f212041f16f2c207365f16f7220972093636166e99420352080",
                "¡Pingüino! Año, señor — “café” 5 €"
            ),
        ]
    )
    func singleByte(charset: EmailCharset, hex: String, text: String) {
        #expect(charset.decode(Self.bytes(hex: hex)) == text)
    }

    @Test("the Cyrillic tables put the alphabet where the standards do")
    func cyrillicLayout() {
        let upper = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
        let lower = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
        #expect(EmailCharset.windows1251.decode(Array(0xC0...0xDF).map(UInt8.init)) == upper)
        #expect(EmailCharset.windows1251.decode(Array(0xE0...0xFF).map(UInt8.init)) == lower)
        // KOI8-R orders the letters by their Latin sound: 0xE1 is А, 0xC1 is а.
        #expect(EmailCharset.koi8R.decode([0xE1, 0xE2, 0xF7, 0xE7, 0xC1, 0xC2, 0xD7, 0xC7]) == "АБВГабвг")
        #expect(EmailCharset.koi8R.decode([0xB3, 0xA3]) == "Ёё")
    }

    @Test("charset names resolve through their aliases; unknown ones fall back to UTF-8 or windows-1252")
    func charsetNames() {
        #expect(EmailCharset(name: "CP1251") == .windows1251)
        #expect(EmailCharset(name: "\"koi8-r\"") == .koi8R)
        #expect(EmailCharset(name: "latin1") == .iso8859_1)
        #expect(EmailCharset(name: "ISO_8859-15") == .iso8859_15)
        #expect(EmailCharset(name: "utf8") == .utf8)
        #expect(EmailCharset(name: "x-unknown") == .unknown("x-unknown"))
        #expect(EmailCharset(name: "x-unknown").decode(Array("дом".utf8)) == "дом")
        #expect(EmailCharset(name: "x-unknown").decode([0x63, 0x61, 0x66, 0xE9]) == "café")
        #expect(EmailCharset.utf8.decode([0xC3]) == "Ã")
    }

    @Test("base64 decodes what Foundation encodes, skipping line breaks and junk")
    func base64() {
        var generator = SeededGenerator(seed: 7)
        for length in [0, 1, 2, 3, 4, 57, 58, 1000] {
            let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let encoded = Data(data).base64EncodedString(options: .lineLength76Characters)
            #expect(TransferEncoding.decodeBase64(Array(encoded.utf8)[...]) == data)
            #expect(
                String(decoding: TransferEncoding.encodeBase64(data), as: UTF8.self) == Data(data).base64EncodedString()
            )
        }
        #expect(TransferEncoding.decodeBase64(Array("aGVs\r\n bG8*!".utf8)[...]) == Array("hello".utf8))
    }

    @Test("quoted-printable: escapes, soft breaks, transport padding, and broken escapes kept")
    func quotedPrintable() {
        let decoded = TransferEncoding.decodeQuotedPrintable(Array("caf=C3=A9 =\r\nna=\nme  \r\nx=ZZ=4".utf8)[...])
        #expect(String(decoding: decoded, as: UTF8.self) == "café name\nx=ZZ=4")
        let text =
            "A line with = and ü that is long enough to need a soft break somewhere past the seventy-sixth column.\n"
            + "From here \ntrailing space "
        let encoded = TransferEncoding.encodeQuotedPrintable(text)
        let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.contains { $0.hasPrefix("=46rom") })
        let back = String(decoding: TransferEncoding.decodeQuotedPrintable(encoded[...]), as: UTF8.self)
        #expect(back == text)
    }

    static func bytes(hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return result
    }
}

/// SplitMix64: a small seeded generator so every randomized test can be replayed from its printed seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
