import Foundation

extension Problem {
    /// Placeholder until the full validation lands: the checks compilation cannot do without.
    public func validationErrors() -> [String] {
        var errors: [String] = []
        if horizon.days < 1 || horizon.days > 3660 { errors.append("$.horizon.days: expected 1...3660, found \(horizon.days)") }
        if shiftTypes.isEmpty { errors.append("$.shiftTypes: at least one shift type is needed") }
        if sites.isEmpty { errors.append("$.sites: at least one site is needed") }
        if contracts.isEmpty && !staff.isEmpty { errors.append("$.contracts: at least one contract is needed") }
        return errors
    }
}
