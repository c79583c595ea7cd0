import PriorityRouting
import Testing
