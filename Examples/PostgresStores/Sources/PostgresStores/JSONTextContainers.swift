import Foundation

/// An object of a ``JSONTextWriter`` run: each member is written as it is encoded.
struct JSONTextKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    /// The run.
    let writer: JSONTextWriter
    /// The object's frame.
    let frame: JSONTextState.FrameRef

    /// The keys down to the object.
    var codingPath: [any CodingKey] { writer.state.pointee.path(of: frame) }

    /// Writes `null` under `key`.
    mutating func encodeNil(forKey key: Key) throws {
        try writer.state.pointee.beginMember(in: frame, key: key)
        writer.state.pointee.writeNull()
    }

    /// Writes a Boolean under `key`.
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try writer.state.pointee.beginMember(in: frame, key: key)
        writer.state.pointee.writeBool(value)
    }

    /// Writes a string under `key`.
    mutating func encode(_ value: String, forKey key: Key) throws {
        try writer.state.pointee.beginMember(in: frame, key: key)
        writer.state.pointee.writeString(value)
    }

    /// Writes a number under `key`; throws for infinity and NaN.
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try writer.state.pointee.beginMember(in: frame, key: key)
        try writer.state.pointee.writeFloatingPoint(value, key: key)
    }

    /// Writes a number under `key`; throws for infinity and NaN.
    mutating func encode(_ value: Float, forKey key: Key) throws {
        try writer.state.pointee.beginMember(in: frame, key: key)
        try writer.state.pointee.writeFloatingPoint(value, key: key)
    }

    /// Writes an integer under `key`.
    mutating func encode(_ value: Int, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    /// Writes an integer under `key`.
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    /// Writes an integer under `key`.
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    /// Writes an integer under `key`.
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    /// Writes an integer under `key`.
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    /// Writes an integer under `key`.
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    /// Writes an integer under `key`.
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    /// Writes an integer under `key`.
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    /// Writes an integer under `key`.
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    /// Writes an integer under `key`.
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeInteger(value, forKey: key) }

    /// Writes any value under `key`, through its own `encode(to:)` unless it is one the writer knows.
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try writer.state.pointee.beginMember(in: frame, key: key)
        try writer.writeValue(value, key: key)
    }

    /// Opens an object under `key`.
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(
            JSONTextKeyedContainer<NestedKey>(
                writer: writer,
                frame: writer.state.pointee.openNested(in: frame, key: key, isObject: true)
            )
        )
    }

    /// Opens an array under `key`.
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        JSONTextUnkeyedContainer(
            writer: writer,
            frame: writer.state.pointee.openNested(in: frame, key: key, isObject: false)
        )
    }

    /// Not streamed: the run fails and Foundation's encoder writes the value.
    mutating func superEncoder() -> any Encoder { writer.refuseSuperEncoder() }

    /// Not streamed: the run fails and Foundation's encoder writes the value.
    mutating func superEncoder(forKey key: Key) -> any Encoder { writer.refuseSuperEncoder() }

    /// Writes an integer of any width under `key`.
    private func encodeInteger(_ value: some FixedWidthInteger, forKey key: Key) throws {
        try writer.state.pointee.beginMember(in: frame, key: key)
        writer.state.pointee.writeInteger(value)
    }
}

/// An array of a ``JSONTextWriter`` run: each element is written as it is encoded.
struct JSONTextUnkeyedContainer: UnkeyedEncodingContainer {
    /// The run.
    let writer: JSONTextWriter
    /// The array's frame.
    let frame: JSONTextState.FrameRef

    /// The keys down to the array.
    var codingPath: [any CodingKey] { writer.state.pointee.path(of: frame) }

    /// How many elements have been written.
    var count: Int { writer.state.pointee.count(of: frame) }

    /// Appends `null`.
    mutating func encodeNil() throws {
        try writer.state.pointee.beginElement(in: frame)
        writer.state.pointee.writeNull()
    }

    /// Appends a Boolean.
    mutating func encode(_ value: Bool) throws {
        try writer.state.pointee.beginElement(in: frame)
        writer.state.pointee.writeBool(value)
    }

    /// Appends a string.
    mutating func encode(_ value: String) throws {
        try writer.state.pointee.beginElement(in: frame)
        writer.state.pointee.writeString(value)
    }

    /// Appends a number; throws for infinity and NaN.
    mutating func encode(_ value: Double) throws {
        let index = try writer.state.pointee.beginElement(in: frame)
        try writer.state.pointee.writeFloatingPoint(value, key: JSONTextIndexKey(index))
    }

    /// Appends a number; throws for infinity and NaN.
    mutating func encode(_ value: Float) throws {
        let index = try writer.state.pointee.beginElement(in: frame)
        try writer.state.pointee.writeFloatingPoint(value, key: JSONTextIndexKey(index))
    }

