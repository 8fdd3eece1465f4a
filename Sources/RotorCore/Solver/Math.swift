#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always) func ln(_ x: Double) -> Double { log(x) }
@inline(__always) func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }

/// Greatest common divisor (Euclid).
func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
