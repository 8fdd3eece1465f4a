#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always) func ln(_ x: Double) -> Double { log(x) }
@inline(__always) func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }
