import Foundation
import SupportEngine

/// A min-heap of timed steps; equal instants come out in insertion order, so runs are repeatable.
struct EventQueue<Element> {
    private var heap: [(at: Date, order: Int, element: Element)] = []
    private var counter = 0

    var isEmpty: Bool { heap.isEmpty }

    mutating func push(_ element: Element, at: Date) {
        counter += 1
        heap.append((at, counter, element))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (at: Date, element: Element)? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, less(left, smallest) { smallest = left }
            if right < heap.count, less(right, smallest) { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return (top.at, top.element)
    }

    private func less(_ lhs: Int, _ rhs: Int) -> Bool {
        (heap[lhs].at, heap[lhs].order) < (heap[rhs].at, heap[rhs].order)
    }
}
