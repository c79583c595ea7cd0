import SupportCore

extension InMemoryTicketStore {
    /// Every record in the order the store first wrote it, found by the ticket's id through a slot table
    /// of 8-byte buckets and by its number through an array indexed by number.
    ///
    /// The table stores no keys: a bucket's slot is a position in ``all``, and a lookup compares the key
    /// asked for with the record's own ticket there. Growing a table moves its 8-byte buckets by the
    /// hash bits they keep, so no id is hashed again; a `Dictionary<TicketID, Record>` kept a 24-byte
    /// entry per bucket and rehashed every id each time it grew.
    struct RecordTable {
        /// Every record, in the order of ``add(_:)``; never reordered, so a slot stays valid.
        private(set) var all: [Record] = []
        private var byID = SlotTable()
        /// The slot plus one of the ticket first written with number `n`, at `n - 1`, 0 for none: ticket
        /// numbers are handed out from 1 up, so four bytes a ticket find one by its number. (Four bytes
        /// hold the slots of four billion tickets, more than one process's memory holds.)
        private var slotByNumber: [UInt32] = []
        /// The numbers that fell too far beyond ``slotByNumber`` when they were added (a commit that
        /// brought a number far above the others), by hash.
        private var byNumber = SlotTable()
        /// Every record in id order, kept only once a record was added out of id order: while the ids
        /// arrive in order, as the desk's usually do, ``all`` is that order and no second array is kept.
        private var idOrder: [Record]?
        /// Whether ``idOrder`` is sorted now; it is sorted when next asked for.
        private var idOrderIsSorted = true

        /// The number of records.
        var count: Int { all.count }

        /// The record of the ticket with this id, if the store holds it.
        subscript(id: TicketID) -> Record? {
            // The closure captures the array, not `self`: capturing the table copied it for every lookup (a
            // retain and a release of each of its arrays, `outlined init with copy of RecordTable` in a profile).
            let all = self.all
            guard let slot = byID.slot(hash: SlotTable.hash(id.hashValue), where: { all[$0].ticket.id == id }) else {
                return nil
            }
            return all[slot]
        }

        /// The record of the ticket that was first written with this number and still has it, if any. (A
        /// ticket's number is set by its creation and never changes; a commit that would change it is
        /// refused.)
        func record(number: TicketNumber) -> Record? {
            let position = number.rawValue - 1
            if position < slotByNumber.count, slotByNumber[position] != 0 {
                let record = all[Int(slotByNumber[position]) - 1]
                return record.ticket.number == number ? record : nil
            }
            guard byNumber.count > 0 else { return nil }
            let all = self.all
            guard
                let slot = byNumber.slot(
                    hash: SlotTable.hash(number.hashValue),
                    where: { all[$0].ticket.number == number }
                )
            else { return nil }
            return all[slot]
        }

        /// Adds the record of a new ticket, indexed by its id and, when it has one, its number. The
        /// table must not hold the id yet; a number it holds already keeps finding the ticket first
        /// given it (the store refuses such a commit before it gets here).
        mutating func add(_ record: Record) {
            let id = record.ticket.id
            if idOrder == nil, let last = all.last, last.ticket.id > id { idOrder = all }
            if idOrder != nil {
                if let last = idOrder?.last, last.ticket.id > id { idOrderIsSorted = false }
                idOrder?.append(record)
            }
            let slot = all.count
            all.append(record)
            byID.add(hash: SlotTable.hash(id.hashValue), slot: slot)
            if let number = record.ticket.number { index(number, slot: slot) }
        }

        /// Indexes a new ticket's number: in ``slotByNumber`` when it falls within it or not far beyond
        /// (at most twice the records plus 1,024), in ``byNumber`` otherwise. A number already there keeps
        /// its first ticket.
        private mutating func index(_ number: TicketNumber, slot: Int) {
            let position = number.rawValue - 1
            if position >= slotByNumber.count, position < 2 * all.count + 1_024 {
                slotByNumber.append(contentsOf: repeatElement(0, count: position + 1 - slotByNumber.count))
            }
            if position < slotByNumber.count {
                if slotByNumber[position] == 0, record(number: number) == nil {
                    slotByNumber[position] = UInt32(slot + 1)
                }
            } else if record(number: number) == nil {
                byNumber.add(hash: SlotTable.hash(number.hashValue), slot: slot)
            }
        }

        /// Every record in the order of its ticket's id, sorted first if records were added out of order
        /// since the last time.
        mutating func inIDOrder() -> [Record] {
            guard idOrder != nil else { return all }
            if !idOrderIsSorted {
                idOrder?.sort { $0.ticket.id < $1.ticket.id }
                idOrderIsSorted = true
            }
            return idOrder ?? all
        }
    }

    /// Records by a key kept beside them (an inbound message's external key, a thread key): a slot table
    /// over one append-only array of keys and their records.
    ///
    /// A key's entry is never removed; storing a key again points it at its new record. Growth moves
    /// 8-byte buckets by their kept hash bits and never hashes a key again.
    struct KeyedRecords<Key: Hashable> {
        private var entries: [(key: Key, record: Record)] = []
        private var table = SlotTable()

        /// The number of keys.
        var count: Int { entries.count }

        /// The record a key points at, if any.
        subscript(key: Key) -> Record? {
            let entries = self.entries  // captured alone: capturing `self` copied the slot table's array too
            guard let slot = table.slot(hash: SlotTable.hash(key.hashValue), where: { entries[$0].key == key }) else {
                return nil
            }
            return entries[slot].record
        }

        /// Points `key` at `record`: a new entry for a new key, the existing one otherwise.
        mutating func store(_ record: Record, for key: Key) {
            let hash = SlotTable.hash(key.hashValue)
            let slot = table.slot(hash: hash) { entries[$0].key == key }
            if let slot {
                entries[slot].record = record
            } else {
                table.add(hash: hash, slot: entries.count)
                entries.append((key, record))
            }
        }
    }
}