    /// Appends an integer.
    mutating func encode(_ value: Int) throws { try encodeInteger(value) }
    /// Appends an integer.
    mutating func encode(_ value: Int8) throws { try encodeInteger(value) }
    /// Appends an integer.
    mutating func encode(_ value: Int16) throws { try encodeInteger(value) }
    /// Appends an integer.
    mutating func encode(_ value: Int32) throws { try encodeInteger(value) }
    /// Appends an integer.
    mutating func encode(_ value: Int64) throws { try encodeInteger(value) }
    /// Appends an integer.
    mutating func encode(_ value: UInt) throws { try encodeInteger(value) }
    /// Appends an integer.
    mutating func encode(_ value: UInt8) throws { try encodeInteger(value) }
    /// Appends an integer.
    mutating func encode(_ value: UInt16) throws { try encodeInteger(value) }
    /// Appends an integer.
    mutating func encode(_ value: UInt32) throws { try encodeInteger(value) }
    /// Appends an integer.
    mutating func encode(_ value: UInt64) throws { try encodeInteger(value) }

    /// Appends any value, through its own `encode(to:)` unless it is one the writer knows.
    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = try writer.state.pointee.beginElement(in: frame)
        try writer.writeValue(value, key: JSONTextIndexKey(index))
    }

    /// Appends an object.
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(
            JSONTextKeyedContainer<NestedKey>(
                writer: writer,
                frame: writer.state.pointee.openNested(inArray: frame, isObject: true)
            )
        )
    }

    /// Appends an array.
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONTextUnkeyedContainer(
            writer: writer,
            frame: writer.state.pointee.openNested(inArray: frame, isObject: false)
        )
    }

    /// Not streamed: the run fails and Foundation's encoder writes the value.
    mutating func superEncoder() -> any Encoder { writer.refuseSuperEncoder() }

    /// Appends an integer of any width.
    private func encodeInteger(_ value: some FixedWidthInteger) throws {
        try writer.state.pointee.beginElement(in: frame)
        writer.state.pointee.writeInteger(value)
    }
}

/// The container of a value that is one JSON value: it writes that value once, in the value's slot.
struct JSONTextSingleValueContainer: SingleValueEncodingContainer {
    /// The run.
    let writer: JSONTextWriter
    /// The value's slot.
    let slot: JSONTextState.SlotRef

    /// The keys down to the value.
    var codingPath: [any CodingKey] { writer.state.pointee.path(of: slot) }

    /// Writes `null`.
    mutating func encodeNil() throws {
        _ = try writer.state.pointee.beginSingleValue(slot)
        writer.state.pointee.writeNull()
    }

    /// Writes a Boolean.
    mutating func encode(_ value: Bool) throws {
        _ = try writer.state.pointee.beginSingleValue(slot)
        writer.state.pointee.writeBool(value)
    }

    /// Writes a string.
    mutating func encode(_ value: String) throws {
        _ = try writer.state.pointee.beginSingleValue(slot)
        writer.state.pointee.writeString(value)
    }

    /// Writes a number; throws for infinity and NaN.
    mutating func encode(_ value: Double) throws {
        let key = try writer.state.pointee.beginSingleValue(slot)
        try writer.state.pointee.writeFloatingPoint(value, key: key)
    }

    /// Writes a number; throws for infinity and NaN.
    mutating func encode(_ value: Float) throws {
        let key = try writer.state.pointee.beginSingleValue(slot)
        try writer.state.pointee.writeFloatingPoint(value, key: key)
    }

    /// Writes an integer.
    mutating func encode(_ value: Int) throws { try encodeInteger(value) }
    /// Writes an integer.
    mutating func encode(_ value: Int8) throws { try encodeInteger(value) }
    /// Writes an integer.
    mutating func encode(_ value: Int16) throws { try encodeInteger(value) }
    /// Writes an integer.
    mutating func encode(_ value: Int32) throws { try encodeInteger(value) }
    /// Writes an integer.
    mutating func encode(_ value: Int64) throws { try encodeInteger(value) }
    /// Writes an integer.
    mutating func encode(_ value: UInt) throws { try encodeInteger(value) }
    /// Writes an integer.
    mutating func encode(_ value: UInt8) throws { try encodeInteger(value) }
    /// Writes an integer.
    mutating func encode(_ value: UInt16) throws { try encodeInteger(value) }
    /// Writes an integer.
    mutating func encode(_ value: UInt32) throws { try encodeInteger(value) }
    /// Writes an integer.
    mutating func encode(_ value: UInt64) throws { try encodeInteger(value) }

    /// Writes any value, through its own `encode(to:)` unless it is one the writer knows.
    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = try writer.state.pointee.beginSingleValue(slot)
        try writer.writeValue(value, key: key)
    }

    /// Writes an integer of any width.
    private func encodeInteger(_ value: some FixedWidthInteger) throws {
        _ = try writer.state.pointee.beginSingleValue(slot)
        writer.state.pointee.writeInteger(value)
    }
}
