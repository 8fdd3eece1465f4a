import RotorCore
import Testing

@Suite("RandomSource")
struct RandomSourceTests {
    @Test func sameSeedSameStream() {
        var a = RandomSource(seed: 12345), b = RandomSource(seed: 12345), c = RandomSource(seed: 12346)
        let x = (0..<1000).map { _ in a.next() }
        #expect(x == (0..<1000).map { _ in b.next() })
        #expect(x != (0..<1000).map { _ in c.next() })
        #expect(Set(x).count == 1000)
    }

    @Test(arguments: [1, 2, 3, 7, 100, 1 << 20, Int(UInt32.max)])
    func belowStaysInRange(n: Int) {
        var r = RandomSource(seed: UInt64(n))
        for _ in 0..<10_000 {
            let v = r.below(n)
            guard (0..<n).contains(v) else {
                Issue.record("below(\(n)) gave \(v)")
                return
            }
        }
    }

    @Test func belowIsRoughlyUniform() {
        var r = RandomSource(seed: 7)
        let n = 10, draws = 100_000
        var counts = [Int](repeating: 0, count: n)
        for _ in 0..<draws { counts[r.below(n)] += 1 }
        let expected = Double(draws) / Double(n)
        let chiSquare = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chiSquare < 27.88, "counts \(counts)")  // the 99.9 % quantile for 9 degrees of freedom
    }

    @Test func unitIsInTheUnitInterval() {
        var r = RandomSource(seed: 3)
        var sum = 0.0
        for _ in 0..<100_000 {
            let u = r.unit()
            guard u >= 0 && u < 1 else {
                Issue.record("unit() gave \(u)")
                return
            }
            sum += u
        }
        #expect(abs(sum / 100_000 - 0.5) < 0.01)
    }
}
