import Foundation

/// The one `Encoder` of a ``JSONTextEncoder`` run.
///
/// Every nested value gets this same encoder, with a new slot — the place its JSON goes — pushed for
/// it; the first container it asks for fills the slot (see ``JSONTextState``). Coding paths are
/// Foundation's, except inside a nested container, where they include the container's own key (which
/// Foundation's leave out).
final class JSONTextWriter: Encoder {
    /// The run's bytes, frames and slots, behind a pointer (see ``JSONTextState``): allocated with the
    /// writer, freed with it. Containers hold the writer, so the pointer outlives them.
    let state: UnsafeMutablePointer<JSONTextState>

    /// A writer whose buffer starts with room for `capacity` bytes.
    init(capacity: Int) {
        state = .allocate(capacity: 1)
        state.initialize(to: JSONTextState(capacity: capacity))
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The JSON written so far, UTF-8.
    var bytes: [UInt8] { state.pointee.bytes }

    // MARK: Encoder

    /// The keys down to the value being encoded.
    var codingPath: [any CodingKey] { state.pointee.codingPath }

    /// Always empty: the store's encoder takes no options.
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The value's object; asking again, while it is open, gives the same object.
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(
            JSONTextKeyedContainer<Key>(writer: self, frame: state.pointee.openSlotContainer(isObject: true))
        )
    }

    /// The value's array; asking again, while it is open, gives the same array.
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONTextUnkeyedContainer(writer: self, frame: state.pointee.openSlotContainer(isObject: false))
    }

    /// A container for the value itself.
    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONTextSingleValueContainer(writer: self, slot: state.pointee.claimSingleValue())
    }

    // MARK: Values

    /// Writes `value` as the whole document.
    ///
    /// - Throws: ``JSONTextEncoder/CannotStream`` when the stream cannot follow the conformance;
    ///   `EncodingError.invalidValue` when the value encodes nothing or holds a number that is not
    ///   finite; what the value's `encode(to:)` throws.
    func writeTopLevel<Value: Encodable>(_ value: Value) throws {
        guard try write(value, key: nil) else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(
                    codingPath: [],
                    debugDescription: "Top-level \(Value.self) did not encode any values."
                )
            )
        }
        if let failure = state.pointee.failure { throw JSONTextEncoder.CannotStream(reason: failure) }
    }

    /// Writes a value whose slot the caller has made ready (a key written, or a single value claimed):
    /// `{}` when it encodes nothing.
    func writeValue<Value: Encodable>(_ value: Value, key: (any CodingKey)?) throws {
        if try !write(value, key: key) {
            state.pointee.bytes.append(UInt8(ascii: "{"))
            state.pointee.bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Writes a value: the types Foundation's encoder writes its own way and the plain ones directly,
    /// any other through its `encode(to:)` in a slot of its own.
    ///
    /// - Returns: `false` when the value encoded nothing.
    private func write<Value: Encodable>(_ value: Value, key: (any CodingKey)?) throws -> Bool {
        if try state.pointee.writeDirectly(value, key: key) { return true }
        let (level, id) = state.pointee.pushSlot(key: key)
        do {
            try value.encode(to: self)
        } catch {
            // A conformance that catches this and goes on would leave the stream in between.
            state.pointee.fail("a value's encode(to:) threw: \(error)")
            throw error
        }
        return try state.pointee.finishSlot(level: level, id: id)
    }

    /// Refuses `superEncoder`: the superclass's part would have to be written after the fact.
    func refuseSuperEncoder() -> any Encoder {
        state.pointee.fail("superEncoder cannot be streamed")
        return self
    }
}
